//! Named works and facilities a sentence describes (`解放区龙源路小学位于…,项目占地…,可提供学位
//! 1080个`): their figures are the facility's, not the district's.
//!
//! News about a school, hospital or project introduces it by name and location, then lists what
//! it will be: land, floor area, places, investment. Those figures are specifications of the
//! named thing; a fact-checker compares them with what that thing became, and its opening date
//! (`确保2026年秋季投入使用`) is when they are due. The words that end, break and describe a
//! name are `[facility]` of `rules/words.toml`.

use std::ops::Range;

/// Whether a milestone with this verb is the facility's completion.
pub(super) fn opens(verb: &str) -> bool {
    super::words::get().facility.opening_verbs.contains(verb)
}

/// The facility a sentence describes, when the sentence introduces it by name and location
/// (`…龙源路小学位于…`); `None` for any other sentence.
/// Also gives where the description starts: figures before it are not the facility's.
pub(super) fn described(text: &str, sentence: Range<usize>) -> Option<(String, usize)> {
    let words = text.get(sentence.clone())?;
    let described_by = &super::words::get().facility.described_by;
    // Every verb of a location contains `于`: one search for it rules out most sentences.
    if !words.contains('于') && described_by.iter().all(|verb| verb.contains('于')) {
        return None;
    }
    let at = described_by
        .iter()
        .filter_map(|verb| words.find(verb))
        .min()?;
    named_before(&words[..at]).map(|name| (name, sentence.start + at))
}

/// The facility named last in `words`, if its name ends there (`…,玉溪路小学`) or the words
/// continue with what is said of it (`槐荫路小学主体工程已完工`).
/// A head followed by a number (`引进亿元以上项目20个`) is a counted noun, not a name.
pub(super) fn named_in(words: &str) -> Option<String> {
    let end = super::words::get()
        .facility
        .heads
        .iter()
        .filter_map(|head| words.rfind(head).map(|i| i + head.len()))
        .max()?;
    let counted = words[end..].chars().next().is_some_and(|c| {
        c.is_ascii_digit() || crate::quantity::numeral::is_chinese_numeral_char(c)
    });
    if counted {
        return None;
    }
    named_before(&words[..end])
}

/// The name that ends `words`: the run of Chinese characters before the end, back to
/// punctuation or a word that cannot be in a name, when it ends in a facility head.
fn named_before(words: &str) -> Option<String> {
    let words_of = &super::words::get().facility;
    let ends_in_head = |w: &str| words_of.heads.iter().any(|head| w.ends_with(head));
    // `柳湾中学新建项目位于…`: the facility is the school, not its building project.
    let words = ["新建项目", "新建", "项目"]
        .iter()
        .find_map(|suffix| words.strip_suffix(suffix).filter(|w| ends_in_head(w)))
        .unwrap_or(words);
    if !ends_in_head(words) {
        return None;
    }
    let head_end = words.len();
    let run_start = words[..head_end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !crate::normalize::is_cjk(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &words[run_start..head_end];
    let start = words_of
        .name_breaks
        .iter()
        .filter_map(|w| run.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    let name = &run[start..];
    // A bare head (`项目`, `中心`) names no particular facility.
    let bare = words_of.heads.contains(name);
    (name.chars().count() >= 4 && !bare).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_locates_a_facility_describes_it() {
        let text = "据了解,城东区青松路小学位于东环路与青松路交叉口,项目占地9800平方米。";
        let (name, _) = described(text, 0..text.len()).unwrap();
        assert_eq!(name, "城东区青松路小学");
        let text = "柳湾中学新建项目位于滨河大道南侧,总建筑面积15000平方米。";
        let (name, at) = described(text, 0..text.len()).unwrap();
        assert_eq!((name.as_str(), &text[at..at + 6]), ("柳湾中学", "新建"));
    }

    #[test]
    fn every_built_in_verb_of_a_location_has_the_character_sentences_are_first_searched_for() {
        let verbs = &crate::extract::words::get().facility.described_by;
        assert!(verbs.iter().all(|verb| verb.contains('于')));
    }

    #[test]
    fn other_sentences_describe_nothing() {
        let text = "全区新建改造城市道路8条,完成投资4.2亿元。";
        assert_eq!(described(text, 0..text.len()), None);
        let text = "该项目位于园区北部,总投资3亿元。";
        assert_eq!(described(text, 0..text.len()), None);
    }

    #[test]
    fn a_facility_named_before_what_is_said_of_it() {
        assert_eq!(
            named_in("市教育局答复称,青松路小学").as_deref(),
            Some("青松路小学")
        );
        assert_eq!(named_in("正在进行收尾"), None);
        assert_eq!(named_in("全年引进亿元以上项目十二个,"), None);
    }
}
