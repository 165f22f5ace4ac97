//! Milestones: targets that date an event without a number (`紫荆大道项目10月份开工`,
//! `市第二人民医院计划明年1月份搬迁运营`, `玉珑路小学…在明年秋季实现招生`).
//!
//! A milestone verb (rules: `[[milestone]]` in cues.toml) right after a time expression that
//! ends on or after publication is a promise that the thing named before the time reaches that
//! event by the end of the time. A reported event (`已于9月份开工`, a past time) is not a claim.

use std::ops::Range;

use chrono::NaiveDate;

use crate::rules::Term;
use crate::time::TimeKind;

use super::context::{DocumentContext, SentenceContext};
use super::facility;
use super::metric::strip_repeatedly;

/// A dated event a plan promises.
pub(super) struct Milestone {
    /// From the thing's name (or the time, when the name is in an earlier clause) through the
    /// verb, in the normalized text.
    pub range: Range<usize>,
    /// The thing that reaches the event (`怀川高科产业园紫荆大道项目`).
    pub entity: String,
    /// The event as written (`开工`).
    pub verb: String,
    /// The last day of the time expression.
    pub deadline: NaiveDate,
}

/// The milestones of one sentence.
pub(super) fn find(doc: &DocumentContext, sentence: &SentenceContext) -> Vec<Milestone> {
    let text = doc.text();
    let milestones = doc.rules().milestones();
    let mut found = Vec::new();
    for term in sentence.terms(doc) {
        let Some(verb) = term.terms.iter().find_map(|t| match t {
            Term::Milestone(i) => milestones.get(*i),
            _ => None,
        }) else {
            continue;
        };
        let clause_index = sentence.clause_of(term.span.start);
        let clause = sentence.clause(clause_index);
        let Some(time) = sentence
            .times_in(clause.start..term.span.start)
            .rev()
            .find(|t| t.range.end <= term.span.start)
        else {
            continue;
        };
        let ahead = time.period.end >= doc.published() && time.kind != TimeKind::OpenStart;
        if !ahead || !only_links(&text[time.range.end..term.span.start]) {
            continue;
        }
        let name = match name_before(text, clause.start..time.range.start) {
            Name::Found(start, name) => Some((Some(start), name)),
            Name::Unfit => None,
            // `槐荫路小学主体工程已完工,正在收尾,确保…投入使用`: the facility the sentence
            // is about; else the thing in the clause before (`新建…的玉珑路小学,在明年秋季…`).
            Name::Missing => {
                facility::named_in(recent(&text[sentence.range.start..time.range.start]))
                    .map(|name| (None, name))
                    .or_else(|| {
                        let previous = sentence.clause(clause_index.checked_sub(1)?);
                        match name_before(text, previous) {
                            Name::Found(_, name) => Some((None, name)),
                            Name::Missing | Name::Unfit => None,
                        }
                    })
            }
        };
        let Some((start, entity)) = name else {
            continue;
        };
        found.push(Milestone {
            range: start.unwrap_or(time.range.start)..term.span.end,
            entity,
            verb: verb.clone(),
            deadline: time.period.end,
        });
    }
    found
}

/// The last words of `words`, as far back as a sentence's subject usually stands from its
/// last verb: a sentence of thousands of clauses is not searched whole for each milestone.
fn recent(words: &str) -> &str {
    words
        .char_indices()
        .rev()
        .nth(48)
        .map_or(words, |(i, _)| &words[i..])
}

/// Whether `gap` holds only linking words (`将于年底前开工`; `links` of `rules/words.toml`).
fn only_links(gap: &str) -> bool {
    let links = super::words::get().milestone.links.words();
    strip_repeatedly(gap.trim(), links, str::strip_prefix).is_empty()
}

/// What stands before the time.
enum Name {
    /// The thing's name, and where it starts.
    Found(usize, String),
    /// Nothing but linking words.
    Missing,
    /// Words that are not a plain name (a number, a list): not a milestone.
    Unfit,
}

/// The name of the thing in `range`: the words after the last `的`, `等` or comma, without
/// the verb that follows the name (`计划`, `将`: `name_ends` of `rules/words.toml`).
fn name_before(text: &str, range: Range<usize>) -> Name {
    let Some(mut words) = text.get(range.clone()) else {
        return Name::Unfit;
    };
    words = strip_repeatedly(
        words.trim_end_matches([',', ';', ' ']),
        super::words::get().milestone.name_ends.words(),
        str::strip_suffix,
    );
    let cut = ['的', '等', ',', ':', '、']
        .iter()
        .filter_map(|c| words.rfind(*c).map(|i| i + c.len_utf8()))
        .max()
        .unwrap_or(0);
    let name: String = words[cut..]
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | ' '))
        .collect();
    if name.is_empty() {
        return Name::Missing;
    }
    // A name with a number in it (`剩余23个`, `720套人才公寓`) is a counted target: the
    // quantity's own claim says it.
    let plain = name
        .chars()
        .all(|c| crate::normalize::is_cjk(c) || c.is_ascii_alphabetic() || "()".contains(c));
    if plain && name.chars().count() >= 2 {
        Name::Found(range.start + cut, name)
    } else {
        Name::Unfit
    }
}
