//! Periods: the walk over a document's sentences that carries a time from one sentence to the
//! next (a year-to-date, a year, an event's day, a framing deadline), and the time expression
//! that dates each figure.

use crate::normalize::is_cjk;
use crate::rules::CueScope;
use crate::structure::Role;
use crate::time::{Granularity, TimeExpr, TimeKind};

use super::lookup::Lookups;
use super::{DocumentContext, SentenceContext};

/// Whether a plan's name is only part of a programme's name (`“十四五”重大项目管理平台`,
/// `“十四五”重大项目储备库`): a bare plan name followed straight by a noun dates nothing.
pub(super) fn names_a_programme(text: &str, t: &TimeExpr) -> bool {
    let bare = t.kind == TimeKind::Plan
        && crate::time::is_plan_name(t.printed.trim_matches(['“', '”', '"']));
    let next = text[t.range.end..].chars().next();
    bare && next.is_some_and(|c| is_cjk(c) && !matches!(c, '期' | '时' | '以' | '中' | '的' | '来'))
}

/// Whether a day is a cut-off (`截至9月底`, `截止到6月30日`): a stock stands at it, a flow runs
/// from the start of its year up to it.
pub(in crate::extract) fn is_cut_off(t: &TimeExpr) -> bool {
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
pub(super) fn dates_a_flow(t: &TimeExpr) -> bool {
    !is_stock_date(t) || is_cut_off(t)
}

/// Whether a deadline frames what follows it (`到2029年,` set off by a comma).
fn frames(t: &TimeExpr, text: &str) -> bool {
    matches!(t.kind, TimeKind::Deadline | TimeKind::Horizon)
        && text
            .get(t.range.end..)
            .is_some_and(|rest| rest.starts_with(','))
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

impl DocumentContext<'_> {
    /// The sentences in text order, each with the context that carries over from the ones
    /// before it.
    pub(in crate::extract) fn sentences(&self) -> Vec<SentenceContext<'_>> {
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
        // Whether the sentence before ended with `;`, and where its list started.
        let (mut continued, mut list_start) = (false, 0);
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
            if !continued || new_paragraph {
                list_start = range.start;
            }
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
                list_start,
                role,
                facts: std::cell::OnceCell::new(),
                lookups: Lookups::default(),
            };
            let opens_enumeration = context
                .cue_terms(self, range.clone())
                .any(|c| c.scope == CueScope::Enumeration);
            let continues = text[range.clone()].ends_with(';');
            continued = continues;
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
}

impl<'a> SentenceContext<'a> {
    /// The time expression that dates the figure at `pos`: the last one before it in its
    /// clause, else the first after it in its clause, else the last one earlier in the
    /// sentence, else the one carried from earlier sentences.
    ///
    /// A figure of a period (an amount, a growth rate: `flow`) is not dated by the stock date of
    /// another clause (`年末登记失业率为3.9%,农民人均收入增长7%`): it takes an earlier period
    /// instead. An event's day (`9月28日,…签约项目41个,总投资129亿元`) dates the event's flows.
    pub(in crate::extract) fn governing_time(
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, with_context};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The period of the time that dates the figure starting with `figure`.
    fn dated(
        text: &str,
        published: (i32, u32, u32),
        figure: &str,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let mut found = None;
        with_context(text, published, "桐林区", |doc, sentences| {
            let pos = at(doc, figure);
            let sentence = sentences.iter().find(|s| s.range.contains(&pos)).unwrap();
            let clause = sentence.clause_of(pos);
            found = sentence
                .governing_time(clause, pos, true)
                .map(|t| (t.period.start, t.period.end));
        });
        found
    }

    #[test]
    fn a_year_to_date_carries_to_the_next_sentence() {
        let text = "今年以来,全区签约项目12个。完成投资8.6亿元。";
        assert_eq!(
            dated(text, (2025, 8, 20), "8.6亿元"),
            Some((day(2025, 1, 1), day(2025, 8, 20)))
        );
    }

    #[test]
    fn an_events_day_outlives_a_batch_year_after_it() {
        let text = "6月18日上午,全市2025年第二批重点项目集中开工仪式举行。当日,全区9个项目开工。";
        assert_eq!(
            dated(text, (2025, 8, 20), "9个"),
            Some((day(2025, 6, 18), day(2025, 6, 18)))
        );
    }

    #[test]
    fn a_running_whole_year_dates_its_own_sentence_only() {
        let text = "全年新增科技型企业30家。城区新建公园4个。";
        assert!(dated(text, (2025, 10, 9), "30家").is_some());
        assert_eq!(dated(text, (2025, 10, 9), "4个"), None);
    }

    #[test]
    fn a_part_of_a_year_ends_with_its_semicolon_list() {
        let text = "1~9月份,完成投资5.2亿元;新开工项目7个。全区新增就业1200人。";
        assert_eq!(
            dated(text, (2025, 10, 20), "7个"),
            Some((day(2025, 1, 1), day(2025, 9, 30)))
        );
        assert_eq!(dated(text, (2025, 10, 20), "1200人"), None);
    }
}
