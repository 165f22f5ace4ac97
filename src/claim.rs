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

pub use crate::quantity::Comparator;
use crate::span::Span;

pub mod codec;
pub mod spill;
pub mod store;

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

/// What a claim's figure measures. It decides which figures can settle a target and how a
/// figure for part of a period is read: only an [`Measure::Amount`] adds up over time, so only
/// amounts are compared pro rata; a rate, share or level for part of a period is an indication.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A level at a date: a stock (`森林覆盖率`, `人才公寓800套` standing), a length, an area.
    #[default]
    Level,
    /// An amount over a period, adding up over time: output, revenue, investment, new jobs
    /// (`地区生产总值完成47亿元`, `新增城镇就业5260人`).
    Amount,
    /// A number of things at a date (`高新技术企业达到50家`, `列入省重点项目3个`).
    Count,
    /// A change rate over a period (`同比增长12.9%`, `下降3%`, `涨幅3%`).
    Growth,
    /// A part of a whole (`占规模以上工业增加值的比重达60%`).
    Share,
    /// A ratio that is neither a growth nor a share (`城镇调查失业率5.5%`, `绿地率38%`).
    Rate,
    /// A position in a ranking (`居四城区第一位`, `前100名`).
    Rank,
    /// A share of a yearly plan done so far (`占年度投资计划的70.1%`).
    Progress,
    /// A dated event without a number (`10月份开工`).
    Event,
}

impl Measure {
    /// The measure as written in JSON (`amount`, `growth`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Amount => "amount",
            Measure::Count => "count",
            Measure::Growth => "growth",
            Measure::Share => "share",
            Measure::Rate => "rate",
            Measure::Rank => "rank",
            Measure::Progress => "progress",
            Measure::Event => "event",
        }
    }

    /// Whether the number is a magnitude of the thing itself (a level, an amount or a count)
    /// rather than a ratio derived from it: such metrics take the same wordings.
    pub const fn is_magnitude(self) -> bool {
        matches!(self, Measure::Level | Measure::Amount | Measure::Count)
    }

    /// Whether figures of this measure add up over a period, so that a part-period figure can
    /// be compared pro rata with a goal for the whole period.
    pub const fn adds_up(self) -> bool {
        matches!(self, Measure::Amount)
    }

    /// Whether a figure of this measure belongs to a period (a flow or a rate of change), as
    /// opposed to a value at a date that a later date can reach early.
    pub const fn is_of_a_period(self) -> bool {
        matches!(self, Measure::Amount | Measure::Growth)
    }
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
    /// What the figure measures (from the metric's rule, or from the wording for a derived
    /// metric): an amount over a period, a growth rate, a level at a date…
    #[serde(default)]
    pub measure: Measure,
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
    /// The upper end of a printed range (`6%-6.5%` → 6.5), in the printed unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_to: Option<Decimal>,
    /// The value in the base unit (`"4700000000"`); `None` for a milestone.
    pub base_value: Option<Decimal>,
    /// The base unit (`"元"`).
    pub base_unit: String,
    /// The printed qualifier (`余`, `以上`, `控制在…以内`), if any.
    pub qualifier: Option<String>,
    /// How the true figure relates to the value: `=`, `>=`, `<=`, `>`, `<`, `rank<=`.
    pub comparator: Comparator,
    /// An estimate (`预计全年…`, `初步核算`): it counts only until a final figure for the same
    /// period is known, and is never a target.
    #[serde(default)]
    pub estimate: bool,
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
        let figure = match self.value_to {
            Some(to) => format!("{value}–{to}{unit}"),
            None => format!("{value}{unit}"),
        };
        let about = self.is_approximate();
        match self.comparator {
            Comparator::Ge if about => format!("about {figure} or more"),
            Comparator::Le if about => format!("about {figure} or less"),
            Comparator::Ge => format!("≥{figure}"),
            Comparator::Le => format!("≤{figure}"),
            Comparator::Gt => format!(">{figure}"),
            Comparator::Lt => format!("<{figure}"),
            Comparator::RankLe => format!("top {value}"),
            Comparator::Eq if about => format!("about {figure}"),
            Comparator::Eq => figure,
        }
    }

    /// Whether the figure was printed as approximate (`左右`, `约`, `上下`, `大约`): a goal
    /// stated so is met within a band around it.
    pub fn is_approximate(&self) -> bool {
        self.qualifier
            .as_deref()
            .is_some_and(|q| ["左右", "约", "上下", "大约"].iter().any(|w| q.contains(w)))
    }

    /// Whether a reported figure is final: not an estimate, and not a figure for a whole period
    /// printed before that period ended (`全年…` in a December article).
    pub fn is_final(&self) -> bool {
        !self.estimate && self.period.is_none_or(|p| p.end <= self.published)
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
    // `{doc}#{start}-{end}` hashed in parts: ids are made for every claim, more than once in
    // `check`, and building the key and the id with `format!` was a noticeable share of it.
    let mut hash = crate::hash::Fnv1a64::new();
    hash.write(doc.as_bytes());
    hash.write(b"#");
    hash.write_decimal(span.start);
    hash.write(b"-");
    hash.write_decimal(span.end);
    let hash = hash.finish();
    let mut id = String::with_capacity(18);
    id.push_str("c-");
    id.extend(
        (0..16).rev().map(|nibble| {
            char::from_digit(((hash >> (4 * nibble)) & 0xf) as u32, 16).unwrap_or('0')
        }),
    );
    id
}

impl Claim {
    /// A claim of `text` at `span` in `doc` with every other field empty: no number, no
    /// period, comparator `=`. Extraction fills in what it found (a milestone has no number);
    /// tests build their cases from it.
    pub fn blank(doc: &str, span: Span, text: &str) -> Claim {
        Claim {
            id: claim_id(doc, span),
            doc: doc.to_owned(),
            span,
            line: 1,
            column: 1,
            text: text.to_owned(),
            kind: ClaimKind::Outcome,
            entity: String::new(),
            metric: String::new(),
            measure: Measure::Level,
            metric_name: String::new(),
            value: None,
            unit: String::new(),
            low: None,
            high: None,
            value_to: None,
            base_value: None,
            base_unit: String::new(),
            qualifier: None,
            comparator: Comparator::Eq,
            estimate: false,
            period: None,
            deadline: None,
            rule: String::new(),
            published: chrono::NaiveDate::MIN,
            sentence: 0,
        }
    }
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

/// A county's GDP claim of `text` at `start` in `doc`, published 2023-01-18: the sample the
/// claim store's and the claim codec's tests build their cases from.
#[cfg(test)]
pub(crate) fn sample_gdp_claim(doc: &str, start: usize, text: &str) -> Claim {
    let mut c = Claim::blank(doc, Span::new(start, start + text.len()), text);
    c.entity = "云水县".to_owned();
    c.metric = "economy.gdp".to_owned();
    c.metric_name = "地区生产总值".to_owned();
    c.unit = "亿元".to_owned();
    c.base_unit = "元".to_owned();
    c.value = Some(Decimal::new(1623, 1));
    c.low = Some(Decimal::new(16225, 2));
    c.high = Some(Decimal::new(16235, 2));
    c.base_value = Some(Decimal::new(16230000000, 0));
    c.rule = "economy.gdp".to_owned();
    c.published = NaiveDate::from_ymd_opt(2023, 1, 18).expect("a date");
    c
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

    #[test]
    fn ids_are_the_hash_of_path_and_span_in_lowercase_hex() {
        for (doc, span) in [
            ("corpus/a.txt", Span::new(10, 20)),
            ("区县/2024-政府工作报告.md", Span::new(0, 0)),
            ("b.txt", Span::new(987_654, 1_000_000)),
        ] {
            let key = format!("{doc}#{}-{}", span.start, span.end);
            let expected = format!("c-{:016x}", crate::hash::fnv1a64(&key));
            assert_eq!(claim_id(doc, span), expected, "{key}");
        }
    }
}
