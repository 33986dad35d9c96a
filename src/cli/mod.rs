//! The command line: a thin layer over the core. Exit status 0 success,
//! 1 invalid input, 2 wrong usage.

// Item analysis and export (issue 12).
mod analyse;
mod export;
mod gather;

mod compare;
mod exit;
mod generate;
mod inputs;
mod list;
mod output;
mod progress;
mod report;
mod run;
mod schema;
mod score;
mod sessions;
mod simulate;
mod validate;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use crossroads::report::full::Audience;
use crossroads::report::{Format, Kind};
use crossroads::source::SourceError;
use run::ThemeName;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "crossroads",
    version,
    about = "Find out which product career track fits you: Product Manager, Product Owner, individual contributor or people manager.",
    long_about = "Find out which product career track fits you: Product Manager, Product Owner, \
individual contributor or people manager.\n\nRun with no command to take the bundled career \
assessment. Assessments are YAML files (see docs/authoring.md); ASSESSMENT is a path to one, or \
the id of a bundled one (see `crossroads list`).",
    after_help = "Examples:\n  crossroads validate my-assessment.yaml\n  crossroads score career-tracks --answers answers.yaml\n  crossroads score career-tracks --answers answers.yaml --format json"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Take an assessment in the terminal (the default: the bundled career-tracks)
    Run {
        /// A path to an assessment YAML file, or a bundled id
        #[arg(default_value = "career-tracks")]
        assessment: String,
        /// Where to keep the session (default: the person's folder in the data folder, crossroads/people/)
        #[arg(long, value_name = "PATH")]
        session: Option<PathBuf>,
        /// Colours: dark, light or mono (NO_COLOR also gives mono)
        #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
        theme: ThemeName,
        /// Coach mode: show each question's coach prompt and a live score panel (key s)
        #[arg(long)]
        coach: bool,
        /// Whose session it is (default: me; in coach mode the mentee, asked if not given)
        #[arg(long, visible_alias = "name", value_name = "NAME")]
        person: Option<String>,
        /// Line by line on standard output, for screen readers and pipes
        #[arg(long)]
        plain: bool,
        /// Live coaching on two screens: the mentee answers over SSH on their own terminal, while this one shows the coach's view (needs --coach and --person)
        #[arg(long, requires_all = ["coach", "person"], conflicts_with = "plain")]
        share: bool,
        /// Where --share listens: an IP address, with a port if you like (default: 127.0.0.1, this computer only, on a free port)
        #[arg(long, value_name = "ADDRESS", requires = "share", value_parser = crossroads::share::parse_address)]
        listen: Option<std::net::SocketAddr>,
    },
    /// Check assessment files and list every problem, one per line
    Validate {
        /// Assessment YAML files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// `json`: one object per problem on stdout, for editors and CI
        #[arg(long, value_parser = ["text", "json"], default_value = "text")]
        format: String,
    },
    /// Score an answers file against an assessment
    Score {
        /// A path to an assessment YAML file, or a bundled id such as career-tracks
        assessment: String,
        /// The answers (or saved session) file to score
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// How to print the result
        #[arg(long, value_parser = formats(Kind::Score), default_value_t = Kind::Score.default_format())]
        format: Format,
    },
    /// Write the report of a session: result, development plan, every answer and note
    Report {
        /// A session or answers file, a session id (see `sessions`), or a person's name (their latest session with an answer)
        session: PathBuf,
        /// The assessment (a path or bundled id), if the session does not say where it is
        #[arg(long, value_name = "ASSESSMENT")]
        assessment: Option<String>,
        /// markdown (default), html (one self-contained page), json or text
        #[arg(long, value_parser = formats(Kind::Report), default_value_t = Kind::Report.default_format())]
        format: Format,
        /// Write to this file instead of standard output (a new file; never the session itself)
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With --output: replace the file if it exists
        #[arg(long, requires = "output")]
        force: bool,
        // The takeaway (`--for coach`: issue 10, the coach's copy).
        /// mentee (default: the takeaway, no coach prompts or private notes) or coach
        #[arg(long = "for", value_name = "WHO", value_parser = audiences(), default_value = "mentee")]
        audience: Audience,
    },
    /// Compare two answers or session files of one assessment (a revisit, or a coach's view)
    Compare {
        /// The earlier answers: a file, a session id, or a person's name (their latest
        /// session); a person's name alone compares their last two sessions
        old: PathBuf,
        /// The later answers (a file, a session id or a person's name)
        new: Option<PathBuf>,
        /// The assessment (a path or bundled id), if the files do not say where it is
        #[arg(long, value_name = "ASSESSMENT")]
        assessment: Option<String>,
        /// text (default), markdown or json
        #[arg(long, value_parser = formats(Kind::Comparison), default_value_t = Kind::Comparison.default_format())]
        format: Format,
    },
    /// List saved sessions, newest first, with an id for report and compare
    Sessions {
        /// Only the sessions of people whose name holds this, in any case ("me" for your own)
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = sessions::ListFormat::Text)]
        format: sessions::ListFormat,
        /// Look in this folder instead of the data folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Every column whole (the start too), however wide; by default the table fits the terminal, or 80 columns when not on one, cutting long names and ids with …
        #[arg(long)]
        wide: bool,
    },
    // Item analysis and export (issue 12).
    /// Every session of an assessment as one row: CSV for a spreadsheet, R or pandas, or JSON lines
    Export {
        /// A path to an assessment YAML file, or a bundled id
        assessment: String,
        /// Session or answers files, or folders searched all the way down (a person's folder, the data folder)
        #[arg(required = true, value_name = "SESSIONS")]
        sessions: Vec<PathBuf>,
        /// csv (default) or jsonl
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Csv)]
        format: export::ExportFormat,
    },
    /// Item analysis of a group's sessions: answers per question, each track's alpha, the group's spread
    #[command(visible_alias = "analyze")]
    Analyse {
        /// A path to an assessment YAML file, or a bundled id
        assessment: String,
        /// Session or answers files, or folders searched all the way down (a person's folder, the data folder)
        #[arg(required = true, value_name = "SESSIONS")]
        sessions: Vec<PathBuf>,
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = analyse::AnalyseFormat::Text)]
        format: analyse::AnalyseFormat,
    },
    /// List the bundled assessments
    List,
    /// Write the man page or a shell's completions on standard output (see the README for where they go)
    Generate {
        /// man, bash, zsh, fish, powershell or elvish
        #[arg(value_enum)]
        what: generate::Generated,
    },
    /// Print a JSON Schema of the assessment format, for editors
    Schema,
    // `simulate` (issue 11): its arguments here, its work in simulate.rs.
    /// Simulate respondents of an assessment: how well it recognises each track (docs/simulation.md)
    Simulate {
        /// A path to an assessment YAML file, or a bundled id
        assessment: String,
        /// Respondents at each noise level and of each response style
        #[arg(long, value_name = "N", default_value_t = 400, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        respondents: u32,
        /// The seed of every random draw: the same seed, the same figures
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = simulate::SimulateFormat::Text)]
        format: simulate::SimulateFormat,
    },
}

/// A `--format` that takes exactly the formats of `kind`, listed in its
/// order; any other is wrong usage, refused by clap (exit 2).
fn formats(kind: Kind) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(kind.formats().iter().map(|f| f.name()))
        .try_map(|name| name.parse::<Format>())
}

/// `--for` of `report`: mentee or coach; any other is wrong usage (exit 2).
fn audiences() -> impl TypedValueParser<Value = Audience> {
    PossibleValuesParser::new(["mentee", "coach"]).try_map(|who| who.parse::<Audience>())
}

/// Why a command failed, which decides the exit status.
pub(crate) enum Failure {
    /// Invalid input (exit 1): the message is printed as it is. Wrong
    /// usage (exit 2) is caught by clap before a command runs.
    Invalid(String),
    /// Standard output was a pipe whose reader has gone (`| head`): the
    /// command stops quietly with status 0, as it would have had the reader
    /// stayed to the end.
    ReaderGone,
}

impl From<SourceError> for Failure {
    fn from(e: SourceError) -> Self {
        Failure::Invalid(e.to_string())
    }
}

fn exit_with(outcome: Result<u8, Failure>) -> ExitCode {
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Invalid(m)) => {
            output::warn(&m);
            ExitCode::from(1)
        }
        Err(Failure::ReaderGone) => ExitCode::SUCCESS,
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    keep_writes_failing_loudly();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Some(Command::Run {
            assessment,
            session,
            theme,
            coach,
            person,
            plain,
            share,
            listen,
        }) => {
            let default = crossroads::share::DEFAULT_ADDRESS.parse().ok();
            return exit_with(run::run(run::RunArgs {
                assessment,
                session,
                theme,
                coach,
                name: person,
                plain,
                share: share.then(|| listen.or(default)).flatten(),
            }));
        }
        None => {
            return exit_with(run::run(run::RunArgs {
                assessment: "career-tracks".into(),
                session: None,
                theme: ThemeName::Dark,
                coach: false,
                name: None,
                plain: false,
                share: None,
            }));
        }
        Some(Command::Validate { files, format }) => validate::run(&files, format == "json"),
        Some(Command::Score {
            assessment,
            answers,
            format,
        }) => score::run(&assessment, &answers, format),
        Some(Command::List) => list::run(),
        Some(Command::Report {
            session,
            assessment,
            format,
            output,
            force,
            audience,
        }) => inputs::session_arg(&session).and_then(|s| {
            let output = output.as_deref().map(|path| report::Output { path, force });
            report::run(&s, assessment.as_deref(), format, output, audience)
        }),
        Some(Command::Compare {
            old,
            new,
            assessment,
            format,
        }) => inputs::compare_args(&old, new.as_deref())
            .and_then(|(old, new)| compare::run(&old, &new, assessment.as_deref(), format)),
        Some(Command::Sessions {
            person,
            format,
            dir,
            wide,
        }) => sessions::run(dir, person.as_deref(), format, wide),
        Some(Command::Schema) => schema::run(),
        Some(Command::Generate { what }) => {
            generate::run(what, <Cli as clap::CommandFactory>::command())
        }
        Some(Command::Simulate {
            assessment,
            respondents,
            seed,
            format,
        }) => return exit_with(simulate::run(&assessment, respondents, seed, format)),
        // Item analysis and export (issue 12).
        Some(Command::Export {
            assessment,
            sessions,
            format,
        }) => export::run(&assessment, &sessions, format),
        Some(Command::Analyse {
            assessment,
            sessions,
            format,
        }) => analyse::run(&assessment, &sessions, format),
    };
    exit_with(outcome.map(|()| 0))
}

/// A write past a file-size limit (`ulimit -f`) fails with EFBIG and the
/// command says so ("NOT saved", exit 1), as one to a closed pipe fails
/// with EPIPE (Rust ignores SIGPIPE): otherwise SIGXFSZ would end the
/// program at once, silently, with the terminal still the app's. A
/// handler that does nothing, not SIG_IGN: a program started from here
/// gets the default back.
fn keep_writes_failing_loudly() {
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, seen);
}
