//! The context of a quantity: its document, sentence and clause, the cues and time expressions
//! around it, and the entity that is the subject.

mod lookup;

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::Analyzed;
use crate::claim::ClaimKind;
use crate::normalize::is_cjk;
use crate::quantity::{Dimension, Quantity};
use crate::rules::{AnaphorKind, CueScope, EntityLevel, PatternMatch, RuleSet, Term, TermMatch};
use crate::scan::{Located, Scan};
use crate::span::Span;
use crate::structure::Role;
use crate::time::{Granularity, TimeExpr, TimeKind};

use lookup::Lookups;

/// Whether a figure is promised or reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stance {
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
struct CueHit {
    kind: ClaimKind,
    scope: CueScope,
    weak: bool,
    estimate: bool,
}

/// Words that may stand between a clause's start and its subject (`其中中站区…`).
const LEADING_FILLERS: &[&str] = &["其中", "同时", "目前", "另外", "此外", "今年", "全年"];

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
    pins: std::collections::HashMap<usize, Vec<usize>>,
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
    /// The part of the government text the sentence is in: a review, this year's goals, a plan.
    pub(super) role: Role,
    /// What each clause says, computed on first use.
    facts: std::cell::OnceCell<ClauseFacts>,
    /// Indexes for looking back over the sentence, built on first use.
    lookups: Lookups,
}

/// What each clause of a sentence says, gathered in one pass so that every figure's stance is
/// read in constant time, however many clauses a sentence has (pasted web text can put
/// thousands in one).
struct ClauseFacts {
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

impl<'a> DocumentContext<'a> {
    pub(super) fn new(
        analyzed: &'a Analyzed<'a>,
        scan: &'a Scan,
        rules: &'a RuleSet,
        roles: &'a [Role],
    ) -> Self {
        let text = analyzed.normalized.text();
        let patterns = rules.scan_patterns(text);
        let mut pins: std::collections::HashMap<usize, Vec<usize>> =
            std::collections::HashMap::new();
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

    /// The sentences in text order, each with the context that carries over from the ones
    /// before it.
    pub(super) fn sentences(&self) -> Vec<SentenceContext<'_>> {
        let text = self.text();
        let mut out = Vec::new();
        let (mut q_at, mut t_at, mut term_at) = (0, 0, 0);
        let quantities = &self.scan.quantities;
        let times = &self.times;
        let mut carried: Option<&TimeExpr> = None;
        // What an event's day replaced (`今年以来,…。9月7日,…`): it comes back when the day's
        // paragraph ends, since the next paragraph no longer describes the event.
        let mut before_event: Option<&TimeExpr> = None;
        let mut carried_section = usize::MAX;
        // `到2029年,…。高新区综合排名进入…前100名。`: a deadline that frames its sentence
        // governs the rest of its paragraph.
        let mut framing = false;
        let mut previous_end = 0;
        let mut in_enumeration = false;
        let mut previous_role = Role::None;
        for (index, sentence) in self.analyzed.segments.sentences.iter().enumerate() {
            let range = sentence.range.clone();
            while q_at < quantities.len() && quantities[q_at].sentence.is_none_or(|s| s < index) {
                q_at += 1;
            }
            let q_end = q_at
                + quantities[q_at..]
                    .iter()
                    .take_while(|q| q.sentence == Some(index))
                    .count();
            while t_at < times.len() && times[t_at].sentence.is_none_or(|s| s < index) {
                t_at += 1;
            }
            let t_end = t_at
                + times[t_at..]
                    .iter()
                    .take_while(|t| t.sentence == Some(index))
                    .count();
            while term_at < self.terms.len() && self.terms[term_at].span.start < range.start {
                term_at += 1;
            }
            let term_end = term_at
                + self.terms[term_at..]
                    .iter()
                    .take_while(|t| t.span.end <= range.end)
                    .count();
            let new_paragraph = text
                .get(previous_end..range.start)
                .is_some_and(|gap| gap.contains('\n'));
            previous_end = range.end;
            if framing && new_paragraph {
                carried = None;
                framing = false;
            }
            if new_paragraph && carried.is_some_and(|t| t.kind == TimeKind::Day) {
                carried = before_event.take();
            }
            if carried_section != sentence.section {
                carried = None;
                before_event = None;
                framing = false;
                in_enumeration = false;
                carried_section = sentence.section;
            }
            // A new part of the text (a review, the year's goals) starts afresh: the time of the
            // sentence that opened it (`一、去年以来工作回顾`) dates nothing after it.
            let role = self.roles.get(index).copied().unwrap_or_default();
            let opens_part = role != previous_role;
            if opens_part {
                carried = None;
                before_event = None;
                framing = false;
            }
            previous_role = role;
            let context = SentenceContext {
                index,
                range: range.clone(),
                section: sentence.section,
                clauses: &sentence.clauses,
                quantities: &quantities[q_at..q_end],
                times: &times[t_at..t_end],
                terms: term_at..term_end,
                carried,
                in_enumeration,
                role,
                facts: std::cell::OnceCell::new(),
                lookups: Lookups::default(),
            };
            let opens_enumeration = context
                .cue_terms(self, range.clone())
                .any(|c| c.scope == CueScope::Enumeration);
            let continues = text[range.clone()].ends_with(';');
            in_enumeration = (in_enumeration || opens_enumeration) && continues;
            // After `;` the list goes on under the same period (`2020年1~11月份,…;3个省重点
            // 项目…;32个市重点项目…`); after a full stop only periods that set a context do.
            let last = if continues {
                context.times.last()
            } else {
                let last = context.times.iter().rev().find(|t| carries(&t.item));
                // `6月29日上午,全市2020年重点项目集中开工活动…`: a year after an event's day in
                // its sentence names a batch (`2020年重点项目`); the day is still the date.
                let day = context.times.iter().find(|t| {
                    t.item.kind == TimeKind::Day
                        && carries(&t.item)
                        && last.is_some_and(|l| {
                            l.item.kind == TimeKind::Measured
                                && l.item.period.start <= t.item.period.start
                                && t.item.period.end <= l.item.period.end
                        })
                });
                day.or(last)
            };
            let frame = context.times.iter().find(|t| frames(&t.item, text));
            if opens_part {
                // The sentence that opens a part (`一、去年以来工作回顾`) names the part, not
                // the period of the figures after it.
            } else if let Some(frame) = frame {
                carried = Some(&frame.item);
                before_event = None;
                framing = true;
            } else if let Some(last) = last {
                if last.item.kind == TimeKind::Day {
                    if carried.is_some_and(|t| t.kind != TimeKind::Day) {
                        before_event = carried;
                    }
                } else {
                    before_event = None;
                }
                carried = Some(&last.item);
                framing = false;
            } else if !continues && !framing && !carried.is_some_and(carries) {
                // A part of a year carried along a `;` list ends with the list.
                carried = None;
                before_event = None;
            }
            out.push(context);
            q_at = q_end;
            t_at = t_end;
            term_at = term_end;
        }
        out
    }

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

/// Whether a plan's name is only part of a programme's name (`“十四五”重大项目管理平台`,
/// `“十四五”重大项目储备库`): a bare plan name followed straight by a noun dates nothing.
fn names_a_programme(text: &str, t: &TimeExpr) -> bool {
    let bare = t.kind == TimeKind::Plan
        && crate::time::is_plan_name(t.printed.trim_matches(['“', '”', '"']));
    let next = text[t.range.end..].chars().next();
    bare && next.is_some_and(|c| is_cjk(c) && !matches!(c, '期' | '时' | '以' | '中' | '的' | '来'))
}

/// Whether a day is a cut-off (`截至9月底`, `截止到6月30日`): a stock stands at it, a flow runs
/// from the start of its year up to it.
pub(super) fn is_cut_off(t: &TimeExpr) -> bool {
    t.kind == TimeKind::Day
        && ["截至", "截止", "到"]
            .iter()
            .any(|w| t.printed.starts_with(w))
}

/// Whether a day is the date of a stock (`年末`, `6月底`) rather than of an event.
fn is_stock_date(t: &TimeExpr) -> bool {
    t.kind == TimeKind::Day && (t.printed.ends_with('末') || t.printed.ends_with('底'))
}

/// Whether a time from another clause may date a flow: not a stock's date
/// (`年末登记失业率为3.9%,农民人均收入增长7%`), unless it is a cut-off the flow runs up to.
fn dates_a_flow(t: &TimeExpr) -> bool {
    !is_stock_date(t) || is_cut_off(t)
}

/// Whether a deadline frames what follows it (`到2029年,` set off by a comma).
fn frames(t: &TimeExpr, text: &str) -> bool {
    matches!(t.kind, TimeKind::Deadline | TimeKind::Horizon)
        && text
            .get(t.range.end..)
            .is_some_and(|rest| rest.starts_with(','))
}

/// Whether a year is mostly still to come at publication: figures for it are plans.
fn year_mostly_ahead(year: i32, published: NaiveDate) -> bool {
    year > published.year() || (year == published.year() && published.month() <= 6)
}

/// Whether a time expression sets the period of the sentences after it, past a full stop: a
/// year-to-date (`今年以来`), a whole year, or the day of an event the following sentences go on
/// describing. Parts of a year (`一季度`) and deadlines (`五年内`) govern their own sentence only.
fn carries(t: &TimeExpr) -> bool {
    match t.kind {
        // `全年` in a year still running is the year so far of its own sentence's figures.
        TimeKind::Measured => {
            t.granularity == Granularity::Year && !(t.in_progress && t.printed.contains("全年"))
        }
        TimeKind::OpenStart => true,
        // An event's day carries (the next sentences describe the event); a stock's date
        // (`年末`, `6月底`) dates only its own sentence.
        TimeKind::Day => !is_stock_date(t),
        TimeKind::Deadline | TimeKind::Horizon | TimeKind::Plan => false,
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

    /// The cue words inside `range`.
    fn cue_terms<'d>(
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
    pub(super) fn estimated(&self, doc: &DocumentContext, clause: usize, pos: usize) -> bool {
        let own = self.clause(clause);
        self.has_estimate_cue_in(doc, own.start..pos)
            || self
                .facts(doc)
                .estimate_before
                .get(clause)
                .copied()
                .unwrap_or(false)
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

    /// The end of the last time expression lying wholly inside `range`.
    pub(super) fn time_end_within(&self, range: Range<usize>) -> Option<usize> {
        let end = range.end;
        self.times_in(range)
            .map(|t| &t.range)
            .filter(|r| r.end <= end)
            .map(|r| r.end)
            .max()
    }

    /// Whether the figure at `pos` in clause `clause` is promised or reported.
    ///
    /// Strong evidence in its clause or an earlier clause of the sentence decides, nearest
    /// first; then an enumeration or sentence-wide goal cue, the period carried from earlier
    /// sentences and the section's year; a weak cue (`完成`, `将`) only when nothing else does.
    pub(super) fn stance(&self, doc: &DocumentContext, clause: usize) -> Stance {
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

    /// The time expression that dates the figure at `pos`: the last one before it in its
    /// clause, else the first after it in its clause, else the last one earlier in the
    /// sentence, else the one carried from earlier sentences.
    ///
    /// A figure of a period (an amount, a growth rate: `flow`) is not dated by the stock date of
    /// another clause (`年末登记失业率为3.9%,农民人均收入增长7%`): it takes an earlier period
    /// instead. An event's day (`9月28日,…签约项目41个,总投资129亿元`) dates the event's flows.
    pub(super) fn governing_time(
        &self,
        clause: usize,
        pos: usize,
        flow: bool,
    ) -> Option<&'a TimeExpr> {
        let range = self.clause(clause);
        // Found from `pos` back: only times running past `pos` are passed over.
        if let Some(t) = self
            .times_in(range.start..range.end.min(pos))
            .rev()
            .find(|t| t.range.end <= pos)
        {
            return Some(t);
        }
        if let Some(t) = self.times_in(range.clone()).next() {
            return Some(t);
        }
        let may_date = |t: &&TimeExpr| !flow || dates_a_flow(t);
        if let Some(t) = self.last_time_before(range.start, flow) {
            return Some(t);
        }
        self.carried.filter(|t| may_date(t))
    }

    /// Who the figure is about: the last entity that is the subject of a clause up to the
    /// quantity's, else the document's entity. A ranking never ranks the city within itself,
    /// so an anaphor (`全市`) before a rank is its scope, not its subject.
    pub(super) fn entity(&self, doc: &DocumentContext, clause: usize, q: &Quantity) -> String {
        let text = doc.text();
        let rules = doc.rules;
        let own = doc.analyzed.doc.meta.entity.clone().unwrap_or_default();
        let is_rank = matches!(q.unit.dimension, Dimension::Rank | Dimension::Tier);
        let clause_range = self.clause(clause);
        let name_of = |t: &TermMatch, term: &Term| match *term {
            // `高新区` in an article about `鹤鸣高新区` is the article's own zone.
            Term::Entity(_) if !own.is_empty() && own.ends_with(&text[t.span.range()]) => {
                Some(own.clone())
            }
            Term::Entity(i) => rules.entities().get(i).map(|e| e.name.clone()),
            Term::Anaphor(_) if is_rank => None,
            Term::Anaphor(AnaphorKind::Own) => Some(own.clone()),
            Term::Anaphor(AnaphorKind::Parent) => enclosing(rules, &own, EntityLevel::City),
            Term::Anaphor(AnaphorKind::Province) => enclosing(rules, &own, EntityLevel::Province),
            Term::Anaphor(AnaphorKind::Head) => zone_by_head(rules, &own, &text[t.span.range()]),
            _ => None,
        };
        // The last entity word before the figure that opens its clause is the subject.
        let terms = self.terms(doc);
        let names_a_subject = |t: &TermMatch| {
            t.terms.iter().any(|term| name_of(t, term).is_some())
                && self.is_subject_position(text, t.span.start)
                && !(t.terms.iter().any(|term| matches!(term, Term::Anaphor(_)))
                    && self.compares_within(text, t.span.end))
        };
        let subject = self
            .lookups
            .subjects
            .last_before(
                is_rank,
                terms,
                |t| t.span.start,
                q.range.start,
                names_a_subject,
            )
            .and_then(|i| terms.get(i))
            .and_then(|t| t.terms.iter().find_map(|term| name_of(t, term)));
        // The document's own entity named in the figure's clause is its subject, whatever
        // opened the clause (`河南省…活动中,高新区集中开工项目5个`).
        if self.names_own_in(doc, clause_range.start..q.range.start) {
            return own;
        }
        subject.unwrap_or(own)
    }

    /// Whether the clause goes on from `pos` to compare with the rest of a place (`全市体量
    /// 最大`, `全省领先`): the anaphor before it is the field of comparison, not a subject.
    fn compares_within(&self, text: &str, pos: usize) -> bool {
        let clause = self.clause(self.clause_of(pos));
        let rest = &text[pos..clause.end.max(pos)];
        COMPARISONS.iter().any(|w| rest.contains(w))
    }

    /// Whether a word at `pos` opens its clause: nothing but time expressions and filler words
    /// stand between the clause's start and it.
    fn is_subject_position(&self, text: &str, pos: usize) -> bool {
        let clause = self.clause(self.clause_of(pos));
        let last_time = self
            .times_in(clause.start..clause.end.min(pos))
            .rev()
            .find(|t| t.range.end <= pos);
        let gap = &text[last_time.map_or(clause.start, |t| t.range.end.max(clause.start))..pos];
        let gap = gap.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        gap.is_empty() || LEADING_FILLERS.contains(&gap)
    }
}

/// Words that compare a thing with the rest of a place (`全市体量最大`).
const COMPARISONS: &[&str] = &[
    "最大", "最多", "最高", "最强", "最快", "最优", "领先", "首位", "前列",
];

/// The entity of `level` that holds `own` or is `own` (`全市` in a city's article is the city
/// itself, in a district's its parent city). A place the rules do not know is read by its
/// name's ending (`某某市` is a city).
fn enclosing(rules: &RuleSet, own: &str, level: EntityLevel) -> Option<String> {
    let Some(mut at) = rules.entity_index(own) else {
        let suffixes: &[&str] = match level {
            EntityLevel::City => &["市", "州", "盟"],
            EntityLevel::Province => &["省", "自治区"],
            _ => &[],
        };
        return suffixes
            .iter()
            .any(|s| own.ends_with(s))
            .then(|| own.to_owned());
    };
    loop {
        let entity = rules.entities().get(at)?;
        if entity.level == level {
            return Some(entity.name.clone());
        }
        at = rules.parent_of(at)?;
    }
}

/// The zone a head noun stands for (`该集聚区` → `西部产业集聚区`): the document's entity if its
/// name ends so, else its one child zone whose name does; none when two would fit.
fn zone_by_head(rules: &RuleSet, own: &str, word: &str) -> Option<String> {
    let head = word.strip_prefix('该').unwrap_or(word);
    if own.ends_with(head) {
        return Some(own.to_owned());
    }
    let mut zones = rules
        .entities()
        .iter()
        .filter(|e| e.parent.as_deref() == Some(own) && e.name.ends_with(head));
    let zone = zones.next()?;
    zones.next().is_none().then(|| zone.name.clone())
}

/// Whether the figure at `pos` spells out a goal named just before it (`完成市定目标（3446万美元）`):
/// whatever the clause reports, the bracketed figure is the goal's value.
pub(super) fn states_a_goal(text: &str, pos: usize) -> bool {
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
