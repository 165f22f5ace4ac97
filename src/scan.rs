//! What the engine reads in a document: every quantity and time expression, located in the
//! source and resolved against the article's date and its section's year.
//!
//! Each sentence and each heading is scanned on its own, so nothing is read across a sentence
//! boundary. A section whose heading names a year (`2013，巨变看转型`) gives that year to the
//! year-less expressions under it (`全年`, `9月28日`); relative words (`今年`, `去年`) stay
//! relative to the publication date.

use chrono::Datelike;
use std::ops::Range;

use crate::Analyzed;
use crate::normalize::Normalized;
use crate::quantity::{self, Dimension, Quantity, Unparsed};
use crate::span::Span;
use crate::structure::Role;
use crate::time::{self, Bias, Granularity, Reference, TimeExpr, YearSource};

/// A found item with its place in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// The item; its own range indexes the normalized text.
    pub item: T,
    /// Where it stands in the source text.
    pub span: Span,
    /// Index of its section; `None` for a fragment scanned on its own.
    pub section: Option<usize>,
    /// Index of its sentence; `None` for a heading or a fragment.
    pub sentence: Option<usize>,
}

/// Everything found in one document or fragment, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    /// Quantities, in text order.
    pub quantities: Vec<Located<Quantity>>,
    /// Time expressions, in text order.
    pub times: Vec<Located<TimeExpr>>,
    /// The year each section's heading sets, by section index.
    pub section_years: Vec<Option<i32>>,
    /// Numbers left unread because exact decimals cannot hold them, in text order.
    pub unparsed: Vec<Located<Unparsed>>,
}

/// Scans every heading and sentence of an analyzed document. `roles` (by sentence, see
/// [`crate::structure`]) give a review's year to its year-less words (`全年`, `年末`); an empty
/// slice reads the document without genre context.
pub fn scan_document(a: &Analyzed, roles: &[Role]) -> Scan {
    let published = a.doc.meta.published;
    let mut scan = Scan::default();
    for (index, section) in a.segments.sections.iter().enumerate() {
        let plain = Reference::new(published);
        let mut year = None;
        for heading in &section.headings {
            let first_new = scan.times.len();
            scan_range(
                &mut scan,
                &a.normalized,
                heading.clone(),
                &plain,
                index,
                None,
            );
            let found = &scan.times[first_new..];
            year = year.or_else(|| found.iter().find_map(|t| heading_year(&t.item)));
        }
        // A section without a year of its own (`项目建设彰显新成效` under `2013，巨变看转型`)
        // stays in the year the last dated heading set.
        let year = year.or_else(|| scan.section_years.last().copied().flatten());
        scan.section_years.push(year);
        // A review's lead (`2021年，中站区…` in a January 2022 article) dates the year-less
        // words after it (`全年新增…`) until another lead or the end of the section.
        let mut topic_year = None;
        for i in section.sentences.clone() {
            let range = a.segments.sentences[i].range.clone();
            let reviewed = roles.get(i).and_then(|r| r.review_year());
            // The year's goals (`今年发展主要预期目标是:…全年控制在…`) are about the year they
            // set, whatever year the review before them named.
            let in_goals = matches!(roles.get(i), Some(Role::Targets(_) | Role::Plan(_)));
            if in_goals {
                topic_year = None;
            }
            let reference = Reference {
                published,
                context_year: topic_year.or(reviewed).or(year),
                bias: Bias::Neutral,
            };
            let first_new = scan.times.len();
            let first_quantity = scan.quantities.len();
            let first_unparsed = scan.unparsed.len();
            scan_range(
                &mut scan,
                &a.normalized,
                range.clone(),
                &reference,
                index,
                Some(i),
            );
            // A lead (`2024年，…，全年新增…`) or, outside the year's goals, a past year inside
            // the sentence (`…方面,2018年全年…。…,全年城镇新增就业…`) dates the year-less words
            // of the sentence and of the ones after it: the new topic year, if any.
            let found = &scan.times[first_new..];
            let new_topic = match found.first() {
                Some(lead) if lead.item.range.start == range.start => {
                    heading_year(&lead.item).map(|y| (y < published.year()).then_some(y))
                }
                _ if in_goals => None,
                _ => found
                    .iter()
                    .filter_map(|t| heading_year(&t.item))
                    .find(|&y| y < published.year())
                    .filter(|&y| Some(y) != reference.context_year)
                    .map(Some),
            };
            if let Some(new_topic) = new_topic {
                if new_topic.is_some() && new_topic != reference.context_year {
                    scan.times.truncate(first_new);
                    scan.quantities.truncate(first_quantity);
                    scan.unparsed.truncate(first_unparsed);
                    let dated = Reference {
                        context_year: new_topic,
                        ..reference
                    };
                    scan_range(
                        &mut scan,
                        &a.normalized,
                        range.clone(),
                        &dated,
                        index,
                        Some(i),
                    );
                }
                topic_year = new_topic;
            }
        }
    }
    scan
}

/// Scans a fragment of text (already normalized) on its own.
pub fn scan_fragment(normalized: &Normalized, reference: &Reference) -> Scan {
    let mut scan = Scan::default();
    let times = time::find_all(normalized.text(), reference);
    let (quantities, unparsed) = quantity::find_all_with_unparsed(normalized.text());
    let quantities = outside_times(quantities, &times);
    let found = Found {
        quantities,
        times,
        unparsed,
    };
    push_found(&mut scan, normalized, 0, found, None, None);
    scan
}

/// Drops bare numbers that a time expression reads as a date (`2013` in `2013，巨变看转型`):
/// a year is not a quantity. Numbers with a unit are kept whatever overlaps them.
fn outside_times(quantities: Vec<Quantity>, times: &[TimeExpr]) -> Vec<Quantity> {
    // The times by start, each with the furthest end of the times starting at or before it: a
    // number lies inside a time when one starting at or before it reaches its end.
    let mut reach: Vec<(usize, usize)> =
        times.iter().map(|t| (t.range.start, t.range.end)).collect();
    reach.sort_unstable();
    let mut furthest = 0;
    for (_, end) in &mut reach {
        furthest = furthest.max(*end);
        *end = furthest;
    }
    let inside_a_time = |q: &Quantity| {
        let before = reach.partition_point(|&(start, _)| start <= q.range.start);
        before
            .checked_sub(1)
            .is_some_and(|k| q.range.end <= reach[k].1)
    };
    quantities
        .into_iter()
        .filter(|q| q.unit.dimension != Dimension::Dimensionless || !inside_a_time(q))
        .collect()
}

/// The year a heading sets: a written year naming a whole year (`2013，巨变看转型`).
fn heading_year(t: &TimeExpr) -> Option<i32> {
    (t.year_source == YearSource::Explicit && t.granularity == Granularity::Year)
        .then(|| t.period.start.year())
}

/// Scans `range` of the normalized text and records what it finds.
fn scan_range(
    scan: &mut Scan,
    normalized: &Normalized,
    range: Range<usize>,
    reference: &Reference,
    section: usize,
    sentence: Option<usize>,
) {
    let slice = &normalized.text()[range.clone()];
    let mut times = time::find_all(slice, reference);
    // `比上年增长`: the year compared with is not the period measured.
    times.retain(|t| !time::is_comparison_base(slice, t));
    let (quantities, unparsed) = quantity::find_all_with_unparsed(slice);
    let quantities = outside_times(quantities, &times);
    let found = Found {
        quantities,
        times,
        unparsed,
    };
    push_found(
        scan,
        normalized,
        range.start,
        found,
        Some(section),
        sentence,
    );
}

/// What one scanned slice holds, with ranges relative to the slice.
struct Found {
    quantities: Vec<Quantity>,
    times: Vec<TimeExpr>,
    unparsed: Vec<Unparsed>,
}

/// Shifts ranges found in a slice starting at `offset` to document offsets and locates them.
fn push_found(
    scan: &mut Scan,
    normalized: &Normalized,
    offset: usize,
    found: Found,
    section: Option<usize>,
    sentence: Option<usize>,
) {
    let locate = |range: &mut Range<usize>| {
        *range = range.start + offset..range.end + offset;
        normalized.to_source(range.clone())
    };
    for mut item in found.quantities {
        let span = locate(&mut item.range);
        scan.quantities.push(Located {
            item,
            span,
            section,
            sentence,
        });
    }
    for mut item in found.times {
        let span = locate(&mut item.range);
        scan.times.push(Located {
            item,
            span,
            section,
            sentence,
        });
    }
    for mut item in found.unparsed {
        let span = locate(&mut item.range);
        scan.unparsed.push(Located {
            item,
            span,
            section,
            sentence,
        });
    }
}
