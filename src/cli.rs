//! Command-line interface (placeholder until the subcommands land).

use std::process::ExitCode;

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
