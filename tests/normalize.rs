//! Normalization on the seed articles and its offset-map properties.

use claimcheck::normalize::Normalized;
use claimcheck::span::Span;
use proptest::prelude::*;

mod common;

/// The body of a bundled corpus file (after the closing `+++` line) and its offset.
fn corpus_body(name: &str) -> (String, Span) {
    let source = std::fs::read_to_string(common::repo_path(&format!("corpus/{name}"))).unwrap();
    let start = source.find("\n+++\n").unwrap() + "\n+++\n".len();
    let body = Span::new(start, source.len());
    (source, body)
}

const SEED_004: &str = "2014-02-15-zhongzhanqu-sige-zhongzhan.txt";

/// The three examples of the issue, as they occur in seed 004 (OCR of narrow columns).
#[test]
fn seed_004_examples_come_out_right() {
    let (source, body) = corpus_body(SEED_004);
    let n = Normalized::new(&source, body);
    for (raw, expected) in [
        ("收 入 完 成\n\n3.06\n\n亿 元", "收入完成3.06亿元"),
        (
            "今年经济社会发展的主要目\n\n标是 ：地区生产总值 （\n\nGDP\n\n）增长\n\n11%\n\n，公共财政预算收入增长",
            "今年经济社会发展的主要目标是:地区生产总值(GDP)增长11%,公共财政预算收入增长",
        ),
        (
            "全\n\n年力争引进\n\n１\n\n亿元以上项目\n\n25\n\n个",
            "全年力争引进1亿元以上项目25个",
        ),
        ("379\n\n亿\n\n元", "379亿元"),
    ] {
        let at = source
            .find(raw)
            .unwrap_or_else(|| panic!("{raw:?} not in seed 004"));
        let found = n
            .text()
            .find(expected)
            .unwrap_or_else(|| panic!("{expected:?} not in normalized text"));
        // The normalized span maps back to exactly the raw source slice.
        let span = n.to_source(found..found + expected.len());
        assert_eq!(span, Span::new(at, at + raw.len()), "{expected}");
    }
    // The inline example, normalized as a fragment.
    assert_eq!(
        Normalized::inline("收 入 完 成 3.06 亿 元").text(),
        "收入完成3.06亿元"
    );
}

/// Section headings of seed 004 stay apart from the sentences under them.
#[test]
fn seed_004_headings_are_kept() {
    let (source, body) = corpus_body(SEED_004);
    let n = Normalized::new(&source, body);
    let headings: Vec<&str> = n.headings().iter().map(|h| &n.text()[h.clone()]).collect();
    assert!(headings.contains(&"2013,巨变看转型"), "{headings:?}");
    assert!(headings.contains(&"2014,关键看提升"), "{headings:?}");
    assert!(
        n.text()
            .contains("\n2014,关键看提升\n今年经济社会发展的主要目标是:")
    );
}

/// Every character of every bundled article maps to source bytes monotonically.
#[test]
fn corpus_maps_are_monotone_and_in_bounds() {
    for entry in std::fs::read_dir(common::repo_path("corpus")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.ends_with(".txt") {
            continue;
        }
        let (source, body) = corpus_body(&name);
        check_map(&source, &Normalized::new(&source, body), body);
    }
}

/// The properties of the map, checked character by character: every character maps to a
/// non-empty span on char boundaries inside the body, after the span of the character before
/// — or to the same span, when both come from one rewritten phrase of another length.
fn check_map(source: &str, n: &Normalized, body: Span) {
    let mut last = Span::new(body.start, body.start);
    for (i, c) in n.text().char_indices() {
        let span = n.to_source(i..i + c.len_utf8());
        assert!(
            body.start <= span.start && span.end <= body.end,
            "out of the body: {span:?}"
        );
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        assert!(
            span.start >= last.end || span == last,
            "not monotone at {i}: {last:?} then {span:?}"
        );
        assert!(!span.is_empty());
        last = span;
    }
    // Items start right after a line break (or at the start), in order.
    let mut previous = 0;
    for item in n.items() {
        assert!(item.start >= previous && item.start <= n.text().len());
        assert!(item.start == 0 || n.text()[..item.start].ends_with('\n'));
        assert!(source.is_char_boundary(item.source.start) && !item.source.is_empty());
        previous = item.start;
    }
}

/// Text built from what articles are made of: CJK, Traditional characters, ASCII and
/// full-width digits, units, punctuation of both widths, Markdown marks and layout spaces.
/// (No `成`: `成长` before a figure is regional wording, rewritten as a phrase, which a slice
/// cutting through it cannot reproduce; [`CONTEXTUAL_PIECES`] has it.)
fn article_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "中", "站", "区", "完", "入", "亿", "元", "增", "长", "区", "產", "總", "億", "著", "年",
        "月", "1", "2", "0", "９", "８", ".", "．", "%", "％", "‰", ",", "，", "。", "；", "：",
        ":", "(", "（", "）", "“", "”", "GDP", "R&D", "Word", " ", "  ", "\u{3000}", "\n", "\n\n",
        "\n\n\n", "\r\n", "#", "## ", "**", "——", "~", "～", "a",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

/// What web pages add, where it does not depend on its surroundings: toned pinyin glosses,
/// HTML entities, bullets that open items anywhere, doubled punctuation.
const WEB_PIECES: &[&str] = &[
    "(guó)",
    "（zhǎng）",
    "(nèi)",
    "&nbsp;",
    "&amp;",
    "&#22686;",
    "&#x957F;",
    "&lt;",
    "●",
    "◆ ",
    "■",
    ",,",
    "，，",
    ",;",
    ",。",
    "、、",
    "。。",
    "(GDP)",
    "（PM2.5）",
    "(含)",
    "國",
    "內",
];

/// What web pages add that depends on its surroundings: toneless syllables (glosses only near
/// toned ones), numbers and bullets that open items only at the start of a line, regional
/// wording that is rewritten as a phrase.
const CONTEXTUAL_PIECES: &[&str] = &[
    "(de)",
    "(le)",
    "(1)",
    "（一）",
    "一、",
    "1.",
    "2、",
    "①",
    "·",
    "○",
    "- ",
    "成長率",
    "成長",
    "消費者物價指數",
    "按年增長",
    "年增率",
];

/// Article text with the web's damage that does not depend on its surroundings mixed in.
fn web_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(WEB_PIECES.to_vec());
    prop::collection::vec(
        prop_oneof![article_text(), pieces.prop_map(str::to_owned)],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// Web text with every kind of damage, context-dependent ones included.
fn messy_web_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(CONTEXTUAL_PIECES.to_vec());
    prop::collection::vec(
        prop_oneof![web_text(), pieces.prop_map(str::to_owned)],
        0..12,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn map_is_monotone_in_bounds_and_on_char_boundaries(text in article_text(), prefix in "[a-z+ \n]{0,6}") {
        // A body that does not start at 0, as after front matter.
        let source = format!("{prefix}{text}");
        let body = Span::new(prefix.len(), source.len());
        let n = Normalized::new(&source, body);
        check_map(&source, &n, body);
        // Any range of the normalized text, char-aligned or not, maps inside the body.
        let len = n.text().len();
        for (a, b) in [(0, len), (len / 3, len / 2), (len / 2, len)] {
            let span = n.to_source(a..b);
            prop_assert!(body.start <= span.start && span.start <= span.end && span.end <= body.end);
            prop_assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        }
    }

    #[test]
    fn web_text_maps_are_monotone_in_bounds_and_on_char_boundaries(text in messy_web_text(), prefix in "[a-z+ \n]{0,6}") {
        let source = format!("{prefix}{text}");
        let body = Span::new(prefix.len(), source.len());
        let n = Normalized::new(&source, body);
        check_map(&source, &n, body);
        let inline = Normalized::inline(&text);
        check_map(&text, &inline, Span::new(0, text.len()));
    }

    #[test]
    fn a_mapped_slice_normalizes_back_to_the_same_text(text in web_text(), from in 0usize..200, len in 1usize..60) {
        let n = Normalized::new(&text, Span::new(0, text.len()));
        let chars: Vec<(usize, char)> = n.text().char_indices().collect();
        prop_assume!(!chars.is_empty());
        // A span of normalized characters inside one line, not starting or ending with a
        // space or line break that normalization inserted.
        let first = from % chars.len();
        let mut last = (first + len - 1).min(chars.len() - 1);
        if let Some(newline) = chars[first..=last].iter().position(|&(_, c)| c == '\n') {
            last = first + newline;
        }
        let line = &chars[first..=last];
        let inner = |&(_, c): &(usize, char)| c != ' ' && c != '\n';
        let (Some(a), Some(b)) = (line.iter().position(inner), line.iter().rposition(inner)) else {
            return Ok(());
        };
        let window = &line[a..=b];
        let start = window[0].0;
        let end = window[window.len() - 1].0 + window[window.len() - 1].1.len_utf8();
        let span = n.to_source(start..end);
        let again = Normalized::inline(&text[span.range()]);
        prop_assert_eq!(again.text(), &n.text()[start..end]);
    }
}
