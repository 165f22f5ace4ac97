//! Claims as a table, as JSON and as JSONL.
//!
//! # JSON (`--format json`)
//!
//! ```json
//! {"schema": "claimcheck.claims/1",
//!  "claims": [
//!   {"id": "c-5f0c…", "doc": "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
//!    "span": {"start": 1234, "end": 1290}, "line": 69, "column": 1,
//!    "text": "2013\n\n年，中站区地区生产总值\n\n完成\n\n47\n\n亿元",
//!    "kind": "outcome", "entity": "中站区",
//!    "metric": "economy.gdp", "measure": "amount", "metric_name": "地区生产总值",
//!    "value": "47", "unit": "亿元", "low": "46.5", "high": "47.5",
//!    "base_value": "4700000000", "base_unit": "元",
//!    "qualifier": null, "comparator": "=", "estimate": false,
//!    "period": {"start": "2013-01-01", "end": "2013-12-31"}, "deadline": null,
//!    "rule": "economy.gdp", "published": "2014-02-15", "sentence": 41}]}
//! ```
//!
//! - `span` is a byte range into the document's source text (front matter included),
//!   end-exclusive, on char boundaries; `line` and `column` are 1-based, the column counted in
//!   characters; `text` is the source slice.
//! - `kind` is `target`, `outcome` or `progress`.
//! - Decimals (`value`, `low`, `high`, `base_value`) are strings, exact as printed; `low` or
//!   `high` is `null` when that side is unbounded. `value` and `unit` are in the printed unit.
//!   A milestone — a target that dates an event without a number (`紫荆大道项目10月份开工`) —
//!   has `value`, `low`, `high` and `base_value` `null`, `unit` and `base_unit` empty,
//!   comparator `=`, metric `milestone.<verb>`, and the project as its `entity`.
//! - `metric` is the rule's id and groups a metric's phrasings (`农民人均纯收入` and
//!   `农村居民人均可支配收入` are one series); `metric_name` is the metric as this article words
//!   it, with the ending of its measure (`农民人均纯收入增速`). Ids starting `text.` are metrics
//!   no rule names, identified by their name.
//! - `measure` says what the figure measures and so how figures of other periods compare with
//!   it: `level` (at a date), `amount` (over a period; only amounts add up and are compared pro
//!   rata), `count` (things at a date), `growth`, `share`, `rate`, `rank`, `progress` (a share
//!   of a yearly plan done) or `event` (a milestone). It comes from the metric's rule, or from the
//!   wording for a derived metric.
//! - `value_to` is present only for a printed range (`6%-6.5%` → `value` 6, `value_to` 6.5).
//! - `comparator` is one of `=`, `>=`, `<=`, `>`, `<`, `rank<=`. A target's plain figure is a
//!   floor (`>=`), or a ceiling (`<=`) for a lower-is-better metric (`居民消费价格涨幅`,
//!   `失业率`, `能耗`) and for a goal worded as a fall (`下降2.5%` is a growth of at most −2.5%).
//! - `estimate` is `true` for a figure printed as an estimate (`预计全年…`, `初步核算`): an
//!   outcome that counts only until a final figure for its period is known, never a target.
//!   Shards written before these fields existed read `measure` as `level` and `estimate` as
//!   `false`.
//! - `period` (inclusive ISO dates) is what an outcome or progress figure measures, or an
//!   annual target's year; `deadline` is when a target is due. Either may be `null`.
//! - `published` is the document's publication date; `sentence` the 0-based index of the
//!   claim's sentence in its document (arithmetic checks stay inside one sentence).
//! - `id` is stable across runs (derived from `doc` and `span`); claims are ordered by
//!   document, then position.
//!
//! # JSONL (`--format jsonl`)
//!
//! One claim object per line, the same fields as above, in the same order, without the
//! wrapper. Reconciliation accepts these lines back as input, so a large corpus can be
//! extracted in shards and reconciled once.
//!
//! # Summary (`--format summary`)
//!
//! Claims counted per metric family (the part of the metric id before the first `.`; `text`
//! for metrics named from the article's words) and kind, with totals; then the numbers that
//! gave no claim because no metric name could be made for them, so that recall lost to naming
//! stays visible.
//!
//! # CSV (`--format csv`)
//!
//! One row per claim for spreadsheets, numbers and units in columns of their own: see
//! [`super::spreadsheet`].
//!
//! # Table (`--format table`)
//!
//! One line per claim for people: `line:column`, kind, entity, metric name, comparator and
//! value with unit, period or deadline, and the source text on one line.

use std::fmt::Write as _;

use serde::Serialize;

use crate::claim::{Claim, ClaimKind};

pub use crate::wire::claims::{ClaimsDocument, SCHEMA};

/// The claims as one pretty-printed JSON document.
pub fn json(claims: &[Claim]) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serialization does, which claims never do.
    write_json(&mut out, claims).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the bytes of [`json`] to `out` as it goes, without copying the claims.
pub fn write_json(out: &mut impl std::io::Write, claims: &[Claim]) -> std::io::Result<()> {
    /// A [`ClaimsDocument`] borrowed from the claims.
    #[derive(Serialize)]
    struct DocumentRef<'c> {
        schema: &'static str,
        claims: &'c [Claim],
    }
    let mut buffered = std::io::BufWriter::new(out);
    let document = DocumentRef {
        schema: SCHEMA,
        claims,
    };
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    std::io::Write::write_all(&mut buffered, b"\n")?;
    std::io::Write::flush(&mut buffered)
}

/// The claims as JSON lines.
pub fn jsonl(claims: &[Claim]) -> String {
    claims
        .iter()
        .filter_map(|c| serde_json::to_string(c).ok())
        .map(|line| line + "\n")
        .collect()
}

/// The claims as a table for people, grouped by document.
pub fn table(claims: &[Claim]) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for c in claims {
        if current != Some(c.doc.as_str()) {
            let _ = writeln!(
                out,
                "{}{}",
                if current.is_some() { "\n" } else { "" },
                c.doc
            );
            current = Some(&c.doc);
        }
        let when = match (c.deadline, c.period) {
            (Some(deadline), _) => format!("by {deadline}"),
            (None, Some(p)) if p.start == p.end => p.start.to_string(),
            (None, Some(p)) => format!("{}…{}", p.start, p.end),
            (None, None) => "-".to_string(),
        };
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let figure = match c.value {
            Some(value) => format!(
                "{} {value}{}{}",
                c.comparator.as_str(),
                c.unit,
                c.qualifier
                    .as_deref()
                    .map(|q| format!(" ({q})"))
                    .unwrap_or_default()
            ),
            None => "(milestone)".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {:>9}  {kind:<8}  {}  {}  {figure}  {when}  «{}»",
            format!("{}:{}", c.line, c.column),
            c.entity,
            c.metric_name,
            c.text.replace('\n', "⏎"),
        );
    }
    if claims.is_empty() {
        out.push_str("no claims\n");
    }
    out
}

/// Claims per metric family and kind, as an aligned table with totals, and the count of
/// `unnamed` numbers (skipped for want of a metric name).
pub fn summary(claims: &[Claim], unnamed: usize) -> String {
    use std::collections::BTreeMap;
    let kinds = [ClaimKind::Target, ClaimKind::Outcome, ClaimKind::Progress];
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for c in claims {
        let family = c.metric.split('.').next().unwrap_or_default();
        let row = counts.entry(family).or_default();
        if let Some(i) = kinds.iter().position(|k| *k == c.kind) {
            row[i] += 1;
        }
    }
    let mut out = format!(
        "{:<12} {:>7} {:>7} {:>8} {:>6}\n",
        "family", "target", "outcome", "progress", "total"
    );
    let mut totals = [0; 3];
    for (family, row) in &counts {
        for (total, n) in totals.iter_mut().zip(row) {
            *total += n;
        }
        let _ = writeln!(
            out,
            "{family:<12} {:>7} {:>7} {:>8} {:>6}",
            row[0],
            row[1],
            row[2],
            row.iter().sum::<usize>()
        );
    }
    let _ = writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>8} {:>6}",
        "all",
        totals[0],
        totals[1],
        totals[2],
        totals.iter().sum::<usize>()
    );
    out.push_str(&format!(
        "numbers skipped, no metric name could be made: {unnamed}\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{DateRange, claim_id};
    use crate::span::Span;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn gdp_2013() -> Claim {
        let doc = "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt".to_string();
        let span = Span::new(100, 120);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Claim {
            id: claim_id(&doc, span),
            doc,
            span,
            line: 69,
            column: 1,
            text: "地区生产总值\n\n完成\n\n47\n\n亿元".to_string(),
            kind: ClaimKind::Outcome,
            entity: "中站区".to_string(),
            metric: "economy.gdp".to_string(),
            metric_name: "地区生产总值".to_string(),
            value: Some(Decimal::new(47, 0)),
            unit: "亿元".to_string(),
            low: Some(Decimal::new(465, 1)),
            high: Some(Decimal::new(475, 1)),
            base_value: Some(Decimal::new(4_700_000_000, 0)),
            base_unit: "元".to_string(),
            qualifier: None,
            comparator: crate::claim::Comparator::Eq,
            estimate: false,
            measure: crate::claim::Measure::Growth,
            value_to: None,
            period: Some(DateRange {
                start: day(2013, 1, 1),
                end: day(2013, 12, 31),
            }),
            deadline: None,
            rule: "economy.gdp".to_string(),
            published: NaiveDate::from_ymd_opt(2014, 2, 15).unwrap(),
            sentence: 41,
        }
    }

    #[test]
    fn json_round_trips_into_the_crate_types() {
        let claims = vec![gdp_2013()];
        let back: ClaimsDocument = serde_json::from_str(&json(&claims)).unwrap();
        assert_eq!(back.schema, SCHEMA);
        assert_eq!(back.claims, claims);
        let line: Claim = serde_json::from_str(jsonl(&claims).trim_end()).unwrap();
        assert_eq!(line, claims[0]);
    }

    #[test]
    fn decimals_are_strings_exact_as_printed() {
        let value: serde_json::Value = serde_json::from_str(&jsonl(&[gdp_2013()])).unwrap();
        assert_eq!(value["value"], "47");
        assert_eq!(value["low"], "46.5");
        assert_eq!(value["base_value"], "4700000000");
        assert_eq!(value["period"]["end"], "2013-12-31");
        assert_eq!(value["kind"], "outcome");
    }

    #[test]
    fn summary_counts_by_family_and_kind() {
        let mut target = gdp_2013();
        target.kind = ClaimKind::Target;
        target.metric = "text.安置群众人数".to_string();
        let summary = summary(&[gdp_2013(), gdp_2013(), target], 4);
        assert!(
            summary.contains("economy            0       2        0      2"),
            "{summary}"
        );
        assert!(
            summary.contains("text               1       0        0      1"),
            "{summary}"
        );
        assert!(
            summary.contains("all                1       2        0      3"),
            "{summary}"
        );
        assert!(
            summary.ends_with("numbers skipped, no metric name could be made: 4\n"),
            "{summary}"
        );
    }

    #[test]
    fn table_shows_one_line_per_claim() {
        let table = table(&[gdp_2013()]);
        assert!(
            table.contains("69:1  outcome   中站区  地区生产总值  = 47亿元  2013-01-01…2013-12-31"),
            "{table}"
        );
    }
}
