//! Publishing the audit: `[report]` in `claimcheck.toml` names the report's address and the
//! publishing organisation, `--review-date` the reviews' date; ClaimReview takes all three.

use std::path::PathBuf;
use std::process::Command;

/// Runs the binary in `dir` and returns the exit code, stdout and stderr.
fn run_in(dir: &PathBuf, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the claimcheck binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn fixture() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check/missed-gdp-2014")
        .display()
        .to_string()
}

#[test]
fn the_report_table_and_review_date_reach_claimreview() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("publish-named");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("claimcheck.toml"),
        "[report]\nurl = \"https://factcheck.example/audit.html\"\npublisher = \"焦作核查示例\"\n",
    )
    .unwrap();
    let (code, out, err) = run_in(
        &dir,
        &[
            "check",
            &fixture(),
            "--format",
            "claimreview",
            "--review-date",
            "2025-03-01",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("note:"), "{err}");
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!reviews.is_empty());
    for review in &reviews {
        assert!(
            review["url"]
                .as_str()
                .unwrap()
                .starts_with("https://factcheck.example/audit.html#f-")
        );
        assert_eq!(review["author"]["name"], "焦作核查示例");
        assert_eq!(review["datePublished"], "2025-03-01");
    }
}

#[test]
fn without_a_report_table_claimreview_says_what_is_missing() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("publish-unnamed");
    std::fs::create_dir_all(&dir).unwrap();
    let (code, out, err) = run_in(&dir, &["check", &fixture(), "--format", "claimreview"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("[report] url or publisher"), "{err}");
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(reviews.iter().all(|r| r.get("author").is_none()));
    assert!(reviews.iter().all(|r| r["datePublished"] == "2015-02-06"));
}

#[test]
fn an_unknown_key_in_the_report_table_is_a_labelled_error() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("publish-typo");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("claimcheck.toml"), "[report]\npublsher = \"x\"\n").unwrap();
    let (code, _, err) = run_in(&dir, &["check", &fixture(), "--format", "claimreview"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("config::syntax") && err.contains("publsher"),
        "{err}"
    );
}
