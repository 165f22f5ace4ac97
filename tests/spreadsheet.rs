//! The spreadsheet CSV (`check --format csv`, `extract --format csv`) read back the way
//! spreadsheets and scripts read it: by the `csv` crate and by Python's `csv` module. A BOM
//! first, the documented header, numbers that parse as numbers in the numeric columns, units
//! apart, evidence periods as dates, and no cell a spreadsheet would take for a formula.

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use claimcheck::report::spreadsheet::{BOM, CLAIM_COLUMNS, FINDING_COLUMNS};

/// The numeric columns of each CSV.
const FINDING_NUMBERS: [&str; 9] = [
    "target_value",
    "target_low",
    "target_high",
    "evidence_value",
    "evidence_low",
    "evidence_high",
    "margin_value",
    "line",
    "column",
];
const CLAIM_NUMBERS: [&str; 6] = ["line", "column", "value", "low", "high", "base_value"];

fn check_csv(fixture: &str) -> String {
    let (code, out) = common::run_stdout(&["check", fixture, "--format", "csv"]);
    assert!(code == 0 || code == 1, "{out}");
    out
}

fn extract_csv(fixture: &str) -> String {
    let (code, out) = common::run_stdout(&["extract", fixture, "--format", "csv"]);
    assert_eq!(code, 0, "{out}");
    out
}

/// Cells that a spreadsheet would evaluate: a formula lead that is not a plain number.
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
}

/// Reads a CSV with the `csv` crate and checks it against its columns.
fn read_back(name: &str, text: &str, columns: &[&str], numbers: &[&str]) -> Vec<csv::StringRecord> {
    let body = text
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("{name}: starts with a byte-order mark"));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, columns, "{name}");
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(!records.is_empty(), "{name}: rows");
    for record in &records {
        assert_eq!(record.len(), columns.len(), "{name}: {record:?}");
        for (column, cell) in columns.iter().zip(record) {
            assert!(!formula_like(cell), "{name}: {column} = {cell:?}");
            if numbers.contains(column) && !cell.is_empty() {
                assert!(
                    cell.parse::<f64>().is_ok(),
                    "{name}: {column} = {cell:?} is a number"
                );
            }
            if column.ends_with("_start") || column.ends_with("_end") || *column == "deadline" {
                assert!(
                    cell.is_empty() || chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d").is_ok(),
                    "{name}: {column} = {cell:?} is an ISO date"
                );
            }
        }
    }
    records
}

#[test]
fn check_csv_reads_back_with_the_csv_crate() {
    for fixture in ["corpus", "tests/fixtures/check/missed-gdp-2014"] {
        let out = check_csv(fixture);
        let records = read_back(fixture, &out, &FINDING_COLUMNS, &FINDING_NUMBERS);
        let column = |name: &str| FINDING_COLUMNS.iter().position(|c| *c == name).unwrap();
        // Margins such as `-8个` and `+34.7亿元` are text, their number apart.
        for record in &records {
            let margin = &record[column("margin")];
            if let Some(text) = margin.strip_prefix('\'') {
                assert!(text.starts_with(['-', '+']), "{margin}");
                assert!(!record[column("margin_value")].is_empty(), "{record:?}");
            }
        }
        if fixture != "corpus" {
            let gdp = records
                .iter()
                .find(|r| {
                    &r[column("metric_id")] == "economy.gdp_growth"
                        && &r[column("target_value")] == "11"
                })
                .expect("the 2014 GDP goal");
            assert_eq!(&gdp[column("verdict")], "missed");
            assert_eq!(&gdp[column("comparator")], "at least");
            assert_eq!(&gdp[column("target_unit")], "%");
            assert_eq!(&gdp[column("evidence_value")], "9.8");
            assert_eq!(&gdp[column("evidence_low")], "9.75");
            assert_eq!(&gdp[column("evidence_period_start")], "2014-01-01");
            assert_eq!(&gdp[column("evidence_period_end")], "2014-12-31");
            assert_eq!(&gdp[column("evidence_published")], "2015-02-06");
            assert_eq!(&gdp[column("margin")], "'-1.2 pp");
            assert_eq!(&gdp[column("margin_value")], "-1.2");
            assert_eq!(&gdp[column("margin_unit")], "pp");
        }
    }
}

#[test]
fn extract_csv_reads_back_with_the_csv_crate() {
    let out = extract_csv("tests/fixtures/check/missed-gdp-2014");
    let records = read_back("extract", &out, &CLAIM_COLUMNS, &CLAIM_NUMBERS);
    let gdp = records
        .iter()
        .find(|r| &r[6] == "economy.gdp" && &r[9] == "47")
        .expect("地区生产总值完成47亿元");
    assert_eq!(&gdp[12], "亿元");
    assert_eq!(&gdp[13], "4700000000");
    assert_eq!(&gdp[16], "2013-01-01");
}

/// Python's csv module on the same files: the way a data journalist's script reads them.
const PYTHON_READER: &str = r#"
import csv, json, sys

def is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False

report = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    numeric = [k for k in ("target_value", "evidence_value", "margin_value", "value", "low", "high")
               if rows and k in rows[0]]
    not_numbers = [r[k] for r in rows for k in numeric if r[k] != "" and not is_number(r[k])]
    formulas = [v for r in rows for v in r.values()
                if v[:1] in ("=", "+", "-", "@", "\t", "\r") and not is_number(v)]
    report[path] = {"bom": bom, "rows": len(rows), "columns": list(rows[0].keys()) if rows else [],
                    "numeric": numeric, "not_numbers": not_numbers, "formulas": formulas}
json.dump(report, sys.stdout)
"#;

#[test]
fn python_reads_both_csvs_with_numbers_and_no_formulas() {
    let python = ["python3", "python"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some(python) = python else {
        eprintln!("SKIPPED: no python3 on PATH; the CSV is read back by the csv crate only");
        return;
    };
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("spreadsheet");
    std::fs::create_dir_all(&dir).unwrap();
    let findings = dir.join("findings.csv");
    let claims = dir.join("claims.csv");
    std::fs::write(&findings, check_csv("corpus")).unwrap();
    std::fs::write(&claims, extract_csv("corpus")).unwrap();
    let mut child = Command::new(python)
        .arg("-")
        .arg(&findings)
        .arg(&claims)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PYTHON_READER.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "python: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for (path, columns) in [
        (&findings, &FINDING_COLUMNS[..]),
        (&claims, &CLAIM_COLUMNS[..]),
    ] {
        let file = &report[path.to_str().unwrap()];
        assert_eq!(file["bom"], true, "{file}");
        assert!(file["rows"].as_u64().unwrap() > 10, "{file}");
        assert_eq!(file["columns"], serde_json::json!(columns), "{file}");
        assert_eq!(file["formulas"], serde_json::json!([]), "{file}");
        assert_eq!(file["not_numbers"], serde_json::json!([]), "{file}");
        assert!(file["numeric"].as_array().unwrap().len() >= 3, "{file}");
    }
}
