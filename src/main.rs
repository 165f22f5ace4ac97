//! The `claimcheck` binary: parse arguments, run, turn the outcome into an exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    claimcheck::cli::main()
}
