//! The `crossroads` binary: parse the command line and run one command.

fn main() -> std::process::ExitCode {
    crossroads_cli::main()
}

#[path = "cli/mod.rs"]
mod crossroads_cli;
