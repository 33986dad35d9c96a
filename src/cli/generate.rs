//! `crossroads generate man|bash|zsh|fish|powershell|elvish`: the man page
//! and shell completions, made from the clap definition itself (and the
//! keymap table for the keys), so neither can drift from what the program
//! accepts.

use super::{Failure, output};
use clap::ValueEnum;
use clap_complete::Shell;
use crossroads::tui::keymap::{self, Context, Keys};
use roff::{Roff, bold, roman};

/// What `generate` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Generated {
    /// The man page, as roff: `man -l` shows it
    Man,
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// Writes the man page or a completion script on standard output.
pub fn run(what: Generated, mut cmd: clap::Command) -> Result<(), Failure> {
    let shell = match what {
        Generated::Man => return output::print(&man_page(cmd)),
        Generated::Bash => Shell::Bash,
        Generated::Zsh => Shell::Zsh,
        Generated::Fish => Shell::Fish,
        Generated::Powershell => Shell::PowerShell,
        Generated::Elvish => Shell::Elvish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "crossroads", &mut out);
    output::print(String::from_utf8_lossy(&out).trim_end())
}

/// The whole man page: name, synopsis, description and options of the
/// program, then each command with its own synopsis and options, the keys
/// of every screen, the exit status, files and environment.
fn man_page(cmd: clap::Command) -> String {
    let cmd = cmd.bin_name("crossroads");
    let man = clap_mangen::Man::new(cmd.clone()).manual("crossroads manual");
    let mut out: Vec<u8> = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(&command_list(&cmd));
    page.push_str(&commands(&cmd));
    page.push_str(&keys());
    page.push_str(&closing());
    page
}

/// The commands in a line each; each has its own section below.
fn command_list(cmd: &clap::Command) -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "With no command, crossroads runs the bundled career assessment (as crossroads run).",
    )]);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        roff.control("TP", []);
        roff.text([bold(format!("crossroads {}", sub.get_name()))]);
        roff.text([roman(
            sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
        )]);
    }
    roff.to_roff()
}

/// A section per command: what it does, its synopsis and its options, as
/// clap_mangen writes them, the headings made subsections.
fn commands(cmd: &clap::Command) -> String {
    let mut page = String::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("crossroads {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone().bin_name(&name));
        let mut out: Vec<u8> = Vec::new();
        let _ = man.render_synopsis_section(&mut out);
        let _ = man.render_description_section(&mut out);
        let _ = man.render_options_section(&mut out);
        let body = String::from_utf8_lossy(&out).replace("\n.SH ", "\n.SS ");
        let body = body
            .strip_prefix(".SH ")
            .map_or(body.clone(), |b| format!(".SS {b}"));
        page.push_str(
            &Roff::new()
                .control(
                    "SH",
                    [format!("COMMAND: {}", sub.get_name().to_uppercase()).as_str()],
                )
                .to_roff(),
        );
        page.push_str(&body);
    }
    page
}

/// The keys of every screen of the terminal app, from the keymap table
/// that dispatches them and draws the in-app help.
fn keys() -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "In the terminal app, ? (or F1) shows the keys of the screen you are on. The same table:",
    )]);
    for (context, title) in Context::TITLED {
        roff.control("SS", [*title]);
        for b in keymap::bindings(*context) {
            let keys: Vec<String> = b.keys.iter().map(Keys::label).collect();
            roff.control("TP", []);
            roff.text([bold(keys.join(", "))]);
            roff.text([roman(b.help)]);
        }
    }
    roff.to_roff()
}

/// Exit status, files, environment and where to read more.
fn closing() -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        (
            "0",
            "Success; also when the reader of standard output went away (| head).",
        ),
        (
            "1",
            "Invalid input: an assessment, answers or session file that cannot be used, a session another program holds, an answer or report that could not be saved. A sentence on standard error says what and where.",
        ),
        ("2", "Wrong usage: an unknown command, flag or value."),
        (
            "128 + N",
            "Ended by signal N while the app ran (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGUSR1 138, SIGUSR2 140, SIGALRM 142, SIGTERM 143, and the rest that would end a program): the answers given so far are saved first and the terminal is restored. A save past a file-size limit (SIGXFSZ) or output to a closed pipe fails and says so instead.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["FILES"]);
    for (path, meaning) in [
        (
            "$XDG_DATA_HOME/crossroads/people/",
            "A folder per person, holding their sessions (YAML, one file each) and a lock file beside the one in use. On macOS the data folder is ~/Library/Application Support/.",
        ),
        (
            "$XDG_DATA_HOME/crossroads/ssh_host_ed25519_key",
            "The host key of run --share, made on first use, readable by you only.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(path)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in [
        (
            "NO_COLOR",
            "When set, the app draws without colour (as --theme mono).",
        ),
        (
            "XDG_DATA_HOME",
            "Where the data folder is (default ~/.local/share).",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "The README, docs/authoring.md (writing assessments) and docs/ARCHITECTURE.md in the source.",
    )]);
    roff.to_roff()
}
