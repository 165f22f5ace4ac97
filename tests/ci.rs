//! The curated dataset (`--expect`, `--write-expected`) and the baseline (`--baseline`,
//! `--write-baseline`) on the `missed` fixture (山阳区, three goals: two met, one missed), and
//! the bundled corpus against its own `corpus/expected.toml`.

mod common;

use common::run;

const CORPUS: &str = "tests/fixtures/check/missed";

/// Runs `check` on the fixture with extra arguments and snapshots the whole exchange.
fn snapshot(name: &str, args: &[&str]) -> (i32, String) {
    let mut all = vec!["check", CORPUS];
    all.extend_from_slice(args);
    let (code, text) = run(&all);
    common::snapshots().bind(|| insta::assert_snapshot!(name, text));
    (code, text)
}

/// A file under the system's temporary folder, unique to this test process.
fn temp_file(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("claimcheck-{}-{name}", std::process::id()))
}

#[test]
fn a_dataset_that_agrees_passes() {
    let (code, text) = snapshot(
        "ci_expect_agrees",
        &[
            "--expect",
            "tests/fixtures/dataset/agrees.toml",
            "--allow",
            "target::missed",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("dataset::"), "{text}");
}

#[test]
fn a_changed_verdict_fails_and_points_at_both_files() {
    let (code, text) = snapshot(
        "ci_expect_changed",
        &[
            "--expect",
            "tests/fixtures/dataset/changed.toml",
            "--allow",
            "target::missed",
        ],
    );
    assert_eq!(code, 1, "{text}");
    // One difference, shown in the dataset file with the target in its article beside it.
    assert_eq!(
        text.matches("× tests/fixtures/dataset/changed.toml")
            .count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("expected met for «规模以上工业增加值增长12%»"),
        "{text}"
    );
    assert!(text.contains("now missed"), "{text}");
    assert!(
        text.contains("[tests/fixtures/dataset/changed.toml:"),
        "{text}"
    );
    assert!(
        text.contains("2018-02-09-shanyangqu-gongye-qiangqu.txt:"),
        "{text}"
    );
}

#[test]
fn missing_and_new_targets_fail() {
    let (code, text) = snapshot(
        "ci_expect_missing_and_new",
        &[
            "--expect",
            "tests/fixtures/dataset/missing-and-new.toml",
            "--allow",
            "target::missed",
        ],
    );
    assert_eq!(code, 1, "{text}");
    assert_eq!(text.matches("dataset::missing").count(), 1, "{text}");
    assert_eq!(text.matches("dataset::new").count(), 1, "{text}");
    assert!(text.contains("一般公共预算收入增长8%"), "{text}");
}

#[test]
fn a_broken_anchor_or_a_bad_file_is_an_input_error() {
    let (code, text) = snapshot(
        "ci_expect_broken_anchor",
        &["--expect", "tests/fixtures/dataset/stale-anchor.toml"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("dataset::anchor"), "{text}");
    let (code, text) = snapshot(
        "ci_expect_bad_verdict",
        &["--expect", "tests/fixtures/dataset/bad-verdict.toml"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("`achieved` is not a verdict"), "{text}");
    let (code, text) = run(&[
        "check",
        CORPUS,
        "--expect",
        "tests/fixtures/dataset/none.toml",
    ]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("dataset::io"), "{text}");
    let (code, text) = snapshot(
        "ci_expect_malformed",
        &["--expect", "tests/fixtures/dataset/malformed.toml"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("dataset::syntax"), "{text}");
    assert!(text.contains("malformed.toml:3:"), "{text}");
    let (code, text) = run(&[
        "check",
        CORPUS,
        "--baseline",
        "tests/fixtures/baseline/none.toml",
    ]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("baseline::io"), "{text}");
}

#[test]
fn written_verdicts_read_back_without_differences() {
    let path = temp_file("expected.toml");
    let path_text = path.to_string_lossy().into_owned();
    let (_, text) = run(&["check", CORPUS, "--write-expected", &path_text]);
    let written = std::fs::read_to_string(&path).expect("the dataset was written");
    assert_eq!(
        written.matches("[[target]]").count(),
        3,
        "{text}\n{written}"
    );
    assert!(written.contains("as_of = 2019-01-25"), "{written}");
    let (code, text) = run(&[
        "check",
        CORPUS,
        "--expect",
        &path_text,
        "--allow",
        "target::missed",
    ]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{text}");
}

#[test]
fn the_bundled_corpus_matches_its_expected_verdicts() {
    let (code, text) = run(&["check", "corpus", "--expect", "corpus/expected.toml"]);
    assert!(!text.contains("dataset::"), "{text}");
    // The corpus still fails on its real arithmetic error, and only on deny findings.
    assert_eq!(code, 1, "{text}");
}

#[test]
fn a_baselined_finding_is_not_reported_and_does_not_fail() {
    let (code, text) = snapshot(
        "ci_baseline_accepted",
        &["--baseline", "tests/fixtures/baseline/accepted.toml"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("target::missed"), "{text}");
    assert!(text.contains("1 baselined"), "{text}");
}

#[test]
fn a_stale_baseline_entry_is_reported() {
    let (code, text) = snapshot(
        "ci_baseline_stale",
        &["--baseline", "tests/fixtures/baseline/stale.toml"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(text.matches("baseline::stale").count(), 1, "{text}");
    assert!(text.contains("report::conflict"), "{text}");
    let (code, text) = snapshot(
        "ci_baseline_bad_fingerprint",
        &["--baseline", "tests/fixtures/baseline/bad-fingerprint.toml"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("baseline::syntax"), "{text}");
}

#[test]
fn the_fingerprint_survives_an_edit_elsewhere_in_the_article() {
    // Copy the fixture, add a paragraph before the goals, and check with the same baseline.
    let dir = temp_file("edited");
    std::fs::create_dir_all(&dir).unwrap();
    let source = common::repo_path(CORPUS);
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if let Some(body) = text.find("+++\n").and_then(|open| {
            text[open + 4..]
                .find("+++\n")
                .map(|close| open + 4 + close + 4)
        }) {
            text.insert_str(body, "山阳区召开全区经济工作会议。\n\n");
        }
        std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
    }
    let dir_text = dir.to_string_lossy().into_owned();
    let baseline = temp_file("baseline.toml");
    let baseline_text = baseline.to_string_lossy().into_owned();
    let (code, _) = run(&["check", &dir_text, "--write-baseline", &baseline_text]);
    assert_eq!(
        code, 1,
        "the fixture's missed goal fails before it is baselined"
    );
    // Edit again: the byte offsets move, the fingerprints do not.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace(
            "山阳区召开全区经济工作会议。",
            "山阳区召开全区经济工作会议，部署全年重点工作。",
        );
        std::fs::write(&path, text).unwrap();
    }
    let (code, text) = run(&["check", &dir_text, "--baseline", &baseline_text]);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&baseline);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("baseline::stale"), "{text}");
}

#[test]
fn claimcheck_toml_names_the_dataset_and_the_baseline() {
    let dir = temp_file("settings");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(common::repo_path(CORPUS)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let in_dir = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.code().unwrap_or(-1), text)
    };
    in_dir(&["check", "corpus", "--write-expected", "expected.toml"]);
    // The curator disagrees with one verdict; the settings file names the dataset.
    let written = std::fs::read_to_string(dir.join("expected.toml")).unwrap();
    std::fs::write(
        dir.join("expected.toml"),
        written.replacen("verdict = \"missed\"", "verdict = \"met\"", 1),
    )
    .unwrap();
    std::fs::write(
        dir.join("claimcheck.toml"),
        "expect = \"expected.toml\"\n\n[levels]\n\"target::missed\" = \"allow\"\n",
    )
    .unwrap();
    let (code, text) = in_dir(&["check", "corpus"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("dataset::changed"), "{text}");
    // A flag wins over the file.
    std::fs::write(dir.join("agrees.toml"), written).unwrap();
    let (code, text) = in_dir(&["check", "corpus", "--expect", "agrees.toml"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 0, "{text}");
}
