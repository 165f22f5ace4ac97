//! Rule examples as tests: every `[[metric.example]]` and `[[metric.counterexample]]` sentence
//! run through the real extractor.
//!
//! The examples are the rules' own contract: a rule author states what a sentence must give, so
//! an edit to a rule file (or to the extractor) that breaks one is caught by
//! `claimcheck rules test` and by the test suite, not later in a corpus.
//!
//! - An example passes when one extracted claim is of its metric (`metric` is the metric id,
//!   possibly with a rank's scope `<id>@全市`, or `rule` is the id or one of its patterns,
//!   `<id>#patternN`) with the expected kind, value
//!   (numerically equal), unit as printed and, when the example gives them, the deadline and
//!   period bounds. A claim merely *derived* from the metric (`<id>+derived`, e.g. a growth rate
//!   named after a level metric) is a different metric and does not count.
//! - A counterexample passes when no extracted claim is of its metric.
//! - A metric needs examples in at least [`MIN_WORDINGS`] different sentences: one sentence
//!   shows that a rule reads that sentence, two wordings that it reads a phrasing family. (At
//!   least one counterexample is required when the rules load.)
//!
//! Each sentence is read as a document of its own, published on the example's date, about the
//! example's entity (when it names one), and ended with `。` when it does not end a sentence
//! already (a short unterminated line would be read as a heading).

use std::fmt::{self, Write as _};

use chrono::NaiveDate;

use super::{Counterexample, Example, Metric, RuleSet};
use crate::analyze;
use crate::claim::{Claim, ClaimKind};
use crate::corpus::Document;
use crate::extract;

/// How many differently worded examples a metric needs.
pub const MIN_WORDINGS: usize = 2;

/// The sentence an outcome is about.
#[derive(Clone, Copy, Debug)]
pub enum Case<'r> {
    /// A sentence that must give a claim of the metric.
    Example(&'r Example),
    /// A sentence that must not give the metric.
    Counterexample(&'r Counterexample),
}

impl Case<'_> {
    /// The sentence.
    pub fn text(&self) -> &str {
        match self {
            Case::Example(e) => &e.text,
            Case::Counterexample(c) => &c.text,
        }
    }

    /// The publication date the sentence is read against.
    pub fn published(&self) -> NaiveDate {
        match self {
            Case::Example(e) => e.published,
            Case::Counterexample(c) => c.published,
        }
    }

    /// `example` or `counterexample`, as in the rule file's table names.
    pub fn label(&self) -> &'static str {
        match self {
            Case::Example(_) => "example",
            Case::Counterexample(_) => "counterexample",
        }
    }
}

/// A field of an example's expected claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Target, outcome or progress.
    Kind,
    /// The number.
    Value,
    /// The unit as printed.
    Unit,
    /// A target's deadline.
    Deadline,
    /// The first day of the period.
    PeriodStart,
    /// The last day of the period.
    PeriodEnd,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Kind => "kind",
            Field::Value => "value",
            Field::Unit => "unit",
            Field::Deadline => "deadline",
            Field::PeriodStart => "period start",
            Field::PeriodEnd => "period end",
        })
    }
}

/// Why a sentence failed; the categories tell a rule author where to look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// An example gave no claim at all: the number was not read or not taken as a claim.
    NoClaim,
    /// An example gave claims, but none of its metric: another metric (or a derived name) won.
    OtherMetric,
    /// An example gave claims of its metric, but none with every expected field; these are the
    /// fields the closest one gets wrong.
    Mismatch(Vec<Field>),
    /// A counterexample gave a claim of its metric.
    Unwanted,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NoClaim => f.write_str("no claim"),
            Failure::OtherMetric => f.write_str("no claim of this metric"),
            Failure::Mismatch(fields) => {
                f.write_str("wrong ")?;
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{field}")?;
                }
                Ok(())
            }
            Failure::Unwanted => f.write_str("gave this metric"),
        }
    }
}

/// What one example or counterexample gave.
#[derive(Clone, Debug)]
pub struct ExampleOutcome<'r> {
    /// The metric the sentence belongs to.
    pub metric: &'r Metric,
    /// The sentence and what it expects.
    pub case: Case<'r>,
    /// 1-based position among the metric's examples (or counterexamples), in file order.
    pub number: usize,
    /// Every claim the extractor gave for the sentence.
    pub claims: Vec<Claim>,
    /// Why it failed; `None` when it passed.
    pub failure: Option<Failure>,
}

impl ExampleOutcome<'_> {
    /// Whether the sentence gave what it should.
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }
}

/// Every outcome of a rule set's examples, the metrics none of them exercises and the metrics
/// with too few wordings.
#[derive(Clone, Debug)]
pub struct Report<'r> {
    /// One per example and counterexample: metrics in rule-set order, examples before
    /// counterexamples, each in file order.
    pub outcomes: Vec<ExampleOutcome<'r>>,
    /// Metrics with no passing example: nothing shows the extractor can find them.
    pub unexercised: Vec<&'r Metric>,
    /// Metrics whose examples use fewer than [`MIN_WORDINGS`] different sentences, in rule-set
    /// order.
    pub few_wordings: Vec<&'r Metric>,
}

impl Report<'_> {
    /// The outcomes that failed, in report order.
    pub fn failures(&self) -> impl Iterator<Item = &ExampleOutcome<'_>> {
        self.outcomes.iter().filter(|o| !o.passed())
    }

    /// Whether every example and counterexample passed and every metric has its wordings.
    pub fn is_clean(&self) -> bool {
        self.outcomes.iter().all(ExampleOutcome::passed) && self.few_wordings.is_empty()
    }

    /// How many examples were run.
    pub fn examples(&self) -> usize {
        self.count(|c| matches!(c, Case::Example(_)))
    }

    /// How many counterexamples were run.
    pub fn counterexamples(&self) -> usize {
        self.count(|c| matches!(c, Case::Counterexample(_)))
    }

    fn count(&self, which: impl Fn(&Case) -> bool) -> usize {
        self.outcomes.iter().filter(|o| which(&o.case)).count()
    }

    /// The report for people: each failure (a heading line, then the sentence, what was
    /// expected and every claim extracted), the unexercised metrics, the metrics with too few
    /// wordings, and a summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for o in self.failures() {
            let failure = o.failure.as_ref().map(ToString::to_string);
            let _ = writeln!(
                out,
                "FAIL {} {} {} ({}): {}",
                o.metric.id,
                o.case.label(),
                o.number,
                o.metric.file,
                failure.unwrap_or_default()
            );
            let _ = writeln!(out, "  text:     {}", o.case.text());
            let _ = writeln!(out, "  expected: {}", expected(o.metric, &o.case));
            if o.claims.is_empty() {
                let _ = writeln!(out, "  got:      nothing");
            }
            for claim in &o.claims {
                let _ = writeln!(out, "  got:      {}", describe(claim));
            }
        }
        for metric in &self.unexercised {
            let _ = writeln!(
                out,
                "NOT EXERCISED {} ({}): no example passes",
                metric.id, metric.file
            );
        }
        for metric in &self.few_wordings {
            let found = wordings(metric);
            out.push_str(&format!(
                "FEW WORDINGS {} ({}): examples in {found} sentence{}; a rule needs {MIN_WORDINGS}\n",
                metric.id,
                metric.file,
                plural(found)
            ));
        }
        let failed = self.failures().count();
        let unexercised = self.unexercised.len();
        let few = self.few_wordings.len();
        out.push_str(&format!(
            "{} example{}, {} counterexample{}: {failed} failed; {unexercised} rule{} not exercised; \
             {few} rule{} with too few wordings\n",
            self.examples(),
            plural(self.examples()),
            self.counterexamples(),
            plural(self.counterexamples()),
            plural(unexercised),
            plural(few),
        ));
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs every example and counterexample of `rules` through the extractor.
pub fn run(rules: &RuleSet) -> Report<'_> {
    let mut outcomes = Vec::new();
    let mut unexercised = Vec::new();
    for metric in rules.metrics() {
        let mut exercised = false;
        for (i, example) in metric.examples.iter().enumerate() {
            let outcome = run_case(rules, metric, Case::Example(example), i + 1);
            exercised |= outcome.passed();
            outcomes.push(outcome);
        }
        for (i, counterexample) in metric.counterexamples.iter().enumerate() {
            outcomes.push(run_case(
                rules,
                metric,
                Case::Counterexample(counterexample),
                i + 1,
            ));
        }
        if !exercised {
            unexercised.push(metric);
        }
    }
    let few_wordings = rules
        .metrics()
        .iter()
        .filter(|m| wordings(m) < MIN_WORDINGS)
        .collect();
    Report {
        outcomes,
        unexercised,
        few_wordings,
    }
}

/// How many different sentences a metric's examples use (blanks around them aside).
fn wordings(metric: &Metric) -> usize {
    let texts: std::collections::BTreeSet<&str> =
        metric.examples.iter().map(|e| e.text.trim()).collect();
    texts.len()
}

/// Extracts the claims of one sentence and judges them.
fn run_case<'r>(
    rules: &RuleSet,
    metric: &'r Metric,
    case: Case<'r>,
    number: usize,
) -> ExampleOutcome<'r> {
    // The example's entity may be an alias; claims name entities canonically.
    let entity = match case {
        Case::Example(e) => e.entity.as_deref().map(|word| {
            rules
                .entity_index(word)
                .and_then(|i| rules.entities().get(i))
                .map_or_else(|| word.to_owned(), |e| e.name.clone())
        }),
        Case::Counterexample(_) => None,
    };
    let path = format!("{}#{} {} {number}", metric.file, metric.id, case.label());
    let doc = Document::from_text(path, &as_sentence(case.text()), case.published(), entity);
    let claims = extract::extract(&analyze(&doc), rules);
    let failure = match case {
        Case::Example(example) => judge_example(metric, example, &claims),
        Case::Counterexample(_) => claims
            .iter()
            .any(|c| is_of(c, &metric.id))
            .then_some(Failure::Unwanted),
    };
    ExampleOutcome {
        metric,
        case,
        number,
        claims,
        failure,
    }
}

/// The example as a body sentence: rule files write examples without the final `。`, and a
/// short line that does not end a sentence is what a document's headings look like, whose
/// numbers are never claims.
fn as_sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(crate::normalize::is_terminator) {
        text.to_owned()
    } else {
        format!("{text}。")
    }
}

/// Whether a claim is of metric `id`: chosen by the metric's aliases or one of its patterns. A
/// rank's metric carries its scope (`<id>@全市`), which is still the metric.
fn is_of(claim: &Claim, id: &str) -> bool {
    claim
        .metric
        .strip_prefix(id)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('@'))
        || claim
            .rule
            .strip_prefix(id)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('#'))
}

/// `None` when some claim of the metric has every expected field, else why not.
fn judge_example(metric: &Metric, example: &Example, claims: &[Claim]) -> Option<Failure> {
    if claims.is_empty() {
        return Some(Failure::NoClaim);
    }
    let closest = claims
        .iter()
        .filter(|c| is_of(c, &metric.id))
        .map(|c| wrong_fields(example, c))
        .min_by_key(Vec::len);
    match closest {
        None => Some(Failure::OtherMetric),
        Some(wrong) if wrong.is_empty() => None,
        Some(wrong) => Some(Failure::Mismatch(wrong)),
    }
}

/// The fields of `claim` that differ from what `example` expects; dates only when given.
fn wrong_fields(example: &Example, claim: &Claim) -> Vec<Field> {
    let period = claim.period;
    let checks = [
        (Field::Kind, claim.kind == example.kind),
        (Field::Value, claim.value == Some(example.value)),
        (Field::Unit, claim.unit == example.unit),
        (
            Field::Deadline,
            example.deadline.is_none() || claim.deadline == example.deadline,
        ),
        (
            Field::PeriodStart,
            example.period_start.is_none() || period.map(|p| p.start) == example.period_start,
        ),
        (
            Field::PeriodEnd,
            example.period_end.is_none() || period.map(|p| p.end) == example.period_end,
        ),
    ];
    checks
        .into_iter()
        .filter(|&(_, ok)| !ok)
        .map(|(field, _)| field)
        .collect()
}

/// What a sentence expects, on one line.
fn expected(metric: &Metric, case: &Case) -> String {
    let Case::Example(e) = case else {
        return format!("no claim of {}", metric.id);
    };
    let mut line = format!("{} {} {} {}", kind_name(e.kind), metric.id, e.value, e.unit);
    if e.period_start.is_some() || e.period_end.is_some() {
        let _ = write!(
            line,
            " period {}..{}",
            date_or_any(e.period_start),
            date_or_any(e.period_end)
        );
    }
    if let Some(deadline) = e.deadline {
        let _ = write!(line, " deadline {deadline}");
    }
    if let Some(entity) = &e.entity {
        let _ = write!(line, " (entity {entity})");
    }
    line
}

/// A claim on one line: the fields an example can expect, then the deciding rule.
fn describe(claim: &Claim) -> String {
    let mut line = format!(
        "{} {} {} {}",
        kind_name(claim.kind),
        claim.metric,
        claim.value.map(|v| v.to_string()).unwrap_or_default(),
        claim.unit
    );
    if let Some(period) = claim.period {
        let _ = write!(line, " period {}..{}", period.start, period.end);
    }
    if let Some(deadline) = claim.deadline {
        let _ = write!(line, " deadline {deadline}");
    }
    let _ = write!(line, " [rule {}]", claim.rule);
    line
}

fn date_or_any(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "?".to_owned(), |d| d.to_string())
}

fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Target => "target",
        ClaimKind::Outcome => "outcome",
        ClaimKind::Progress => "progress",
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    #[test]
    fn decimals_compare_by_value_not_scale() {
        // `value = "11"` in a rule file must match a claim printed as `11.0`.
        let a: Decimal = "11".parse().expect("decimal");
        let b: Decimal = "11.0".parse().expect("decimal");
        assert_eq!(a, b);
    }
}
