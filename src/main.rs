//! The `crossroads` binary: parse the command line and run one command.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crossroads_cli::main()
}

#[path = "cli/mod.rs"]
mod crossroads_cli;
