//! Command-line conventions: each command's exit-status help, shell completions and a man page
//! generated from the same definitions, `--color`, and what happens when the output cannot be
//! written (exit 2) or its reader goes away (quiet exit 0).

mod common;

use std::io::Read as _;
use std::process::{Command, Stdio};

use common::run;

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn each_command_documents_its_own_exit_status() {
    let (code, check) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        check.contains("1  at least one finding is at deny level"),
        "{check}"
    );
    for command in [
        "explain",
        "extract",
        "inspect",
        "parse",
        "completions",
        "man",
    ] {
        let (code, help) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{help}");
        assert!(help.contains("Exit status:"), "{command}: {help}");
        assert!(
            !help.contains("deny level"),
            "{command} prints check's text: {help}"
        );
        assert!(
            !help.contains("--expect"),
            "{command} prints check's text: {help}"
        );
    }
    let (_, explain) = run(&["explain", "--help"]);
    assert!(
        explain.contains("2  usage error or an unknown code"),
        "{explain}"
    );
    common::snapshots().bind(|| insta::assert_snapshot!("cli_explain_help", explain));
}

#[test]
fn completions_cover_every_shell_and_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = binary().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for word in [
            "claimcheck",
            "check",
            "extract",
            "explain",
            "format",
            "color",
            "review-date",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let (code, out) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{out}");
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let output = binary().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH claimcheck 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section} in\n{page}");
    }
    for command in ["check", "extract", "explain", "completions"] {
        assert!(
            page.contains(&format!("claimcheck\\-{command}")),
            "{command}"
        );
    }
}

#[test]
fn color_always_and_never_override_the_terminal_and_no_color() {
    let escape = "\u{1b}[";
    let coloured = |args: &[&str]| {
        let output = binary().args(args).env("NO_COLOR", "1").output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "the corpus has a deny finding"
        );
        String::from_utf8_lossy(&output.stdout).contains(escape)
    };
    assert!(coloured(&["check", "corpus", "--color", "always"]));
    assert!(!coloured(&["check", "corpus", "--color", "never"]));
    assert!(
        !coloured(&["check", "corpus"]),
        "a pipe gets no colour by default"
    );
    assert!(!coloured(&["--color", "auto", "check", "corpus"]));
    let (code, out) = run(&["check", "corpus", "--color", "sometimes"]);
    assert_eq!(code, 2, "{out}");
}

#[test]
fn a_failed_write_is_exit_status_2_with_a_message() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("SKIPPED: no /dev/full on this system to make writes fail");
        return;
    }
    for args in [
        &["explain"][..],
        &["check", "corpus", "--format", "json"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = binary().args(args).stdout(full).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("error: cannot write the output"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    for args in [
        &["check", "corpus", "--format", "html"][..],
        &["extract", "corpus", "--format", "csv"][..],
        &["completions", "bash"][..],
    ] {
        let mut child = binary()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away at once, as `| head -0` would.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("error") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
}
