//! The target ledger: one row per target and what became of it, for a fact-checker to paste
//! into an article (`--format ledger`, Markdown). The same rows, with numbers and units in
//! columns of their own, are the spreadsheet CSV of [`super::spreadsheet`].
//!
//! ```markdown
//! # Targets as of 2015-02-06
//!
//! | entity | metric | target | deadline | verdict | latest evidence | evidence period | evidence published | margin | source |
//! | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
//! | 中站区 | 地区生产总值(GDP)增速 | ≥11% | 2014-12-31 | missed | 9.8% (2015-02-06-zhongzhanqu-2014-huigu.txt) | 2014 | 2015-02-06 | -1.2 pp | tests/fixtures/check/missed-gdp-2014/2014-02-15-zhongzhanqu-sige-zhongzhan.txt:463 |
//! ```
//!
//! - Every target finding (a `target::` code) is a row, whatever its level, in report order.
//!   A restated target has a row of its own (verdict `restated`) beside the row of its verdict.
//! - `metric` is the metric as the article words it; `target` the stated figure with its
//!   bound (`≥11%`, `top 100`); `deadline` the day it is due, `—` when it has none.
//! - `verdict` is the code without `target::` (`missed`, `on-track`).
//! - `latest evidence` is the evidence claim published last: its figure and its document's
//!   file name; `evidence period` the period that figure measures (`2014` for a calendar year,
//!   else `start – end`), `evidence published` its document's publication date; `—` when the
//!   finding cites none.
//! - `margin` is the first of the finding's computed `difference` (reported − target),
//!   `distance` (latest known value − target, for an open target) and `done_percent` (share of
//!   the plan done, written `70.1% done`); `—` when it has none.
//! - `source` is where the target is stated: `doc:line`.
//! - `|` and `\\` in a cell are escaped and line breaks become `<br>`.

use std::path::Path;

use chrono::NaiveDate;

use crate::claim::Claim;
use crate::finding::Finding;

use super::Context;
use super::articles::Articles;

/// The column names, in order.
pub const COLUMNS: [&str; 10] = [
    "entity",
    "metric",
    "target",
    "deadline",
    "verdict",
    "latest evidence",
    "evidence period",
    "evidence published",
    "margin",
    "source",
];

/// What an empty cell shows.
const NONE: &str = "—";

/// The ledger as a Markdown title line and table: every target finding, whatever its level.
pub fn markdown(context: &Context) -> String {
    let mut out = format!("# Targets as of {}\n\n", context.as_of);
    out.push_str(&table_row(COLUMNS.iter().copied()));
    out.push_str(&table_row(COLUMNS.iter().map(|_| "---")));
    for row in rows(context.findings, context.articles) {
        let cells: Vec<String> = row.iter().map(|cell| escape_cell(cell)).collect();
        out.push_str(&table_row(cells.iter().map(String::as_str)));
    }
    out
}

/// One row per target finding, cells unescaped.
pub fn rows(findings: &[Finding], articles: &Articles) -> Vec<[String; 10]> {
    findings
        .iter()
        .filter_map(|f| Some((f, f.code.verdict()?)))
        .map(|(f, verdict)| {
            let target = &f.target;
            let latest = latest(f, articles);
            let or_none = |cell: Option<String>| cell.unwrap_or_else(|| NONE.to_owned());
            [
                target.entity.clone(),
                target.metric_name.clone(),
                target.stated(),
                or_none(target.deadline.map(|d| d.to_string())),
                verdict.to_owned(),
                or_none(latest.map(|c| format!("{} ({})", c.figure(), file_name(&c.doc)))),
                or_none(latest.and_then(|c| c.period).map(super::quote::period_text)),
                or_none(latest.map(|c| published(articles, c).to_string())),
                margin(f),
                format!("{}:{}", target.doc, target.line),
            ]
        })
        .collect()
}

/// The evidence claim published last (the later one in its article on a tie).
pub(crate) fn latest<'f>(finding: &'f Finding, articles: &Articles) -> Option<&'f Claim> {
    finding
        .evidence
        .iter()
        .map(|e| &e.claim)
        .max_by_key(|c| (published(articles, c), c.span.start))
}

/// The publication date of a claim's article.
pub(crate) fn published(articles: &Articles, claim: &Claim) -> NaiveDate {
    articles
        .get(&claim.doc)
        .map_or(claim.published, |a| a.published)
}

/// The file name of a document path.
fn file_name(doc: &str) -> String {
    Path::new(doc)
        .file_name()
        .map_or_else(|| doc.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// The finding's margin: how far the figure is from the target, or how much is done.
pub(crate) fn margin(finding: &Finding) -> String {
    let computed = |name: &str| finding.computation.get(name).filter(|v| !v.is_empty());
    if let Some(value) = computed("difference").or_else(|| computed("distance")) {
        return value.clone();
    }
    computed("done_percent").map_or_else(|| NONE.to_owned(), |done| format!("{done}% done"))
}

/// `| a | b |` and a line break.
fn table_row<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(cell);
        line.push_str(" |");
    }
    line.push('\n');
    line
}

/// A cell that cannot break the table: `\` and `|` escaped, line breaks as `<br>`.
fn escape_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\r', '\n'], "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_backslashes_and_line_breaks() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape_cell("一\r\n二\n三\r四"), "一<br>二<br>三<br>四");
    }

    #[test]
    fn rows_are_pipe_delimited() {
        assert_eq!(table_row(["a", "b"].into_iter()), "| a | b |\n");
    }
}
