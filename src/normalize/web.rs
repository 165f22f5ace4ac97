//! Damage that text copied from web pages brings: HTML entities, pinyin glosses printed after
//! characters by mirror sites, and doubled punctuation.
//!
//! Both passes here work on [`SourceChar`]s — a character and the source bytes it stands for —
//! so that what they remove or decode stays mapped to the source.

use crate::span::Span;

use super::is_cjk;

/// One character of the body and the source bytes it stands for: itself, or a whole HTML
/// entity, or a character and the pinyin gloss printed after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SourceChar {
    pub c: char,
    pub source: Span,
}

/// Decodes HTML entities in `body` (which starts at byte `base` of the source).
///
/// Named entities are the ones news pages use; numeric ones (`&#12345;`, `&#x4E00;`) are any
/// scalar value. An entity must end with `;`, and is decoded once (`&amp;nbsp;` is `&nbsp;`).
/// Anything that is not a known entity stays as it is. A decoder is written here rather than
/// taken from a crate because each decoded character must keep the span of its entity.
pub(super) fn decode_entities(body: &str, base: usize) -> Vec<SourceChar> {
    let mut out = Vec::with_capacity(body.len() / 2);
    let mut rest = body.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        if c == '&'
            && let Some((decoded, len)) = entity_at(&body[i..])
        {
            out.push(SourceChar {
                c: decoded,
                source: Span::new(base + i, base + i + len),
            });
            while rest.next_if(|&(j, _)| j < i + len).is_some() {}
            continue;
        }
        out.push(SourceChar {
            c,
            source: Span::new(base + i, base + i + c.len_utf8()),
        });
    }
    out
}

/// Named entities and what they stand for. `&nbsp;` and the typographic spaces are layout
/// whitespace; `&bull;` and `&middot;` decode to the bullets they print.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{00A0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("middot", '·'),
    ("bull", '•'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("times", '×'),
    ("divide", '÷'),
    ("permil", '‰'),
    ("deg", '°'),
    ("yen", '¥'),
    ("plusmn", '±'),
];

/// The entity at the start of `text` (which starts with `&`): its character and byte length.
fn entity_at(text: &str) -> Option<(char, usize)> {
    // The longest entity is `&#x10FFFF;` (10 bytes).
    let semicolon = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &text[1..semicolon];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok(),
            Some(_) => None,
            None if !number.is_empty() && number.len() <= 7 => number.parse().ok(),
            None => None,
        }?;
        char::from_u32(value).filter(|&c| c != '\0')?
    } else {
        NAMED_ENTITIES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| c)?
    };
    Some((decoded, semicolon + 1))
}

/// A parenthesised pinyin syllable after a character, found by [`find_glosses`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Gloss {
    /// Index of the opening bracket.
    open: usize,
    /// Index one past the closing bracket.
    end: usize,
    /// Whether the syllable carries a tone mark.
    toned: bool,
}

/// How far, in characters, a toneless syllable looks for toned glosses around it.
const GLOSSED_NEIGHBOURHOOD: usize = 200;

/// How many toned glosses must stand in that neighbourhood for the text to count as glossed.
const TONED_NEIGHBOURS: usize = 2;

/// Removes pinyin glosses printed after characters (`國(guó)內(nèi)` → `國內`): the gloss's
/// bytes join the span of the character it reads, so the map stays exact.
///
/// A gloss is a bracket (ASCII or full-width) directly after a CJK character holding one
/// lower-case pinyin syllable — a valid initial and final, with at most one tone mark. A
/// syllable with a tone mark (`(zhǎng)`) is always a gloss: nothing else is written that way.
/// A toneless one (`(de)`, `(ma)`) is a gloss only in glossed text, when at least
/// [`TONED_NEIGHBOURS`] toned glosses stand within [`GLOSSED_NEIGHBOURHOOD`] characters of it;
/// elsewhere it is left alone. Abbreviations (`(GDP)`, `(CPI)`, `（PM2.5）`), Chinese notes
/// (`(含)`, `(A类)`) and units (`(km)`, `(kg)`) are never glosses: they are upper case, hold
/// digits or CJK, or are no pinyin syllable.
pub(super) fn remove_glosses(chars: Vec<SourceChar>) -> Vec<SourceChar> {
    let glosses = find_glosses(&chars);
    if glosses.is_empty() {
        return chars;
    }
    let toned: Vec<usize> = glosses.iter().filter(|g| g.toned).map(|g| g.open).collect();
    let glossed_around = |at: usize| {
        let from = toned.partition_point(|&t| t + GLOSSED_NEIGHBOURHOOD < at);
        let to = toned.partition_point(|&t| t <= at + GLOSSED_NEIGHBOURHOOD);
        to - from >= TONED_NEIGHBOURS
    };
    let mut out: Vec<SourceChar> = Vec::with_capacity(chars.len());
    let mut next = glosses
        .into_iter()
        .filter(|g| g.toned || glossed_around(g.open))
        .peekable();
    let mut i = 0;
    while i < chars.len() {
        if let Some(g) = next.next_if(|g| g.open == i) {
            // The character before the bracket is CJK and was pushed last.
            if let Some(read) = out.last_mut() {
                read.source = read.source.cover(chars[g.end - 1].source);
            }
            i = g.end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Removes footnote marks that statistical communiqués print after a term
/// (`国内生产总值[2]`, `能耗［4］`, `〔3〕`): a bracketed number of one or two digits directly
/// after a CJK character or a closing bracket. Its bytes join the character before it, so an
/// indicator's name reads whole (`万元国内生产总值能耗比上年下降3.1%`) and the map stays exact.
pub(super) fn remove_footnote_marks(chars: Vec<SourceChar>) -> Vec<SourceChar> {
    let mut out: Vec<SourceChar> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = footnote_mark_at(&chars, i)
            && let Some(before) = out.last_mut()
            && (is_cjk(before.c) || matches!(before.c, ')' | '）'))
        {
            before.source = before.source.cover(chars[end - 1].source);
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The end (exclusive) of a footnote mark opening at `open`: `[`, one or two ASCII digits, `]`.
fn footnote_mark_at(chars: &[SourceChar], open: usize) -> Option<usize> {
    let closing = match chars[open].c {
        '[' => ']',
        '［' => '］',
        '〔' => '〕',
        _ => return None,
    };
    let digits = chars[open + 1..]
        .iter()
        .take(3)
        .take_while(|s| s.c.is_ascii_digit())
        .count();
    let close = open + 1 + digits;
    ((1..=2).contains(&digits) && chars.get(close).is_some_and(|s| s.c == closing))
        .then_some(close + 1)
}

/// Every bracketed pinyin syllable directly after a CJK character, in order.
fn find_glosses(chars: &[SourceChar]) -> Vec<Gloss> {
    let mut found = Vec::new();
    for open in 1..chars.len() {
        if !matches!(chars[open].c, '(' | '（') || !is_cjk(chars[open - 1].c) {
            continue;
        }
        // The longest syllables (`zhuang`, `shuang`) have six letters.
        let letters: String = chars[open + 1..]
            .iter()
            .take(7)
            .map(|s| s.c)
            .take_while(|&c| base_letter(c).is_some())
            .collect();
        let close = open + 1 + letters.chars().count();
        if letters.is_empty() || !chars.get(close).is_some_and(|s| matches!(s.c, ')' | '）')) {
            continue;
        }
        if let Some(toned) = read_syllable(&letters) {
            found.push(Gloss {
                open,
                end: close + 1,
                toned,
            });
        }
    }
    found
}

/// The toneless letter a pinyin letter stands for, and whether it carried a tone mark.
fn base_letter(c: char) -> Option<(char, bool)> {
    let toned = |base| Some((base, true));
    match c {
        'a'..='z' => Some((c, false)),
        'ü' => Some(('v', false)),
        'ā' | 'á' | 'ǎ' | 'à' => toned('a'),
        'ē' | 'é' | 'ě' | 'è' => toned('e'),
        'ī' | 'í' | 'ǐ' | 'ì' => toned('i'),
        'ō' | 'ó' | 'ǒ' | 'ò' => toned('o'),
        'ū' | 'ú' | 'ǔ' | 'ù' => toned('u'),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => toned('v'),
        _ => None,
    }
}

/// Whether `letters` is one pinyin syllable with at most one tone mark; `Some(toned)` if so.
fn read_syllable(letters: &str) -> Option<bool> {
    let mut plain = String::with_capacity(letters.len());
    let mut tones = 0;
    for c in letters.chars() {
        let (base, toned) = base_letter(c)?;
        plain.push(base);
        tones += usize::from(toned);
    }
    (tones <= 1 && is_pinyin_syllable(&plain)).then_some(tones == 1)
}

/// Initials of Mandarin syllables, two-letter ones first so that `zh` is not read as `z`.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// Finals of Mandarin syllables (`v` writes `ü`). A syllable is an optional initial and one
/// of these; the check is structural (it accepts a few combinations Mandarin lacks), which is
/// enough to tell a gloss from a unit or an English word.
const FINALS: &[&str] = &[
    "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie",
    "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un",
    "uang", "ueng", "ue", "v", "ve", "van", "vn",
];

/// Whether a toneless, lower-case string (`ü` written `v`) is a pinyin syllable.
fn is_pinyin_syllable(plain: &str) -> bool {
    let final_part = INITIALS
        .iter()
        .find_map(|i| plain.strip_prefix(i).filter(|rest| !rest.is_empty()))
        .unwrap_or(plain);
    FINALS.contains(&final_part) || plain == "er"
}

/// How strongly a punctuation mark separates: a doubled run keeps its strongest mark.
/// `None` for anything that is not clause or sentence punctuation.
pub(super) fn boundary_strength(c: char) -> Option<u8> {
    match c {
        ',' => Some(0),
        '、' => Some(1),
        ':' => Some(2),
        ';' => Some(3),
        '。' | '!' | '?' => Some(4),
        _ => None,
    }
}

/// The one mark a careful typist would have put for two marks side by side (after width
/// folding): the stronger boundary wins (`,;` → `;`, `%,。` → `%。`), a comma beside an
/// enumeration comma gives way to it (`一,、` → `一、`), and a mark doubled is one (`,,`, `。。`).
pub(super) fn merge_marks(first: char, second: char) -> Option<char> {
    let (a, b) = (boundary_strength(first)?, boundary_strength(second)?);
    Some(if b > a { second } else { first })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &str) -> String {
        decode_entities(text, 0).iter().map(|s| s.c).collect()
    }

    fn without_marks(text: &str) -> String {
        remove_footnote_marks(decode_entities(text, 0))
            .iter()
            .map(|s| s.c)
            .collect()
    }

    #[test]
    fn footnote_marks_after_terms_are_removed_and_their_bytes_kept() {
        assert_eq!(
            without_marks("全年国内生产总值[1]1234亿元,能耗［3］下降2%"),
            "全年国内生产总值1234亿元,能耗下降2%"
        );
        let chars = remove_footnote_marks(decode_entities("值[12]为", 0));
        assert_eq!(chars[0].source, Span::new(0, 7));
        // After any Chinese word the mark goes (`见表[1]`); after a space, a Latin letter or
        // with four digits it stays.
        assert_eq!(without_marks("见表[1]"), "见表");
        assert_eq!(
            without_marks("第 [1] 条,[2024]号,数组a[1]"),
            "第 [1] 条,[2024]号,数组a[1]"
        );
    }

    fn unglossed(text: &str) -> String {
        remove_glosses(decode_entities(text, 0))
            .iter()
            .map(|s| s.c)
            .collect()
    }

    #[test]
    fn entities_decode_to_one_character_spanning_the_entity() {
        let table = [
            ("总值&nbsp;增长", "总值\u{a0}增长"),
            ("R&amp;D经费", "R&D经费"),
            ("&lt;b&gt;增长&lt;/b&gt;", "<b>增长</b>"),
            ("&quot;十四五&quot;", "\"十四五\""),
            ("&#19968;&#x4E8C;&#X4e09;", "一二三"),
            ("&#12288;全年", "\u{3000}全年"),
            ("&amp;nbsp;", "&nbsp;"),
        ];
        for (raw, expected) in table {
            assert_eq!(decoded(raw), expected, "{raw}");
        }
        let chars = decode_entities("值&amp;值", 10);
        assert_eq!(chars[1].source, Span::new(13, 18));
    }

    #[test]
    fn what_is_not_an_entity_stays() {
        for raw in [
            "R&D经费",
            "A&B;",
            "&#;",
            "&#x;",
            "&#xD800;",
            "&#0;",
            "&#99999999;",
            "&nbsp",
        ] {
            assert_eq!(decoded(raw), raw);
        }
    }

    #[test]
    fn toned_glosses_are_removed_wherever_they_stand() {
        let table = [
            (
                "地區(qū)財(cái)政收入增長(zhǎng)7.2%",
                "地區財政收入增長7.2%",
            ),
            ("城鎮（zhèn）調（diào）查", "城鎮調查"),
            ("女(nǚ)工", "女工"),
            ("(謝藝觀(guān))", "(謝藝觀)"),
        ];
        for (raw, expected) in table {
            assert_eq!(unglossed(raw), expected, "{raw}");
        }
    }

    #[test]
    fn real_brackets_survive() {
        for raw in [
            "地区生产总值(GDP)增长",
            "居民消费价格(CPI)上涨",
            "细颗粒物（PM2.5）浓度",
            "税收(含)以上",
            "(A类)项目",
            "里程(km)达到",
            "重量(kg)",
            "名称(Nanhu)",
            "增长(cafés)",
            "项目(a1)",
            "6%(yuan)",
        ] {
            assert_eq!(unglossed(raw), raw);
        }
    }

    #[test]
    fn toneless_syllables_are_glosses_only_in_glossed_text() {
        assert_eq!(unglossed("湖区的(de)公园"), "湖区的(de)公园");
        assert_eq!(unglossed("了(le)规划(huà)的(de)进(jìn)展"), "了规划的进展");
    }

    #[test]
    fn a_gloss_joins_the_span_of_its_character() {
        let chars = remove_glosses(decode_entities("長(zhǎng)6", 0));
        assert_eq!(chars[0].source, Span::new(0, "長(zhǎng)".len()));
        assert_eq!(chars[1].c, '6');
    }

    #[test]
    fn pinyin_syllables_are_told_from_other_letters() {
        for s in ["zhuang", "guo", "nv", "lve", "er", "a", "yuan", "xiong"] {
            assert!(is_pinyin_syllable(s), "{s}");
        }
        for s in ["km", "kg", "gdp", "cm", "nanhu", "t", "zh"] {
            assert!(!is_pinyin_syllable(s), "{s}");
        }
    }

    #[test]
    fn doubled_marks_keep_the_strongest() {
        let table = [
            (',', ',', ','),
            (',', ';', ';'),
            (',', '。', '。'),
            (',', '、', '、'),
            ('、', '、', '、'),
            ('。', '。', '。'),
            ('。', ',', '。'),
            (';', '。', '。'),
        ];
        for (a, b, expected) in table {
            assert_eq!(merge_marks(a, b), Some(expected), "{a}{b}");
        }
        assert_eq!(merge_marks('%', ','), None);
    }
}
