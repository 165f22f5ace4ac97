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
/// `offset` must lie on a char boundary; offsets past the end are clamped.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The 1-based column of a byte offset counted in UTF-16 code units (a character outside the
/// Basic Multilingual Plane counts two), as SARIF and most editors count.
pub fn utf16_column(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].encode_utf16().count() + 1
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
    fn cover_spans_both() {
        assert_eq!(Span::new(3, 5).cover(Span::new(1, 4)), Span::new(1, 5));
    }
}
