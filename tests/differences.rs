//! Dataset differences (`dataset::changed`, `dataset::missing`, `dataset::new`) and stale
//! baseline entries (`baseline::stale`) are part of every machine format, with their codes,
//! messages and places, not only human text on stderr. The fixture is
//! `tests/fixtures/differences` (青檀县, 2020): a dataset that is out of date in each of the
//! three ways and a baseline with one stale entry.

mod common;

use common::{run, run_stdout};
use serde_json::Value;

const CORPUS: &str = "tests/fixtures/differences/corpus";
const EXPECT: &str = "tests/fixtures/differences/expected.toml";
const BASELINE: &str = "tests/fixtures/differences/baseline.toml";
const PLAN: &str = "tests/fixtures/differences/corpus/2020-02-24-qingtanxian-2020-mubiao.txt";

fn check(format: &str) -> (i32, String) {
    run_stdout(&[
        "check",
        CORPUS,
        "--expect",
        EXPECT,
        "--baseline",
        BASELINE,
        "--format",
        format,
    ])
}

/// `(code, file, line, column, label)` of every place of every difference.
fn places(differences: &[Value]) -> Vec<(String, String, u64, u64, String)> {
    differences
        .iter()
        .flat_map(|d| {
            d["locations"].as_array().unwrap().iter().map(move |p| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    p["file"].as_str().unwrap().to_owned(),
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                    p["label"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect()
}

#[test]
fn json_lists_each_difference_with_its_places_in_both_files() {
    let (code, text) = check("json");
    let (human_code, human) = run(&["check", CORPUS, "--expect", EXPECT, "--baseline", BASELINE]);
    assert_eq!(code, 1, "a dataset difference fails the run: {text}");
    assert_eq!(
        code, human_code,
        "the exit status does not depend on the format"
    );
    let json: Value = serde_json::from_str(&text).unwrap();
    let differences = json["differences"].as_array().unwrap();
    let as_place = |code: &str, file: &str, line: u64, column: u64, label: &str| {
        (
            code.to_owned(),
            file.to_owned(),
            line,
            column,
            label.to_owned(),
        )
    };
    assert_eq!(
        places(differences),
        [
            as_place("dataset::changed", EXPECT, 11, 11, "expected here"),
            as_place("dataset::changed", PLAN, 6, 37, "target::missed"),
            as_place("dataset::missing", EXPECT, 25, 9, "anchored here"),
            as_place("dataset::new", PLAN, 6, 61, "target::missed"),
            as_place("baseline::stale", BASELINE, 11, 8, "this entry"),
        ]
    );
    let severities: Vec<&str> = differences
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["deny", "deny", "deny", "warn"]);
    // The message is the one stderr shows, without the file name in front.
    for d in differences {
        let message = d["message"].as_str().unwrap();
        assert!(!message.starts_with("tests/"), "{message}");
        assert!(human.contains(d["code"].as_str().unwrap()), "{human}");
    }
    assert!(
        human.contains("[tests/fixtures/differences/expected.toml:11:11]"),
        "the human report places the difference where JSON does: {human}"
    );
    common::snapshots().bind(|| insta::assert_snapshot!("differences_json", text));
    common::snapshots().bind(|| insta::assert_snapshot!("differences_human", human));
}

#[test]
fn jsonl_puts_each_difference_on_its_own_line_after_the_findings() {
    let (code, text) = check("jsonl");
    assert_eq!(code, 1);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for line in &lines {
        assert_eq!(line["schema"], "claimcheck.findings/1");
        assert_eq!(line["as_of"], "2021-01-28");
    }
    let codes: Vec<&str> = lines.iter().map(|l| l["code"].as_str().unwrap()).collect();
    let first = codes.iter().position(|c| c.contains("dataset::")).unwrap();
    assert!(
        codes[..first].iter().all(|c| c.starts_with("target::")),
        "{codes:?}"
    );
    assert_eq!(
        codes[first..],
        [
            "dataset::changed",
            "dataset::missing",
            "dataset::new",
            "baseline::stale"
        ]
    );
    assert!(lines[first]["locations"].is_array());
}

#[test]
fn github_annotates_the_dataset_and_baseline_lines() {
    let (code, text) = check("github");
    assert_eq!(code, 1);
    let commands: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("title=dataset") || l.contains("title=baseline"))
        .collect();
    assert_eq!(commands.len(), 4, "{text}");
    assert!(commands[0].starts_with(&format!(
        "::error file={EXPECT},line=11,col=11,endLine=11,endColumn=16,title=dataset%3A%3Achanged::"
    )));
    assert!(
        commands[0].ends_with(&format!("%0Atarget::missed: {PLAN}:6:37")),
        "the article's place follows the message: {}",
        commands[0]
    );
    assert!(commands[2].starts_with(&format!("::error file={PLAN},line=6,col=61,")));
    assert!(commands[3].starts_with(&format!("::warning file={BASELINE},line=11,col=8,")));
}

#[test]
fn without_a_dataset_or_baseline_the_outputs_are_unchanged() {
    let (_, text) = run_stdout(&["check", CORPUS, "--format", "json"]);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert!(json.get("differences").is_none(), "{text}");
    let (_, github) = run_stdout(&["check", CORPUS, "--format", "github"]);
    assert!(!github.contains("dataset"), "{github}");
}
