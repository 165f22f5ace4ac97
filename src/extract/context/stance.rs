//! Stance: whether a clause promises a figure or reports it, from its cue words (`力争`,
//! `同比增长`), its time expressions, the clauses before it, the carried period and the section.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::claim::ClaimKind;
use crate::rules::{CueScope, Term};
use crate::structure::Role;
use crate::time::{Granularity, TimeExpr, TimeKind};

use super::{DocumentContext, SentenceContext};

/// Whether a figure is promised or reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::extract) enum Stance {
    /// A goal to be reached.
    Target,
    /// A figure already reached (whole period or part of it).
    Reported,
}

/// How firmly a clause decides its stance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    /// A strong cue or a time expression.
    Strong(Stance),
    /// Only a weak cue.
    Weak(Stance),
}

/// A cue word found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct CueHit {
    kind: ClaimKind,
    pub(super) scope: CueScope,
    weak: bool,
    estimate: bool,
}

/// What each clause of a sentence says, gathered in one pass so that every figure's stance is
/// read in constant time, however many clauses a sentence has (pasted web text can put
/// thousands in one).
pub(super) struct ClauseFacts {
    /// The evidence of each clause by itself.
    own: Vec<Option<Evidence>>,
    /// For each clause, what the nearest earlier clause with strong evidence or a
    /// sentence-wide goal cue decides.
    decided_before: Vec<Option<Stance>>,
    /// For each clause, the nearest weak evidence in it or before it.
    weak_upto: Vec<Option<Stance>>,
    /// For each clause, whether an estimate cue reaching over the sentence stands before it.
    estimate_before: Vec<bool>,
}

impl ClauseFacts {
    fn of(sentence: &SentenceContext, doc: &DocumentContext) -> Self {
        let count = sentence.clauses.len().max(1);
        let mut facts = ClauseFacts {
            own: Vec::with_capacity(count),
            decided_before: Vec::with_capacity(count),
            weak_upto: Vec::with_capacity(count),
            estimate_before: Vec::with_capacity(count),
        };
        let (mut decided, mut weak, mut estimate) = (None, None, false);
        for index in 0..count {
            let range = sentence.clause(index);
            let own = sentence.clause_stance(doc, range.clone());
            facts.decided_before.push(decided);
            facts.estimate_before.push(estimate);
            if let Some(Evidence::Weak(stance)) = own {
                weak = Some(stance);
            }
            facts.weak_upto.push(weak);
            facts.own.push(own);
            let cues: Vec<CueHit> = sentence.cue_terms(doc, range).collect();
            let wide_target = cues
                .iter()
                .any(|c| c.kind == ClaimKind::Target && c.scope != CueScope::Clause);
            decided = match own {
                Some(Evidence::Strong(stance)) => Some(stance),
                _ if wide_target => Some(Stance::Target),
                _ => decided,
            };
            estimate |= cues
                .iter()
                .any(|c| c.estimate && c.scope != CueScope::Clause);
        }
        facts
    }
}

/// Whether a year is mostly still to come at publication: figures for it are plans.
fn year_mostly_ahead(year: i32, published: NaiveDate) -> bool {
    year > published.year() || (year == published.year() && published.month() <= 6)
}

/// Whether the figure at `pos` spells out a goal named just before it (`完成市定目标（3446万美元）`):
/// whatever the clause reports, the bracketed figure is the goal's value.
pub(in crate::extract) fn states_a_goal(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    before
        .strip_suffix('(')
        .is_some_and(|named| ["目标", "任务"].iter().any(|w| named.ends_with(w)))
}

/// What a time expression says by itself about the figures it dates.
fn time_stance(t: &TimeExpr, published: NaiveDate) -> Option<Stance> {
    match t.kind {
        TimeKind::Deadline | TimeKind::Horizon => Some(Stance::Target),
        // `今年，重点安排了100个重大项目` in a February plan: the year has barely begun.
        TimeKind::Measured
            if t.granularity == Granularity::Year
                && t.period.end > published
                && year_mostly_ahead(t.period.end.year(), published) =>
        {
            Some(Stance::Target)
        }
        TimeKind::Measured | TimeKind::Plan | TimeKind::Day if t.period.start > published => {
            Some(Stance::Target)
        }
        // The publication day itself (`将在国庆节交付使用` printed on 1 October) may be
        // still ahead or just past: the clause's verbs decide.
        TimeKind::Day if t.period.start == published => None,
        TimeKind::Measured | TimeKind::Day | TimeKind::OpenStart if t.period.start <= published => {
            Some(Stance::Reported)
        }
        _ => None,
    }
}

impl DocumentContext<'_> {
    /// The stance a section's heading year gives its sentences: a year mostly still ahead at
    /// publication (a February plan for this year) holds targets.
    fn section_stance(&self, sentence: &SentenceContext) -> Option<Stance> {
        let year = self.section_year(sentence)?;
        Some(if year_mostly_ahead(year, self.published()) {
            Stance::Target
        } else {
            Stance::Reported
        })
    }
}

impl<'a> SentenceContext<'a> {
    /// The cue words inside `range`.
    pub(super) fn cue_terms<'d>(
        &self,
        doc: &'d DocumentContext,
        range: Range<usize>,
    ) -> impl Iterator<Item = CueHit> + 'd {
        let cues = doc.rules.cues();
        let end = range.end;
        self.terms_in(doc, range)
            .iter()
            .filter(move |t| t.span.end <= end)
            .flat_map(move |t| {
                t.terms.iter().filter_map(move |term| match term {
                    Term::Cue(i) => cues.get(*i).map(|c| CueHit {
                        kind: c.kind,
                        scope: c.scope,
                        weak: c.weak,
                        estimate: c.estimate,
                    }),
                    _ => None,
                })
            })
    }

    /// What each clause says, computed once per sentence.
    fn facts(&self, doc: &DocumentContext) -> &ClauseFacts {
        self.facts.get_or_init(|| ClauseFacts::of(self, doc))
    }

    /// Whether the figure at `pos` is an estimate: an estimate cue (`预计`, `初步核算`) before it
    /// in its clause, or one earlier in the sentence whose scope reaches it.
    pub(in crate::extract) fn estimated(
        &self,
        doc: &DocumentContext,
        clause: usize,
        pos: usize,
    ) -> bool {
        let own = self.clause(clause);
        self.has_estimate_cue_in(doc, own.start..pos)
            || self
                .facts(doc)
                .estimate_before
                .get(clause)
                .copied()
                .unwrap_or(false)
    }

    /// Whether the figure at `pos` in clause `clause` is promised or reported.
    ///
    /// Strong evidence in its clause or an earlier clause of the sentence decides, nearest
    /// first; then an enumeration or sentence-wide goal cue, the period carried from earlier
    /// sentences and the section's year; a weak cue (`完成`, `将`) only when nothing else does.
    pub(in crate::extract) fn stance(&self, doc: &DocumentContext, clause: usize) -> Stance {
        let facts = self.facts(doc);
        let own = facts.own.get(clause).copied().flatten();
        if let Some(Evidence::Strong(stance)) = own {
            return stance;
        }
        // The nearest earlier clause with strong evidence or a sentence-wide goal cue decides.
        if let Some(stance) = facts.decided_before.get(clause).copied().flatten() {
            return stance;
        }
        let weak = facts.weak_upto.get(clause).copied().flatten();
        match self.role {
            Role::Review(_) => return Stance::Reported,
            Role::Targets(_) | Role::Plan(_) => return Stance::Target,
            Role::None => {}
        }
        if self.in_enumeration {
            return Stance::Target;
        }
        if let Some(t) = self.carried
            && let Some(stance) = time_stance(t, doc.published())
        {
            return stance;
        }
        doc.section_stance(self)
            .or(weak)
            .unwrap_or(Stance::Reported)
    }

    /// What a clause says by itself, from its cues and its time expressions.
    fn clause_stance(&self, doc: &DocumentContext, clause: Range<usize>) -> Option<Evidence> {
        let cues: Vec<CueHit> = self.cue_terms(doc, clause.clone()).collect();
        let strong = |kind: ClaimKind| {
            cues.iter()
                .any(|c| !c.weak && (c.kind == ClaimKind::Target) == (kind == ClaimKind::Target))
        };
        if strong(ClaimKind::Target) {
            return Some(Evidence::Strong(Stance::Target));
        }
        let published = doc.published();
        let times: Vec<_> = self.times_in(clause).collect();
        if times
            .iter()
            .any(|t| time_stance(t, published) == Some(Stance::Target))
        {
            return Some(Evidence::Strong(Stance::Target));
        }
        if strong(ClaimKind::Outcome) {
            return Some(Evidence::Strong(Stance::Reported));
        }
        if let Some(stance) = times.iter().find_map(|t| time_stance(t, published)) {
            return Some(Evidence::Strong(stance));
        }
        if cues.iter().any(|c| c.kind == ClaimKind::Target) {
            return Some(Evidence::Weak(Stance::Target));
        }
        (!cues.is_empty()).then_some(Evidence::Weak(Stance::Reported))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, with_context};
    use super::Stance;

    fn stance_of(text: &str, published: (i32, u32, u32), figure: &str) -> Stance {
        let mut found = None;
        with_context(text, published, "桐林区", |doc, sentences| {
            let pos = at(doc, figure);
            let sentence = sentences.iter().find(|s| s.range.contains(&pos)).unwrap();
            found = Some(sentence.stance(doc, sentence.clause_of(pos)));
        });
        found.unwrap()
    }

    #[test]
    fn a_commitment_cue_promises_its_clause_only() {
        let text = "地区生产总值增长6.1%,力争全年增长6.5%。";
        assert_eq!(stance_of(text, (2025, 7, 30), "6.1%"), Stance::Reported);
        assert_eq!(stance_of(text, (2025, 7, 30), "6.5%"), Stance::Target);
    }

    #[test]
    fn a_future_year_promises_and_a_past_one_reports() {
        let plan = "到2027年,城镇化率达到62%。";
        assert_eq!(stance_of(plan, (2025, 2, 10), "62%"), Stance::Target);
        let review = "2024年,全区城镇化率达到58%。";
        assert_eq!(stance_of(review, (2025, 2, 10), "58%"), Stance::Reported);
    }

    #[test]
    fn a_clause_without_evidence_follows_the_clause_before_it() {
        let text = "明年将新建学校3所,新增学位2700个。";
        assert_eq!(stance_of(text, (2025, 11, 5), "2700个"), Stance::Target);
    }
}
