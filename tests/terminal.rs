//! Human output that fits a terminal: at 80, 120 and 200 columns every row of a diagnostic
//! fits (long labels wrapped), lines too wide are shown as a window around the labelled figure, and every underline
//! sits under the characters of its claim — checked mechanically against the claims of the
//! JSON output, and shown in snapshots.

mod common;

use std::collections::HashMap;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// An invented county whose plan and review each hold a paragraph of 1,000 characters on one
/// line.
const WIDE: &str = "tests/fixtures/terminal/wide-line";

const WIDTHS: [usize; 3] = [80, 120, 200];

/// The human report of `path` drawn for a terminal `width` columns wide, every finding shown.
fn human(path: &str, width: usize) -> String {
    let (code, out) =
        common::run_stdout(&["check", path, "--show-all", "--width", &width.to_string()]);
    assert!(
        code == 0 || code == 1,
        "check {path} failed with {code}:\n{out}"
    );
    out
}

/// The text of every claim the findings of `path` cite (targets and evidence), by document,
/// line and column.
fn claim_texts(path: &str) -> HashMap<(String, usize, usize), String> {
    let (_, out) = common::run_stdout(&["check", path, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("check prints JSON");
    let mut texts = HashMap::new();
    for finding in doc["findings"].as_array().expect("findings") {
        let evidence = finding["evidence"].as_array().expect("evidence");
        for claim in std::iter::once(&finding["target"]).chain(evidence) {
            let key = (
                claim["doc"].as_str().expect("doc").to_owned(),
                claim["line"].as_u64().expect("line") as usize,
                claim["column"].as_u64().expect("column") as usize,
            );
            texts.insert(key, claim["text"].as_str().expect("text").to_owned());
        }
    }
    texts
}

/// One single-line label as drawn: the place its snippet's header names, the line number of
/// the source row above the underline, and the characters of that row under the underline.
#[derive(Debug)]
struct Drawn {
    header: (String, usize, usize),
    row_line: usize,
    underlined: String,
}

/// Every single-line label of a report: each underline row (`─┬─`) is read against the source
/// row above it, column by column in display width.
fn drawn_labels(report: &str) -> Vec<Drawn> {
    let mut drawn = Vec::new();
    let mut header = None;
    let mut source_row: Option<(usize, &str)> = None;
    for row in report.lines() {
        if let Some(at) = row.find("╭─[") {
            let place = row[at + "╭─[".len()..].trim_end_matches(']');
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next().and_then(|c| c.parse().ok());
            let line = parts.next().and_then(|l| l.parse().ok());
            header = match (parts.next(), line, column) {
                (Some(file), Some(line), Some(column)) => Some((file.to_owned(), line, column)),
                _ => None,
            };
            continue;
        }
        let trimmed = row.trim_start();
        if let Some((number, _)) = trimmed.split_once(" │ ")
            && let Ok(number) = number.parse::<usize>()
        {
            source_row = Some((number, row));
            continue;
        }
        if trimmed.starts_with('·') && row.contains('┬') {
            let (Some((row_line, source)), Some(header)) = (source_row.take(), header.clone())
            else {
                panic!("an underline without a source row or header: {row}");
            };
            drawn.push(Drawn {
                header,
                row_line,
                underlined: under(source, row),
            });
        }
    }
    drawn
}

/// The characters of `source` in the display columns of the run of `─┬─` in `underline`.
fn under(source: &str, underline: &str) -> String {
    let mut column = 0;
    let mut marked = Vec::new();
    for c in underline.chars() {
        let width = c.width().unwrap_or(0);
        if c == '─' || c == '┬' {
            marked.push(column);
        } else if !marked.is_empty() {
            break;
        }
        column += width;
    }
    let (first, last) = (marked[0], marked[marked.len() - 1]);
    let mut column = 0;
    let mut text = String::new();
    for c in source.chars() {
        let width = c.width().unwrap_or(0);
        if column >= first && column + width <= last + 1 {
            text.push(c);
        }
        column += width;
    }
    text
}

/// The diagnostics of a report, without the summary table and the closing line.
fn diagnostics(report: &str) -> &str {
    report.split("Targets by verdict").next().unwrap_or(report)
}

/// Checks that every label of `path` drawn at `width` underlines its claim's characters and
/// that no row is wider than the terminal; returns how many labels were checked and how many
/// of them sat on a cut line.
fn check_alignment(path: &str, width: usize) -> (usize, usize) {
    let texts = claim_texts(path);
    let report = human(path, width);
    // Source rows, underlines, labels (wrapped when too long) and messages alike.
    for row in diagnostics(&report).lines() {
        assert!(
            row.width() <= width,
            "a row wider than {width} columns:\n{row}"
        );
    }
    let drawn = drawn_labels(&report);
    let mut cut = 0;
    for label in &drawn {
        let text = texts
            .get(&label.header)
            .unwrap_or_else(|| panic!("no claim cited at {:?}", label.header));
        assert_eq!(label.row_line, label.header.1, "{label:?}");
        assert_eq!(&label.underlined, text, "at {width} columns: {label:?}");
        let source_row = report
            .lines()
            .find(|row| row.contains(text.as_str()) && row.contains('…'));
        cut += usize::from(source_row.is_some());
    }
    (drawn.len(), cut)
}

#[test]
fn underlines_sit_under_their_claims_on_a_line_of_a_thousand_characters() {
    for width in WIDTHS {
        let (labels, cut) = check_alignment(WIDE, width);
        // 17 targets and their evidence, all on the two long lines.
        assert!(labels >= 30, "only {labels} labels at {width} columns");
        assert_eq!(
            cut, labels,
            "at {width} columns every label is on a cut line"
        );
    }
}

#[test]
fn underlines_sit_under_their_claims_in_the_bundled_corpus() {
    for width in WIDTHS {
        let (labels, cut) = check_alignment("corpus", width);
        assert!(labels >= 50, "only {labels} labels at {width} columns");
        assert!(cut > 0, "no line of the corpus was cut at {width} columns");
    }
}

#[test]
fn a_window_is_cut_with_ellipses_and_the_header_keeps_the_true_column() {
    let report = human(WIDE, 80);
    let first = report
        .lines()
        .find(|row| row.trim_start().starts_with("8 │ "))
        .expect("the long line is shown");
    assert!(first.contains('…') && first.width() <= 80, "{first}");
    // The GDP goal is hundreds of characters into line 8; the header says where.
    assert!(
        report.contains(
            "[tests/fixtures/terminal/wide-line/2022-01-18-lanchuanxian-jihua.txt:8:332]"
        ),
        "{report}"
    );
}

/// The widest row of a report's diagnostics.
fn widest(report: &str) -> usize {
    diagnostics(report)
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn without_a_width_a_pipe_keeps_lines_whole_up_to_a_thousand_columns() {
    let (_, report) = common::run_stdout(&["check", "corpus", "--show-all"]);
    assert!(
        (400..=1010).contains(&widest(&report)),
        "{}",
        widest(&report)
    );
    // The fixture's lines are 2,000 columns wide: cut to windows of 160 even so.
    let (_, report) = common::run_stdout(&["check", WIDE, "--show-all"]);
    assert!(
        (150..=200).contains(&widest(&report)),
        "{}",
        widest(&report)
    );
}

#[test]
fn columns_gives_the_width_and_the_option_wins() {
    let run = |columns: &str, args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", WIDE])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", columns)
            .output()
            .expect("the claimcheck binary runs");
        widest(&String::from_utf8_lossy(&output.stdout))
    };
    assert!((80..=90).contains(&run("90", &[])));
    assert!((110..=120).contains(&run("90", &["--width", "120"])));
    // A COLUMNS that is not a number is ignored, as if unset: windows of 160 columns.
    assert!(run("wide", &[]) > 150);
}

#[test]
fn snapshots_at_80_and_120_columns() {
    common::snapshots().bind(|| {
        for width in [80, 120] {
            insta::assert_snapshot!(format!("terminal_wide_line_{width}"), human(WIDE, width));
            insta::assert_snapshot!(format!("terminal_corpus_{width}"), human("corpus", width));
        }
    });
}

/// On a terminal without `--width` or `COLUMNS`, the terminal's own width is used: the run
/// goes through util-linux `script`, which gives it a pseudo-terminal 90 columns wide.
#[cfg(target_os = "linux")]
#[test]
fn on_a_terminal_the_width_is_the_terminals() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux `script` is not installed, so no pseudo-terminal");
        return;
    }
    let command = format!(
        "stty cols 90 rows 40; '{}' check --quiet {WIDE}",
        env!("CARGO_BIN_EXE_claimcheck")
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("script runs");
    let out = String::from_utf8_lossy(&output.stdout).replace('\r', "");
    assert!(out.contains("target::missed"), "{out}");
    assert!((80..=90).contains(&widest(&out)), "{}\n{out}", widest(&out));
    assert!(diagnostics(&out).contains('…'), "{out}");
}
