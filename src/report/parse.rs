//! Output of `claimcheck parse`: every quantity and time expression in a text or document.
//!
//! # Human format
//!
//! One line per item: kind, `line:column` of its start in the input, the text as written, and
//! how it was read — value and unit (with the base value), interval, comparator and qualifier
//! for a quantity; the resolved period (inclusive), its kind and where its year came from for a
//! time expression.
//!
//! # JSON format (`--format json`)
//!
//! One JSON object per input (per TEXT argument, or one for `--file`), each on its own line:
//!
//! ```json
//! {"schema":"claimcheck.parse/1","input":"2013年地区生产总值完成47亿元","doc":null,
//!  "published":"2014-02-15","normalized":"2013年地区生产总值完成47亿元",
//!  "quantities":[{"span":{"start":25,"end":33},"line":1,"column":15,"text":"47亿元",
//!                 "quantity":{"span":{"start":25,"end":33},"printed":"47亿元","value":"47",
//!                             "low":{"value":"46.5","inclusive":true},
//!                             "high":{"value":"47.5","inclusive":false},
//!                             "unit":{"printed":"亿元","base":"元","factor":"100000000",…},
//!                             "base_value":"4700000000","comparator":"=",…}}],
//!  "times":[{"span":{"start":0,"end":7},"line":1,"column":1,"text":"2013年",
//!            "time":{"printed":"2013年","kind":"measured",
//!                    "period":{"start":"2013-01-01","end":"2013-12-31"},…}}]}
//! ```
//!
//! - `unparsed` lists numbers left unread because exact decimals cannot hold them (too large,
//!   or more than 27 decimals), each with `span`, `line`, `column`, `text` and a `reason`;
//!   the human format shows them as `unparsed` lines. Nothing else is read from inside them.
//! - `span` is a byte range into the input as given (end-exclusive); `line` and `column` are
//!   1-based, the column counted in characters. `text` is the input's own characters there.
//! - `quantity` and `time` are the parser's readings; their own `span`/`range` index the
//!   `normalized` text. Decimals are strings, exact as printed (`"16.4"`, never `16.399…`).
//! - Periods are inclusive ISO dates.

use serde::Serialize;

use crate::quantity::{Bound, Quantity};
use crate::scan::{Located, Scan};
use crate::span::{LineIndex, Span};
use crate::time::TimeExpr;

/// One input and what was found in it.
pub struct Parsed<'a> {
    /// The input text as given (a TEXT argument, or a whole file).
    pub input: &'a str,
    /// The document path for `--file`.
    pub doc: Option<String>,
    /// The reference date.
    pub published: chrono::NaiveDate,
    /// The normalized text the parsers read.
    pub normalized: &'a str,
    /// What they found.
    pub scan: &'a Scan,
}

#[derive(Serialize)]
struct Item<'a, T> {
    span: Span,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(flatten)]
    reading: T,
}

#[derive(Serialize)]
struct QuantityReading<'a> {
    quantity: &'a Quantity,
}

#[derive(Serialize)]
struct TimeReading<'a> {
    time: &'a TimeExpr,
}

#[derive(Serialize)]
struct UnparsedReading<'a> {
    reason: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    input: &'a str,
    doc: Option<&'a str>,
    published: chrono::NaiveDate,
    normalized: &'a str,
    quantities: Vec<Item<'a, QuantityReading<'a>>>,
    times: Vec<Item<'a, TimeReading<'a>>>,
    unparsed: Vec<Item<'a, UnparsedReading<'a>>>,
}

fn item<'a, T, R>(
    input: &'a str,
    lines: &LineIndex,
    found: &'a Located<T>,
    reading: R,
) -> Item<'a, R> {
    let (line, column) = lines.line_col(input, found.span.start);
    Item {
        span: found.span,
        line,
        column,
        text: &input[found.span.range()],
        reading,
    }
}

/// The JSON line for one input.
pub fn json(parsed: &Parsed) -> String {
    let input = parsed.input;
    let lines = LineIndex::new(input);
    let document = Document {
        schema: "claimcheck.parse/1",
        input: if parsed.doc.is_some() { "" } else { input },
        doc: parsed.doc.as_deref(),
        published: parsed.published,
        normalized: parsed.normalized,
        quantities: parsed
            .scan
            .quantities
            .iter()
            .map(|q| item(input, &lines, q, QuantityReading { quantity: &q.item }))
            .collect(),
        times: parsed
            .scan
            .times
            .iter()
            .map(|t| item(input, &lines, t, TimeReading { time: &t.item }))
            .collect(),
        unparsed: parsed
            .scan
            .unparsed
            .iter()
            .map(|u| {
                let reason = UnparsedReading {
                    reason: &u.item.reason,
                };
                item(input, &lines, u, reason)
            })
            .collect(),
    };
    serde_json::to_string(&document).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// The human-readable listing for one input.
pub fn human(parsed: &Parsed) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    match &parsed.doc {
        Some(doc) => {
            let _ = writeln!(out, "{doc}  published {}", parsed.published);
        }
        None => {
            let _ = writeln!(
                out,
                "{}  (reference date {})",
                parsed.input, parsed.published
            );
        }
    }
    // Quantities and times interleaved in text order.
    let mut lines: Vec<(Span, String)> = Vec::new();
    for q in &parsed.scan.quantities {
        lines.push((q.span, format!("quantity  {}", describe_quantity(&q.item))));
    }
    for t in &parsed.scan.times {
        lines.push((t.span, format!("time      {}", describe_time(&t.item))));
    }
    for u in &parsed.scan.unparsed {
        lines.push((u.span, format!("unparsed  {}", u.item.reason)));
    }
    lines.sort_by_key(|(span, _)| (span.start, span.end));
    if lines.is_empty() {
        let _ = writeln!(out, "  nothing found");
    }
    let index = LineIndex::new(parsed.input);
    for (span, line) in lines {
        let (l, c) = index.line_col(parsed.input, span.start);
        let text = parsed.input[span.range()].replace('\n', "⏎");
        let _ = writeln!(out, "  {:>9}  {}  «{text}»", format!("{l}:{c}"), line);
    }
    out
}

fn describe_quantity(q: &Quantity) -> String {
    let unit = &q.unit;
    let mut s = match &q.value_to {
        Some(to) => format!("{}~{} {}", q.value, to, unit.printed),
        None => format!("{} {}", q.value, unit.printed),
    };
    if unit.factor != rust_decimal::Decimal::ONE && !unit.base.is_empty() {
        s += &format!(" = {} {}", q.base_value.normalize(), unit.base);
    }
    s += &format!(" · {:?}", unit.dimension).to_lowercase();
    s += &format!(" · {}", interval(q.low.as_ref(), q.high.as_ref()));
    s += &format!(" · {}", q.comparator.as_str());
    if let Some(qualifier) = &q.qualifier {
        s += &format!(" · {qualifier}");
    }
    if let Some(rank) = &q.rank {
        if let Some(tier) = &rank.tier {
            s += &format!(" · tier {tier}");
        }
        if let Some(scope) = rank.scope.as_ref().filter(|s| !s.is_empty()) {
            s += &format!(" · within {scope}");
        }
    }
    s
}

fn interval(low: Option<&Bound>, high: Option<&Bound>) -> String {
    let open = match low {
        Some(b) if b.inclusive => format!("[{}", b.value.normalize()),
        Some(b) => format!("({}", b.value.normalize()),
        None => "(-∞".to_string(),
    };
    let close = match high {
        Some(b) if b.inclusive => format!("{}]", b.value.normalize()),
        Some(b) => format!("{})", b.value.normalize()),
        None => "∞)".to_string(),
    };
    format!("{open}, {close}")
}

fn describe_time(t: &TimeExpr) -> String {
    let as_str = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let kind = as_str(serde_json::to_value(t.kind));
    let source = as_str(serde_json::to_value(t.year_source));
    let mut s = if t.period.start == t.period.end {
        format!("{} · {kind} · year {source}", t.period.start)
    } else {
        format!(
            "{} … {} · {kind} · year {source}",
            t.period.start, t.period.end
        )
    };
    if let Some(frame) = &t.frame {
        s += &format!(" · frame {} … {}", frame.start, frame.end);
    }
    if t.in_progress {
        s += " · in progress";
    }
    s
}
