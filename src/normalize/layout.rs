//! Lines of a body and which of them are headings or list items.
//!
//! Headings are lines that start with `#`, lines shaped like section titles (`2013，巨变看转型`,
//! `春拂芬芳地，共莺传捷报———`, `前 言`), and — in documents whose lines are whole paragraphs —
//! short stand-alone lines between sentence ends and blank lines. A line that opens with a list
//! marker next to another line of the same list (`●…` under `●…`, `（二）…` after `（一）…`) is
//! an item of that list, never a heading, whatever its shape.

use super::items::{ItemMarker, marker_at_line_start};
use super::web::SourceChar;
use super::{fold_width, is_cjk, is_terminator};

/// A line of the body.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// Index in the character stream of the line's first character (leading spaces included).
    pub start: usize,
    /// Index in the stream of its first character that is not a space.
    pub first: usize,
    /// The line with surrounding whitespace trimmed (decoded characters, not width-folded).
    pub trimmed: String,
    /// `trimmed` width-folded, without spaces and markup: asked for by most tests of a line
    /// and its neighbours, so made once.
    pub compact: Vec<char>,
    /// Number of empty lines between this line and the previous non-empty one.
    pub blank_before: usize,
    /// The list marker the line opens with, and how many characters it takes.
    pub marker: Option<(ItemMarker, usize)>,
    pub heading: bool,
    /// Whether the line is an item of a list written without markers or stops, one figure a
    /// line (see [`follows_figure_line`]): the line break before it is a boundary.
    pub bare_item: bool,
}

/// Whether `c` is whitespace after width folding (U+3000 and no-break spaces included).
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || fold_width(c) == ' '
}

/// Splits the stream into non-empty lines and marks which of them are headings (when `layout`).
pub(super) fn classify_lines(chars: &[SourceChar], layout: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let mut start = 0usize;
    for raw in chars.split(|s| s.c == '\n') {
        let line_start = start;
        start += raw.len() + 1;
        let Some(lead) = raw.iter().position(|s| !is_space(s.c)) else {
            blank += 1;
            continue;
        };
        let tail = raw.iter().rposition(|s| !is_space(s.c)).unwrap_or(lead);
        let run = &raw[lead..=tail];
        // Sized up front: growing these a character at a time was most of the cost of a line.
        let mut trimmed = String::with_capacity(run.iter().map(|s| s.c.len_utf8()).sum());
        trimmed.extend(run.iter().map(|s| s.c));
        let folded: Vec<char> = run.iter().map(|s| fold_width(s.c)).collect();
        let mut compact = Vec::with_capacity(folded.len());
        compact.extend(folded.iter().copied().filter(|&c| is_compact_char(c)));
        lines.push(Line {
            start: line_start,
            first: line_start + lead,
            compact,
            trimmed,
            blank_before: blank,
            // Numbers and line-start bullets are layout: fragments have none.
            marker: if layout {
                marker_at_line_start(&folded)
            } else {
                None
            },
            heading: false,
            bare_item: false,
        });
        blank = 0;
    }
    if !layout {
        return lines;
    }
    let ocr_spaced = is_ocr_double_spaced(&lines);
    let wrapped = ocr_spaced || is_hard_wrapped(&lines);
    for i in 0..lines.len() {
        lines[i].bare_item = !wrapped && follows_figure_line(&lines, i);
    }
    for i in 0..lines.len() {
        lines[i].heading = is_markdown_heading(&lines[i].trimmed)
            || !in_list(&lines, i)
                && !in_bare_list(&lines, i)
                && (has_title_shape(&lines[i])
                    && (follows_boundary(&lines, i) || opens_numbered_section(&lines, i))
                    && !continues_into_next(&lines, i)
                    || !ocr_spaced && is_standalone_line(&lines, i)
                    || !ocr_spaced && heads_a_list(&lines, i));
    }
    lines
}

/// Whether line `i` opens with a list marker and a neighbouring line opens with one of the
/// same list.
fn in_list(lines: &[Line], i: usize) -> bool {
    let Some((marker, _)) = lines[i].marker else {
        return false;
    };
    let same = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .and_then(|l| l.marker)
            .is_some_and(|(m, _)| m.same_list(marker))
    };
    same(i.checked_sub(1)) || same(Some(i + 1))
}

/// A numbered title set apart by a blank line (`三、重点工作` after a list whose last item has
/// no full stop): the number and the blank line say a section starts, whatever ends the line
/// before.
fn opens_numbered_section(lines: &[Line], i: usize) -> bool {
    lines[i].blank_before >= 1 && matches!(lines[i].marker, Some((ItemMarker::Numbered { .. }, _)))
}

/// A line of a list without markers or stops: it and the line before it end with a figure
/// (`…增长6.1%`, `…1352万人`, `…1万户以上`), and it starts a clause of its own (at least four
/// Chinese characters, the first one opening it, no list marker). A headline that ends with a
/// figure is not a list's first line: the paragraph under it ends with a stop. Careful text puts a comma or a stop after a
/// figure that a clause follows, so the missing one is a list's line break — except in OCR of
/// narrow columns, where lines break anywhere (the caller leaves those alone).
fn follows_figure_line(lines: &[Line], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &lines[p]) else {
        return false;
    };
    let this = &lines[i].compact;
    lines[i].marker.is_none()
        && this.iter().filter(|c| is_cjk(**c)).count() >= 4
        && this.first().is_some_and(|&c| is_cjk(c))
        && ends_with_figure(this)
        && ends_with_figure(&prev.compact)
        && starts_clause(lines, i - 1)
}

/// Whether line `i` starts a clause: what ends the line before it ends a clause too (a figure,
/// a stop, a colon), or that line is a title. A line wrapped in mid-sentence does not, so a
/// figure at its end (`…2019年的46个` / `老旧小区改造…`) is not taken for a list's line end.
fn starts_clause(lines: &[Line], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &lines[p]) else {
        return true;
    };
    let ends = &prev.compact;
    let mut tail = ends.iter().rev().skip_while(|c| is_closing(**c));
    tail.next().is_some_and(|&c| is_terminator(c) || c == ':')
        || ends_with_figure(ends)
        || prev.marker.is_some()
        || has_title_shape(prev)
        || lines[i].blank_before >= 2
}

/// Text wrapped at a fixed width (PDF extraction, OCR of columns): most lines of some length
/// have nearly the same length. There a line may end with a figure in mid-sentence.
fn is_hard_wrapped(lines: &[Line]) -> bool {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.compact.len())
        .filter(|&n| n >= 8)
        .collect();
    if lengths.len() < 8 {
        return false;
    }
    let mut counts = std::collections::HashMap::new();
    for &n in &lengths {
        *counts.entry(n).or_insert(0usize) += 1;
    }
    let widest_band = counts
        .keys()
        .map(|&n| counts[&n] + counts.get(&(n + 1)).copied().unwrap_or(0))
        .max()
        .unwrap_or(0);
    widest_band * 5 >= lengths.len() * 2
}

/// Whether line `i` is an item of a list without markers: a bare item, or the line before
/// the first one.
fn in_bare_list(lines: &[Line], i: usize) -> bool {
    lines[i].bare_item || lines.get(i + 1).is_some_and(|next| next.bare_item)
}

/// Qualifiers that may close a figure (`以上`, `左右`…), in Simplified.
const CLOSING_QUALIFIERS: &[&str] = &["以上", "以下", "以内", "左右", "多", "余"];

/// Characters that end a figure's unit (`万人`, `亿元`, `万亩`, `公里`). A scale alone (`8.9亿`)
/// is no end: its unit may be on the next line.
const UNIT_ENDS: &[char] = &[
    '元', '人', '户', '个', '家', '项', '吨', '斤', '亩', '米', '里', '辆', '套', '所', '座', '台',
    '件', '名', '张', '间', '位', '倍', '顷', '瓦',
];

/// Whether a (compacted) line ends with a figure: digits, then `%`, `‰` or up to four
/// characters of scale and unit, then maybe a qualifier.
fn ends_with_figure(line: &[char]) -> bool {
    // A qualifier (2 characters at most), a unit (4 at most; a fifth says it is none) and the
    // digit before them: only the line's last characters can decide.
    let tail = &line[line.len().saturating_sub(FIGURE_TAIL_CHARS)..];
    let simplified: String = tail.iter().map(|&c| super::to_simplified(c)).collect();
    let mut rest = simplified.as_str();
    if let Some(q) = CLOSING_QUALIFIERS.iter().find(|q| rest.ends_with(**q)) {
        rest = &rest[..rest.len() - q.len()];
    }
    let rest = rest.strip_suffix(['%', '‰']).map_or_else(
        || {
            let unit: Vec<char> = rest.chars().rev().take_while(|&c| is_cjk(c)).collect();
            let ok = (1..=4).contains(&unit.len()) && UNIT_ENDS.contains(&unit[0]);
            ok.then(|| &rest[..rest.len() - unit.iter().map(|c| c.len_utf8()).sum::<usize>()])
        },
        Some,
    );
    rest.is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()))
}

/// How many characters at the end of a line [`ends_with_figure`] reads.
const FIGURE_TAIL_CHARS: usize = 10;

/// Closing quotes and brackets that may follow a terminator (`。”`).
pub(super) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | ')' | '）' | '】' | '》' | '"' | '\''
    )
}

/// Punctuation that cannot end a heading: the line goes on.
fn is_continuing_end(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | ':' | '：' | '(' | '（' | '“' | '《' | '【' | '「'
    )
}

/// Punctuation that cannot start a heading: the line continues the previous one.
fn is_continuing_start(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '。'
            | '、'
            | ';'
            | '；'
            | ':'
            | '：'
            | ')'
            | '）'
            | '”'
            | '’'
            | '》'
            | '%'
            | '％'
            | '‰'
    )
}

/// `# Title` … `###### Title`.
pub(super) fn is_markdown_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// Whether a width-folded character stays in a line's compact form ([`Line::compact`]): the
/// text without spaces and markup.
fn is_compact_char(c: char) -> bool {
    !c.is_whitespace() && c != '*'
}

/// Section titles of a recognisable shape, whatever the layout around them:
/// `2013，巨变看转型`, `春拂芬芳地，共莺传捷报———`, `前 言`, `□招商引资为要`, `一、…`, `（三）…`.
fn has_title_shape(line: &Line) -> bool {
    let chars = &line.compact;
    let cjk = chars.iter().filter(|c| is_cjk(**c)).count();
    if chars.is_empty() || chars.len() > 30 || chars.iter().any(|&c| is_terminator(c)) {
        return false;
    }
    let text: String = chars.iter().collect();
    let year_led = chars.len() > 5
        && chars[..4].iter().all(char::is_ascii_digit)
        && chars[4] == ','
        && cjk >= 2;
    let dash_end = text.ends_with("——") && cjk >= 2;
    let boxed = matches!(chars[0], '□' | '■' | '◆' | '●' | '▲' | '◇' | '○') && cjk >= 2;
    let enumerated = cjk >= 3
        && (text.starts_with('(') || text.starts_with('（') || chars.get(1) == Some(&'、'))
        && !text.ends_with(|c: char| is_continuing_end(c));
    // `前 言`: single characters spaced out across the column.
    let parts: Vec<&str> = line
        .trimmed
        .split(is_space)
        .filter(|p| !p.is_empty())
        .collect();
    let spaced = parts.len() >= 2
        && parts.len() <= 4
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(is_cjk));
    year_led || dash_end || boxed || enumerated || spaced
}

/// Whether the line before `i` ends a sentence or a heading (or there is none).
fn follows_boundary(lines: &[Line], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &lines[p]) else {
        return true;
    };
    let ends = &prev.compact;
    let mut tail = ends.iter().rev().skip_while(|c| is_closing(**c));
    tail.next().is_some_and(|&c| is_terminator(c))
        || prev.heading
        || lines[i].blank_before >= 2
        || prev.trimmed.ends_with("——")
}

/// Whether the line after `i` begins with punctuation that continues line `i`.
fn continues_into_next(lines: &[Line], i: usize) -> bool {
    lines
        .get(i + 1)
        .and_then(|next| next.compact.first().copied())
        .is_some_and(is_continuing_start)
}

/// Short lines set apart between a sentence end and a blank line, in documents whose lines are
/// paragraphs (or are wrapped without blank lines): titles, subtitles, photo captions.
fn is_standalone_line(lines: &[Line], i: usize) -> bool {
    let chars = &lines[i].compact;
    let cjk = chars.iter().filter(|c| is_cjk(**c)).count();
    if cjk < 2 || chars.len() > 30 || chars.iter().any(|&c| is_terminator(c)) {
        return false;
    }
    if chars.first().is_some_and(|&c| is_continuing_start(c))
        || chars.last().is_some_and(|&c| is_continuing_end(c))
    {
        return false;
    }
    // A heading block is one or two such lines, followed by a blank line (or the end).
    let followed_by_blank = |j: usize| lines.get(j + 1).is_none_or(|n| n.blank_before > 0);
    if !follows_boundary(lines, i) {
        return false;
    }
    if continues_into_next(lines, i) {
        return false;
    }
    followed_by_blank(i)
        || lines.get(i + 1).is_some_and(|n| {
            let next = &n.compact;
            next.len() <= 30 && !next.iter().any(|&c| is_terminator(c)) && followed_by_blank(i + 1)
        })
}

/// A title over a bulleted list (`“十四五”规划目标` / `划重点` above `■…` lines, on a news page
/// that sums up a report): one or two short lines without a stop or a figure at the end, right
/// before the first item of a list. Such a page often has no blank lines and no stops between
/// its parts, so the list's first item is what shows that the lines before it are its title.
fn heads_a_list(lines: &[Line], i: usize) -> bool {
    let title_like = |j: usize| {
        lines.get(j).is_some_and(|line| {
            let chars = &line.compact;
            let cjk = chars.iter().filter(|c| is_cjk(**c)).count();
            line.marker.is_none()
                && cjk >= 2
                && chars.len() <= 30
                && !chars.iter().any(|&c| is_terminator(c))
                && !chars.first().is_some_and(|&c| is_continuing_start(c))
                && !chars.last().is_some_and(|&c| is_continuing_end(c))
                && !ends_with_figure(chars)
        })
    };
    let list_starts =
        |j: usize| lines.get(j).is_some_and(|l| l.marker.is_some()) && in_list(lines, j);
    title_like(i) && (list_starts(i + 1) || title_like(i + 1) && list_starts(i + 2))
}

/// OCR of narrow columns: nearly every line followed by a blank line, and many lines only a
/// few characters long (a number, a unit, a word cut off). There a stand-alone short line is
/// usually a fragment of a sentence, not a heading.
fn is_ocr_double_spaced(lines: &[Line]) -> bool {
    if lines.len() < 10 {
        return false;
    }
    let fragments = lines.iter().filter(|l| l.compact.len() <= 5).count();
    let spaced = lines.iter().skip(1).filter(|l| l.blank_before > 0).count();
    fragments * 5 >= lines.len() && spaced * 10 >= (lines.len() - 1) * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn figures_end_lines_with_a_unit_or_a_percent() {
        for line in [
            "居民消费价格上涨1.8%",
            "新增市场主体2150户",
            "粮食产量稳定在42万吨以上",
            "城镇登记失业率3.8%以内",
            "減稅降費3.15億元",
            "新增学位2400个",
        ] {
            assert!(ends_with_figure(&chars(line)), "{line}");
        }
        for line in [
            "预算收入完成8.9亿",
            "部署2025年",
            "上午9时",
            "投资3.4亿元的",
            "重点工作",
            "增长6.1%,",
        ] {
            assert!(!ends_with_figure(&chars(line)), "{line}");
        }
    }

    #[test]
    fn text_wrapped_at_a_fixed_width_is_recognised() {
        let wrapped = "城区面貌持续改善全区新建改建道路十二条并完\n了排水管网的改造任务其中开工的十八个老旧小\n区改造项目已完工另有九个正在施工全年共计投\n入资金三点四亿元用于城市更新和基础设施建设\n其中白马湖片区综合治理工程完成投资一点二亿\n元新建绿道十五公里改造提升公园六个城市更新\n行动取得明显成效群众满意度持续提高今后还将\n继续加大投入力度推动城市品质全面提升进一步";
        let decoded: Vec<SourceChar> = wrapped
            .char_indices()
            .map(|(i, c)| SourceChar {
                c,
                source: crate::span::Span::new(i, i + c.len_utf8()),
            })
            .collect();
        assert!(is_hard_wrapped(&classify_lines(&decoded, true)));
        let list = "一、去年工作回顾\n全县生产总值达到212.6亿元,增长5.8%\n城镇新增就业4300人\n粮食产量稳定在9.1万吨以上\n居民消费价格上涨2.1%\n新增市场主体1800户\n减税降费1.2亿元\n农村公路新建改建120公里\n二、今年主要目标";
        let decoded: Vec<SourceChar> = list
            .char_indices()
            .map(|(i, c)| SourceChar {
                c,
                source: crate::span::Span::new(i, i + c.len_utf8()),
            })
            .collect();
        let lines = classify_lines(&decoded, true);
        assert!(!is_hard_wrapped(&lines));
        let bare: Vec<bool> = lines.iter().map(|l| l.bare_item).collect();
        assert_eq!(
            bare,
            [false, false, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn short_lines_right_above_a_bulleted_list_are_its_title() {
        let page = "全年新增绿地120公顷\n新城建设里的惠民看点\n一起来看\n■新建公园8个\n■新增停车位2000个\n今年要办的事\n●改造老旧小区40个\n●新增学位3000个";
        let decoded: Vec<SourceChar> = page
            .char_indices()
            .map(|(i, c)| SourceChar {
                c,
                source: crate::span::Span::new(i, i + c.len_utf8()),
            })
            .collect();
        let headings: Vec<bool> = classify_lines(&decoded, true)
            .iter()
            .map(|l| l.heading)
            .collect();
        // A line ending with a figure is no title; a list item is none either.
        assert_eq!(
            headings,
            [false, true, true, false, false, true, false, false]
        );
    }
}
