//! What the formats and the engine need to know about the articles behind the findings: each one's
//! text (for line and column positions), title, URL and publication date, by the path that
//! claims name in their `doc` field.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::span::{LineIndex, Span};

/// One article as the renderers see it.
#[derive(Clone, Debug)]
pub struct Article {
    /// The whole file, front matter included: spans are byte ranges into it.
    pub source: Arc<str>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: NaiveDate,
    /// Line starts of `source`, computed once for every region in it.
    lines: LineIndex,
}

impl Article {
    /// An article with its text indexed for line and column positions.
    pub fn new(
        source: impl Into<Arc<str>>,
        title: Option<String>,
        url: Option<String>,
        published: NaiveDate,
    ) -> Self {
        let source = source.into();
        Article {
            lines: LineIndex::new(&source),
            source,
            title,
            url,
            published,
        }
    }

    /// Where `span` is in this article.
    pub fn region(&self, span: Span) -> Region {
        Region::of(&self.source, &self.lines, span)
    }
}

/// The articles by display path (a claim's `doc`).
pub type Articles = BTreeMap<String, Article>;

/// The articles of loaded documents.
pub fn of_documents(documents: &[Document]) -> Articles {
    documents
        .iter()
        .map(|d| {
            let article = Article::new(
                d.source.as_str(),
                d.meta.title.clone(),
                d.meta.url.clone(),
                d.meta.published,
            );
            (d.name.clone(), article)
        })
        .collect()
}

/// Where a span is in its file, 1-based, both ends inclusive of their lines; `*_column`
/// counts characters, `*_column_utf16` UTF-16 code units (what SARIF and editors count).
/// The end column is the column just after the last character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub start_column_utf16: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub end_column_utf16: usize,
}

impl Region {
    /// The region of `span` in `text`, whose line index is `lines`.
    pub fn of(text: &str, lines: &LineIndex, span: Span) -> Region {
        let (start_line, start_column) = lines.line_col(text, span.start);
        let (end_line, end_column) = lines.line_col(text, span.end);
        Region {
            start_line,
            start_column,
            start_column_utf16: lines.utf16_column(text, span.start),
            end_line,
            end_column,
            end_column_utf16: lines.utf16_column(text, span.end),
        }
    }
}
