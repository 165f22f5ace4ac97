//! The driver's rules: one per code, named and described by the code's explain page, with
//! the code's default level as its default configuration.

use crate::explain;
use crate::finding::{Code, Level};

use super::sarif_level;
use super::wire::{Configuration, Description, Help, Message, Rule};

/// The place of `code` among the finding rules, which follow [`Code::ALL`].
pub(super) fn rule_index(code: Code) -> usize {
    Code::ALL.iter().position(|c| *c == code).unwrap_or(0)
}

/// `target::on-track` → `TargetOnTrack`: SARIF's rule `name` is an identifier.
pub(super) fn rule_name(code: &str) -> String {
    code.split([':', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The first paragraph of an explain text that is not a heading: its `What it means`.
pub(super) fn first_paragraph(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The rule of a finding code.
pub(super) fn rule(code: Code) -> Rule {
    rule_of(code.as_str(), code.default_level())
}

/// The rule of a code, described by its explain page.
pub(super) fn rule_of(id: &'static str, default_level: Level) -> Rule {
    let (summary, text) = explain::explain(id).map_or((id, id), |e| (e.summary, e.text));
    Rule {
        id,
        name: rule_name(id),
        short_description: Message::new(summary.to_owned()),
        full_description: Description::new(first_paragraph(text)),
        help: Help {
            text: text.to_owned(),
            markdown: text.to_owned(),
        },
        default_configuration: Configuration {
            level: sarif_level(default_level),
        },
    }
}
