//! Normalized text for matching, with a monotone map back to source bytes.
//!
//! Articles arrive damaged by OCR and PDF extraction: `收 入 完 成 3.06 亿 元`, numbers alone on
//! lines between blank lines, full-width digits `１亿元`, full-width punctuation `（GDP）`,
//! Traditional characters in reposts; text copied from web pages brings HTML entities, pinyin
//! printed after characters, doubled punctuation and bullets. Rules match against a cleaned
//! copy of the body; every character of that copy remembers which source bytes it came from,
//! so a match maps back to an exact [`Span`] of the original file.
//!
//! What normalization does, in order:
//!
//! 1. **HTML entities** (`&nbsp;`, `&amp;`, `&lt;`, `&quot;`, `&#12345;`, `&#x4E00;`) are
//!    decoded; the character stands for the whole entity.
//! 2. **Pinyin glosses** that mirror sites print after characters (`國(guó)內(nèi)`) are removed:
//!    a bracketed pinyin syllable directly after a CJK character. A toned syllable is always a
//!    gloss; a toneless one (`的(de)`) only where at least two toned glosses stand within 200
//!    characters. Abbreviations and notes in brackets (`(GDP)`, `（PM2.5）`, `(含)`, `(A类)`,
//!    `(km)`) are never glosses. The gloss's bytes join the span of the character it reads.
//! 3. **Width folding.** Full-width forms U+FF01–U+FF5E become their ASCII counterparts
//!    (`１`→`1`, `％`→`%`, `（`→`(`, `：`→`:`, `，`→`,`, `；`→`;`), U+3000 and no-break spaces
//!    count as spaces. NFKC is deliberately not used: it also rewrites `①` to `1` and `㎡` to
//!    `m2`, which changes what a number means.
//! 4. **Traditional → Simplified**, character by character with OpenCC's t2s table
//!    (`區`→`区`, `億`→`亿`). Character-level conversion keeps the map one-to-one; a few
//!    characters that are also standard Simplified (`著`, `乾`, `瞭`) are left alone.
//! 5. **Markup.** Markdown emphasis `**` and the `#` markers of heading lines are dropped.
//! 6. **List markers.** A bullet (`●◆■▲★◇` anywhere; `□○•·` and Markdown `- ` at the start of a
//!    line) or a number (`（一）`, `(1)`, `一、`, `1.`, `1、`, `①`) at the start of a line opens a
//!    list item: the marker is dropped and the item starts on a line of its own, recorded in
//!    [`Normalized::items`]. A number followed by what continues it is not a marker (`1.2亿元`,
//!    `1、2月份`). On a heading line a number stays, a bullet opening the line is dropped and
//!    one inside it parts the line. Fragments ([`Normalized::inline`]) have no line-start
//!    markers, only bullets such as `●`.
//! 7. **Doubled punctuation** (`,,` `,;` `%,。` `、、` `。。` `一,、`) becomes the one mark a careful
//!    typist would have put: the strongest boundary (`。!?` over `;` over `:` over `、` over `,`),
//!    standing for the whole run.
//! 8. **Layout whitespace.** A run of whitespace becomes
//!    - a line break `\n` (a real boundary) when it holds a line break and either the text
//!      before it ends a sentence (`。;!?`, possibly followed by closing quotes), or the line
//!      before or after it is a heading, or it spans two or more blank lines (how captions and
//!      page furniture are set apart), or the line after it is an item of a list written
//!      without markers or stops, one figure a line (see `layout`);
//!    - a single space between two ASCII letters or digits (`Microsoft Word`, `0 0`);
//!    - nothing otherwise: between CJK characters, digits, units and punctuation
//!      (`完成\n\n47\n\n亿元` → `完成47亿元`).
//! 9. **Taiwan and Hong Kong wording** becomes mainland wording (`成长率` → `增长率`,
//!    `消费者物价指数` → `居民消费价格指数`, `按年增长` → `同比增长`) from the phrase table in
//!    `rules/wording.toml`. A phrase of another length maps, every character of it, to the
//!    whole source phrase.
//!
//! Headings are detected on the lines as decoded (see `layout`); their ranges in the normalized
//! text are kept in [`Normalized::headings`].
//!
//! The map is monotone: the source spans of successive normalized characters never overlap
//! and never go back, except that the characters of one rewritten phrase of another length
//! share the span of that phrase.

mod chars;
mod items;
mod layout;
mod output;
mod web;
mod wording;

use std::ops::Range;

use crate::span::Span;

pub use chars::{is_cjk, is_terminator, to_simplified};
pub use items::{ItemMarker, NumberStyle};

use chars::fold_width;
use layout::{Line, is_markdown_heading, is_space};
use output::{Gap, Output};
use web::SourceChar;

/// One character of normalized text and the source bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Origin {
    /// Byte offset of the character in the normalized text.
    norm: usize,
    /// Source span the character came from (a whitespace run for an inserted break).
    source: Span,
}

/// An item of a list, opened by a marker that normalization dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// Byte offset in the normalized text where the item's text starts (after a `\n`).
    pub start: usize,
    /// The marker that opened it.
    pub marker: ItemMarker,
    /// Source span of the marker.
    pub source: Span,
}

/// A document body normalized for matching.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    origins: Vec<Origin>,
    headings: Vec<Range<usize>>,
    items: Vec<ListItem>,
    /// Source span of the whole body, used to map empty ranges at the very end.
    body: Span,
}
impl Normalized {
    /// Normalizes `source[body]` as a document body: headings are detected and kept apart.
    /// `body` must lie on char boundaries of `source`.
    pub fn new(source: &str, body: Span) -> Self {
        Normalizer {
            source,
            body,
            layout: true,
        }
        .run()
    }

    /// Normalizes a fragment — a sentence typed on the command line, a rule example, a slice
    /// of a document — without layout analysis: no line is taken for a heading, and a number at
    /// the start of a line is no list marker (bullets such as `●` still are). Within a sentence
    /// this gives the same text as [`Normalized::new`] does on the whole document.
    pub fn inline(text: &str) -> Self {
        Normalizer {
            source: text,
            body: Span::new(0, text.len()),
            layout: false,
        }
        .run()
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Ranges of the normalized text that are heading lines (without the `\n` around them).
    pub fn headings(&self) -> &[Range<usize>] {
        &self.headings
    }

    /// Items of lists, in order (see [`ListItem`]).
    pub fn items(&self) -> &[ListItem] {
        &self.items
    }

    /// Maps a byte range of the normalized text to the source span it came from.
    ///
    /// The result starts at the first source byte of the first character in `range` and ends
    /// after the last source byte of the last one, so it always lies on char boundaries. An
    /// empty range maps to an empty span at the corresponding source position. Out-of-range
    /// offsets are clamped to the text.
    pub fn to_source(&self, range: Range<usize>) -> Span {
        let start = range.start.min(self.text.len());
        let end = range.end.clamp(start, self.text.len());
        let first = self.origins.partition_point(|o| o.norm < start);
        let past_last = self.origins.partition_point(|o| o.norm < end);
        if first >= past_last {
            let at = self
                .origins
                .get(first)
                .map_or(self.body.end, |o| o.source.start);
            return Span::new(at, at);
        }
        Span::new(
            self.origins[first].source.start,
            self.origins[past_last - 1].source.end,
        )
    }
}

struct Normalizer<'a> {
    source: &'a str,
    body: Span,
    /// Whether to look for headings (documents) or not (fragments).
    layout: bool,
}

impl Normalizer<'_> {
    fn run(&self) -> Normalized {
        let decoded = web::decode_entities(&self.source[self.body.range()], self.body.start);
        let chars = web::remove_footnote_marks(web::remove_glosses(decoded));
        let lines = layout::classify_lines(&chars, self.layout);
        let mut out = Output::with_capacity(chars.len(), self.body.len());
        let mut line_index = 0usize;
        let mut pending_ws: Option<(Span, usize)> = None; // source span, newline count
        let mut i = 0usize;

        while i < chars.len() {
            let SourceChar { c, source } = chars[i];
            // Which line this character is on.
            while line_index + 1 < lines.len() && i >= lines[line_index + 1].start {
                line_index += 1;
            }
            let line = lines.get(line_index);
            if is_space(c) {
                let newline = usize::from(c == '\n');
                pending_ws = Some(match pending_ws {
                    Some((s, n)) => (s.cover(source), n + newline),
                    None => (source, newline),
                });
                i += 1;
                continue;
            }
            let heading = line.is_some_and(|l| l.heading);
            let line_first = line.is_some_and(|l| l.first == i);
            // A list marker: dropped, and the item starts on a line of its own.
            let marker = match line {
                Some(l) if line_first && l.marker.is_some() => l.marker,
                _ => items::is_bullet_anywhere(c).then_some((ItemMarker::Bullet(c), 1)),
            };
            if let Some((marker, len)) = marker {
                let marker_span = source.cover(chars[i + len - 1].source);
                let with_spaces = |ws: Option<(Span, usize)>| {
                    ws.map_or(marker_span, |(ws, _)| ws.cover(marker_span))
                };
                if !heading {
                    out.open_item(with_spaces(pending_ws.take()), marker, marker_span);
                    i += len;
                    continue;
                }
                // In a heading, a bullet that opens the line is decoration; one inside the line
                // parts it, as everywhere (`■ 热线 | ■ 编辑`); a number stays.
                if let ItemMarker::Bullet(_) = marker {
                    if !line_first {
                        out.line_break(with_spaces(pending_ws.take()));
                    }
                    i += len;
                    continue;
                }
            }
            if let Some((ws, newlines)) = pending_ws.take() {
                let gap = self.gap(&out, c, newlines, &lines, line_index);
                out.gap(gap, ws);
            }
            // Heading markers at the start of a Markdown heading line: `### ` → dropped.
            if line_first
                && c == '#'
                && line.is_some_and(|l| heading && is_markdown_heading(&l.trimmed))
            {
                i += 1;
                while chars.get(i).is_some_and(|s| s.c == '#') {
                    i += 1;
                }
                continue;
            }
            // Markdown emphasis `**` is layout, not text.
            if c == '*' && chars.get(i + 1).is_some_and(|s| s.c == '*') {
                i += 2;
                continue;
            }
            if heading {
                out.heading_start();
            }
            out.push(to_simplified(fold_width(c)), source);
            i += 1;
        }
        out.finish(self.body)
    }

    /// Decides what the whitespace before `next` becomes.
    fn gap(&self, out: &Output, next: char, newlines: usize, lines: &[Line], line: usize) -> Gap {
        let Some(prev) = out.last_char() else {
            return Gap::Drop;
        };
        if newlines > 0 {
            let this_line = lines.get(line);
            let heading_here = this_line.is_some_and(|l| l.heading);
            let heading_before = line > 0
                && lines[..line]
                    .iter()
                    .rev()
                    .find(|l| !l.trimmed.is_empty())
                    .is_some_and(|l| l.heading);
            if heading_here
                || heading_before
                || this_line.is_some_and(|l| l.bare_item)
                || out.ends_sentence()
                || this_line.is_some_and(|l| l.blank_before >= 2)
                || next == '#'
            {
                return Gap::Break;
            }
        }
        if prev.is_ascii_alphanumeric() && fold_width(next).is_ascii_alphanumeric() {
            Gap::Space
        } else {
            Gap::Drop
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s, Span::new(0, s.len())).text().to_string()
    }

    #[test]
    fn spaced_ocr_text_is_joined() {
        assert_eq!(norm("收 入 完 成 3.06 亿 元"), "收入完成3.06亿元");
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(
            norm("全\n\n年力争引进\n\n１\n\n亿元以上项目\n\n25\n\n个"),
            "全年力争引进1亿元以上项目25个"
        );
    }

    #[test]
    fn traditional_folds_to_simplified() {
        assert_eq!(norm("地區生產總值增長6.5%"), "地区生产总值增长6.5%");
        assert_eq!(norm("一百二十億元"), "一百二十亿元");
        assert_eq!(norm("知名著名商标"), "知名著名商标");
    }

    #[test]
    fn latin_words_keep_one_space() {
        assert_eq!(norm("R&D 经费支出占 GDP 比重"), "R&D经费支出占GDP比重");
        assert_eq!(norm("Microsoft  Word 文档"), "Microsoft Word文档");
    }

    #[test]
    fn sentence_end_keeps_the_line_break() {
        let lead = "一是强化开放招商。";
        assert_eq!(
            norm(&format!("{lead}完成投资。\n\n全年新增")),
            format!("{lead}完成投资。\n全年新增")
        );
        assert_eq!(
            norm(&format!("{lead}完成投\n\n资全年新增")),
            format!("{lead}完成投资全年新增")
        );
    }

    #[test]
    fn markdown_heading_is_a_boundary() {
        let text = "## 工业强区 创新引领\n\n今年年初以来,**中站区**上下";
        let n = Normalized::new(text, Span::new(0, text.len()));
        assert_eq!(n.text(), "工业强区创新引领\n今年年初以来,中站区上下");
        assert_eq!(&n.text()[n.headings()[0].clone()], "工业强区创新引领");
    }

    #[test]
    fn mapping_returns_source_bytes() {
        let text = "收 入 完 成 3.06 亿 元";
        let n = Normalized::new(text, Span::new(0, text.len()));
        let at = n.text().find("3.06亿元").unwrap();
        let span = n.to_source(at..at + "3.06亿元".len());
        assert_eq!(&text[span.range()], "3.06 亿 元");
    }

    fn source_of(text: &str, normalized: &str) -> String {
        let n = Normalized::new(text, Span::new(0, text.len()));
        let at = n
            .text()
            .find(normalized)
            .unwrap_or_else(|| panic!("{normalized:?} not in {:?}", n.text()));
        text[n.to_source(at..at + normalized.len()).range()].to_string()
    }

    #[test]
    fn pinyin_glosses_are_removed() {
        let table = [
            (
                "地區(qū)財(cái)政收入增長(zhǎng)7.2%左右",
                "地区财政收入增长7.2%左右",
            ),
            (
                "報(bào)告指出,,桐溪縣今年城鎮(zhèn)新增就業(yè)3200人",
                "报告指出,桐溪县今年城镇新增就业3200人",
            ),
            (
                "居民消費(fèi)價(jià)格(CPI)漲幅2.8%以內(nèi)",
                "居民消费价格(CPI)涨幅2.8%以内",
            ),
            ("細顆粒物（PM2.5）濃度下降", "细颗粒物(PM2.5)浓度下降"),
            ("稅收收入(含)以上", "税收收入(含)以上"),
        ];
        for (raw, expected) in table {
            assert_eq!(norm(raw), expected, "{raw}");
        }
    }

    #[test]
    fn doubled_punctuation_collapses() {
        let table = [
            ("全年增長7%,,完成目標", "全年增长7%,完成目标"),
            ("增长7%，，完成目标", "增长7%,完成目标"),
            ("增长7%,;粮食产量稳定", "增长7%;粮食产量稳定"),
            ("增速为6.1%,。明年", "增速为6.1%。明年"),
            ("教育、、卫生", "教育、卫生"),
            ("任务完成。。全年", "任务完成。全年"),
            ("报告共分三部分:一,、回顾", "报告共分三部分:一、回顾"),
            ("新增1,200人", "新增1,200人"),
        ];
        for (raw, expected) in table {
            assert_eq!(norm(raw), expected, "{raw}");
        }
        assert_eq!(source_of("增速为6.1%,。明年", "%。"), "%,。");
    }

    #[test]
    fn html_entities_and_wide_spaces_are_decoded() {
        let table = [
            ("地区生产总值&nbsp;增长&nbsp;7%", "地区生产总值增长7%"),
            ("R&amp;D经费投入强度2.1%", "R&D经费投入强度2.1%"),
            ("&quot;十四五&quot;时期", "\"十四五\"时期"),
            ("&#22686;&#x957F;6%", "增长6%"),
            ("收\u{3000}入\u{a0}完成3亿元", "收入完成3亿元"),
            ("&lt;&gt;", "<>"),
        ];
        for (raw, expected) in table {
            assert_eq!(norm(raw), expected, "{raw}");
        }
        assert_eq!(source_of("总值&nbsp;增长&#55;%", "增长7%"), "增长&#55;%");
    }

    #[test]
    fn taiwan_and_hong_kong_wording_reaches_mainland_wording() {
        let table = [
            ("台灣今年經濟成長率預估3.2%", "台湾今年经济增长率预估3.2%"),
            ("全年GDP成長6%至6.5%", "全年GDP增长6%至6.5%"),
            ("就業人數增加,失業率3.7%", "就业人数增加,失业率3.7%"),
            ("消費者物價指數上漲2%", "居民消费价格指数上涨2%"),
            ("零售總額按年增長4.1%", "零售总额同比增长4.1%"),
            ("企業健康成長", "企业健康成长"),
        ];
        for (raw, expected) in table {
            assert_eq!(norm(raw), expected, "{raw}");
        }
        // A phrase of another length maps back to the whole source phrase.
        assert_eq!(source_of("消費者物價指數上漲2%", "价格"), "消費者物價指數");
        assert_eq!(source_of("消費者物價指數上漲2%", "上涨2%"), "上漲2%");
        // One of the same length keeps its characters apart.
        assert_eq!(source_of("經濟成長率3%", "长率3%"), "長率3%");
    }

    #[test]
    fn a_gloss_maps_back_with_its_character() {
        let text = "總值增長(zhǎng)6.5%";
        assert_eq!(source_of(text, "增长6.5%"), "增長(zhǎng)6.5%");
        assert_eq!(source_of(text, "增长"), "增長(zhǎng)");
    }

    #[test]
    fn list_markers_become_item_starts() {
        let text = "今年主要目标：\n● 地区生产总值增长6%\n（二）新增就业3000人\n2.粮食产量12万吨";
        let n = Normalized::new(text, Span::new(0, text.len()));
        assert_eq!(
            n.text(),
            "今年主要目标:\n地区生产总值增长6%\n新增就业3000人\n粮食产量12万吨"
        );
        let starts: Vec<&str> = n
            .items()
            .iter()
            .map(|i| n.text()[i.start..].split('\n').next().unwrap())
            .collect();
        assert_eq!(
            starts,
            ["地区生产总值增长6%", "新增就业3000人", "粮食产量12万吨"]
        );
        let markers: Vec<&str> = n.items().iter().map(|i| &text[i.source.range()]).collect();
        assert_eq!(markers, ["● ", "（二）", "2."]);
    }

    #[test]
    fn headings_keep_their_numbers_and_lose_their_bullets() {
        let text = "上年工作回顾。\n\n一、二〇二四年工作回顾\n\n全县生产总值增长5%。\n\n■重点项目\n\n新开工项目12个。";
        let n = Normalized::new(text, Span::new(0, text.len()));
        let headings: Vec<&str> = n.headings().iter().map(|h| &n.text()[h.clone()]).collect();
        assert_eq!(headings, ["一、二〇二四年工作回顾", "重点项目"]);
        assert!(n.items().is_empty());
    }

    #[test]
    fn bare_list_lines_stay_apart() {
        let text = "一、去年工作回顾\n\n全县生产总值达到212.6亿元,增长5.8%\n\n城镇新增就业4300人\n\n粮食产量稳定在9.1万吨以上\n\n二、今年主要目标";
        let n = Normalized::new(text, Span::new(0, text.len()));
        assert_eq!(
            n.text(),
            "一、去年工作回顾\n全县生产总值达到212.6亿元,增长5.8%\n城镇新增就业4300人\n粮食产量稳定在9.1万吨以上\n二、今年主要目标"
        );
    }

    #[test]
    fn a_figure_at_the_end_of_a_wrapped_line_does_not_part_it() {
        // Wrapped in mid-sentence: the line with the figure does not start a clause.
        let text = "城区面貌持续改善。全区新建改建道路十二条并完成\n了排水管网的改造任务,其中2023年开工的18个\n老旧小区改造项目已完工,另有9个正在施工。";
        assert_eq!(
            norm(text),
            "城区面貌持续改善。全区新建改建道路十二条并完成了排水管网的改造任务,其中2023年开工的18个老旧小区改造项目已完工,另有9个正在施工。"
        );
        // A scale without its unit is no figure's end: the unit is on the next line.
        assert_eq!(
            norm("全年一般公共预算收入完成8.9亿\n元,同比增长5.6%。"),
            "全年一般公共预算收入完成8.9亿元,同比增长5.6%。"
        );
    }

    #[test]
    fn a_headline_ending_on_a_figure_stays_a_heading() {
        let text =
            "鹤鸣区新增就业岗位3100个\n\n本报讯 今年以来鹤鸣区多措并举稳就业,新增就业岗位3100个。";
        let n = Normalized::new(text, Span::new(0, text.len()));
        let headings: Vec<&str> = n.headings().iter().map(|h| &n.text()[h.clone()]).collect();
        assert_eq!(headings, ["鹤鸣区新增就业岗位3100个"]);
    }
}
