//! What a count counts when the noun follows its number (`下辖7个街道`, `等4个项目已签约`).
//!
//! Statistical writing puts the counted noun either before the number (`新增高新技术企业3家`)
//! or after its classifier (`新增3家高新技术企业`). In the second order the words before the
//! number are a verb or a scope (`为辖区`, `城区范围内`), not a name, and the words after the
//! noun may say which of them are counted (`…项目已签约`, `…企业开展数字化诊断`): those make a
//! subset, and the name says so (`签约项目数`). The words that end the noun and open or end the
//! predicate are `[counted]` of `rules/words.toml`.

use std::ops::Range;

use crate::quantity::Quantity;

/// The noun after a count's classifier, and what the sentence says those things did.
#[derive(Debug, PartialEq)]
pub(super) struct Counted {
    /// The counted noun (`项目`, `“四上”企业` without the quotes).
    pub noun: String,
    /// The predicate that picks the counted things out (`签约`, `办理前期手续`), if any.
    pub predicate: Option<String>,
}

impl Counted {
    /// The metric name: what they did, then what they are, then `数` (`签约项目数`).
    pub fn name(&self, verb: Option<&str>) -> String {
        let lead = self.predicate.as_deref().or(verb).unwrap_or_default();
        // `被列入…后备企业`: a predicate that ends in the noun already names it.
        let name = if lead.ends_with(self.noun.as_str()) {
            lead.to_owned()
        } else {
            format!("{lead}{}", self.noun)
        };
        if name.ends_with('数') {
            name
        } else {
            format!("{name}数")
        }
    }
}

/// The noun counted by `q`, when it follows the number inside `clause`.
pub(super) fn after(text: &str, clause: &Range<usize>, q: &Quantity) -> Option<Counted> {
    let after = &text[q.range.end..clause.end];
    let run_end = after
        .char_indices()
        .find(|&(_, c)| !crate::normalize::is_cjk(c) && !is_quote(c))
        .map_or(after.len(), |(i, _)| i);
    let run = &after[..run_end];
    let words = &crate::extract::words::get().counted;
    let noun_end = [
        &words.noun_ends,
        &words.aspect_words,
        &words.predicate_verbs,
        &words.predicate_ends,
    ]
    .into_iter()
    .flat_map(|list| list.iter())
    .filter_map(|w| run.find(w).filter(|&i| i > 0))
    .min()
    .unwrap_or(run.len());
    let noun: String = run[..noun_end].chars().filter(|&c| !is_quote(c)).collect();
    let opens_with_time = words.predicate_ends.iter().any(|w| noun.starts_with(w));
    if noun.chars().count() < 2 || opens_with_time {
        return None;
    }
    let ends_noun = words
        .noun_ends
        .iter()
        .any(|w| run[noun_end..].starts_with(w));
    let (words, next) = predicate_words(&text[q.range.end + noun_end..]);
    // A predicate leading to a figure (`完成年度投资计划的160%`) names that figure, not this
    // count.
    let leads_to_a_figure = next.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '%'));
    let predicate = (!ends_noun && !leads_to_a_figure)
        .then(|| predicate(&words))
        .flatten();
    Some(Counted { noun, predicate })
}

/// The words of a predicate from the start of `rest`, read across the joins of a short list
/// (`入选省、市科技计划`) and a bracketed aside (`上市（挂牌）后备企业`), without that
/// punctuation; and the character that ends them. A `、` before another counted item
/// (`…已完工、3个小区…`) ends the predicate.
fn predicate_words(rest: &str) -> (String, Option<char>) {
    let mut words = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if crate::normalize::is_cjk(c) => words.push(c),
            c if is_quote(c) => {}
            '、' => {
                // Read a short way on only: a list of thousands must stay linear.
                let item: String = rest[i + c.len_utf8()..]
                    .chars()
                    .take(24)
                    .take_while(|c| !CLAUSE_ENDS.contains(c))
                    .collect();
                if item.contains(|c: char| c.is_ascii_digit()) {
                    return (words, Some(c));
                }
            }
            '(' | '（' => {
                let inner = &rest[i + c.len_utf8()..];
                let close = inner
                    .find([')', '）'])
                    .filter(|&k| k <= 18 && inner[..k].chars().all(crate::normalize::is_cjk));
                let Some(close) = close else {
                    return (words, Some(c));
                };
                words.push_str(&inner[..close]);
                while chars
                    .next_if(|&(k, _)| k <= i + c.len_utf8() + close)
                    .is_some()
                {}
            }
            c => return (words, Some(c)),
        }
    }
    (words, None)
}

/// Punctuation that ends a clause or a sentence.
const CLAUSE_ENDS: [char; 6] = [',', '，', ';', '；', '。', '\n'];

/// The predicate that opens `rest`, without its aspect words and the time that ends it.
fn predicate(rest: &str) -> Option<String> {
    let words = &crate::extract::words::get().counted;
    let mut rest = rest;
    while let Some(shorter) = words.aspect_words.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = shorter;
    }
    let end = words
        .predicate_ends
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .unwrap_or(rest.len());
    let predicate = &rest[..end];
    let links_on = words
        .links_to_a_figure
        .iter()
        .any(|w| predicate.contains(w));
    let length = predicate.chars().count();
    let opens_with_verb = words
        .predicate_verbs
        .iter()
        .any(|v| predicate.starts_with(v));
    (opens_with_verb && !links_on && (2..=16).contains(&length)).then(|| predicate.to_owned())
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '「' | '」')
}

/// The verb of `count_verbs` (`rules/words.toml`) that ends the words before a count, if one
/// does.
pub(super) fn verb_before(left: &str) -> Option<&'static str> {
    crate::extract::words::get()
        .counted
        .count_verbs
        .iter()
        .find(|v| left.ends_with(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::find_all;

    fn counted(text: &str) -> Option<Counted> {
        let q = find_all(text).into_iter().next().expect("a number");
        after(text, &(0..text.len()), &q)
    }

    #[test]
    fn a_noun_after_the_classifier_is_what_is_counted() {
        let c = counted("下辖9个街道").unwrap();
        assert_eq!(c.noun, "街道");
        assert_eq!(c.name(verb_before("下辖")), "下辖街道数");
    }

    #[test]
    fn a_predicate_after_the_noun_makes_a_subset() {
        let c = counted("等6个项目已签约").unwrap();
        assert_eq!(c.name(None), "签约项目数");
        let c = counted("等2个项目正在办理前期手续").unwrap();
        assert_eq!(c.name(None), "办理前期手续项目数");
        let c = counted("推动41家规模以上企业开展智能化改造").unwrap();
        assert_eq!(c.name(None), "开展智能化改造规模以上企业数");
    }

    #[test]
    fn a_predicate_that_leads_to_another_figure_is_not_the_counts() {
        let c = counted("辖区131家“四上”企业复工率达到98%").unwrap();
        assert_eq!(c.name(None), "四上企业数");
    }

    #[test]
    fn a_predicate_reads_across_a_short_list_and_stops_at_a_figure() {
        let c = counted("3个市重点项目完成年度投资计划的104%").unwrap();
        assert_eq!(c.name(None), "市重点项目数");
        let c = counted("8家企业先后入选省、市科技计划项目库").unwrap();
        assert_eq!(c.name(None), "入选省市科技计划项目库企业数");
        let c = counted("5家企业被列入省上市（挂牌）后备企业").unwrap();
        assert_eq!(c.name(None), "列入省上市挂牌后备企业数");
        let c = counted("其中4个小区已完成管网改造、2个小区已完成外墙保温").unwrap();
        assert_eq!(c.name(None), "完成管网改造小区数");
        let c = counted("力争2家企业实现挂牌").unwrap();
        assert_eq!(c.name(None), "挂牌企业数");
    }

    #[test]
    fn a_time_ends_the_predicate_and_a_lone_number_counts_nothing() {
        let c = counted("其余17个行政村今冬完工").unwrap();
        assert_eq!(c.name(None), "行政村数");
        assert_eq!(counted("完成12个。"), None);
    }
}
