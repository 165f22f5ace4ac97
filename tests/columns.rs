//! One column convention: 1-based characters in the human header, JSON, GitHub and the
//! claims; SARIF counts UTF-16 code units, as its `columnKind` says. The fixture is
//! `tests/fixtures/columns` (梧桐县, 2021): every label sits on a line where Chinese text and
//! a character outside the Basic Multilingual Plane (𡐓) come first, so bytes, characters
//! and UTF-16 units all differ.

mod common;

use common::{run, run_stdout};

const FIXTURE: &str = "tests/fixtures/columns";

/// `(doc, line, column)` of every `[doc:line:column]` header of a human report.
fn headers(human: &str) -> Vec<(String, usize, usize)> {
    human
        .lines()
        .filter_map(|line| line.split_once("╭─[")?.1.strip_suffix(']'))
        .map(|place| {
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line = parts.next().unwrap().parse().unwrap();
            (parts.next().unwrap().to_owned(), line, column)
        })
        .collect()
}

/// `(doc, line, column)` of every target and evidence claim, in report order.
fn json_places(json: &serde_json::Value) -> Vec<(String, usize, usize)> {
    let place = |c: &serde_json::Value| {
        (
            c["doc"].as_str().unwrap().to_owned(),
            c["line"].as_u64().unwrap() as usize,
            c["column"].as_u64().unwrap() as usize,
        )
    };
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            std::iter::once(place(&f["target"]))
                .chain(f["evidence"].as_array().unwrap().iter().map(place))
        })
        .collect()
}

#[test]
fn the_human_header_gives_the_character_column_json_and_github_give() {
    let (_, human) = run(&["check", FIXTURE, "--show-all"]);
    let (_, json) = run_stdout(&["check", FIXTURE, "--show-all", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let places = json_places(&json);
    assert_eq!(headers(&human), places, "{human}");
    // The met GDP goal: `地区生产总值增长7.5%` after 33 characters (100 bytes) of its line.
    assert_eq!(
        places[0],
        (
            format!("{FIXTURE}/2021-03-02-wutongxian-2021-mubiao.txt"),
            6,
            34
        )
    );
    let (_, github) = run_stdout(&["check", FIXTURE, "--show-all", "--format", "github"]);
    let targets: Vec<&(String, usize, usize)> = places
        .iter()
        .filter(|(doc, ..)| doc.ends_with("mubiao.txt"))
        .collect();
    for ((doc, line, column), command) in targets.iter().zip(github.lines()) {
        assert!(
            command.contains(&format!("file={doc},line={line},col={column},")),
            "{command}"
        );
    }
    common::snapshots().bind(|| insta::assert_snapshot!("columns_human", human));
}

#[test]
fn sarif_counts_utf16_units_one_more_past_the_astral_character() {
    let (_, text) = run_stdout(&["check", FIXTURE, "--show-all", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (_, sarif) = run_stdout(&["check", FIXTURE, "--show-all", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");
    for (result, finding) in results.iter().zip(json["findings"].as_array().unwrap()) {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        // 𡐓 is one character and two UTF-16 units, and it comes before every target.
        assert_eq!(
            region["startColumn"].as_u64(),
            finding["target"]["column"].as_u64().map(|c| c + 1),
            "{result}"
        );
    }
    common::snapshots().bind(|| insta::assert_snapshot!("columns_json", text));
}
