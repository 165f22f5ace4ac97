//! The parts of a finding's result: its fingerprint, its message with the help, and the
//! place of a claim in its article.

use std::collections::BTreeMap;

use crate::claim::Claim;
use crate::finding::{self, Finding};
use crate::report::articles::Articles;

use super::uri::uri_reference;
use super::wire::{ArtifactLocation, Message, PhysicalLocation, SarifRegion};

/// Every finding's fingerprint, counted over all findings (shown or not) so that
/// `show_all` does not renumber the ones shown either way.
pub(super) fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let print = finding::fingerprint(f);
            let n = seen.entry(print.clone()).or_default();
            *n += 1;
            format!("{print}:{n}")
        })
        .collect()
}

/// The message, then the help as a second sentence (viewers short of room show the first).
pub(super) fn message_text(finding: &Finding) -> String {
    with_help(&finding.message, finding.help.as_deref())
}

/// `message`, then `help` as a second sentence.
pub(super) fn with_help(message: &str, help: Option<&str>) -> String {
    let mut text = message.trim_end().to_owned();
    let Some(help) = help.map(str::trim).filter(|h| !h.is_empty()) else {
        return text;
    };
    if !text.ends_with(['.', '!', '?', '。']) {
        text.push('.');
    }
    text.push(' ');
    let mut chars = help.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
    if !text.ends_with(['.', '!', '?', '。']) {
        text.push('.');
    }
    text
}

/// Where `claim` sits in its article: UTF-16 columns when the article is at hand, else its
/// line, byte range and snippet only.
pub(super) fn physical_location(claim: &Claim, articles: &Articles) -> PhysicalLocation {
    let region = match articles.get(&claim.doc) {
        Some(article) if article.source.get(claim.span.range()).is_some() => {
            let r = article.region(claim.span);
            SarifRegion {
                start_line: r.start_line,
                start_column: Some(r.start_column_utf16),
                end_line: Some(r.end_line),
                end_column: Some(r.end_column_utf16),
                byte_offset: claim.span.start,
                byte_length: claim.span.len(),
                snippet: Message::new(claim.text.clone()),
            }
        }
        // Without the text the UTF-16 columns are unknown, and a char column would be wrong
        // past an astral character: keep only what the claim states exactly.
        _ => SarifRegion {
            start_line: claim.line.max(1),
            start_column: None,
            end_line: None,
            end_column: None,
            byte_offset: claim.span.start,
            byte_length: claim.span.len(),
            snippet: Message::new(claim.text.clone()),
        },
    };
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri_reference(&claim.doc),
        },
        region,
    }
}
