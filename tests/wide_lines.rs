//! Diagnostics labelled far into one very long line — pasted web text often has no line
//! breaks — render as a window of the line around the label, for findings and for every
//! input family, instead of panicking in the renderer past display column 65,535.

mod common;

use std::path::Path;
use std::time::Duration;

const BOUND: Duration = Duration::from_secs(90);

/// 36,000 CJK characters, 72,000 display columns, without a number in them.
fn filler() -> String {
    "山阳区持续推进项目建设，".repeat(3000)
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("the scratch folder can be created");
    }
    std::fs::write(path, text).expect("the scratch file can be written");
}

/// Runs the binary in `dir`; asserts it did not panic and returns its status and stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let (code, out, err) = common::run_within(dir, args, BOUND)
        .unwrap_or_else(|| panic!("claimcheck {} hung", args.join(" ")));
    assert_ne!(code, 101, "claimcheck {} panicked:\n{err}", args.join(" "));
    assert!(!err.contains("panicked"), "{err}");
    (code, out, err)
}

/// The article with one long line, the target at its end.
fn plan(dir: &Path) {
    write(
        &dir.join("corpus/2021-01-20-shanyangqu-jihua.txt"),
        &format!(
            "+++\ntitle = \"山阳区2021年计划\"\npublished = 2021-01-20\nentity = \"山阳区\"\n+++\n\
             {}2021年主要预期目标是：地区生产总值增长7%。\n",
            filler()
        ),
    );
}

#[test]
fn a_finding_far_into_a_line_shows_a_window_around_target_and_evidence() {
    let dir = common::scratch("wide-finding");
    plan(&dir);
    write(
        &dir.join("corpus/2022-01-25-shanyangqu-huigu.txt"),
        &format!(
            "+++\ntitle = \"山阳区2021年回顾\"\npublished = 2022-01-25\nentity = \"山阳区\"\n+++\n\
             {}2021年，山阳区地区生产总值同比增长5.2%。\n",
            filler()
        ),
    );
    let (code, out, err) = run(&dir, &["check", "corpus", "--show-all"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("target::missed"), "{out}");
    // The header keeps the true line and column: 36,000 filler characters come first.
    assert!(out.contains("2021-01-20-shanyangqu-jihua.txt:6:"), "{out}");
    assert!(out.contains("2022-01-25-shanyangqu-huigu.txt:6:"), "{out}");
    assert!(out.contains("…山阳区持续推进"), "{out}");
    assert!(out.lines().all(|line| line.chars().count() < 400), "{out}");
    let missed = out.split("Targets by verdict").next().unwrap_or_default();
    assert!(missed.contains("reported 5.2% for 2021"), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("wide_lines_finding", missed));
}

#[test]
fn front_matter_error_far_into_a_line() {
    let dir = common::scratch("wide-front-matter");
    write(
        &dir.join("a.txt"),
        &format!(
            "+++\ntitle = \"{}\" extra\npublished = 2021-01-20\n+++\n正文。\n",
            filler()
        ),
    );
    let (code, _, err) = run(&dir, &["check", "a.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("corpus::front-matter-syntax"), "{err}");
    assert!(err.contains("[a.txt:2:"), "{err}");
    assert!(err.contains('…'), "{err}");
    common::snapshots().bind(|| insta::assert_snapshot!("wide_lines_front_matter", err));
}

#[test]
fn claims_shard_line_far_into_a_line() {
    let dir = common::scratch("wide-shard");
    write(
        &dir.join("claims.jsonl"),
        &format!("{{\"id\": \"{}\", oops}}\n", filler()),
    );
    let (code, _, err) = run(&dir, &["check", "--claims", "claims.jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("claims::syntax"), "{err}");
    assert!(err.contains('…'), "{err}");
}

#[test]
fn dataset_baseline_and_settings_errors_far_into_a_line() {
    let dir = common::scratch("wide-toml");
    plan(&dir);
    let bad = format!("note = \"{}\" = 1\n", filler());
    write(&dir.join("expected.toml"), &bad);
    write(&dir.join("baseline.toml"), &bad);
    let (code, _, err) = run(&dir, &["check", "corpus", "--expect", "expected.toml"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("dataset::syntax") && err.contains('…'),
        "{err}"
    );
    let (code, _, err) = run(&dir, &["check", "corpus", "--baseline", "baseline.toml"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("baseline::syntax") && err.contains('…'),
        "{err}"
    );
    write(&dir.join("claimcheck.toml"), &bad);
    let (code, _, err) = run(&dir, &["check", "corpus"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("config::syntax") && err.contains('…'), "{err}");
}

#[test]
fn rules_error_far_into_a_line() {
    let dir = common::scratch("wide-rules");
    let rules = dir.join("rules");
    common::copy_dir(&common::repo_path("rules"), &rules);
    let cues = std::fs::read_to_string(rules.join("cues.toml")).unwrap();
    write(
        &rules.join("cues.toml"),
        &format!("{cues}\n# {}\nbroken = = 1\n", filler()),
    );
    let mut long = std::fs::read_to_string(rules.join("cues.toml")).unwrap();
    long = long.replace(
        &format!("\n# {}\nbroken", filler()),
        &format!("\nbroken = \"{}\" x", filler()),
    );
    write(&rules.join("cues.toml"), &long);
    let (code, _, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rules::syntax") && err.contains('…'), "{err}");
}
