//! Normalized text for matching, with a monotone map back to source bytes.
//!
//! Articles arrive damaged by OCR and PDF extraction: `收 入 完 成 3.06 亿 元`, numbers alone on
//! lines between blank lines, full-width digits `１亿元`, full-width punctuation `（GDP）`,
//! Traditional characters in reposts. Rules match against a cleaned copy of the body; every
//! character of that copy remembers which source bytes it came from, so a match maps back to
//! an exact [`Span`] of the original file.
//!
//! What normalization does, in order, character by character:
//!
//! 1. **Width folding.** Full-width forms U+FF01–U+FF5E become their ASCII counterparts
//!    (`１`→`1`, `％`→`%`, `（`→`(`, `：`→`:`, `，`→`,`, `；`→`;`), U+3000 and no-break spaces
//!    count as spaces. NFKC is deliberately not used: it also rewrites `①` to `1` and `㎡` to
//!    `m2`, which changes what a number means.
//! 2. **Traditional → Simplified**, character by character with OpenCC's t2s table
//!    (`區`→`区`, `億`→`亿`). Character-level conversion keeps the map one-to-one; a few
//!    characters that are also standard Simplified (`著`, `乾`, `瞭`) are left alone.
//! 3. **Markup.** Markdown emphasis `**` and the `#` markers of heading lines are dropped.
//! 4. **Layout whitespace.** A run of whitespace becomes
//!    - a line break `\n` (a real boundary) when it holds a line break and either the text
//!      before it ends a sentence (`。;!?`, possibly followed by closing quotes), or the line
//!      before or after it is a heading, or it spans two or more blank lines (how captions and
//!      page furniture are set apart);
//!    - a single space between two ASCII letters or digits (`Microsoft Word`, `0 0`);
//!    - nothing otherwise: between CJK characters, digits, units and punctuation
//!      (`完成\n\n47\n\n亿元` → `完成47亿元`).
//!
//! Headings are lines that start with `#`, lines shaped like section titles (`2013，巨变看转型`,
//! `春拂芬芳地，共莺传捷报———`, `前 言`), and — in documents whose lines are whole paragraphs —
//! short stand-alone lines between sentence ends and blank lines. Their ranges in the
//! normalized text are kept in [`Normalized::headings`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::span::Span;

/// One character of normalized text and the source bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Origin {
    /// Byte offset of the character in the normalized text.
    norm: usize,
    /// Source span the character came from (a whitespace run for an inserted break).
    source: Span,
}

/// A document body normalized for matching.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    origins: Vec<Origin>,
    headings: Vec<Range<usize>>,
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
    /// of a document — without layout analysis: no line is taken for a heading. Within a
    /// sentence this gives the same text as [`Normalized::new`] does on the whole document.
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

/// Sentence terminators after width folding.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '；' | '！' | '？')
}

/// Closing quotes and brackets that may follow a terminator (`。”`).
fn is_closing(c: char) -> bool {
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

/// Whether `c` is a CJK ideograph (the blocks Chinese news text uses).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Folds full-width ASCII forms to ASCII and odd spaces to a plain space.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '\u{FF61}' => '。',
        '\u{301C}' => '~',
        _ => c,
    }
}

/// Characters OpenCC's t2s table changes that are also standard Simplified characters.
const KEEP_AS_IS: &[char] = &['著', '乾', '瞭', '於', '麼', '夥', '藉', '蘋', '甦', '祇'];

/// Traditional → Simplified, one character at a time, built once from OpenCC's t2s table.
static T2S: LazyLock<HashMap<char, char>> = LazyLock::new(build_t2s_table);

fn build_t2s_table() -> HashMap<char, char> {
    let Ok(cc) = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
    else {
        return HashMap::new();
    };
    // One conversion call over every ideograph of the main block, one per line, is far
    // cheaper than a call per character; lines keep the characters aligned.
    let input: String = ('\u{4E00}'..='\u{9FFF}').flat_map(|c| [c, '\n']).collect();
    let output = cc.convert(&input);
    let mut table = HashMap::new();
    for (from, to) in input.lines().zip(output.lines()) {
        let (mut f, mut t) = (from.chars(), to.chars());
        if let (Some(f), None, Some(t), None) = (f.next(), f.next(), t.next(), t.next())
            && f != t
            && !KEEP_AS_IS.contains(&f)
        {
            table.insert(f, t);
        }
    }
    table
}

/// Simplified form of one character (itself when it has none).
pub fn to_simplified(c: char) -> char {
    if is_cjk(c) {
        T2S.get(&c).copied().unwrap_or(c)
    } else {
        c
    }
}

/// What a run of whitespace becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    Drop,
    Space,
    Break,
}

/// A line of the body as it stands in the source.
#[derive(Clone, Debug)]
struct Line {
    /// Source span of the line without its line break.
    span: Span,
    /// The line with surrounding whitespace trimmed (source characters, unfolded).
    trimmed: String,
    /// Number of empty lines between this line and the previous non-empty one.
    blank_before: usize,
    heading: bool,
}

struct Normalizer<'a> {
    source: &'a str,
    body: Span,
    /// Whether to look for headings (documents) or not (fragments).
    layout: bool,
}

impl Normalizer<'_> {
    fn run(&self) -> Normalized {
        let lines = classify_lines(self.source, self.body, self.layout);
        let mut out = Output::default();
        let body = &self.source[self.body.range()];
        let base = self.body.start;
        let mut chars = body.char_indices().peekable();
        let mut line_index = 0usize;
        let mut at_line_start = true;
        let mut pending_ws: Option<(Span, usize)> = None; // source span, newline count

        while let Some((i, c)) = chars.next() {
            let at = base + i;
            // Which source line this character is on.
            while line_index + 1 < lines.len() && at >= lines[line_index + 1].span.start {
                line_index += 1;
            }
            if c.is_whitespace() || fold_width(c) == ' ' {
                let newline = usize::from(c == '\n');
                let span = Span::new(at, at + c.len_utf8());
                pending_ws = Some(match pending_ws {
                    Some((s, n)) => (s.cover(span), n + newline),
                    None => (span, newline),
                });
                if c == '\n' {
                    at_line_start = true;
                }
                continue;
            }
            let line = lines.get(line_index);
            if let Some((ws, newlines)) = pending_ws.take() {
                let gap = self.gap(&out, c, newlines, &lines, line_index);
                out.gap(gap, ws);
            }
            // Heading markers at the start of a Markdown heading line: `### ` → dropped.
            if at_line_start
                && c == '#'
                && line.is_some_and(|l| l.heading && is_markdown_heading(&l.trimmed))
            {
                while chars.next_if(|&(_, n)| n == '#').is_some() {}
                at_line_start = false;
                continue;
            }
            at_line_start = false;
            // Markdown emphasis `**` is layout, not text.
            if c == '*' && chars.next_if(|&(_, n)| n == '*').is_some() {
                continue;
            }
            if line.is_some_and(|l| l.heading) {
                out.heading_start();
            }
            out.push(
                to_simplified(fold_width(c)),
                Span::new(at, at + c.len_utf8()),
            );
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

/// Normalized text under construction.
#[derive(Default)]
struct Output {
    text: String,
    origins: Vec<Origin>,
    headings: Vec<Range<usize>>,
    heading_open: Option<usize>,
}

impl Output {
    fn push(&mut self, c: char, source: Span) {
        self.origins.push(Origin {
            norm: self.text.len(),
            source,
        });
        self.text.push(c);
    }

    fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Whether the text so far ends a sentence: a terminator, maybe followed by closers.
    fn ends_sentence(&self) -> bool {
        let mut tail = self.text.chars().rev().skip_while(|&c| is_closing(c));
        tail.next().is_some_and(is_terminator)
    }

    fn gap(&mut self, gap: Gap, ws: Span) {
        match gap {
            Gap::Drop => {}
            Gap::Space => self.push(' ', ws),
            Gap::Break => {
                self.close_heading();
                if !self.text.ends_with('\n') {
                    self.push('\n', ws);
                }
            }
        }
    }

    fn heading_start(&mut self) {
        if self.heading_open.is_none() {
            self.heading_open = Some(self.text.len());
        }
    }

    fn close_heading(&mut self) {
        if let Some(start) = self.heading_open.take()
            && start < self.text.len()
        {
            self.headings.push(start..self.text.len());
        }
    }

    fn finish(mut self, body: Span) -> Normalized {
        self.close_heading();
        Normalized {
            text: self.text,
            origins: self.origins,
            headings: self.headings,
            body,
        }
    }
}

/// Splits the body into lines and marks which of them are headings.
fn classify_lines(source: &str, body: Span, layout: bool) -> Vec<Line> {
    let text = &source[body.range()];
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let mut offset = 0usize;
    for raw in text.split('\n') {
        let start = body.start + offset;
        offset += raw.len() + 1;
        let trimmed: String = raw
            .trim_matches(|c: char| c.is_whitespace() || fold_width(c) == ' ')
            .to_string();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        lines.push(Line {
            span: Span::new(start, start + raw.len()),
            trimmed,
            blank_before: blank,
            heading: false,
        });
        blank = 0;
    }
    if !layout {
        return lines;
    }
    let ocr_spaced = is_ocr_double_spaced(&lines);
    for i in 0..lines.len() {
        lines[i].heading = is_markdown_heading(&lines[i].trimmed)
            || has_title_shape(&lines[i].trimmed)
                && follows_boundary(&lines, i)
                && !continues_into_next(&lines, i)
            || !ocr_spaced && is_standalone_line(&lines, i);
    }
    lines
}

fn is_markdown_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// Text of a line without spaces and markup, folded.
fn compact(line: &str) -> Vec<char> {
    line.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// Section titles of a recognisable shape, whatever the layout around them:
/// `2013，巨变看转型`, `春拂芬芳地，共莺传捷报———`, `前 言`, `□招商引资为要`, `一、…`, `（三）…`.
fn has_title_shape(line: &str) -> bool {
    let chars = compact(line);
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
    let parts: Vec<&str> = line.split_whitespace().collect();
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
    let ends = compact(&prev.trimmed);
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
        .and_then(|next| compact(&next.trimmed).first().copied())
        .is_some_and(is_continuing_start)
}

/// Short lines set apart between a sentence end and a blank line, in documents whose lines are
/// paragraphs (or are wrapped without blank lines): titles, subtitles, photo captions.
fn is_standalone_line(lines: &[Line], i: usize) -> bool {
    let chars = compact(&lines[i].trimmed);
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
            let next = compact(&n.trimmed);
            next.len() <= 30 && !next.iter().any(|&c| is_terminator(c)) && followed_by_blank(i + 1)
        })
}

/// OCR of narrow columns: nearly every line followed by a blank line, and many lines only a
/// few characters long (a number, a unit, a word cut off). There a stand-alone short line is
/// usually a fragment of a sentence, not a heading.
fn is_ocr_double_spaced(lines: &[Line]) -> bool {
    if lines.len() < 10 {
        return false;
    }
    let fragments = lines
        .iter()
        .filter(|l| compact(&l.trimmed).len() <= 5)
        .count();
    let spaced = lines.iter().skip(1).filter(|l| l.blank_before > 0).count();
    fragments * 5 >= lines.len() && spaced * 10 >= (lines.len() - 1) * 7
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
}
