//! SARIF output (`report::sarif`) on the bundled corpus and on a fixture: valid against the
//! official SARIF 2.1.0 schema (tests/sarif/), consistent with the findings it renders, and
//! snapshotted.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use claimcheck::audit::{Audit, audit};
use claimcheck::finding::{Code, Levels};
use claimcheck::report::Context;
use claimcheck::report::articles::{self, Articles};
use claimcheck::report::sarif::sarif;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/check/missed-gdp-2014";

/// The audit of `path` (relative to the crate root, as the CLI would be run there) with the
/// articles behind it.
fn audited(path: &str, as_of: Option<NaiveDate>) -> (Audit, Articles) {
    let loaded = claimcheck::corpus::load(&[PathBuf::from(path)]);
    assert!(
        !loaded.documents.is_empty(),
        "{path}: no documents (tests run from the crate root)"
    );
    let rules = claimcheck::rules::builtin().expect("the built-in rules load");
    (
        audit(
            &loaded.documents,
            &rules,
            claimcheck::audit::Judging {
                as_of,
                ..Default::default()
            },
        ),
        articles::of_documents(&loaded.documents),
    )
}

/// The SARIF log of every finding of an audit.
fn sarif_of(audit: &Audit, articles: &Articles) -> String {
    let levels = Levels::default();
    sarif(&Context::new(&audit.findings, &levels, articles, audit.as_of).show_all(true))
}

fn corpus_sarif() -> String {
    let as_of = NaiveDate::from_ymd_opt(2024, 12, 31);
    let (audit, articles) = audited("corpus", as_of);
    sarif_of(&audit, &articles)
}

fn fixture_sarif() -> String {
    let (audit, articles) = audited(FIXTURE, None);
    sarif_of(&audit, &articles)
}

/// The schema validator, built once; `format` is checked too (`uri`, `uri-reference`).
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = common::repo_path("tests/sarif/sarif-schema-2.1.0.json");
        let text = std::fs::read_to_string(&path).expect("the SARIF schema is in tests/sarif/");
        // The official `language` pattern has a stray `]`: a literal in legacy JavaScript
        // regexes, an error where the validator checks the schema's own `format: regex`.
        // Escaping it keeps the meaning and lets format checking stay on for our output.
        const STRAY: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
        assert_eq!(text.matches(STRAY).count(), 2, "the known schema erratum");
        let text = text.replace(STRAY, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

/// Parses `text` and fails with every schema violation, each at its JSON pointer.
fn assert_valid(name: &str, text: &str) -> Value {
    let log: Value = serde_json::from_str(text).expect("SARIF output is JSON");
    let errors: Vec<String> = validator()
        .iter_errors(&log)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: SARIF output violates the schema:\n{}",
        errors.join("\n")
    );
    log
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

/// Every physical location of every result: the primary one, then the related ones.
fn regions(log: &Value) -> Vec<&Value> {
    results(log)
        .iter()
        .flat_map(|r| {
            let related = r["relatedLocations"].as_array().into_iter().flatten();
            r["locations"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(related)
        })
        .map(|l| &l["physicalLocation"]["region"])
        .collect()
}

#[test]
fn the_schema_rejects_what_it_should() {
    // A guard that the validator really validates: a wrong level, a missing `runs`, a URI
    // with a space and a zero column are each errors.
    let mut log = assert_valid("fixture", &fixture_sarif());
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        0.into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "a b/c.txt".into();
    let errors: Vec<String> = validator()
        .iter_errors(&log)
        .map(|e| format!("{}", e.instance_path()))
        .collect();
    for pointer in ["/level", "/startColumn", "/uri"] {
        assert!(
            errors.iter().any(|e| e.ends_with(pointer)),
            "no error ending at {pointer} among {errors:?}"
        );
    }
    let mut log: Value = serde_json::from_str(&fixture_sarif()).unwrap();
    log.as_object_mut().unwrap().remove("runs");
    assert!(!validator().is_valid(&log));
}

#[test]
fn corpus_and_fixture_sarif_are_valid_and_consistent() {
    for (name, text) in [("corpus", corpus_sarif()), ("fixture", fixture_sarif())] {
        let log = assert_valid(name, &text);
        assert_eq!(log["version"], "2.1.0");
        let runs = log["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1, "{name}: one run");
        let run = &runs[0];
        assert_eq!(run["columnKind"], "utf16CodeUnits");
        assert_eq!(run["tool"]["driver"]["name"], "claimcheck");

        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, codes, "{name}: one rule per code, in Code::ALL order");
        for rule in rules {
            assert!(
                !rule["shortDescription"]["text"]
                    .as_str()
                    .unwrap()
                    .is_empty()
            );
            assert!(
                rule["help"]["markdown"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("# {}", rule["id"].as_str().unwrap()))
            );
        }

        assert!(!results(&log).is_empty(), "{name}: no results");
        for result in results(&log) {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(result["ruleId"], rules[index]["id"], "{result}");
            assert!(ids.contains(&result["ruleId"].as_str().unwrap()));
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(
                uri.starts_with(if name == "corpus" { "corpus/" } else { FIXTURE }),
                "{uri}"
            );
        }
        for region in regions(&log) {
            let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
            let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
            assert!(start.0 >= Some(1) && start.1 >= Some(1), "{region}");
            assert!(
                start <= end,
                "{name}: region ends before it starts: {region}"
            );
            let snippet = region["snippet"]["text"].as_str().unwrap();
            assert_eq!(region["byteLength"], snippet.len(), "{region}");
        }
        let fingerprints: std::collections::BTreeSet<&str> = results(&log)
            .iter()
            .map(|r| r["partialFingerprints"]["claimcheck/v1"].as_str().unwrap())
            .collect();
        assert_eq!(
            fingerprints.len(),
            results(&log).len(),
            "{name}: fingerprints"
        );
    }
}

#[test]
fn the_2014_gdp_miss_is_located_where_the_goal_is_written() {
    let log = assert_valid("fixture", &fixture_sarif());
    let result = results(&log)
        .iter()
        .find(|r| {
            let text = r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
                .as_str()
                .unwrap();
            r["ruleId"] == "target::missed" && text.contains("地区生产总值") && text.contains("11%")
        })
        .expect("a target::missed result for the 2014 GDP growth goal");
    let location = &result["locations"][0]["physicalLocation"];
    let uri = location["artifactLocation"]["uri"].as_str().unwrap();
    assert_eq!(
        uri,
        format!("{FIXTURE}/2014-02-15-zhongzhanqu-sige-zhongzhan.txt")
    );
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("missed by 1.2 pp")
    );

    // Recount the position from the file itself: the seed is BMP-only, so its UTF-16 columns
    // are its character columns.
    let region = &location["region"];
    let source = std::fs::read_to_string(common::repo_path(uri)).unwrap();
    let start = region["byteOffset"].as_u64().unwrap() as usize;
    let end = start + region["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&source[start..end], region["snippet"]["text"]);
    let line_and_column = |offset: usize| {
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        assert!(before[line_start..].chars().all(|c| c <= '\u{FFFF}'));
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    };
    // The seed breaks the sentence over lines: `地区生产总值 （` … `11%` spans 7 of them.
    assert_eq!(line_and_column(start), (463, 5));
    assert_eq!(line_and_column(end), (469, 4));
    assert_eq!(region["startLine"], 463);
    assert_eq!(region["startColumn"], 5);
    assert_eq!(region["endLine"], 469);
    assert_eq!(region["endColumn"], 4);

    // And it agrees with the claim the audit produced.
    let (audit, _) = audited(FIXTURE, None);
    let finding = audit
        .findings
        .iter()
        .find(|f| f.code == Code::Missed && f.target.span.start == start)
        .expect("the finding behind the result");
    assert_eq!(region["startLine"], finding.target.line);
    assert_eq!(region["startColumn"], finding.target.column);

    // The outcome that misses it is the related location, in the 2015 review.
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert!(
        related["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("2015-02-06-zhongzhanqu-2014-huigu.txt")
    );
}

#[test]
fn sarif_is_deterministic() {
    assert_eq!(corpus_sarif(), corpus_sarif());
    assert_eq!(fixture_sarif(), fixture_sarif());
}

#[test]
fn sarif_snapshots() {
    let corpus = corpus_sarif();
    let fixture = fixture_sarif();
    common::snapshots().bind(|| {
        insta::assert_snapshot!("sarif_corpus", corpus);
        insta::assert_snapshot!("sarif_missed-gdp-2014", fixture);
    });
}

#[test]
fn dataset_and_baseline_differences_are_valid_results() {
    // tests/fixtures/differences: one difference of each kind (see tests/differences.rs).
    let (code, text) = common::run_stdout(&[
        "check",
        "tests/fixtures/differences/corpus",
        "--expect",
        "tests/fixtures/differences/expected.toml",
        "--baseline",
        "tests/fixtures/differences/baseline.toml",
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 1);
    let log = assert_valid("differences", &text);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let differences: Vec<&Value> = results(&log)
        .iter()
        .filter(|r| !r["ruleId"].as_str().unwrap().starts_with("target::"))
        .collect();
    let ids: Vec<&str> = differences
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "dataset::changed",
            "dataset::missing",
            "dataset::new",
            "baseline::stale"
        ]
    );
    for result in &differences {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let changed = differences[0];
    assert_eq!(changed["level"], "error");
    let main = &changed["locations"][0]["physicalLocation"];
    assert_eq!(
        main["artifactLocation"]["uri"],
        "tests/fixtures/differences/expected.toml"
    );
    assert_eq!(main["region"]["startLine"], 11);
    assert_eq!(main["region"]["snippet"]["text"], "\"met\"");
    let article = &changed["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
    assert!(article["uri"].as_str().unwrap().ends_with("mubiao.txt"));
    assert_eq!(differences[3]["level"], "warning");
    let artifacts: Vec<&str> = run["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    assert!(artifacts.contains(&"tests/fixtures/differences/baseline.toml"));
}
