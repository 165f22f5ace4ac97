//! The JSON and JSONL outputs read back into the crate's own types, and every `check` format
//! runs through the binary.

mod common;

use claimcheck::claim::Claim;
use claimcheck::report::claims::ClaimsDocument;
use claimcheck::report::findings::{FindingRecord, FindingsDocument};
use common::run_stdout;

const FIXTURE: &str = "tests/fixtures/check/missed-gdp-2014";

#[test]
fn findings_json_and_jsonl_parse_back_into_the_same_records() {
    let (_, json) = run_stdout(&["check", FIXTURE, "--format", "json"]);
    let document: FindingsDocument = serde_json::from_str(&json).expect("findings/1 parses");
    assert_eq!(document.schema, "claimcheck.findings/1");
    assert!(!document.findings.is_empty());
    // Serializing what was read gives the same document: no field is lost on the way.
    let again = serde_json::to_string_pretty(&document).unwrap() + "\n";
    assert_eq!(again, json);

    let (_, jsonl) = run_stdout(&["check", FIXTURE, "--format", "jsonl"]);
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), document.findings.len());
    for (line, record) in lines.iter().zip(&document.findings) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["schema"], "claimcheck.findings/1");
        assert_eq!(value["as_of"], document.as_of.to_string());
        let parsed: FindingRecord = serde_json::from_value(value).unwrap();
        assert_eq!(parsed.code, record.code);
        assert_eq!(parsed.target, record.target);
        assert_eq!(parsed.message, record.message);
    }
    let missed = document
        .findings
        .iter()
        .find(|f| f.target.metric == "economy.gdp_growth")
        .expect("the 2014 GDP goal");
    // Byte offsets and 1-based line and character column, both.
    assert_eq!((missed.target.line, missed.target.column), (463, 5));
    assert!(missed.target.span.start < missed.target.span.end);
}

#[test]
fn claims_json_and_jsonl_parse_back_into_claims() {
    let (_, json) = run_stdout(&["extract", FIXTURE, "--format", "json"]);
    let document: ClaimsDocument = serde_json::from_str(&json).expect("claims/1 parses");
    let (_, jsonl) = run_stdout(&["extract", FIXTURE, "--format", "jsonl"]);
    let claims: Vec<Claim> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("a claim per line"))
        .collect();
    assert_eq!(claims, document.claims);
    assert!(claims.len() > 100);
}

#[test]
fn every_check_format_runs_on_the_fixture() {
    for format in [
        "human",
        "json",
        "jsonl",
        "sarif",
        "github",
        "ledger",
        "csv",
        "claimreview",
    ] {
        let (code, out) = run_stdout(&["check", FIXTURE, "--format", format]);
        // The fixture's 2014 GDP goal is missed: a deny finding, whatever the format.
        assert_eq!(code, 1, "{format}: {out}");
        assert!(
            out.contains("11"),
            "{format} says nothing of the GDP goal: {out}"
        );
        if ["json", "sarif", "claimreview"].contains(&format) {
            serde_json::from_str::<serde_json::Value>(&out)
                .unwrap_or_else(|e| panic!("{format} is not JSON: {e}"));
        }
    }
}

#[test]
fn claims_extracted_in_shards_reconcile_like_the_whole_corpus() {
    let dir = std::env::temp_dir().join(format!("claimcheck-shards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut shard_args = Vec::new();
    let articles = [
        "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
        "corpus/2020-10-17-zhongzhanqu-sanyi-qifei.txt",
        "corpus/2020-12-20-zhongzhanqu-2020-huigu.txt",
        "corpus/2024-10-01-gaoxinqu-1015-zhanlue.txt",
        "corpus/2024-10-15-zhongzhanqu-xianghao-xiangxin.txt",
    ];
    for (i, pair) in articles.chunks(2).enumerate() {
        let mut args = vec!["extract", "--format", "jsonl"];
        args.extend_from_slice(pair);
        let (_, lines) = run_stdout(&args);
        let shard = dir.join(format!("shard-{i}.jsonl"));
        std::fs::write(&shard, lines).unwrap();
        shard_args.push(shard.to_string_lossy().into_owned());
    }
    let mut args = vec!["check", "--format", "json", "--as-of", "2024-12-31"];
    for shard in &shard_args {
        args.extend_from_slice(&["--claims", shard]);
    }
    let (_, from_shards) = run_stdout(&args);
    let (_, whole) = run_stdout(&[
        "check",
        "corpus",
        "--format",
        "json",
        "--as-of",
        "2024-12-31",
    ]);
    assert_eq!(from_shards, whole);

    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1}\n").unwrap();
    let (code, text) = common::run(&["check", "--claims", &bad.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("claims::syntax"), "{text}");
}

#[test]
fn json_and_jsonl_snapshots_on_the_corpus_and_a_fixture() {
    for (name, path) in [("corpus", "corpus"), ("missed-gdp-2014", FIXTURE)] {
        let (_, json) = run_stdout(&["check", path, "--format", "json", "--as-of", "2024-12-31"]);
        let (_, jsonl) = run_stdout(&["check", path, "--format", "jsonl", "--as-of", "2024-12-31"]);
        common::snapshots().bind(|| {
            insta::assert_snapshot!(format!("findings_json_{name}"), json);
            insta::assert_snapshot!(format!("findings_jsonl_{name}"), jsonl);
        });
    }
}
