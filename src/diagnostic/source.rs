//! A file's text as miette draws it: named, with header columns counted in characters, and
//! with lines too wide cut to windows while line numbers and columns stay the original's.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::sync::Arc;

use super::window::Window;

/// A file's text under its name, as miette draws it — with two differences: the
/// `[file:line:column]` header counts the column in characters, 1-based, as every other
/// output format does (miette itself counts bytes, so `梧桐县` would put a column 10 where
/// JSON, GitHub and the claims say 4); and lines too wide can be cut to windows
/// ([`Self::cut`]), in which case miette draws the cut text while line numbers and header
/// columns stay those of the original.
#[derive(Clone, Debug)]
pub(crate) struct NamedText {
    name: Option<String>,
    text: Arc<str>,
    /// Boxed: most texts are drawn whole.
    cut: Option<Box<Cut>>,
}

/// The text miette draws when lines are cut, and where each line came from.
#[derive(Clone, Debug)]
struct Cut {
    text: String,
    lines: Vec<CutLine>,
}

/// One line: its bytes in the original text, where it starts in the cut text and, when it
/// was cut, its window.
#[derive(Clone, Debug)]
struct CutLine {
    original: std::ops::Range<usize>,
    start: usize,
    window: Option<Window>,
}

impl NamedText {
    /// `text` under the name `name` (a `/`-separated path).
    pub(crate) fn new(name: &str, text: Arc<str>) -> Self {
        Self::maybe_named(Some(name.to_owned()), text)
    }

    /// `text` under `name`, if it has one.
    pub(crate) fn maybe_named(name: Option<String>, text: Arc<str>) -> Self {
        NamedText {
            name,
            text,
            cut: None,
        }
    }

    /// The whole text, as in the file.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The text miette draws: the whole text, or the text with lines cut.
    pub(crate) fn drawn(&self) -> &str {
        self.cut.as_ref().map_or(&self.text, |cut| &cut.text)
    }

    /// The text with each line for which `window` gives a window (it is called with the
    /// line's 0-based number, its byte range in the text and the line) drawn as that window.
    pub(crate) fn cut(
        mut self,
        mut window: impl FnMut(usize, std::ops::Range<usize>, &str) -> Option<Window>,
    ) -> Self {
        let mut text = String::with_capacity(self.text.len());
        let mut lines = Vec::new();
        let mut line_start = 0;
        for (i, line) in self.text.split('\n').enumerate() {
            let original = line_start..line_start + line.len();
            let cut = window(i, original.clone(), line);
            lines.push(CutLine {
                original,
                start: text.len(),
                window: None,
            });
            match &cut {
                Some(window) => text.push_str(&window.text),
                None => text.push_str(line),
            }
            text.push('\n');
            line_start += line.len() + 1;
            if let Some(last) = lines.last_mut() {
                last.window = cut;
            }
        }
        text.pop();
        self.cut = Some(Box::new(Cut { text, lines }));
        self
    }

    /// Where byte `at` of the original text is in the text drawn (see [`Window::to_window`]
    /// for `after_gap`).
    pub(crate) fn to_drawn(&self, at: usize, after_gap: bool) -> usize {
        let Some(cut) = &self.cut else {
            return at;
        };
        let line = cut.line_of_original(at);
        let within = at.min(line.original.end) - line.original.start;
        line.start
            + match &line.window {
                Some(window) => window.to_window(within, after_gap),
                None => within,
            }
    }

    /// The 0-based column, in characters, of original byte `at` on its line.
    fn char_column(&self, at: usize) -> usize {
        let line_start = self.text[..at.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        self.text
            .get(line_start..at)
            .map_or(at - line_start, |before| before.chars().count())
    }
}

impl Cut {
    /// The line holding original offset `at`.
    fn line_of_original(&self, at: usize) -> &CutLine {
        let i = self.lines.partition_point(|l| l.original.start <= at);
        &self.lines[i.saturating_sub(1)]
    }

    /// Drawn-text offset `at` in the original text.
    fn to_original(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|l| l.start <= at);
        let line = &self.lines[i.saturating_sub(1)];
        let within = at - line.start;
        line.original.start
            + match &line.window {
                Some(window) => window.to_line(within),
                None => within,
            }
    }
}

impl SourceCode for NamedText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let drawn: &str = match &self.cut {
            Some(cut) => &cut.text,
            None => &self.text,
        };
        let contents = drawn.read_span(span, context_lines_before, context_lines_after)?;
        // miette reports a column only without context lines, which is how it reads the
        // header's position; it counts bytes from the line start of the text drawn.
        let column = if context_lines_before == 0 {
            let at = match &self.cut {
                Some(cut) => cut.to_original(contents.span().offset()),
                None => contents.span().offset(),
            };
            self.char_column(at)
        } else {
            contents.column()
        };
        let (data, span, line, lines) = (
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.line_count(),
        );
        Ok(Box::new(match &self.name {
            Some(name) => {
                MietteSpanContents::new_named(name.clone(), data, span, line, column, lines)
            }
            None => MietteSpanContents::new(data, span, line, column, lines),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::window;

    #[test]
    fn a_cut_text_keeps_the_original_line_and_character_column_in_the_header() {
        let line = format!(
            "{}梧桐县新增就业3200人{}",
            "甲".repeat(300),
            "乙".repeat(300)
        );
        let text = format!("第一行\n{line}\n");
        let at = text.find("3200").unwrap();
        let source = NamedText::new("a.txt", text.clone().into()).cut(|i, range, line| {
            (i == 1).then(|| {
                let mark = at - range.start..at - range.start + 4;
                window::fit(line, std::slice::from_ref(&mark), 20)
            })
        });
        let drawn = source.to_drawn(at, false);
        let contents = source
            .read_span(&SourceSpan::from(drawn..drawn + 4), 0, 0)
            .unwrap();
        assert_eq!(contents.line(), 1);
        // 300 甲, 梧桐县 and 新增就业: 307 characters before the figure.
        assert_eq!(contents.column(), 307);
        let cut = source.cut.as_ref().unwrap();
        assert_eq!(&cut.text[drawn..drawn + 4], "3200");
        assert!(cut.text.len() < 200, "{}", cut.text);
    }
}
