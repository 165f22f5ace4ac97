//! Normalized text under construction: characters with their origins, headings and list
//! items as they are found, then the regional wording rewritten over the whole text.

use std::ops::Range;

use crate::span::Span;

use super::layout::is_closing;
use super::{ItemMarker, ListItem, Normalized, Origin, is_terminator, web, wording};

/// What a run of whitespace becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    Drop,
    Space,
    Break,
}

/// Normalized text under construction.
#[derive(Default)]
pub(super) struct Output {
    text: String,
    origins: Vec<Origin>,
    headings: Vec<Range<usize>>,
    heading_open: Option<usize>,
    items: Vec<ListItem>,
}

impl Output {
    /// An empty output with room for the text of `chars` characters of `bytes` bytes.
    pub(super) fn with_capacity(chars: usize, bytes: usize) -> Self {
        Output {
            text: String::with_capacity(bytes),
            origins: Vec::with_capacity(chars),
            ..Output::default()
        }
    }

    /// Appends a character; a punctuation mark right after another merges with it.
    pub(super) fn push(&mut self, c: char, source: Span) {
        // Only punctuation merges with what is before it: most characters need no look back.
        if web::boundary_strength(c).is_some()
            && let Some(last) = self.last_char()
            && let Some(merged) = web::merge_marks(last, c)
            && let Some(origin) = self.origins.pop()
        {
            self.text.pop();
            self.push_char(merged, origin.source.cover(source));
            return;
        }
        self.push_char(c, source);
    }

    fn push_char(&mut self, c: char, source: Span) {
        self.origins.push(Origin {
            norm: self.text.len(),
            source,
        });
        self.text.push(c);
    }

    pub(super) fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Whether the text so far ends a sentence: a terminator, maybe followed by closers.
    pub(super) fn ends_sentence(&self) -> bool {
        let mut tail = self.text.chars().rev().skip_while(|&c| is_closing(c));
        tail.next().is_some_and(is_terminator)
    }

    pub(super) fn gap(&mut self, gap: Gap, ws: Span) {
        match gap {
            Gap::Drop => {}
            Gap::Space => self.push_char(' ', ws),
            Gap::Break => self.line_break(ws),
        }
    }

    pub(super) fn line_break(&mut self, ws: Span) {
        self.close_heading();
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push_char('\n', ws);
        }
    }

    /// Starts a list item on a new line; `gap` (the marker and the spaces before it) is what
    /// the line break stands for.
    pub(super) fn open_item(&mut self, gap: Span, marker: ItemMarker, source: Span) {
        self.line_break(gap);
        self.items.push(ListItem {
            start: self.text.len(),
            marker,
            source,
        });
    }

    pub(super) fn heading_start(&mut self) {
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

    pub(super) fn finish(mut self, body: Span) -> Normalized {
        self.close_heading();
        self.reword();
        Normalized {
            text: self.text,
            origins: self.origins,
            headings: self.headings,
            items: self.items,
            body,
        }
    }

    /// Rewrites regional wording (see [`wording`]), keeping origins, headings and items aligned.
    fn reword(&mut self) {
        let rewrites = wording::rewrites(&self.text);
        if rewrites.is_empty() {
            return;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut origins = Vec::with_capacity(self.origins.len());
        // (end of a rewritten range in the old text, change in length up to there)
        let mut shifts: Vec<(Range<usize>, isize)> = Vec::with_capacity(rewrites.len());
        let mut old = self.origins.iter().peekable();
        let mut delta = 0isize;
        for (range, to) in rewrites {
            while let Some(o) = old.next_if(|o| o.norm < range.start) {
                origins.push(Origin {
                    norm: text.len(),
                    source: o.source,
                });
                text.push_str(char_at(&self.text, o.norm));
            }
            let replaced: Vec<Span> = std::iter::from_fn(|| old.next_if(|o| o.norm < range.end))
                .map(|o| o.source)
                .collect();
            let Some(whole) = replaced.iter().copied().reduce(Span::cover) else {
                continue;
            };
            let same_length = replaced.len() == to.chars().count();
            for (k, c) in to.chars().enumerate() {
                let source = if same_length { replaced[k] } else { whole };
                origins.push(Origin {
                    norm: text.len(),
                    source,
                });
                text.push(c);
            }
            delta += to.len() as isize - range.len() as isize;
            shifts.push((range, delta));
        }
        for o in old {
            origins.push(Origin {
                norm: text.len(),
                source: o.source,
            });
            text.push_str(char_at(&self.text, o.norm));
        }
        let moved = |at: usize| -> usize {
            // Offsets inside a rewritten phrase move to its start; others by the changes before.
            let before = shifts.partition_point(|(r, _)| r.end <= at);
            let shift = before.checked_sub(1).map_or(0, |k| shifts[k].1);
            match shifts.get(before) {
                Some((r, _)) if r.start < at => r.start.saturating_add_signed(shift),
                _ => at.saturating_add_signed(shift),
            }
        };
        for h in &mut self.headings {
            *h = moved(h.start)..moved(h.end);
        }
        for item in &mut self.items {
            item.start = moved(item.start);
        }
        self.text = text;
        self.origins = origins;
    }
}

/// The character that starts at byte `at` of `text`, as a string slice.
fn char_at(text: &str, at: usize) -> &str {
    let len = text[at..].chars().next().map_or(0, char::len_utf8);
    &text[at..at + len]
}
