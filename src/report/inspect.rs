//! Output of `claimcheck inspect`: a document as the engine sees it.
//!
//! The first line names the document, its publication date and entity. Then each section:
//! `§N`, the `line:column` of its heading in the file and the heading lines (joined by ` / `),
//! followed by its sentences, one per line, as normalized text, each with the `line:column`
//! where it starts in the file.

use std::fmt::Write as _;

use crate::Analyzed;

/// The `inspect` view of one document.
pub fn describe(a: &Analyzed) -> String {
    let doc = a.doc;
    let text = a.normalized.text();
    let place = |range: std::ops::Range<usize>| {
        let (line, col) = a.line_col(a.normalized.to_source(range).start);
        format!("{line}:{col}")
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  published {}  entity {}",
        doc.name,
        doc.meta.published,
        doc.meta.entity.as_deref().unwrap_or("-")
    );
    for (index, section) in a.segments.sections.iter().enumerate() {
        let heading = match section.headings.first() {
            Some(first) => {
                let lines: Vec<&str> = section.headings.iter().map(|h| &text[h.clone()]).collect();
                format!("{} {}", place(first.clone()), lines.join(" / "))
            }
            None => "(before the first heading)".to_string(),
        };
        let _ = writeln!(s, "\n§{} {heading}", index + 1);
        for sentence in &a.segments.sentences[section.sentences.clone()] {
            let range = sentence.range.clone();
            let _ = writeln!(s, "  {:>9}  {}", place(range.clone()), &text[range]);
        }
    }
    s
}
