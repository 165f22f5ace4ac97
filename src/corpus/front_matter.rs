//! Finding the `+++` front-matter block and reading its TOML, with spans for every problem.

use toml::de::{DeTable, DeValue};

use super::FrontMatter;
use super::diagnostic::{Code, CorpusDiagnostic};
use crate::span::Span;

/// The keys [`FrontMatter`] accepts, for "did you mean" suggestions.
pub(super) const KEYS: [&str; 6] = ["title", "published", "entity", "outlet", "url", "note"];

/// Help text showing the smallest valid front matter.
pub(super) const MINIMAL_HELP: &str =
    "start the file with a TOML front-matter block, then the article:
+++
title     = \"…\"
published = 2014-02-15
entity    = \"中站区\"
+++";

/// Where the front matter sits in a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Block {
    /// The opening `+++` (the three characters, not the line).
    pub open: Span,
    /// The TOML between the delimiter lines, starting after the opening line's newline.
    pub toml: Span,
    /// Where the body starts: after the closing line and its newline.
    pub body_start: usize,
}

/// Why no front-matter block could be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SplitError {
    /// The first line is not `+++`; the span is that line, without its line break.
    Missing { first_line: Span },
    /// No closing line; the span is the opening `+++`.
    Unterminated { open: Span },
}

/// Finds the front matter: a first line `+++` (after an optional BOM) and the next line that is
/// `+++`. Trailing spaces, tabs and a `\r` on a delimiter line are tolerated, because editors
/// leave them and they are invisible.
pub(super) fn split(text: &str) -> Result<Block, SplitError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = Lines { text, at: start };
    let Some((first, first_end)) = lines.next() else {
        return Err(SplitError::Missing {
            first_line: Span::new(start, start),
        });
    };
    if !is_delimiter(&text[first.range()]) {
        let content = text[first.range()].trim_end_matches('\r');
        let first_line = Span::new(first.start, first.start + content.len());
        return Err(SplitError::Missing { first_line });
    }
    let open = Span::new(first.start, first.start + 3);
    let toml_start = first_end;
    for (line, line_end) in lines {
        if is_delimiter(&text[line.range()]) {
            return Ok(Block {
                open,
                toml: Span::new(toml_start, line.start),
                body_start: line_end,
            });
        }
    }
    Err(SplitError::Unterminated { open })
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r']) == "+++"
}

/// Lines of `text` from byte `at`: each line's span without its `\n`, and where the next line
/// starts. Unlike `str::lines` it yields offsets, which the spans need.
struct Lines<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Lines<'_> {
    type Item = (Span, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.at..).filter(|rest| !rest.is_empty())?;
        let start = self.at;
        let (end, next) = match rest.find('\n') {
            Some(i) => (start + i, start + i + 1),
            None => (self.text.len(), self.text.len()),
        };
        self.at = next;
        Some((Span::new(start, end), next))
    }
}

/// Parses the TOML in `block`, or explains what is wrong with it, with spans into `text`.
pub(super) fn parse(
    path: &str,
    text: &str,
    block: &Block,
) -> Result<FrontMatter, CorpusDiagnostic> {
    let toml_text = &text[block.toml.range()];
    let to_file = |range: std::ops::Range<usize>| {
        let start = floor_char_boundary(text, block.toml.start + range.start);
        let end = floor_char_boundary(text, block.toml.start + range.end).max(start);
        Span::new(start, end.min(block.toml.end.max(start)))
    };
    let diagnostic =
        |code, message: String| CorpusDiagnostic::new(code, path, message).with_source(text);
    // Parsing into a spanned table first tells syntax errors apart from schema errors, and
    // gives the spans of keys and values that serde's errors do not name.
    let table = match DeTable::parse(toml_text) {
        Ok(table) => table.into_inner(),
        Err(error) => {
            let span = error.span().map_or(block.open, to_file);
            return Err(diagnostic(
                Code::FrontMatterSyntax,
                "front matter is not valid TOML".into(),
            )
            .with_label(span, error.message())
            .with_help(
                "front matter is TOML: `key = value`, strings in double quotes, \
                     dates unquoted (published = 2014-02-15)",
            ));
        }
    };
    let error = match toml::from_str::<FrontMatter>(toml_text) {
        Ok(meta) => return Ok(meta),
        Err(error) => error,
    };
    let message = error.message();
    // serde's wording for these two cases is fixed by `serde::de::Error`'s provided methods.
    if message.starts_with("missing field") {
        return Err(diagnostic(
            Code::MissingPublished,
            "front matter has no `published` date".into(),
        )
        .with_label(block.open, "this front matter needs `published`")
        .with_help("add published = YYYY-MM-DD"));
    }
    if message.starts_with("unknown field") {
        // Prefer the key toml points at; fall back to the first key the format lacks.
        let keys = || table.iter().map(|(key, _)| key);
        let unknown = keys()
            .find(|key| Some(key.span()) == error.span())
            .or_else(|| keys().find(|key| !KEYS.contains(&key.get_ref().as_ref())));
        let (name, span) = match unknown {
            Some(key) => (key.get_ref().to_string(), to_file(key.span())),
            None => (String::from("?"), error.span().map_or(block.open, to_file)),
        };
        let help = match suggest(&name) {
            Some(known) => format!("did you mean `{known}`?"),
            None => format!("the keys are {}", KEYS.join(", ")),
        };
        return Err(diagnostic(
            Code::UnknownKey,
            format!("unknown front-matter key `{name}`"),
        )
        .with_label(span, "unknown key")
        .with_help(help));
    }
    // Anything else the deserializer rejects in a syntactically valid block is a value of the
    // wrong type (or out of range) under one of the keys.
    let error_span = error.span().unwrap_or(0..0);
    let entry = table.iter().find(|(_, value)| {
        let value = value.span();
        value.start <= error_span.start && error_span.end <= value.end
    });
    let Some((key, value)) = entry else {
        let span = error.span().map_or(block.open, to_file);
        return Err(diagnostic(
            Code::FrontMatterType,
            "front matter has a value of the wrong type".into(),
        )
        .with_label(span, message));
    };
    let key: &str = key.get_ref();
    let is_published = key == "published";
    let (expected, help) = if is_published {
        (
            "a date",
            String::from("write the date unquoted: published = 2014-02-15"),
        )
    } else {
        (
            "a string",
            format!("write it in double quotes: {key} = \"…\""),
        )
    };
    let found = match value.get_ref() {
        DeValue::Datetime(datetime) if is_published && datetime.date.is_some() => {
            String::from("a date with a time")
        }
        other => {
            let kind = other.type_str();
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {kind}")
        }
    };
    Err(diagnostic(
        Code::FrontMatterType,
        format!("front-matter key `{key}` has the wrong type"),
    )
    .with_label(
        to_file(value.span()),
        format!("expected {expected}, found {found}"),
    )
    .with_help(help))
}

/// The known key closest to `key`, if it is close enough to be a typo.
fn suggest(key: &str) -> Option<&'static str> {
    crate::toml_diag::suggest(key, &KEYS)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (&str, &str, &str) {
        let block = split(text).expect("front matter");
        (
            &text[block.open.range()],
            &text[block.toml.range()],
            &text[block.body_start..],
        )
    }

    #[test]
    fn splits_lf() {
        let text = "+++\npublished = 2014-02-15\n+++\n正文\n";
        assert_eq!(parts(text), ("+++", "published = 2014-02-15\n", "正文\n"));
    }

    #[test]
    fn splits_crlf() {
        let text = "+++\r\npublished = 2014-02-15\r\n+++\r\n正文\r\n";
        assert_eq!(
            parts(text),
            ("+++", "published = 2014-02-15\r\n", "正文\r\n")
        );
    }

    #[test]
    fn skips_bom() {
        let text = "\u{feff}+++\npublished = 2014-02-15\n+++\n正文";
        let block = split(text).expect("front matter");
        assert_eq!(block.open, Span::new(3, 6));
        assert_eq!(&text[block.body_start..], "正文");
    }

    #[test]
    fn tolerates_trailing_blanks_on_delimiters() {
        let text = "+++  \t\npublished = 2014-02-15\n+++ \r\n正文";
        assert_eq!(parts(text), ("+++", "published = 2014-02-15\n", "正文"));
    }

    #[test]
    fn closing_line_at_end_of_file() {
        let text = "+++\npublished = 2014-02-15\n+++";
        assert_eq!(parts(text), ("+++", "published = 2014-02-15\n", ""));
    }

    #[test]
    fn empty_block() {
        assert_eq!(parts("+++\n+++\n正文"), ("+++", "", "正文"));
    }

    #[test]
    fn four_pluses_are_not_a_delimiter() {
        assert_eq!(
            split("++++\nx\n+++\n"),
            Err(SplitError::Missing {
                first_line: Span::new(0, 4)
            })
        );
        assert_eq!(
            split("+++\nx\n++++\n"),
            Err(SplitError::Unterminated {
                open: Span::new(0, 3)
            })
        );
    }

    #[test]
    fn missing_reports_first_line_without_line_break() {
        let text = "\u{feff}标题\r\n正文";
        assert_eq!(
            split(text),
            Err(SplitError::Missing {
                first_line: Span::new(3, 9)
            })
        );
        assert_eq!(
            split(""),
            Err(SplitError::Missing {
                first_line: Span::new(0, 0)
            })
        );
    }

    #[test]
    fn unterminated_points_at_opening_delimiter() {
        let text = "\u{feff}+++\npublished = 2014-02-15\n正文";
        assert_eq!(
            split(text),
            Err(SplitError::Unterminated {
                open: Span::new(3, 6)
            })
        );
    }

    #[test]
    fn every_key_is_accepted() {
        let toml: String = KEYS
            .iter()
            .map(|key| match *key {
                "published" => "published = 2014-02-15\n".to_string(),
                key => format!("{key} = \"x\"\n"),
            })
            .collect();
        let text = format!("+++\n{toml}+++\n");
        let block = split(&text).expect("front matter");
        let meta = parse("t.txt", &text, &block).expect("valid front matter");
        assert_eq!(
            meta.published,
            chrono::NaiveDate::from_ymd_opt(2014, 2, 15).expect("date")
        );
        assert_eq!(meta.note.as_deref(), Some("x"));
    }

    #[test]
    fn rejects_date_with_time() {
        let text = "+++\npublished = 2014-02-15T08:00:00\n+++\n";
        let block = split(text).expect("front matter");
        let error = parse("t.txt", text, &block).expect_err("date-time");
        assert_eq!(error.code(), Code::FrontMatterType);
        let (span, label) = &error.spans()[0];
        assert_eq!(&text[span.range()], "2014-02-15T08:00:00");
        assert_eq!(label, "expected a date, found a date with a time");
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(suggest("publised"), Some("published"));
        assert_eq!(suggest("titel"), Some("title"));
        assert_eq!(suggest("author"), None);
        assert_eq!(suggest("u"), None);
    }
}
