//! The progress bar of `check` and `extract` is drawn on a terminal only: a piped or redirected
//! stderr, as in CI logs, gets the diagnostics and nothing else, and `--quiet` silences the bar.

mod common;

use std::process::Command;

/// stderr of `claimcheck <args>` with stdout and stderr piped.
fn piped_stderr(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(common::repo_path(""))
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("the claimcheck binary runs");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a terminal shows while `claimcheck <args>` runs with stderr on a pseudo-terminal
/// (util-linux `script`), stdout thrown away.
fn terminal_stderr(args: &[&str]) -> String {
    let command = format!(
        "{} {} >/dev/null",
        env!("CARGO_BIN_EXE_claimcheck"),
        args.join(" ")
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(common::repo_path(""))
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("util-linux `script` runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn piped_runs_print_nothing_but_the_diagnostics_on_stderr() {
    for command in [
        ["check", "--format", "json"],
        ["extract", "--format", "jsonl"],
    ] {
        let mut args = command.to_vec();
        args.push("corpus");
        assert_eq!(piped_stderr(&args), "", "{args:?}");
        // With input diagnostics, stderr holds them and no bar: the same as with --quiet.
        let mut args = command.to_vec();
        args.push("tests/fixtures/duplicate");
        let stderr = piped_stderr(&args);
        assert!(stderr.starts_with("corpus::duplicate\n"), "{stderr}");
        args.push("--quiet");
        assert_eq!(stderr, piped_stderr(&args), "{args:?}");
    }
}

#[test]
fn a_terminal_shows_files_done_and_quiet_silences_it() {
    let shown = terminal_stderr(&["extract", "--format", "jsonl", "tests/fixtures"]);
    assert!(shown.contains(" files, "), "no progress bar: {shown:?}");
    let quiet = terminal_stderr(&["extract", "--format", "jsonl", "--quiet", "tests/fixtures"]);
    assert!(
        !quiet.contains(" files, "),
        "a bar despite --quiet: {quiet:?}"
    );
    // The diagnostics of the bad inputs still reach the terminal.
    assert!(quiet.contains("corpus::"), "{quiet:?}");
}
