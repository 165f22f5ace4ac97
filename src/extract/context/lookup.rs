//! Indexes of one sentence, built on first use, that let a figure look back over its sentence by
//! binary search. Pasted web text can put tens of thousands of clauses in one sentence (or
//! figures in one clause); a walk back over all of them for every figure would take time
//! quadratic in the sentence's length.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};
use std::hash::Hash;
use std::ops::Range;

use crate::claim::Measure;
use crate::quantity::Dimension;
use crate::rules::{AnaphorKind, Term, TermMatch};
use crate::scan::Located;
use crate::time::TimeExpr;

use super::{DocumentContext, SentenceContext};

/// For each kind of item asked about, the positions in one list (in text order) of the items
/// of that kind; each kind's positions are found on first use.
pub(in crate::extract) struct Marks<K> {
    by_kind: RefCell<HashMap<K, Vec<usize>>>,
}

impl<K> Default for Marks<K> {
    fn default() -> Self {
        Marks {
            by_kind: RefCell::new(HashMap::default()),
        }
    }
}

impl<K: Eq + Hash + Copy> Marks<K> {
    /// `answer` applied to the positions in `items` of the items of kind `kind` that start
    /// before `pos`, in text order.
    ///
    /// `items` is in order of `start`; `is_kind` says whether an item is of kind `kind`, and must
    /// answer the same for every call with the same `kind` and `items`.
    pub(in crate::extract) fn before<T, R>(
        &self,
        kind: K,
        items: &[T],
        start: impl Fn(&T) -> usize,
        pos: usize,
        is_kind: impl Fn(&T) -> bool,
        answer: impl FnOnce(&[usize]) -> R,
    ) -> R {
        let before = |marks: &[usize]| marks.partition_point(|&i| start(&items[i]) < pos);
        if let Some(marks) = self.by_kind.borrow().get(&kind) {
            return answer(&marks[..before(marks)]);
        }
        let marks: Vec<usize> = (0..items.len()).filter(|&i| is_kind(&items[i])).collect();
        let found = answer(&marks[..before(&marks)]);
        self.by_kind.borrow_mut().insert(kind, marks);
        found
    }

    /// The position in `items` of the last item of kind `kind` that starts before `pos` (see
    /// [`Marks::before`]).
    pub(in crate::extract) fn last_before<T>(
        &self,
        kind: K,
        items: &[T],
        start: impl Fn(&T) -> usize,
        pos: usize,
        is_kind: impl Fn(&T) -> bool,
    ) -> Option<usize> {
        self.before(kind, items, start, pos, is_kind, |marks| {
            marks.last().copied()
        })
    }
}

/// The indexes of one sentence.
#[derive(Default)]
pub(in crate::extract) struct Lookups {
    /// Rule words holding a metric alias that fits a figure of this dimension and measure.
    pub(in crate::extract) fitting_aliases: Marks<(Dimension, Measure)>,
    /// Rule words holding an alias of a magnitude metric (an amount, a count, a level).
    pub(in crate::extract) magnitude_aliases: Marks<()>,
    /// Entity words that open their clause and name a subject: for a rank (`true`) or for any
    /// other figure (`false`).
    pub(super) subjects: Marks<bool>,
    /// Words that name the document's own entity.
    pub(super) own_names: Marks<()>,
    /// Cue words of an estimate (`预计`).
    pub(super) estimate_cues: Marks<()>,
    /// Time expressions that can date a figure of a period (all but days).
    pub(super) period_times: Marks<()>,
    /// Rule words that name an entity or refer back to one.
    entity_words: Marks<()>,
    /// The longest entity word, quantity and time expression of the sentence, in bytes: how far
    /// back a walk from a figure must go to find the last one that ends before it.
    longest_entity_word: OnceCell<usize>,
    longest_quantity: OnceCell<usize>,
    longest_time: OnceCell<usize>,
    /// The end of the first quantity of each base unit.
    first_in_unit: OnceCell<HashMap<String, usize>>,
    /// Where each word asked about starts in the sentence, in text order.
    words: RefCell<HashMap<&'static str, Vec<usize>>>,
}

/// Of `marks`, positions in `terms` (in text order) of words that start before `range.end`,
/// the last whose word lies wholly inside `range`. Found from the end of `range` back: only
/// words running past its end are passed over.
pub(in crate::extract) fn last_inside(
    terms: &[TermMatch],
    marks: &[usize],
    range: &Range<usize>,
) -> Option<usize> {
    marks
        .iter()
        .rev()
        .take_while(|&&i| terms[i].span.start >= range.start)
        .find(|&&i| terms[i].span.end <= range.end)
        .copied()
}

/// The length of the longest of some items, found once and kept in `cell`.
fn longest(cell: &OnceCell<usize>, lengths: impl FnOnce() -> Option<usize>) -> usize {
    *cell.get_or_init(|| lengths().unwrap_or(0))
}

/// The latest end at or before `limit` among `spans`, given from the last one back, none of
/// them longer than `longest` bytes: the walk stops once no earlier span could end later.
fn latest_end(
    spans: impl Iterator<Item = Range<usize>>,
    limit: usize,
    longest: usize,
) -> Option<usize> {
    let mut latest: Option<usize> = None;
    for span in spans {
        if latest.is_some_and(|end| span.start + longest <= end) {
            break;
        }
        if span.end <= limit {
            latest = latest.max(Some(span.end));
        }
    }
    latest
}

impl<'a> SentenceContext<'a> {
    /// The indexes of this sentence.
    pub(in crate::extract) fn lookups(&self) -> &Lookups {
        &self.lookups
    }

    /// Whether a rule word of the kind `marks` indexes lies wholly inside `range`. Found from
    /// the end of `range` back: only words running past its end are passed over.
    fn has_term_in(
        &self,
        doc: &DocumentContext,
        marks: &Marks<()>,
        range: Range<usize>,
        is_kind: impl Fn(&TermMatch) -> bool,
    ) -> bool {
        let terms = self.terms(doc);
        marks.before(
            (),
            terms,
            |t| t.span.start,
            range.end,
            is_kind,
            |marks| last_inside(terms, marks, &range).is_some(),
        )
    }

    /// Whether the cue word of an estimate (`预计`, `初步核算`) lies wholly inside `range`.
    pub(super) fn has_estimate_cue_in(&self, doc: &DocumentContext, range: Range<usize>) -> bool {
        let cues = doc.rules.cues();
        let is_estimate_cue = |t: &TermMatch| {
            t.terms.iter().any(|term| match term {
                Term::Cue(i) => cues.get(*i).is_some_and(|c| c.estimate),
                _ => false,
            })
        };
        self.has_term_in(doc, &self.lookups.estimate_cues, range, is_estimate_cue)
    }

    /// Whether a word naming the document's own entity lies wholly inside `range`.
    pub(super) fn names_own_in(&self, doc: &DocumentContext, range: Range<usize>) -> bool {
        let own = doc.analyzed.doc.meta.entity.as_deref().unwrap_or_default();
        let entities = doc.rules.entities();
        let names_own = |t: &TermMatch| {
            t.terms.iter().any(|term| match *term {
                Term::Entity(i) => entities.get(i).is_some_and(|e| e.name == own),
                Term::Anaphor(AnaphorKind::Own) => true,
                _ => false,
            })
        };
        self.has_term_in(doc, &self.lookups.own_names, range, names_own)
    }

    /// The last time expression of the sentence that starts before `pos`; for a figure of a
    /// period (`flow`), the last one that is not a day.
    pub(super) fn last_time_before(&self, pos: usize, flow: bool) -> Option<&'a TimeExpr> {
        let start = |t: &Located<TimeExpr>| t.item.range.start;
        let last = if flow {
            self.lookups
                .period_times
                .last_before((), self.times, start, pos, |t| {
                    super::periods::dates_a_flow(&t.item)
                })
        } else {
            self.times
                .partition_point(|t| start(t) < pos)
                .checked_sub(1)
        };
        last.and_then(|i| self.times.get(i)).map(|t| &t.item)
    }

    /// The end of the last entity word (a name, or a word referring back to one) that lies
    /// wholly inside `range`.
    pub(in crate::extract) fn entity_word_end_within(
        &self,
        doc: &DocumentContext,
        range: Range<usize>,
    ) -> Option<usize> {
        let terms = self.terms(doc);
        let longest = longest(&self.lookups.longest_entity_word, || {
            terms
                .iter()
                .filter(|t| is_entity_word(t))
                .map(|t| t.span.len())
                .max()
        });
        self.lookups.entity_words.before(
            (),
            terms,
            |t| t.span.start,
            range.end,
            is_entity_word,
            |marks| {
                let spans = marks
                    .iter()
                    .rev()
                    .map(|&i| terms[i].span.start..terms[i].span.end)
                    .take_while(|span| span.start >= range.start);
                latest_end(spans, range.end, longest)
            },
        )
    }

    /// The end of the last quantity that lies wholly inside `range`.
    pub(in crate::extract) fn quantity_end_within(&self, range: Range<usize>) -> Option<usize> {
        let quantities = self.quantities;
        let longest = longest(&self.lookups.longest_quantity, || {
            quantities.iter().map(|q| q.item.range.len()).max()
        });
        let first = quantities.partition_point(|q| q.item.range.start < range.start);
        let past = quantities.partition_point(|q| q.item.range.start < range.end);
        let spans = quantities[first..past.max(first)]
            .iter()
            .rev()
            .map(|q| q.item.range.clone());
        latest_end(spans, range.end, longest)
    }

    /// The end of the last time expression lying wholly inside `range`.
    pub(in crate::extract) fn time_end_within(&self, range: Range<usize>) -> Option<usize> {
        let times = self.times;
        let longest = longest(&self.lookups.longest_time, || {
            times.iter().map(|t| t.item.range.len()).max()
        });
        let end = range.end;
        let spans = self.times_in(range).rev().map(|t| t.range.clone());
        latest_end(spans, end, longest)
    }

    /// Whether a quantity in base unit `base` ends at or before `pos`.
    pub(in crate::extract) fn has_quantity_in_unit_before(&self, base: &str, pos: usize) -> bool {
        let first = self.lookups.first_in_unit.get_or_init(|| {
            let mut first = HashMap::default();
            for q in self.quantities {
                let end = first
                    .entry(q.item.unit.base.clone())
                    .or_insert(q.item.range.end);
                *end = (*end).min(q.item.range.end);
            }
            first
        });
        first.get(base).is_some_and(|&end| end <= pos)
    }

    /// `answer` applied to the starts, in text order, of the occurrences of `word` that lie
    /// wholly inside `range`. `word` must be one that cannot overlap itself (`分别`, `、`).
    fn occurrences<R>(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
        answer: impl FnOnce(&[usize]) -> R,
    ) -> R {
        let inside = |starts: &[usize]| {
            let lo = starts.partition_point(|&s| s < range.start);
            let hi = starts.partition_point(|&s| s + word.len() <= range.end);
            answer(&starts[lo..hi.max(lo)])
        };
        if let Some(starts) = self.lookups.words.borrow().get(word) {
            return inside(starts);
        }
        let starts: Vec<usize> = doc.text()[self.range.clone()]
            .match_indices(word)
            .map(|(at, _)| self.range.start + at)
            .collect();
        let found = inside(&starts);
        self.lookups.words.borrow_mut().insert(word, starts);
        found
    }

    /// Whether `word` (one that cannot overlap itself) occurs wholly inside `range`.
    pub(in crate::extract) fn has_word_in(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
    ) -> bool {
        self.occurrences(doc, word, range, |starts| !starts.is_empty())
    }

    /// Where the first occurrence of `word` wholly inside `range` starts.
    pub(in crate::extract) fn first_word_in(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
    ) -> Option<usize> {
        self.occurrences(doc, word, range, |starts| starts.first().copied())
    }

    /// Where the last occurrence of `word` wholly inside `range` starts.
    pub(in crate::extract) fn last_word_in(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
    ) -> Option<usize> {
        self.occurrences(doc, word, range, |starts| starts.last().copied())
    }

    /// How many times `word` occurs wholly inside `range`.
    pub(in crate::extract) fn count_word_in(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
    ) -> usize {
        self.occurrences(doc, word, range, <[usize]>::len)
    }

    /// Where the `n`-th (from 0) occurrence of `word` wholly inside `range` starts.
    pub(in crate::extract) fn nth_word_in(
        &self,
        doc: &DocumentContext,
        word: &'static str,
        range: Range<usize>,
        n: usize,
    ) -> Option<usize> {
        self.occurrences(doc, word, range, |starts| starts.get(n).copied())
    }
}

/// Whether a rule word names an entity or refers back to one.
fn is_entity_word(t: &TermMatch) -> bool {
    t.terms
        .iter()
        .any(|term| matches!(term, Term::Entity(_) | Term::Anaphor(_)))
}
