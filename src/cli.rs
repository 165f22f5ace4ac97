//! Command-line interface: subcommands, flags, output and the exit-status decision.
//!
//! `cli/args.rs` declares the flags; [`main`] parses them and dispatches: `check` in
//! `cli/check.rs`, `inspect` and `parse` in `cli/inspect.rs`, the others here, with the
//! diagnostic drawing and the loaders the commands share.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, Parser};
use miette::Diagnostic;

use crate::analyze;
use crate::corpus::{self, Document};
use crate::explain;
use crate::extract;
use crate::report;
use crate::rules::{self, RuleSet};

mod args;
mod check;
mod inspect;
mod progress;

pub use args::Cli;
use args::{ClaimsFormat, Command, RulesCommand};
use inspect::{inspect, parse_file, parse_texts};

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Nothing more can be said if even the usage error cannot be printed.
            err.print().ok();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    crate::scratch::on_interrupt();
    COLOR.set(cli.color).ok();
    WIDTH.set(cli.width.map(usize::from)).ok();
    // Not locked for the run: a lock cannot be handed to the thread that writes the findings
    // documents (`report::findings`), and the writes come in large pieces.
    let mut out = std::io::stdout();
    let status = run(cli.command, &mut out).and_then(|status| out.flush().map(|()| status));
    match status {
        Ok(status) => ExitCode::from(status),
        // The reader went away (`claimcheck check | head`): what it wanted it has.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command, writing its output to `out`.
fn run(command: Command, out: &mut (impl Write + Send)) -> std::io::Result<u8> {
    match command {
        Command::Check(args) => check::check(&args, out),
        Command::Explain { code } => explain(code.as_deref(), out),
        Command::Extract {
            paths,
            format,
            rules,
            quiet,
        } => extract(&paths, format, rules.as_deref(), quiet, out),
        Command::Inspect { file } => inspect(&file, out),
        Command::Parse {
            date,
            format,
            file: Some(file),
            ..
        } => parse_file(&file, date, format, out),
        Command::Parse {
            date,
            format,
            file: None,
            text,
        } => parse_texts(&text, date, format, out),
        Command::Rules {
            command: RulesCommand::Test { rules },
        } => rules_test(rules.as_deref(), out),
        Command::Completions { shell } => {
            // Into memory first: the generator panics on a failed write, `out` may be a pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "claimcheck", &mut script);
            out.write_all(&script)?;
            Ok(0)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(0)
        }
    }
}

/// The `--color` choice, set once at start.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// The `--width` given, set once at start.
static WIDTH: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();

/// Renders a diagnostic the way users see it on stderr: colour as `--color` says (by default
/// only on a terminal without `NO_COLOR`), lines cut to the width of `--width`, `COLUMNS` or
/// the terminal.
pub fn render(diagnostic: &dyn Diagnostic) -> String {
    let stderr = std::io::stderr();
    let drawing = drawing(
        stderr.is_terminal(),
        terminal_size::terminal_size_of(&stderr),
    );
    let mut rendered = String::new();
    drawing.render(diagnostic, &mut rendered);
    rendered
}

/// How to draw for a stream that is a terminal or not, of the size the terminal reports:
/// `--color always` or `never` decides the colour; by default colour only on a terminal and
/// never under `NO_COLOR`. The width is `--width`, else a positive `COLUMNS`, else the
/// terminal's; a pipe or a file without either has none (lines are kept whole).
fn drawing(
    terminal: bool,
    size: Option<(terminal_size::Width, terminal_size::Height)>,
) -> report::Drawing {
    let colour = match COLOR.get().copied().unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let width = WIDTH
        .get()
        .copied()
        .flatten()
        .or(columns)
        .or_else(|| size.map(|(w, _)| usize::from(w.0)).filter(|&w| w > 0));
    report::Drawing { colour, width }
}

/// Loads `paths`, each file at most `max_file_size` bytes, printing every input diagnostic to
/// stderr. Returns the documents and the number of input errors.
fn load(paths: &[PathBuf], max_file_size: u64) -> (Vec<Document>, usize) {
    let loaded = corpus::load_limited(paths, max_file_size);
    for diagnostic in &loaded.diagnostics {
        eprint!("{}", render(diagnostic));
    }
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    (loaded.documents, errors)
}

/// The size limit per input file from `claimcheck.toml`; `None` after printing why the file
/// could not be read.
fn file_limit() -> Option<u64> {
    match crate::config::settings() {
        Ok(settings) => Some(settings.max_file_size),
        Err(diagnostic) => {
            eprint!("{}", render(diagnostic.as_ref()));
            None
        }
    }
}

fn explain(code: Option<&str>, out: &mut impl Write) -> std::io::Result<u8> {
    match code {
        None => {
            for e in explain::EXPLANATIONS {
                writeln!(out, "{:<36} {}", e.code, e.summary)?;
            }
            Ok(0)
        }
        Some(code) => match explain::explain(code) {
            Some(e) => {
                write!(out, "{}", e.text)?;
                Ok(0)
            }
            None => {
                eprintln!("error: unknown code `{code}`; `claimcheck explain` lists the codes");
                Ok(2)
            }
        },
    }
}

/// Loads the rules from `dir`, or the built-in ones, printing their diagnostics to stderr.
fn load_rules(dir: Option<&std::path::Path>) -> Option<RuleSet> {
    let loaded = match dir {
        Some(dir) => rules::load(dir),
        None => rules::builtin(),
    };
    match loaded {
        Ok(rules) => {
            let mut err = std::io::stderr().lock();
            for advice in rules.advice() {
                let _ = write!(err, "{}", render(advice));
            }
            if let Err(message) = rules.install_tables() {
                let _ = writeln!(err, "error: {message}");
                return None;
            }
            Some(rules)
        }
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprint!("{}", render(diagnostic));
            }
            None
        }
    }
}

/// Loads and extracts every document under `paths` in parallel (see [`corpus::stream`]),
/// printing input diagnostics to stderr above the progress bar, and hands each document with
/// its claims to `each` in load order. Returns the number of input errors.
fn extract_corpus(
    paths: &[PathBuf],
    max_file_size: u64,
    rules: &RuleSet,
    quiet: bool,
    mut each: impl FnMut(Document, corpus::BodyDigest, extract::Extraction) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let files = corpus::stream::Files::walk(paths);
    let progress = progress::Progress::new(files.files.len(), quiet);
    let mut errors = 0;
    let streamed = corpus::stream::stream(
        &crate::project::Project::discover(),
        files,
        max_file_size,
        &|| progress.file_done(),
        |doc| extract::extract_counted(&analyze(doc), rules),
        |item| match item {
            corpus::stream::Item::Diagnostic(diagnostic) => {
                errors += usize::from(diagnostic.is_error());
                progress.print(&render(&diagnostic));
                Ok(())
            }
            corpus::stream::Item::Document(doc, digest, claims) => each(doc, digest, claims),
        },
    );
    progress.finish();
    streamed.map(|()| errors)
}

fn extract(
    paths: &[PathBuf],
    format: ClaimsFormat,
    rules_dir: Option<&std::path::Path>,
    quiet: bool,
    out: &mut impl Write,
) -> std::io::Result<u8> {
    let Some(rules) = load_rules(rules_dir) else {
        return Ok(2);
    };
    let Some(limit) = file_limit() else {
        return Ok(2);
    };
    let mut claims = Vec::new();
    let mut unnamed = 0;
    // JSONL is written as each document is done; the other formats need every claim first.
    let errors = extract_corpus(paths, limit, &rules, quiet, |_, _, found| {
        unnamed += found.unnamed;
        if format == ClaimsFormat::Jsonl {
            write!(out, "{}", report::claims::jsonl(&found.claims))
        } else {
            claims.extend(found.claims);
            Ok(())
        }
    })?;
    match format {
        ClaimsFormat::Table => write!(out, "{}", report::claims::table(&claims)),
        // The document, then an empty line, as this format has always printed.
        ClaimsFormat::Json => report::claims::write_json(out, &claims).and_then(|()| writeln!(out)),
        ClaimsFormat::Jsonl => Ok(()),
        ClaimsFormat::Summary => write!(out, "{}", report::claims::summary(&claims, unnamed)),
        ClaimsFormat::Csv => write!(out, "{}", report::spreadsheet::claims(&claims)),
    }?;
    Ok(if errors > 0 { 2 } else { 0 })
}

fn rules_test(rules_dir: Option<&std::path::Path>, out: &mut impl Write) -> std::io::Result<u8> {
    let Some(rules) = load_rules(rules_dir) else {
        return Ok(2);
    };
    let report = rules::examples::run(&rules);
    write!(out, "{}", report.render())?;
    Ok(if report.is_clean() { 0 } else { 1 })
}
