//! The context of a quantity: its document, sentence and clause, the cues and time expressions
//! around it, and the entity that is the subject.
//!
//! A document is read forward, one stage after another, each in its own module:
//!
//! 1. **Structure** ([`crate::structure`]): the parts of the text and their genre role (a
//!    review, this year's goals, a plan), computed before this module runs.
//! 2. **Periods** (`periods.rs`): the walk over the sentences that carries a time from one
//!    sentence to the next ([`DocumentContext::sentences`]), and the time that dates a figure.
//! 3. **Stance** (`stance.rs`): whether a clause promises or reports, from its cues, its times,
//!    the sentence and the section.
//! 4. **Subject** (`subject.rs`): the entity a figure is about.
//!
//! `lookup.rs` holds the per-sentence indexes the stages share (cue and word positions). The
//! metric is chosen afterwards, in `extract/metric.rs`, and the claim assembled in `extract.rs`.

mod lookup;
pub(super) use lookup::last_inside;
mod periods;
mod stance;
mod subject;

use std::ops::Range;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::Analyzed;
use crate::quantity::Quantity;
use crate::rules::{PatternMatch, RuleSet, TermMatch};
use crate::scan::{Located, Scan};
use crate::span::Span;
use crate::structure::Role;
use crate::time::TimeExpr;

use lookup::Lookups;
pub(super) use periods::is_cut_off;
use periods::names_a_programme;
use stance::ClauseFacts;
pub(super) use stance::{Stance, states_a_goal};

/// Everything one document's extraction needs, computed once.
pub(super) struct DocumentContext<'a> {
    analyzed: &'a Analyzed<'a>,
    scan: &'a Scan,
    rules: &'a RuleSet,
    terms: Vec<TermMatch<'a>>,
    patterns: Vec<PatternMatch>,
    /// The scan's time expressions that date something (see [`names_a_programme`]).
    times: Vec<Located<TimeExpr>>,
    path: String,
    /// The genre role of each sentence (see [`crate::structure`]).
    roles: &'a [Role],
    /// The patterns that pin the number at a position (their `value` group, or their end), by
    /// position, in the order of `patterns`.
    pins: FxHashMap<usize, Vec<usize>>,
}

/// One sentence: its clauses, and the slices of the document's findings that fall inside it.
pub(super) struct SentenceContext<'a> {
    /// Index of the sentence in the document.
    pub(super) index: usize,
    pub(super) range: Range<usize>,
    pub(super) section: usize,
    clauses: &'a [Range<usize>],
    quantities: &'a [Located<Quantity>],
    times: &'a [Located<TimeExpr>],
    terms: Range<usize>,
    /// The time expression that still governs this sentence from an earlier one in its
    /// section (`今年以来,…。…。`), when this sentence has none of its own.
    carried: Option<&'a TimeExpr>,
    /// An enumeration cue (`主要目标是:`) before this sentence still governs it: the sentences
    /// since then ended with `;`.
    in_enumeration: bool,
    /// Where the `;` list this sentence belongs to starts: the first item's start, or this
    /// sentence's own start when it opens no list or is the list's first item.
    list_start: usize,
    /// The part of the government text the sentence is in: a review, this year's goals, a plan.
    pub(super) role: Role,
    /// What each clause says, computed on first use.
    facts: std::cell::OnceCell<ClauseFacts>,
    /// Indexes for looking back over the sentence, built on first use.
    lookups: Lookups,
}

impl<'a> DocumentContext<'a> {
    pub(super) fn new(
        analyzed: &'a Analyzed<'a>,
        scan: &'a Scan,
        rules: &'a RuleSet,
        roles: &'a [Role],
    ) -> Self {
        let text = analyzed.normalized.text();
        let patterns = rules.scan_patterns(text);
        let mut pins: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (index, p) in patterns.iter().enumerate() {
            let at = p.value.map_or(p.span.end, |v| v.start);
            pins.entry(at).or_default().push(index);
        }
        DocumentContext {
            analyzed,
            scan,
            rules,
            terms: rules.scan(text),
            patterns,
            times: scan
                .times
                .iter()
                .filter(|t| !names_a_programme(text, &t.item))
                .cloned()
                .collect(),
            path: analyzed.doc.name.clone(),
            roles,
            pins,
        }
    }

    /// The source span of a range of the normalized text.
    pub(super) fn to_source(&self, range: Range<usize>) -> Span {
        self.analyzed.normalized.to_source(range)
    }

    pub(super) fn rules(&self) -> &RuleSet {
        self.rules
    }

    /// The normalized text every range indexes.
    pub(super) fn text(&self) -> &str {
        self.analyzed.normalized.text()
    }

    /// The document's source text, front matter included.
    pub(super) fn source(&self) -> &str {
        &self.analyzed.doc.source
    }

    /// Line and column of a source offset, from the document's line index.
    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        self.analyzed.line_col(offset)
    }

    pub(super) fn path(&self) -> String {
        self.path.clone()
    }

    pub(super) fn published(&self) -> NaiveDate {
        self.analyzed.doc.meta.published
    }

    /// The pattern matches that pin the number starting at `pos`, in match order.
    pub(super) fn patterns_pinning(&self, pos: usize) -> impl Iterator<Item = &PatternMatch> {
        self.pins
            .get(&pos)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.patterns.get(i))
    }

    /// The year a sentence's section heading sets, if any.
    pub(super) fn section_year(&self, sentence: &SentenceContext) -> Option<i32> {
        self.scan
            .section_years
            .get(sentence.section)
            .copied()
            .flatten()
    }
}

impl<'a> SentenceContext<'a> {
    pub(super) fn quantities(&self) -> &'a [Located<Quantity>] {
        self.quantities
    }

    /// Index of the clause holding byte `pos`.
    pub(super) fn clause_of(&self, pos: usize) -> usize {
        let at = self.clauses.partition_point(|c| c.end <= pos);
        if at < self.clauses.len() {
            at
        } else {
            self.clauses.len().saturating_sub(1)
        }
    }

    /// The byte range of clause `index`.
    pub(super) fn clause(&self, index: usize) -> Range<usize> {
        self.clauses
            .get(index)
            .cloned()
            .unwrap_or_else(|| self.range.clone())
    }

    /// The rule words of this sentence, in text order.
    pub(super) fn terms<'d>(&self, doc: &'d DocumentContext) -> &'d [TermMatch<'d>] {
        &doc.terms[self.terms.clone()]
    }

    /// The rule words starting inside `range` (found by binary search: terms are in text order).
    pub(super) fn terms_in<'d>(
        &self,
        doc: &'d DocumentContext,
        range: Range<usize>,
    ) -> &'d [TermMatch<'d>] {
        let terms = self.terms(doc);
        let lo = terms.partition_point(|t| t.span.start < range.start);
        let hi = lo + terms[lo..].partition_point(|t| t.span.start < range.end);
        &terms[lo..hi]
    }

    /// Time expressions inside `range`.
    pub(super) fn times_in(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = &'a TimeExpr> {
        let lo = self
            .times
            .partition_point(|t| t.item.range.start < range.start);
        let hi = lo + self.times[lo..].partition_point(|t| t.item.range.start < range.end);
        self.times[lo..hi].iter().map(|t| &t.item)
    }
}

/// Builds the context of a short text for the stages' unit tests.
#[cfg(test)]
pub(super) mod testing {
    use chrono::NaiveDate;

    use super::{DocumentContext, SentenceContext};
    use crate::corpus::Document;
    use crate::rules::RuleSet;

    /// Runs `check` on the context of `text`, published on `published` by `entity`, with the
    /// built-in rules.
    pub(in crate::extract) fn with_context(
        text: &str,
        published: (i32, u32, u32),
        entity: &str,
        check: impl FnOnce(&DocumentContext, &[SentenceContext]),
    ) {
        let (y, m, d) = published;
        let published = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let doc = Document::from_text("test.txt", text, published, Some(entity.to_owned()));
        let rules: RuleSet = crate::rules::builtin().expect("the built-in rules load");
        let analyzed = crate::analyze(&doc);
        let roles = crate::structure::roles(&analyzed, &rules);
        let scan = crate::scan::scan_document(&analyzed, &roles);
        let context = DocumentContext::new(&analyzed, &scan, &rules, &roles);
        let sentences = context.sentences();
        check(&context, &sentences);
    }

    /// The byte offset of the first `needle` in the context's text.
    pub(in crate::extract) fn at(doc: &DocumentContext, needle: &str) -> usize {
        doc.text().find(needle).expect("the needle is in the text")
    }
}
