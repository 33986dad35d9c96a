//! The command line: a thin layer over the core. Exit status 0 success,
//! 1 invalid input, 2 wrong usage.

mod list;
mod schema;
mod score;
mod validate;

use clap::{Parser, Subcommand, ValueEnum};
use crossroads::source::SourceError;
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
    /// Check assessment files and list every problem, one per line
    Validate {
        /// Assessment YAML files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Score an answers file against an assessment
    Score {
        /// A path to an assessment YAML file, or a bundled id such as career-tracks
        assessment: String,
        /// The answers (or saved session) file to score
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// How to print the result
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the bundled assessments
    List,
    /// Print a JSON Schema of the assessment format, for editors
    Schema,
}

/// Output formats of `score`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Yaml,
    Markdown,
    Text,
}

/// Why a command failed, which decides the exit status.
pub enum Failure {
    /// Invalid input (exit 1): the message is printed as it is. Wrong
    /// usage (exit 2) is caught by clap before a command runs.
    Invalid(String),
}

impl From<SourceError> for Failure {
    fn from(e: SourceError) -> Self {
        Failure::Invalid(e.to_string())
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Some(Command::Validate { files }) => validate::run(&files),
        Some(Command::Score {
            assessment,
            answers,
            format,
        }) => score::run(&assessment, &answers, format),
        Some(Command::List) => list::run(),
        Some(Command::Schema) => schema::run(),
        None => list::welcome(),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(m)) => {
            eprintln!("{m}");
            ExitCode::from(1)
        }
    }
}
