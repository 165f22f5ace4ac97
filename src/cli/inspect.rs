//! The developer surface: `inspect` shows a document's sections and sentences, `parse` the
//! quantities and times of a text or an article, each as the engine reads them.

use std::io::Write;

use crate::analyze;
use crate::normalize::Normalized;
use crate::report;
use crate::scan::{self, Scan};
use crate::time::Reference;

use super::args::ParseFormat;
use super::{file_limit, load};

/// `inspect FILE`: the document's sections and sentences as the engine sees them.
pub(super) fn inspect(file: &std::path::Path, out: &mut impl Write) -> std::io::Result<u8> {
    let Some(limit) = file_limit() else {
        return Ok(2);
    };
    let (documents, errors) = load(std::slice::from_ref(&file.to_path_buf()), limit);
    for doc in &documents {
        write!(out, "{}", report::inspect::describe(&analyze(doc)))?;
    }
    Ok(if errors > 0 || documents.is_empty() {
        2
    } else {
        0
    })
}

/// `parse TEXT…`: each text on its own, read against `date` (else today).
pub(super) fn parse_texts(
    texts: &[String],
    date: Option<chrono::NaiveDate>,
    format: ParseFormat,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let published = date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    for text in texts {
        let normalized = Normalized::inline(text);
        let found = scan::scan_fragment(&normalized, &Reference::new(published));
        // Ranges index the normalized text; spans index the input as typed.
        let parsed = report::parse::Parsed {
            input: text,
            doc: None,
            published,
            normalized: normalized.text(),
            scan: &found,
        };
        print_parsed(&parsed, format, out)?;
    }
    Ok(0)
}

/// `parse --file FILE`: a whole article, read against `date` (else its `published`).
pub(super) fn parse_file(
    file: &std::path::Path,
    date: Option<chrono::NaiveDate>,
    format: ParseFormat,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let Some(limit) = file_limit() else {
        return Ok(2);
    };
    let (documents, errors) = load(std::slice::from_ref(&file.to_path_buf()), limit);
    for doc in &documents {
        let mut doc = doc.clone();
        if let Some(date) = date {
            doc.meta.published = date;
        }
        let analyzed = analyze(&doc);
        let found: Scan = scan::scan_document(&analyzed, &[]);
        let parsed = report::parse::Parsed {
            input: &doc.source,
            doc: Some(doc.name.clone()),
            published: doc.meta.published,
            normalized: analyzed.normalized.text(),
            scan: &found,
        };
        print_parsed(&parsed, format, out)?;
    }
    Ok(if errors > 0 || documents.is_empty() {
        2
    } else {
        0
    })
}

/// Writes one parsed text or article in `format`.
fn print_parsed(
    parsed: &report::parse::Parsed,
    format: ParseFormat,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        ParseFormat::Human => write!(out, "{}", report::parse::human(parsed)),
        ParseFormat::Json => writeln!(out, "{}", report::parse::json(parsed)),
    }
}
