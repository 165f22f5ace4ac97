//! Document structure: the genre role of each sentence of a government text.
//!
//! The 政府工作报告 is where a government states its year's goals and reviews the year before;
//! a 统计公报 reports a year's outcomes; a 五年规划 states goals for its plan period. Their parts
//! are opened by section cues (rule data: `[[section]]` in `rules/cues.toml`):
//!
//! - **review** (`过去一年`, `一年来`, `去年工作回顾`, a title `2023年…统计公报`): figures without a
//!   time of their own measure the year reviewed — the year before publication for an article of
//!   the first half-year, the publication year for one of the second half (a December summary),
//!   or the year the heading or title names; `过去五年` covers five years;
//! - **targets** (`今年…主要预期目标是`, `任务清单`, `今年主要目标`): figures are goals for the year;
//! - **plan** (`“十四五”时期主要目标`, `规划目标`): figures are goals for the plan period.
//!
//! A cue in a heading, at the start of a sentence (also after a speaker's `报告指出，`) or — for
//! cues marked `place = "anywhere"` — anywhere in a sentence opens its part; the part runs over
//! the following sentences, lines and sections until another cue opens another part. A cue marked
//! `place = "title"` sets the role of the whole article from its front-matter title.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::Analyzed;
use crate::rules::{RuleSet, SectionCue, SectionPlace, SectionRole};
use crate::time::{self, Period, Reference, TimeKind};

/// The genre role of a sentence, with the period its year-less figures belong to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// No genre cue governs the sentence.
    #[default]
    None,
    /// A review: figures report the period.
    Review(Period),
    /// This year's goals: figures are due by the end of the period.
    Targets(Period),
    /// A plan's goals: figures are due by the end of the plan period.
    Plan(Period),
}

impl Role {
    /// The year a review's year-less time words (`全年`, `年末`) refer to.
    pub fn review_year(self) -> Option<i32> {
        match self {
            Role::Review(p) => Some(p.end.year()),
            _ => None,
        }
    }
}

/// Clauses a cue may open in a sentence: the first, or one after a speaker's words
/// (`政府工作报告说，一年来，…`).
const LEAD_CLAUSES: usize = 3;

/// The role of every sentence of an analyzed document, by sentence index.
pub fn roles(a: &Analyzed, rules: &RuleSet) -> Vec<Role> {
    let cues = rules.sections();
    let published = a.doc.meta.published;
    let text = a.normalized.text();
    let mut roles = vec![Role::None; a.segments.sentences.len()];
    let lead_words = || {
        cues.iter()
            .filter(|c| c.place == SectionPlace::Lead)
            .flat_map(|c| c.words.iter())
    };
    let lead_firsts: Vec<char> = lead_words().filter_map(|w| w.chars().next()).collect();
    // An empty word opens every clause (see `opens_a_clause`).
    let lead_opens_all = lead_words().any(String::is_empty);
    let title = a
        .doc
        .meta
        .title
        .as_deref()
        .map(|t| crate::normalize::Normalized::inline(t).text().to_owned())
        .unwrap_or_default();
    let mut current = cues
        .iter()
        .filter(|c| c.place == SectionPlace::Title)
        .find_map(|c| found_role(c, &title, &title, published))
        .unwrap_or_default();
    for section in &a.segments.sections {
        for heading in &section.headings {
            let words = &text[heading.clone()];
            // A heading is all lead: a cue anywhere in it opens its part (`一、过去一年工作回顾`).
            if let Some(role) = cues
                .iter()
                .filter(|c| c.place != SectionPlace::Title)
                .find_map(|c| found_role_anywhere(c, words, published))
            {
                current = plan_heading(role, words, published);
            }
        }
        for i in section.sentences.clone() {
            let sentence = &text[a.segments.sentences[i].range.clone()];
            let opening = &sentence[lead(sentence)];
            // The clause starts of the lead, found once for every cue; most sentences have
            // none that any lead cue's word could open.
            let starts = clause_starts(opening);
            let any_lead = lead_opens_all
                || starts.iter().any(|&start| {
                    opening[start..]
                        .chars()
                        .next()
                        .is_some_and(|c| lead_firsts.contains(&c))
                });
            if let Some(role) = cues.iter().find_map(|c| match c.place {
                SectionPlace::Lead if any_lead && opens_a_clause(c, opening, &starts) => {
                    role_of(c, sentence, published)
                }
                SectionPlace::Lead => None,
                SectionPlace::Anywhere => found_role(c, sentence, sentence, published),
                SectionPlace::Title => None,
            }) {
                current = role;
            }
            roles[i] = current;
            // A title glued to the end of the line before it (`…养老服务2024任务清单`, when the
            // page lost the line break) opens its part after this sentence.
            if let Some(role) = trailing_title(sentence).and_then(|title| {
                cues.iter()
                    .filter(|c| c.place != SectionPlace::Title)
                    .find_map(|c| found_role_anywhere(c, title, published))
            }) {
                current = role;
            }
        }
    }
    roles
}

/// A heading of goals that names a plan period (`第二章 “十四五”时期经济社会发展主要目标`)
/// heads the plan's goals, due at the period's end, not this year's.
fn plan_heading(role: Role, heading: &str, published: NaiveDate) -> Role {
    let reference = Reference::new(published);
    match role {
        Role::Targets(_) => time::find_all(heading, &reference)
            .into_iter()
            .find(|t| t.kind == TimeKind::Plan)
            .map_or(role, |plan| Role::Plan(plan.period)),
        other => other,
    }
}

/// The words after a sentence's last figure and last comma, when they look like a title that
/// lost its line break: a short run of words with no figure in it, ending the sentence without
/// a stop (a sentence that ends with `。` ends with its own words).
fn trailing_title(sentence: &str) -> Option<&str> {
    if sentence.ends_with(['。', '!', '?', ';', '！', '？', '；']) {
        return None;
    }
    let after_figures = sentence
        .rfind(|c: char| c.is_ascii_digit() || c == '%')
        .map_or(0, |i| i + 1);
    let after_comma = sentence.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let start = after_figures.max(after_comma);
    let tail = &sentence[start..];
    (tail.chars().count() <= 20).then_some(tail)
}

/// The start of a sentence where a cue opens a part: its first clauses, each from its start.
fn lead(sentence: &str) -> Range<usize> {
    let end = sentence
        .match_indices(',')
        .nth(LEAD_CLAUSES - 1)
        .map_or(sentence.len(), |(i, _)| i);
    0..end
}

/// The role a cue gives when one of its words is anywhere in `text`.
fn found_role_anywhere(cue: &SectionCue, text: &str, published: NaiveDate) -> Option<Role> {
    found_role_as(cue, SectionPlace::Anywhere, text, text, published)
}

/// The role a cue gives when one of its words is in `place` (for lead cues, at a clause start
/// within it); `context` is the heading or sentence the words are in, for its years.
fn found_role(cue: &SectionCue, place: &str, context: &str, published: NaiveDate) -> Option<Role> {
    found_role_as(cue, cue.place, place, context, published)
}

/// [`found_role`] with the cue's words looked for as `how` says, whatever its own place.
fn found_role_as(
    cue: &SectionCue,
    how: SectionPlace,
    place: &str,
    context: &str,
    published: NaiveDate,
) -> Option<Role> {
    let hit = match how {
        SectionPlace::Lead => opens_a_clause(cue, place, &clause_starts(place)),
        SectionPlace::Anywhere | SectionPlace::Title => {
            cue.words.iter().any(|w| place.contains(w.as_str()))
        }
    };
    if !hit {
        return None;
    }
    role_of(cue, context, published)
}

/// Where the clauses of `place` start: at its start and after each comma.
fn clause_starts(place: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(place.match_indices(',').map(|(i, _)| i + 1))
        .collect()
}

/// Whether a word of `cue` opens one of the clauses of `place` that start at `starts`.
fn opens_a_clause(cue: &SectionCue, place: &str, starts: &[usize]) -> bool {
    starts.iter().any(|&start| {
        let rest = &place[start..];
        // Most clauses start with a character no word does: one comparison rules them out.
        let first = rest.chars().next();
        cue.words
            .iter()
            .any(|w| w.chars().next().is_none_or(|c| Some(c) == first) && rest.starts_with(w))
    })
}

/// The role `cue` gives to what follows it; `context` is the heading or sentence its words are
/// in, for its years.
fn role_of(cue: &SectionCue, context: &str, published: NaiveDate) -> Option<Role> {
    let named = named_year(context);
    Some(match cue.role {
        SectionRole::Review => {
            let last = named
                .filter(|&y| y <= published.year())
                .unwrap_or_else(|| reviewed_year(published));
            let years = i32::try_from(cue.years.max(1)).unwrap_or(1);
            let start = Period::year(last - years + 1)?;
            let end = Period::year(last)?;
            Role::Review(Period {
                start: start.start,
                end: end.end,
            })
        }
        SectionRole::Targets => {
            let year = named
                .filter(|&y| y >= published.year())
                .unwrap_or(published.year());
            Role::Targets(Period::year(year)?)
        }
        SectionRole::Plan => Role::Plan(plan_period(context, published)?),
    })
}

/// The year a review covers when nothing names it: a report of the first half-year reviews the
/// year before; a summary of the second half reviews its own year.
fn reviewed_year(published: NaiveDate) -> i32 {
    if published.month() <= 6 {
        published.year() - 1
    } else {
        published.year()
    }
}

/// A four-digit year written in `text` (`2023年…统计公报`, `2021任务清单`).
fn named_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = &bytes[i..i + 4];
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_digit();
        // `由2020年的…增加到…`, `比2009年增长`: a year compared with names no part.
        let compared = text
            .get(..i)
            .is_some_and(crate::time::ends_with_base_marker);
        let boundary_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if boundary_before && boundary_after && !compared && digits.iter().all(u8::is_ascii_digit) {
            let year: i32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            (1949..=2100).contains(&year).then_some(year)
        } else {
            None
        }
    })
}

/// The plan period a plan cue's heading or sentence names (`“十四五”`), else the five years from
/// publication.
fn plan_period(context: &str, published: NaiveDate) -> Option<Period> {
    let reference = Reference::new(published);
    if let Some(plan) = time::find_all(context, &reference)
        .into_iter()
        .find(|t| t.kind == TimeKind::Plan)
    {
        return Some(plan.period);
    }
    let start = Period::year(published.year())?;
    let end = Period::year(published.year() + 4)?;
    Some(Period {
        start: start.start,
        end: end.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_year_is_four_digits_alone() {
        assert_eq!(named_year("2023年统计公报"), Some(2023));
        assert_eq!(named_year("2021任务清单"), Some(2021));
        assert_eq!(named_year("增长12345"), None);
        assert_eq!(named_year("第十四个五年规划"), None);
    }

    #[test]
    fn a_title_glued_to_a_line_is_its_tail_without_figures() {
        assert_eq!(
            trailing_title("养老床位增加到800张,办好民生实事2025任务清单"),
            Some("任务清单")
        );
        assert_eq!(trailing_title("确保完成全年目标任务。"), None);
        assert_eq!(
            trailing_title("全部摘帽“十四五”规划目标"),
            Some("全部摘帽“十四五”规划目标")
        );
    }

    #[test]
    fn a_review_early_in_the_year_covers_the_year_before() {
        let march = NaiveDate::from_ymd_opt(2023, 3, 5).unwrap();
        let december = NaiveDate::from_ymd_opt(2020, 12, 20).unwrap();
        assert_eq!(reviewed_year(march), 2022);
        assert_eq!(reviewed_year(december), 2020);
    }

    #[test]
    fn lead_cues_open_a_clause() {
        let cue = SectionCue {
            role: SectionRole::Review,
            words: vec!["一年来".to_owned()],
            place: SectionPlace::Lead,
            years: 1,
        };
        let published = NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
        let text = "政府工作报告说,一年来,经济运行总体平稳";
        assert!(matches!(
            found_role(&cue, text, text, published),
            Some(Role::Review(p)) if p.start.year() == 2024
        ));
        let inside = "这是一年来最好的成绩";
        assert_eq!(found_role(&cue, inside, inside, published), None);
    }

    #[test]
    fn a_heading_of_goals_naming_a_plan_period_heads_the_plans_goals() {
        let published = NaiveDate::from_ymd_opt(2021, 3, 20).unwrap();
        let this_year = Role::Targets(Period::year(2021).unwrap());
        assert!(matches!(
            plan_heading(this_year, "第二章“十四五”时期经济社会发展主要目标", published),
            Role::Plan(p) if p.end.year() == 2025 && p.start.year() == 2021
        ));
        assert_eq!(
            plan_heading(this_year, "二、2021年主要预期目标", published),
            this_year
        );
    }
}
