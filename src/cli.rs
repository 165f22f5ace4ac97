//! Command-line interface: subcommands, flags, output and the exit-status decision.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, Parser, Subcommand};
use miette::Diagnostic;

use crate::analyze;
use crate::corpus::{self, Document};
use crate::explain;
use crate::extract;
use crate::normalize::Normalized;
use crate::report;
use crate::rules::{self, RuleSet};
use crate::scan::{self, Scan};
use crate::time::Reference;

mod check;
mod progress;

const EXIT_CODES: &str = "\
Exit status:
  0  clean: the input was read, no finding is at deny level, no difference from --expect
  1  at least one finding is at deny level, or a verdict differs from the --expect dataset
  2  usage error, or an input could not be read or understood (bad encoding, bad front
     matter, bad rules, claimcheck.toml, dataset or baseline), or the output could not be
     written (a closed pipe ends quietly with 0)";

const TOP_EXIT_CODES: &str = "\
Exit status: 0 success, 2 usage error or unreadable input; `check` also exits 1 when a
finding is at deny level. Each command's --help gives its own.";

const EXTRACT_EXIT_CODES: &str = "\
Exit status:
  0  every input was read
  2  usage error, or an input or the rules could not be read or understood, or the output
     could not be written";

const EXPLAIN_EXIT_CODES: &str = "\
Exit status:
  0  the code was explained, or the codes were listed
  2  usage error or an unknown code";

const FILE_EXIT_CODES: &str = "\
Exit status:
  0  the input was read
  2  usage error, or the file could not be read or understood";

const GENERATED_EXIT_CODES: &str = "\
Exit status:
  0  written to stdout
  2  usage error, or the output could not be written";

const RULES_TEST_EXIT_CODES: &str = "\
Exit status:
  0  every example gives its claim and no counterexample gives its metric
  1  at least one example or counterexample failed
  2  usage error, or the rules could not be loaded";

/// Reconciles what Chinese local governments said they would do with what they later reported.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_help = TOP_EXIT_CODES)]
pub struct Cli {
    /// When to colour the output: `auto` on a terminal unless NO_COLOR is set; `always` and
    /// `never` override both.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Draw human output N columns wide, source lines cut to a window around their figures
    /// [default: COLUMNS, else the terminal's width; none for a pipe]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    width: Option<u16>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Audit a corpus: what became of every target, which reports conflict, which arithmetic
    /// fails — as diagnostics pointing into the articles, then a table of verdicts.
    #[command(after_help = EXIT_CODES)]
    Check(Box<CheckArgs>),
    /// Explain a diagnostic code: what it means, why it matters, an example, how to resolve it.
    #[command(after_help = EXPLAIN_EXIT_CODES)]
    Explain {
        /// The code (`target::missed`); without it, every code is listed.
        code: Option<String>,
    },
    /// Extract every target, outcome and progress figure of the articles as claims.
    #[command(after_help = EXTRACT_EXIT_CODES)]
    Extract {
        /// Article files or folders (walked recursively, `.txt` and `.md`).
        #[arg(default_value = "corpus")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
        /// Read the rules from this folder instead of the built-in ones (same layout as the
        /// repository's `rules/`).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Draw no progress bar (it is drawn only when stderr is a terminal).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Show a document as the engine sees it: sections and sentences of normalized text, each
    /// with the line:column where it starts in the original file.
    #[command(after_help = FILE_EXIT_CODES)]
    Inspect {
        /// The article file.
        file: PathBuf,
    },
    /// Show every quantity and time expression in a text, and how each was read: value,
    /// interval, unit, qualifier, resolved period. For rule authors and fact-checkers.
    #[command(after_help = FILE_EXIT_CODES)]
    Parse {
        /// Reference date for relative expressions (今年, 去年, 9月28日) [default: a file's
        /// `published` date, else today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Human)]
        format: ParseFormat,
        /// Parse a whole article (with front matter) instead of TEXT.
        #[arg(long, value_name = "FILE", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// Texts to parse, each on its own (JSON: one line per text).
        #[arg(required_unless_present = "file")]
        text: Vec<String>,
    },
    /// Work with rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Print a shell completion script: `claimcheck completions bash >
    /// /etc/bash_completion.d/claimcheck`.
    #[command(after_help = GENERATED_EXIT_CODES)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `claimcheck man > claimcheck.1 && man ./claimcheck.1`.
    #[command(after_help = GENERATED_EXIT_CODES)]
    Man,
}

/// Options of `check`.
#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Article files or folders (walked recursively, `.txt` and `.md`) [default: corpus, unless
    /// --claims is given]
    paths: Vec<PathBuf>,
    /// Reconcile claims extracted earlier (`extract --format jsonl` shards, repeatable) with
    /// those of the PATHs.
    #[arg(long, value_name = "FILE")]
    claims: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Judge as of this date: a knowledge cut-off — articles published after it are neither
    /// targets nor evidence [default: the latest `published` date in the corpus]
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<chrono::NaiveDate>,
    /// The date the reviews are published: ClaimReview's `datePublished` [default: the as-of
    /// date]
    #[arg(long, value_name = "YYYY-MM-DD")]
    review_date: Option<chrono::NaiveDate>,
    /// Also show findings at allow level (met, pending, on-track by default).
    #[arg(long)]
    show_all: bool,
    /// Report CODE as an error that fails the run (repeatable).
    #[arg(long, value_name = "CODE")]
    deny: Vec<String>,
    /// Report CODE as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    warn: Vec<String>,
    /// Do not report CODE unless --show-all (repeatable).
    #[arg(long, value_name = "CODE")]
    allow: Vec<String>,
    /// Read the rules from this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Compare the targets' verdicts with a curated dataset (TOML); any difference fails the
    /// run. Its `as_of` is used unless --as-of is given.
    #[arg(long, value_name = "FILE")]
    expect: Option<PathBuf>,
    /// Write the current verdicts as a dataset file.
    #[arg(long, value_name = "FILE")]
    write_expected: Option<PathBuf>,
    /// Do not report the accepted findings listed in FILE (TOML); report stale entries.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding at warn or deny level as a baseline file.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Draw no progress bar (it is drawn only when stderr is a terminal).
    #[arg(long, short)]
    quiet: bool,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    /// Diagnostics in the articles, then a table of verdicts per entity.
    Human,
    /// `{"schema": "claimcheck.findings/1", "as_of": …, "findings": [...]}`.
    Json,
    /// One finding object per line, each with `schema` and `as_of`, then one line per dataset
    /// or baseline difference.
    Jsonl,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), one per finding shown
    /// and one per dataset or baseline difference.
    Github,
    /// Every target in a Markdown table: target, deadline, verdict, latest evidence with the
    /// period it measures and its publication date, margin.
    Ledger,
    /// One row per target for spreadsheets: UTF-8 with BOM, numbers and units in columns of
    /// their own, evidence period columns, no cell read as a formula.
    Csv,
    /// schema.org ClaimReview JSON-LD, one per target, in Chinese; `[report]` in
    /// claimcheck.toml gives its url and author.
    Claimreview,
    /// SARIF 2.1.0 for code scanning: one rule per code, evidence as related locations.
    Sarif,
    /// One self-contained HTML page: per target the promise, its verdict, the evidence on a
    /// timeline and the metric's values against the goal.
    Html,
}

/// Subcommands of `rules`.
#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Run every metric's examples and counterexamples through the extractor and report the
    /// ones it gets wrong, with the claims it gave instead.
    #[command(after_help = RULES_TEST_EXIT_CODES)]
    Test {
        /// Test the rules in this folder instead of the built-in ones (same layout as the
        /// repository's `rules/`).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

/// Output formats of `parse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ParseFormat {
    /// A listing for people.
    Human,
    /// One JSON object per input, one per line.
    Json,
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ClaimsFormat {
    /// One line per claim, for people.
    Table,
    /// `{"schema": "claimcheck.claims/1", "claims": [...]}`.
    Json,
    /// One claim object per line.
    Jsonl,
    /// Claims per metric family and kind.
    Summary,
    /// One row per claim for spreadsheets: UTF-8 with BOM, numbers and units in columns of
    /// their own, no cell read as a formula.
    Csv,
}

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
    COLOR.set(cli.color).ok();
    WIDTH.set(cli.width.map(usize::from)).ok();
    let mut out = std::io::stdout().lock();
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
fn run(command: Command, out: &mut impl Write) -> std::io::Result<u8> {
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

fn inspect(file: &std::path::Path, out: &mut impl Write) -> std::io::Result<u8> {
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

fn parse_texts(
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

fn parse_file(
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
