//! CSV that spreadsheets open as meant: `check --format csv` (one row per target) and
//! `extract --format csv` (one row per claim).
//!
//! - **UTF-8 with a byte-order mark**, so that Excel on Windows does not read the Chinese as
//!   ANSI; RFC 4180 quoting; a header row; `\n` line ends.
//! - **Numbers apart from units**: a value, the low and high ends of its rounding interval and
//!   its unit are four columns (`47`, `46.5`, `47.5`, `亿元`), the numbers plain decimals
//!   exactly as printed, empty when absent or unbounded. Dates are ISO (`2014-12-31`).
//! - **No formulas**: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//!   and is not a plain number gets a leading `'` (`-8个` is written `'-8个`), the convention
//!   spreadsheets show as text and OWASP recommends against CSV injection. A plain number
//!   (`-1.2`) stays a number.
//! - **Comparators in words** (`at least`, `at most`, `exactly`, `more than`, `less than`,
//!   `rank at most`), so that `=` is never a cell of its own.
//!
//! # `check --format csv`
//!
//! [`FINDING_COLUMNS`]: `entity`, `metric` (as the article words it), `metric_id`, `verdict`,
//! `severity`; the target as `target` (the stated figure, `≥11%`), `comparator`,
//! `target_value`, `target_low`, `target_high`, `target_unit`, `deadline`; the evidence
//! published last as `evidence_value`, `evidence_low`, `evidence_high`, `evidence_unit`,
//! `evidence_period_start`, `evidence_period_end`, `evidence_published`, `evidence_doc`; the
//! `margin` as computed (`-1.2 pp`), split into `margin_value` and `margin_unit`; and where the
//! target is: `doc`, `line`, `column`, and `anchor` (the card's id in the HTML report).
//!
//! # `extract --format csv`
//!
//! [`CLAIM_COLUMNS`]: `id`, `doc`, `line`, `column`, `kind`, `entity`, `metric_id`, `metric`,
//! `comparator`, `value`, `low`, `high`, `unit`, `base_value`, `base_unit`, `qualifier`,
//! `period_start`, `period_end`, `deadline`, `published`, `rule`, and `text` (the claim's
//! words as printed, layout whitespace removed).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::claim::Claim;

use super::{Context, ledger, quote};

/// The byte-order mark every CSV starts with.
pub const BOM: &str = "\u{feff}";

/// The columns of `check --format csv`.
pub const FINDING_COLUMNS: [&str; 27] = [
    "entity",
    "metric",
    "metric_id",
    "verdict",
    "severity",
    "target",
    "comparator",
    "target_value",
    "target_low",
    "target_high",
    "target_unit",
    "deadline",
    "evidence_value",
    "evidence_low",
    "evidence_high",
    "evidence_unit",
    "evidence_period_start",
    "evidence_period_end",
    "evidence_published",
    "evidence_doc",
    "margin",
    "margin_value",
    "margin_unit",
    "doc",
    "line",
    "column",
    "anchor",
];

/// The columns of `extract --format csv`.
pub const CLAIM_COLUMNS: [&str; 22] = [
    "id",
    "doc",
    "line",
    "column",
    "kind",
    "entity",
    "metric_id",
    "metric",
    "comparator",
    "value",
    "low",
    "high",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "period_start",
    "period_end",
    "deadline",
    "published",
    "rule",
    "text",
];

/// One row per target finding, whatever its level, in report order.
pub fn findings(context: &Context) -> String {
    let (findings, articles) = (context.findings, context.articles);
    let anchors = quote::anchors(findings);
    let rows = findings
        .iter()
        .zip(anchors)
        .filter_map(|(f, anchor)| Some((f, f.code.verdict()?, anchor)))
        .map(|(f, verdict, anchor)| {
            let target = &f.target;
            let latest = ledger::latest(f, articles);
            let margin = ledger::margin(f);
            let (margin_value, margin_unit) = split_number(&margin);
            let mut row = vec![
                target.entity.clone(),
                target.metric_name.clone(),
                target.metric.clone(),
                verdict.to_owned(),
                context.level(f).as_str().to_owned(),
                target.stated(),
                comparator_words(target.comparator.as_str()).to_owned(),
            ];
            row.extend(numbers(target));
            row.push(target.unit.clone());
            row.push(date(target.deadline));
            match latest {
                Some(claim) => {
                    row.extend(numbers(claim));
                    row.push(claim.unit.clone());
                    row.push(date(claim.period.map(|p| p.start)));
                    row.push(date(claim.period.map(|p| p.end)));
                    row.push(ledger::published(articles, claim).to_string());
                    row.push(claim.doc.clone());
                }
                None => row.extend(std::iter::repeat_n(String::new(), 8)),
            }
            row.extend([
                if margin == "—" {
                    String::new()
                } else {
                    margin.clone()
                },
                margin_value,
                margin_unit,
                target.doc.clone(),
                target.line.to_string(),
                target.column.to_string(),
                anchor,
            ]);
            row
        });
    write(&FINDING_COLUMNS, rows)
}

/// One row per claim, in output order.
pub fn claims(claims: &[Claim]) -> String {
    let rows = claims.iter().map(|c| {
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let mut row = vec![
            c.id.clone(),
            c.doc.clone(),
            c.line.to_string(),
            c.column.to_string(),
            kind,
            c.entity.clone(),
            c.metric.clone(),
            c.metric_name.clone(),
            comparator_words(c.comparator.as_str()).to_owned(),
        ];
        row.extend(numbers(c));
        row.push(c.unit.clone());
        row.push(decimal(c.base_value));
        row.push(c.base_unit.clone());
        row.push(c.qualifier.clone().unwrap_or_default());
        row.push(date(c.period.map(|p| p.start)));
        row.push(date(c.period.map(|p| p.end)));
        row.push(date(c.deadline));
        row.push(c.published.to_string());
        row.push(c.rule.clone());
        row.push(quote::as_printed(&c.text));
        row
    });
    write(&CLAIM_COLUMNS, rows)
}

/// The header and rows as CSV behind a byte-order mark, every cell neutralised.
fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(BOM.as_bytes().to_vec());
    let records = std::iter::once(header.iter().map(|h| (*h).to_owned()).collect()).chain(rows);
    for record in records {
        writer
            .write_record(record.iter().map(|cell| neutralise(cell).into_owned()))
            .expect("writing CSV into memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8(bytes).expect("every cell is UTF-8")
}

/// A cell that no spreadsheet evaluates: `'` before a leading `=`, `+`, `-`, `@`, tab or
/// carriage return, unless the whole cell is a plain number.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<Decimal>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A claim's value, low and high ends, as plain decimals (empty when absent).
fn numbers(claim: &Claim) -> [String; 3] {
    [
        decimal(claim.value),
        decimal(claim.low),
        decimal(claim.high),
    ]
}

fn decimal(value: Option<Decimal>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

fn date(day: Option<chrono::NaiveDate>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

/// A comparator in words: `>=` is `at least`.
fn comparator_words(comparator: &str) -> &str {
    match comparator {
        "=" => "exactly",
        ">=" => "at least",
        "<=" => "at most",
        ">" => "more than",
        "<" => "less than",
        "rank<=" => "rank at most",
        other => other,
    }
}

/// A computed margin split into its number and the rest: `-1.2 pp` → (`-1.2`, `pp`),
/// `+34.7亿元` → (`34.7`, `亿元`), `70.1% done` → (`70.1`, `% done`); both empty when it does
/// not start with a number.
fn split_number(margin: &str) -> (String, String) {
    static PATTERN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([+-]?)(\d+(?:\.\d+)?)\s*(.*)$").expect("a valid pattern"));
    let Some(parts) = PATTERN.captures(margin) else {
        return (String::new(), String::new());
    };
    let sign = if &parts[1] == "-" { "-" } else { "" };
    (format!("{sign}{}", &parts[2]), parts[3].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_be_formulas_become_text() {
        assert_eq!(neutralise("-8个"), "'-8个");
        assert_eq!(neutralise("+34.7亿元"), "'+34.7亿元");
        assert_eq!(neutralise("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("-1.2"), "-1.2");
        assert_eq!(neutralise("47"), "47");
        assert_eq!(neutralise("中站区"), "中站区");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn margins_split_into_number_and_unit() {
        let split = |m: &str| split_number(m);
        assert_eq!(split("-1.2 pp"), ("-1.2".into(), "pp".into()));
        assert_eq!(split("+34.7亿元"), ("34.7".into(), "亿元".into()));
        assert_eq!(split("70.1% done"), ("70.1".into(), "% done".into()));
        assert_eq!(split("—"), (String::new(), String::new()));
    }
}
