//! Byte spans into a document's original text.
//!
//! Every span that leaves the engine — in a diagnostic, a claim, a JSON field — is a
//! [`Span`]: a byte range into the document's decoded source text (front matter included),
//! **end-exclusive**, with both ends on `char` boundaries. For UTF-8 input the source text is
//! the file byte for byte (a BOM, if present, stays at offset 0), so spans are file offsets.
//! GB18030 input is transcoded to UTF-8 once at load time; its spans index that transcoding.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// An end-exclusive byte range `[start, end)` into a document's source text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}

/// 1-based line and 1-based column (counted in `char`s) of byte `offset` in `text`.
///
/// `offset` must lie on a char boundary; offsets past the end are clamped. This scans `text`
/// up to `offset`: for many positions in one text, build a [`LineIndex`] once instead.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// The 1-based column of a byte offset counted in UTF-16 code units (a character outside the
/// Basic Multilingual Plane counts two), as SARIF and most editors count.
pub fn utf16_column(text: &str, offset: usize) -> usize {
    LineIndex::new(text).utf16_column(text, offset)
}

/// Bytes between two checkpoints of [`LineIndex`]: a column costs at most this many bytes of
/// counting, however long its line.
const CHECKPOINT: usize = 64;

/// Line starts and character counts of one text, computed once, so that the line and column of
/// any offset cost a binary search and at most `CHECKPOINT` bytes of counting (in the manner
/// of ruff's `LineIndex`). A one-line article of a megabyte with thousands of claims is
/// therefore linear, not quadratic.
///
/// The index does not hold the text; every query takes the same text the index was built on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    line_starts: Vec<usize>,
    /// For every multiple `k·CHECKPOINT` of bytes: the char boundary at or before it, with the
    /// number of chars and of UTF-16 code units before that boundary.
    checkpoints: Vec<Checkpoint>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Checkpoint {
    at: usize,
    chars: usize,
    utf16: usize,
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(newlines(text).map(|i| i + 1));
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let bytes = text.as_bytes();
        let (mut chars, mut utf16, mut counted) = (0, 0, 0);
        let mut target = 0;
        while target <= bytes.len() {
            // The first char boundary at or after the multiple (the end of the text at the end).
            let at = (target..bytes.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(bytes.len());
            let (more_chars, more_utf16) = units(&bytes[counted..at]);
            chars += more_chars;
            utf16 += more_utf16;
            counted = at;
            checkpoints.push(Checkpoint { at, chars, utf16 });
            target += CHECKPOINT;
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// The number of lines (a text without a newline has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where 0-based line `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// 1-based line and 1-based column (in chars) of byte `offset` in `text`, as [`line_col`].
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = self.count(text, offset).0 - self.count(text, start).0 + 1;
        (line + 1, column)
    }

    /// The 1-based UTF-16 column of byte `offset` in `text`, as [`utf16_column`].
    pub fn utf16_column(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let start = self.line_starts[self.line_of(offset)];
        self.count(text, offset).1 - self.count(text, start).1 + 1
    }

    /// Chars and UTF-16 units in `text[..offset]`, counted from the nearest checkpoint.
    fn count(&self, text: &str, offset: usize) -> (usize, usize) {
        let Some(point) = self.checkpoints.get(offset / CHECKPOINT) else {
            return (text.chars().count(), text.encode_utf16().count());
        };
        let rest = text.get(point.at..offset).unwrap_or("");
        let (chars, utf16) = units(rest.as_bytes());
        (point.chars + chars, point.utf16 + utf16)
    }
}

/// Chars and UTF-16 units in the UTF-8 `bytes`, counted on bytes, not decoded chars: a char
/// starts at every byte that is no continuation byte, and one of four bytes (lead byte 0xF0 or
/// more) is two UTF-16 units. Two plain counts, which the compiler turns into vector code.
fn units(bytes: &[u8]) -> (usize, usize) {
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let astral = bytes.iter().filter(|&&b| b >= 0xF0).count();
    (chars, chars + astral)
}

/// Byte offsets of every `\n` in `text`.
fn newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_astral_characters_twice() {
        let text = "甲\n𠀀乙47";
        let at = text.find("47").unwrap();
        assert_eq!(line_col(text, at), (2, 3));
        assert_eq!(utf16_column(text, at), 4);
    }

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "第一行\n地区生产总值47亿元";
        assert_eq!(line_col(text, 0), (1, 1));
        let at = text.find("47").unwrap();
        assert_eq!(line_col(text, at), (2, 7));
    }

    #[test]
    fn line_index_agrees_with_a_rescan_everywhere() {
        let text =
            "+++\npublished = 2014-02-15\n+++\n𠀀甲乙丙，地区生产总值47亿元。\n\n第二段".repeat(9);
        let index = LineIndex::new(&text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..at].chars().count() + 1;
            assert_eq!(index.line_col(&text, at), (line, column), "at {at}");
            let utf16 = text[start..at].encode_utf16().count() + 1;
            assert_eq!(index.utf16_column(&text, at), utf16, "at {at}");
        }
        assert_eq!(index.line_count(), text.matches('\n').count() + 1);
    }

    #[test]
    fn cover_spans_both() {
        assert_eq!(Span::new(3, 5).cover(Span::new(1, 4)), Span::new(1, 5));
    }
}
