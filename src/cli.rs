//! Command-line interface: subcommands, flags, output and the exit-status decision.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::corpus::{self, Document};
use crate::span::line_col;
use crate::{Analyzed, analyze};

const EXIT_CODES: &str = "\
Exit status:
  0  clean: the input was read and no finding is at deny level
  1  at least one finding is at deny level
  2  usage error, or an input could not be read or understood (bad encoding, bad front matter)";

/// Reconciles what Chinese local governments said they would do with what they later reported.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load and validate a corpus, print its diagnostics and a summary.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Article files or folders (walked recursively, `.txt` and `.md`).
        #[arg(default_value = "corpus")]
        paths: Vec<PathBuf>,
    },
    /// Show a document as the engine sees it: sections and sentences of normalized text, each
    /// with the line:column where it starts in the original file.
    #[command(after_help = EXIT_CODES)]
    Inspect {
        /// The article file.
        file: PathBuf,
    },
}

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut out = std::io::stdout().lock();
    let status = match cli.command {
        Command::Check { paths } => check(&paths, &mut out),
        Command::Inspect { file } => inspect(&file, &mut out),
    };
    let _ = out.flush();
    ExitCode::from(status)
}

/// Renders a diagnostic the way users see it: colour only on a terminal without `NO_COLOR`.
pub fn render(diagnostic: &dyn Diagnostic) -> String {
    let terminal = std::io::stderr().is_terminal();
    let colour = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let width = if terminal {
        terminal_width().unwrap_or(100)
    } else {
        100
    };
    let mut rendered = String::new();
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    if handler.render_report(&mut rendered, diagnostic).is_err() {
        rendered = format!("{diagnostic}\n");
    }
    rendered
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

/// Loads `paths`, printing every input diagnostic to stderr. Returns the documents and the
/// number of input errors.
fn load(paths: &[PathBuf]) -> (Vec<Document>, usize) {
    let loaded = corpus::load(paths);
    let mut err = std::io::stderr().lock();
    for diagnostic in &loaded.diagnostics {
        let _ = write!(err, "{}", render(diagnostic));
    }
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    (loaded.documents, errors)
}

fn check(paths: &[PathBuf], out: &mut impl Write) -> u8 {
    let (documents, errors) = load(paths);
    let analyzed: Vec<Analyzed> = documents.iter().map(analyze).collect();
    let bytes: usize = documents.iter().map(|d| d.source.len()).sum();
    let sentences: usize = analyzed.iter().map(|a| a.segments.sentences.len()).sum();
    let _ = writeln!(
        out,
        "checked {} document{}, {bytes} bytes, {sentences} sentences{}",
        documents.len(),
        if documents.len() == 1 { "" } else { "s" },
        match errors {
            0 => String::new(),
            1 => "; 1 input error".to_string(),
            n => format!("; {n} input errors"),
        }
    );
    if errors > 0 { 2 } else { 0 }
}

fn inspect(file: &std::path::Path, out: &mut impl Write) -> u8 {
    let (documents, errors) = load(std::slice::from_ref(&file.to_path_buf()));
    for doc in &documents {
        let a = analyze(doc);
        let _ = write!(out, "{}", describe(&a));
    }
    if errors > 0 || documents.is_empty() {
        2
    } else {
        0
    }
}

/// The `inspect` view of one document.
pub fn describe(a: &Analyzed) -> String {
    use std::fmt::Write as _;
    let doc = a.doc;
    let text = a.normalized.text();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  published {}  entity {}",
        doc.display_path(),
        doc.meta.published,
        doc.meta.entity.as_deref().unwrap_or("-")
    );
    for (index, section) in a.segments.sections.iter().enumerate() {
        let heading = match section.headings.first() {
            Some(first) => {
                let at = a.normalized.to_source(first.clone()).start;
                let (line, col) = line_col(&doc.source, at);
                let lines: Vec<&str> = section.headings.iter().map(|h| &text[h.clone()]).collect();
                format!("{line}:{col} {}", lines.join(" / "))
            }
            None => "(before the first heading)".to_string(),
        };
        let _ = writeln!(s, "\n§{} {heading}", index + 1);
        for sentence in &a.segments.sentences[section.sentences.clone()] {
            let at = a.normalized.to_source(sentence.range.clone()).start;
            let (line, col) = line_col(&doc.source, at);
            let _ = writeln!(
                s,
                "  {:>9}  {}",
                format!("{line}:{col}"),
                &text[sentence.range.clone()]
            );
        }
    }
    s
}
