//! Sections, sentences and clauses of a normalized document.
//!
//! Later stages hang context on this structure: a section heading such as `2013，巨变看转型`
//! sets the year of the sentences under it, and a cue such as `主要目标是:` scopes over the
//! clauses that follow it in its sentence.
//!
//! - A **section** starts at each heading (one heading line, or several in a row, as in
//!   two-line newspaper titles); text before the first heading forms a section without one.
//! - A **sentence** ends after a terminator `。;!?` (with any closing quotes after it) or at a
//!   line break that normalization kept. A list item (`●…`, `（一）…`, `1.…`) starts on a line of
//!   its own after normalization, so it always starts a sentence; that sentence records the
//!   item's marker in [`Sentence::item`]. The marker itself is in no sentence or clause.
//! - A **clause** is a piece of a sentence between `,` or `:` (after width folding). A comma
//!   between digits followed by three digits is a thousands separator (`1,200`), and a colon
//!   between digits is a clock time; neither splits.
//!
//! All ranges here are byte ranges of the normalized text; map them to source spans with
//! [`Normalized::to_source`].

use std::ops::Range;

use crate::normalize::{ItemMarker, Normalized, is_terminator};

/// A run of sentences under one heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading lines (empty for the text before the first heading).
    pub headings: Vec<Range<usize>>,
    /// Indices into [`Segments::sentences`] of the sentences in this section.
    pub sentences: Range<usize>,
}

/// One sentence with its clauses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, terminator included.
    pub range: Range<usize>,
    /// Index of its section in [`Segments::sections`].
    pub section: usize,
    /// Its clauses, delimiters excluded, in order; never empty for a non-empty sentence.
    pub clauses: Vec<Range<usize>>,
    /// The list marker of the item this sentence opens (`●`, `（二）`, `3.`), if it opens one.
    /// Later sentences of the same item have `None`.
    pub item: Option<ItemMarker>,
}

/// The structure of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
}

impl Segments {
    /// The heading text of a section, its lines joined by a space.
    pub fn heading_text<'a>(&self, text: &'a str, section: usize) -> Vec<&'a str> {
        self.sections
            .get(section)
            .map(|s| s.headings.iter().map(|r| &text[r.clone()]).collect())
            .unwrap_or_default()
    }
}

/// Splits normalized text into sections, sentences and clauses.
pub fn segment(normalized: &Normalized) -> Segments {
    let text = normalized.text();
    let headings = normalized.headings();
    let mut items = normalized.items().iter().peekable();
    let mut segments = Segments::default();
    let mut line_start = 0;
    // Headings are in text order: a line overlaps one only if it overlaps the first heading
    // that does not end before it, so one pass over the headings serves every line.
    let mut heading_at = 0;
    for line in text.split_inclusive('\n') {
        let range = line_start..line_start + line.trim_end_matches('\n').len();
        line_start += line.len();
        // Items start at the start of a line, after the break normalization put before them.
        // Several markers in a row (`●●`) open one item.
        let mut item = None;
        while let Some(opened) = items.next_if(|i| i.start <= range.start) {
            item = Some(opened.marker);
        }
        if range.is_empty() {
            continue;
        }
        while headings
            .get(heading_at)
            .is_some_and(|h| h.end <= range.start)
        {
            heading_at += 1;
        }
        if headings
            .get(heading_at)
            .is_some_and(|h| h.start < range.end && range.start < h.end)
        {
            segments.add_heading(range);
        } else {
            for (k, sentence) in sentences_in(text, range).into_iter().enumerate() {
                segments.add_sentence(text, sentence, item.filter(|_| k == 0));
            }
        }
    }
    segments
}

impl Segments {
    fn current_section(&mut self) -> usize {
        if self.sections.is_empty() {
            let at = self.sentences.len();
            self.sections.push(Section {
                headings: Vec::new(),
                sentences: at..at,
            });
        }
        self.sections.len() - 1
    }

    fn add_heading(&mut self, range: Range<usize>) {
        let at = self.sentences.len();
        match self.sections.last_mut() {
            // Consecutive heading lines form one heading.
            Some(section) if section.sentences.is_empty() && !section.headings.is_empty() => {
                section.headings.push(range);
            }
            _ => self.sections.push(Section {
                headings: vec![range],
                sentences: at..at,
            }),
        }
    }

    fn add_sentence(&mut self, text: &str, range: Range<usize>, item: Option<ItemMarker>) {
        let section = self.current_section();
        let clauses = clauses_in(text, range.clone());
        self.sentences.push(Sentence {
            range,
            section,
            clauses,
            item,
        });
        self.sections[section].sentences.end = self.sentences.len();
    }
}

/// Closing quotes and brackets that stay with the sentence they close.
fn closes_sentence(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | ')' | '）' | '】' | '》' | '"')
}

/// Sentences of one line: split after each terminator and the closers that follow it.
fn sentences_in(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    let mut chars = text[line.clone()].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        let mut end = line.start + i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if closes_sentence(n) || is_terminator(n) {
                end = line.start + j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push_trimmed(text, &mut out, start..end);
        start = end;
    }
    push_trimmed(text, &mut out, start..line.end);
    out
}

/// Clauses of a sentence: split at `,` and `:` that are not inside numbers.
fn clauses_in(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[sentence.clone()];
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in slice.char_indices() {
        let splits = match c {
            ',' => !is_thousands_separator(bytes, i),
            ':' => !(digit_at(bytes, i.wrapping_sub(1)) && digit_at(bytes, i + 1)),
            _ => false,
        };
        if splits {
            push_trimmed(text, &mut out, sentence.start + start..sentence.start + i);
            start = i + 1;
        }
    }
    push_trimmed(text, &mut out, sentence.start + start..sentence.end);
    out
}

fn digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

/// `1,200`: a digit before, exactly three digits after, then no further digit.
fn is_thousands_separator(bytes: &[u8], i: usize) -> bool {
    i > 0
        && digit_at(bytes, i - 1)
        && (1..=3).all(|k| digit_at(bytes, i + k))
        && !digit_at(bytes, i + 4)
}

/// Pushes `range` without surrounding spaces, if anything is left.
fn push_trimmed(text: &str, out: &mut Vec<Range<usize>>, range: Range<usize>) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn parts(source: &str) -> (Normalized, Segments) {
        let n = Normalized::new(source, Span::new(0, source.len()));
        let s = segment(&n);
        (n, s)
    }

    #[test]
    fn sentences_end_at_terminators_with_their_closing_quotes() {
        let (n, s) = parts("一是强化开放招商。二是加快项目建设。”三是注重创新!");
        let texts: Vec<&str> = s
            .sentences
            .iter()
            .map(|x| &n.text()[x.range.clone()])
            .collect();
        assert_eq!(
            texts,
            ["一是强化开放招商。", "二是加快项目建设。”", "三是注重创新!"]
        );
    }

    #[test]
    fn clauses_split_at_commas_but_not_inside_numbers() {
        let (n, s) = parts("主要目标是：地区生产总值增长11%，新增1,200人，时间10:30。");
        let clauses: Vec<&str> = s.sentences[0]
            .clauses
            .iter()
            .map(|c| &n.text()[c.clone()])
            .collect();
        assert_eq!(
            clauses,
            [
                "主要目标是",
                "地区生产总值增长11%",
                "新增1,200人",
                "时间10:30。"
            ]
        );
    }

    #[test]
    fn headings_open_sections() {
        let (n, s) = parts("导语在此。\n\n## 工业强区\n\n产值增长。\n\n## 民生至上\n\n支出增加。");
        assert_eq!(s.sections.len(), 3);
        assert_eq!(s.heading_text(n.text(), 1), ["工业强区"]);
        assert_eq!(s.sections[2].sentences, 2..3);
    }

    fn sentence_texts(n: &Normalized, s: &Segments) -> Vec<String> {
        s.sentences
            .iter()
            .map(|x| n.text()[x.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn bulleted_goals_are_one_sentence_each_without_their_bullets() {
        let (n, s) = parts(
            "青岚县今年主要预期目标是：\n●地区生产总值增长6%左右\n●城镇调查失业率5.5%以内，城镇新增就业4000人以上\n●粮食产量稳定在12万吨",
        );
        assert_eq!(
            sentence_texts(&n, &s),
            [
                "青岚县今年主要预期目标是:",
                "地区生产总值增长6%左右",
                "城镇调查失业率5.5%以内,城镇新增就业4000人以上",
                "粮食产量稳定在12万吨",
            ]
        );
        let items: Vec<Option<ItemMarker>> = s.sentences.iter().map(|x| x.item).collect();
        let bullet = Some(ItemMarker::Bullet('●'));
        assert_eq!(items, [None, bullet, bullet, bullet]);
        assert_eq!(s.sentences[2].clauses.len(), 2);
    }

    #[test]
    fn bullets_run_together_on_one_line_still_part_items() {
        let (n, s) = parts("全年目标：◆一般公共预算收入增长5%◆进出口总额增长8%。");
        assert_eq!(
            sentence_texts(&n, &s),
            ["全年目标:", "一般公共预算收入增长5%", "进出口总额增长8%。"]
        );
    }

    #[test]
    fn numbered_items_open_sentences_but_numbers_do_not() {
        use crate::normalize::NumberStyle;
        let (n, s) = parts(
            "明年重点抓好以下工作\n（一）新建改建农村公路120公里\n（二）新增城镇就业2800人\n1.2亿元用于教育\n1、2月份规上工业增加值增长4%",
        );
        let texts = sentence_texts(&n, &s);
        assert!(
            texts.contains(&"新建改建农村公路120公里".to_string()),
            "{texts:?}"
        );
        assert!(
            texts.contains(
                &"新增城镇就业2800人1.2亿元用于教育1、2月份规上工业增加值增长4%".to_string()
            ),
            "{texts:?}"
        );
        let numbered: Vec<ItemMarker> = s.sentences.iter().filter_map(|x| x.item).collect();
        assert_eq!(
            numbered,
            [1, 2].map(|number| ItemMarker::Numbered {
                style: NumberStyle::ParenthesizedChinese,
                number
            })
        );
    }
}
