//! Government texts by genre (issue G): a county work report that reviews last year and states
//! this year's goals in one document, and a city's statistical communiqué that settles the goals
//! of its work report. Fixtures under `tests/fixtures/genre/`, written for these tests.

mod common;

use common::run_stdout;
use serde_json::Value;

fn claims(path: &str) -> Vec<Value> {
    let (_, out) = run_stdout(&["extract", path, "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("extract prints JSON");
    doc["claims"].as_array().cloned().unwrap_or_default()
}

fn findings(path: &str) -> Vec<Value> {
    let (_, out) = run_stdout(&["check", path, "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("check prints JSON");
    doc["findings"].as_array().cloned().unwrap_or_default()
}

/// The claim whose quoted text contains `quote`.
fn quoted<'c>(claims: &'c [Value], quote: &str) -> &'c Value {
    claims
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains(quote)))
        .unwrap_or_else(|| panic!("no claim quoting {quote}"))
}

#[test]
fn a_work_report_reviews_last_year_and_sets_this_years_goals() {
    let path = "tests/fixtures/genre/work-report";
    let found = claims(path);
    // The review: figures of 2023, reported in February 2024.
    for quote in ["286.4亿元", "5.8%", "4120人", "98.7亿元", "7.1%"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["kind"], "outcome", "{quote}: {claim:#?}");
        assert_eq!(claim["period"]["start"], "2023-01-01", "{quote}");
        assert_eq!(claim["period"]["end"], "2023-12-31", "{quote}");
    }
    // The goals under the heading, one bulleted line each.
    for quote in ["6%左右", "4000人以上", "5.5%左右", "3%左右", "2.5%左右"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["deadline"], "2024-12-31", "{quote}");
    }
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_work_report_extract", table));
}

#[test]
fn a_communique_settles_the_goals_of_its_year() {
    let path = "tests/fixtures/genre/communique";
    let found = claims(path);
    let gdp = quoted(&found, "5.4%");
    assert_eq!(gdp["kind"], "outcome");
    assert_eq!(gdp["period"]["start"], "2024-01-01");
    let verdicts = findings(path);
    let verdict = |metric: &str| {
        verdicts
            .iter()
            .find(|f| f["target"]["metric"] == metric)
            .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(verdict("economy.gdp_growth"), "target::met");
    assert_eq!(verdict("fiscal.budget_revenue_growth"), "target::missed");
    assert_eq!(verdict("economy.cpi_growth"), "target::met");
    assert_eq!(verdict("people.surveyed_unemployment_rate"), "target::met");
    let (_, table) = run_stdout(&["extract", path]);
    let (_, human) = run_stdout(&["check", path, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!("genre_communique_extract", table);
        insta::assert_snapshot!("genre_communique_check", human);
    });
}
