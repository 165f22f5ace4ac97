//! Claims: a stated target or a reported outcome, located in its article.
//!
//! A [`Claim`] is what extraction produces and what reconciliation consumes — the seam between
//! the two. It carries everything reconciliation needs (entity, metric, kind, value interval,
//! comparator, period or deadline), so a corpus can be extracted in shards, written as JSONL and
//! reconciled once from those lines alone. The wire format is documented in
//! [`crate::report::claims`].

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What a claim states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A goal: `主要目标是:地区生产总值增长11%`, `到2029年…进入前100名`.
    Target,
    /// A reported figure for a whole period: `2013年…地区生产总值完成47亿元`.
    Outcome,
    /// A reported figure for part of a period: `1~8月份完成投资62.1亿元,占年度计划的70.1%`.
    Progress,
}

/// A period of days, both ends inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// One claim, with everything reconciliation needs and where it stands in its article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id derived from the document path and the span (see [`claim_id`]).
    pub id: String,
    /// The document's name: its path relative to the project root, normalised (see
    /// [`crate::project`]).
    pub doc: String,
    /// Byte span in the document's source text: from the metric words through the quantity.
    pub span: Span,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column of the span's start, in characters.
    pub column: usize,
    /// The source text of the span, exactly as in the file.
    pub text: String,
    /// Target, outcome or progress.
    pub kind: ClaimKind,
    /// Who the claim is about (`中站区`, `焦作市`).
    pub entity: String,
    /// Metric id (`economy.gdp_growth`).
    pub metric: String,
    /// The metric as the article words it (`农民人均纯收入增速`, where the rule says
    /// `农村居民人均收入增速`).
    pub metric_name: String,
    /// The number as printed, in the printed unit (`"47"`); `None` for a milestone (a date-only
    /// target such as `10月份开工`).
    pub value: Option<Decimal>,
    /// The printed unit (`"亿元"`).
    pub unit: String,
    /// Lower end of the value's interval in the printed unit; `None` when unbounded.
    pub low: Option<Decimal>,
    /// Upper end of the value's interval in the printed unit; `None` when unbounded.
    pub high: Option<Decimal>,
    /// The value in the base unit (`"4700000000"`); `None` for a milestone.
    pub base_value: Option<Decimal>,
    /// The base unit (`"元"`).
    pub base_unit: String,
    /// The printed qualifier (`余`, `以上`, `控制在…以内`), if any.
    pub qualifier: Option<String>,
    /// How the true figure relates to the value: `=`, `>=`, `<=`, `>`, `<`, `rank<=`.
    pub comparator: String,
    /// The period an outcome or progress figure measures, or an annual target's year.
    pub period: Option<DateRange>,
    /// The day by which a target is due.
    pub deadline: Option<NaiveDate>,
    /// The id of the rule that produced the claim.
    pub rule: String,
    /// The publication date of the claim's document: which report is the latest, and whether
    /// a value was known before a target was set.
    pub published: NaiveDate,
    /// Index of the claim's sentence in its document (0-based): arithmetic is checked among
    /// the figures of one sentence.
    pub sentence: usize,
}

impl Claim {
    /// The figure as printed with its bound: `≥11%`, `≤6‰`, `88.5亿元`, `top 100` — how
    /// findings and reports state a target.
    pub fn stated(&self) -> String {
        let Some(value) = self.value else {
            return "(no number)".to_owned();
        };
        let unit = &self.unit;
        match self.comparator.as_str() {
            ">=" => format!("≥{value}{unit}"),
            "<=" => format!("≤{value}{unit}"),
            ">" => format!(">{value}{unit}"),
            "<" => format!("<{value}{unit}"),
            "rank<=" => format!("top {value}"),
            _ => format!("{value}{unit}"),
        }
    }

    /// The figure as printed, without its bound (`9.8%`, `130位`): how a report
    /// is quoted.
    pub fn figure(&self) -> String {
        match self.value {
            Some(value) => format!("{value}{}", self.unit),
            None => "(no number)".to_owned(),
        }
    }
}

/// A stable claim id: the document path and the span, hashed (FNV-1a, 64 bits) so that the
/// same input always gives the same id, on every machine and every run.
pub fn claim_id(doc: &str, span: Span) -> String {
    let hash = crate::hash::fnv1a64(&format!("{doc}#{}-{}", span.start, span.end));
    format!("c-{hash:016x}")
}

/// Sorts claims into their deterministic output order: document, then position, then metric.
pub fn sort(claims: &mut [Claim]) {
    claims.sort_by(|a, b| {
        (
            a.doc.as_str(),
            a.span.start,
            a.span.end,
            a.metric.as_str(),
            a.kind,
        )
            .cmp(&(
                b.doc.as_str(),
                b.span.start,
                b.span.end,
                b.metric.as_str(),
                b.kind,
            ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = claim_id("corpus/a.txt", Span::new(10, 20));
        assert_eq!(a, claim_id("corpus/a.txt", Span::new(10, 20)));
        assert_ne!(a, claim_id("corpus/a.txt", Span::new(10, 21)));
        assert_ne!(a, claim_id("corpus/b.txt", Span::new(10, 20)));
        assert!(a.starts_with("c-") && a.len() == 18);
    }
}
