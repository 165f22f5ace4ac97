//! The checks that keep the registry honest: one entry per code, every page used and well
//! formed, every code of the engine and the loaders explained, stated default levels and
//! exit statuses the ones claimcheck gives.

use super::*;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use crate::finding::Level;

/// The section headings every text has, in this order.
const SECTIONS: [&str; 4] = [
    "## What it means",
    "## Why it matters",
    "## Example",
    "## How to resolve",
];

/// The terminal width the texts are written for.
const COLUMNS: usize = 90;

/// The most non-blank lines a text may have: explanations are read in a terminal.
const MAX_LINES: usize = 25;

#[test]
fn every_code_appears_exactly_once() {
    let mut seen = HashSet::new();
    for explanation in EXPLANATIONS {
        assert!(
            seen.insert(explanation.code),
            "{} is listed twice",
            explanation.code
        );
    }
}

#[test]
fn explain_finds_every_code() {
    for explanation in EXPLANATIONS {
        let found = explain(explanation.code)
            .unwrap_or_else(|| panic!("explain({:?}) found nothing", explanation.code));
        assert_eq!(found, explanation);
    }
}

#[test]
fn explain_ignores_case_and_surrounding_whitespace_only() {
    assert_eq!(
        explain(" Target::Missed\n").map(|e| e.code),
        Some("target::missed")
    );
    assert_eq!(explain("target::mised"), None);
    assert_eq!(explain("target-missed"), None);
    assert_eq!(explain("missed"), None);
    assert_eq!(explain(""), None);
}

#[test]
fn codes_have_the_family_name_form() {
    let word = |s: &str| {
        !s.is_empty()
            && s.split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()))
    };
    for explanation in EXPLANATIONS {
        let code = explanation.code;
        let (family, name) = code
            .split_once("::")
            .unwrap_or_else(|| panic!("{code} has no `::`"));
        assert!(
            word(family) && !family.contains('-'),
            "{code}: the family is not one lowercase word"
        );
        assert!(
            word(name),
            "{code}: the name is not lowercase words joined by `-`"
        );
    }
}

#[test]
fn every_text_has_a_heading_and_the_four_sections_in_order() {
    for Explanation {
        code,
        summary,
        text,
    } in EXPLANATIONS
    {
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(format!("# {code} — {summary}").as_str()));
        let headings: Vec<&str> = lines.clone().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings, SECTIONS, "{code}: the sections");
        // Whether each section has a non-blank line; `section` is `None` before the first.
        let mut filled = [false; SECTIONS.len()];
        let mut section = None;
        for line in lines {
            if let Some(index) = SECTIONS.iter().position(|heading| *heading == line) {
                section = Some(index);
            } else if !line.trim().is_empty() {
                let index = section.unwrap_or_else(|| panic!("{code}: text before a section"));
                filled[index] = true;
            }
        }
        for (heading, filled) in SECTIONS.iter().zip(filled) {
            assert!(filled, "{code}: `{heading}` is empty");
        }
    }
}

#[test]
fn summaries_are_one_short_line() {
    for Explanation { code, summary, .. } in EXPLANATIONS {
        assert!(!summary.is_empty() && !summary.contains('\n'), "{code}");
        assert!(
            !summary.ends_with('.'),
            "{code}: a summary is a phrase, not a sentence"
        );
    }
}

#[test]
fn texts_fit_a_terminal() {
    for Explanation { code, text, .. } in EXPLANATIONS {
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{code}: final newline"
        );
        for (number, line) in text.lines().enumerate() {
            let at = format!("{code}, line {}", number + 1);
            assert!(display_width(line) <= COLUMNS, "{at} is too wide: {line}");
            assert_eq!(line, line.trim_end(), "{at} has trailing whitespace");
            assert!(!line.contains('\t'), "{at} has a tab");
        }
        let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
        assert!(
            lines <= MAX_LINES,
            "{code} has {lines} lines; at most {MAX_LINES}"
        );
    }
}

#[test]
fn every_finding_code_is_explained_in_order() {
    let findings: Vec<&str> = crate::finding::Code::ALL
        .iter()
        .map(|code| code.as_str())
        .collect();
    let explained: Vec<&str> = EXPLANATIONS
        .iter()
        .map(|explanation| explanation.code)
        .filter(|code| matches!(family(code), "target" | "report" | "arith"))
        .collect();
    assert_eq!(explained, findings);
}

#[test]
fn every_finding_states_its_default_level() {
    for code in crate::finding::Code::ALL {
        let text = explain(code.as_str()).expect("checked above").text;
        let level = code.default_level();
        let stated = format!("Default level: `{}`", level.as_str());
        assert!(text.contains(&stated), "{code}: expected {stated:?}");
        for other in [Level::Allow, Level::Warn, Level::Deny] {
            let wrong = format!("Default level: `{}`", other.as_str());
            assert!(
                other == level || !text.contains(&wrong),
                "{code} says {wrong:?}"
            );
        }
    }
}

/// Every code declared anywhere (each family's `ALL`, generated by `codes!` from the one
/// declaration) has exactly one page, and every page is a declared code.
#[test]
fn every_declared_code_has_a_page_and_every_page_a_code() {
    let declared: Vec<&str> = crate::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(crate::corpus::Code::ALL.iter().map(|c| c.as_str()))
        .chain(crate::rules::Code::ALL.iter().map(|c| c.as_str()))
        .chain(crate::config::Code::ALL.iter().map(|c| c.as_str()))
        .chain(crate::dataset::Code::ALL.iter().map(|c| c.as_str()))
        .chain(crate::baseline::Code::ALL.iter().map(|c| c.as_str()))
        .chain(crate::shards::Code::ALL.iter().map(|c| c.as_str()))
        .collect();
    let pages: Vec<&str> = EXPLANATIONS.iter().map(|e| e.code).collect();
    assert_eq!(
        declared.iter().copied().collect::<BTreeSet<_>>(),
        pages.iter().copied().collect::<BTreeSet<_>>()
    );
    assert_eq!(declared.len(), pages.len(), "a code declared twice");
}

#[test]
fn every_input_code_is_explained() {
    let emitted: BTreeSet<&str> = crate::corpus::Code::ALL
        .iter()
        .map(|code| code.as_str())
        .chain(crate::rules::Code::ALL.iter().map(|code| code.as_str()))
        .chain(CONFIG_CODES.iter().map(|code| code.as_str()))
        .collect();
    let explained: BTreeSet<&str> = EXPLANATIONS
        .iter()
        .map(|explanation| explanation.code)
        .filter(|code| matches!(family(code), "corpus" | "rules" | "config"))
        .collect();
    assert_eq!(explained, emitted);
    for (index, code) in CONFIG_CODES.into_iter().enumerate() {
        assert_eq!(
            config_index(code),
            index,
            "CONFIG_CODES lists every config code once"
        );
    }
}

/// The family of a code: `target` for `target::missed`.
fn family(code: &str) -> &str {
    code.split_once("::").map_or(code, |(family, _)| family)
}

/// Every `config::` code (the enum has no `ALL`).
const CONFIG_CODES: [crate::config::Code; 3] = {
    use crate::config::Code;
    [Code::Io, Code::Syntax, Code::UnknownCode]
};

/// The place of `code` in [`CONFIG_CODES`]. The match is exhaustive, so a new config code
/// fails to compile here until it is listed, and so explained.
fn config_index(code: crate::config::Code) -> usize {
    use crate::config::Code;
    match code {
        Code::Io => 0,
        Code::Syntax => 1,
        Code::UnknownCode => 2,
    }
}

#[test]
fn every_dataset_and_baseline_code_is_explained_in_order() {
    let emitted: Vec<&str> = DATASET_CODES
        .iter()
        .map(|code| code.as_str())
        .chain(BASELINE_CODES.iter().map(|code| code.as_str()))
        .collect();
    let explained: Vec<&str> = EXPLANATIONS
        .iter()
        .map(|explanation| explanation.code)
        .filter(|code| matches!(family(code), "dataset" | "baseline"))
        .collect();
    assert_eq!(explained, emitted);
    for (index, code) in DATASET_CODES.into_iter().enumerate() {
        assert_eq!(
            dataset_index(code),
            index,
            "DATASET_CODES lists every dataset code once"
        );
    }
    for (index, code) in BASELINE_CODES.into_iter().enumerate() {
        assert_eq!(
            baseline_index(code),
            index,
            "BASELINE_CODES lists every baseline code once"
        );
    }
}

/// The ways a dataset or baseline text can state what its code does to `check`'s exit
/// status; each text states exactly one.
const EXIT_STATUSES: [&str; 3] = [
    "exit status 2",
    "exit status 1",
    "the exit status does not change",
];

#[test]
fn every_dataset_and_baseline_code_states_its_exit_status() {
    let expected = DATASET_CODES
        .iter()
        .map(|code| {
            let status = if code.is_input_error() { 0 } else { 1 };
            (code.as_str(), EXIT_STATUSES[status])
        })
        .chain(BASELINE_CODES.iter().map(|code| {
            let status = match code.severity() {
                miette::Severity::Error => 0,
                miette::Severity::Warning | miette::Severity::Advice => 2,
            };
            (code.as_str(), EXIT_STATUSES[status])
        }));
    for (code, status) in expected {
        let text = explain(code).expect("checked above").text;
        let stated: Vec<&str> = EXIT_STATUSES
            .into_iter()
            .filter(|phrase| text.contains(phrase))
            .collect();
        assert_eq!(stated, [status], "{code}: the stated exit status");
    }
}

/// Every `dataset::` code (the enum has no `ALL`).
const DATASET_CODES: [crate::dataset::Code; 6] = {
    use crate::dataset::Code;
    [
        Code::Io,
        Code::Syntax,
        Code::Anchor,
        Code::Changed,
        Code::Missing,
        Code::New,
    ]
};

/// The place of `code` in [`DATASET_CODES`]. The match is exhaustive, so a new dataset
/// code fails to compile here until it is listed, and so explained.
fn dataset_index(code: crate::dataset::Code) -> usize {
    use crate::dataset::Code;
    match code {
        Code::Io => 0,
        Code::Syntax => 1,
        Code::Anchor => 2,
        Code::Changed => 3,
        Code::Missing => 4,
        Code::New => 5,
    }
}

/// Every `claims::` code, placed by an exhaustive match so that a new one must be listed.
#[test]
fn every_claims_code_is_explained() {
    use crate::shards::Code;
    for code in [Code::Io, Code::Syntax] {
        // Exhaustive: a new code does not compile until it is added to the list above.
        match code {
            Code::Io | Code::Syntax => {}
        }
        let explanation = explain(code.as_str()).expect("explained");
        assert!(explanation.text.contains("exit status 2"), "{code}");
    }
}

/// Every `baseline::` code (the enum has no `ALL`).
const BASELINE_CODES: [crate::baseline::Code; 3] = {
    use crate::baseline::Code;
    [Code::Io, Code::Syntax, Code::Stale]
};

/// The place of `code` in [`BASELINE_CODES`]. The match is exhaustive, so a new baseline
/// code fails to compile here until it is listed, and so explained.
fn baseline_index(code: crate::baseline::Code) -> usize {
    use crate::baseline::Code;
    match code {
        Code::Io => 0,
        Code::Syntax => 1,
        Code::Stale => 2,
    }
}

#[test]
fn every_file_is_the_text_of_its_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/explain");
    let mut files = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("src/explain is readable") {
        let path = entry.expect("src/explain is readable").path();
        // The registry's own Rust sources live beside the pages.
        if path
            .file_name()
            .is_some_and(|name| name == "table.rs" || name == "tests.rs")
        {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 name");
        assert_eq!(
            path.extension().and_then(|s| s.to_str()),
            Some("md"),
            "{} is not a Markdown file",
            path.display()
        );
        let code = stem.replacen('-', "::", 1);
        let explanation =
            explain(&code).unwrap_or_else(|| panic!("{} explains no listed code", path.display()));
        let contents = std::fs::read_to_string(&path).expect("UTF-8 file");
        assert_eq!(
            explanation.text, contents,
            "{code} is not included from {stem}.md"
        );
        files.insert(code);
    }
    let codes: BTreeSet<String> = EXPLANATIONS.iter().map(|e| e.code.to_owned()).collect();
    assert_eq!(files, codes);
}

/// Columns `line` takes in a terminal: two for East Asian wide characters (CJK, full-width
/// forms), one for everything else. Close enough for prose; no combining marks occur.
fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}
