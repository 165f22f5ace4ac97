//! The command line's grammar: every subcommand and flag (clap derive), their help texts and
//! the exit-status notes printed below them.

use std::path::PathBuf;

use clap::{ColorChoice, Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit status:
  0  clean: the input was read, no finding is at deny level, no difference from --expect
  1  at least one finding is at deny level, or a verdict differs from the --expect dataset
  2  usage error, or an input could not be read or understood (bad encoding, bad front
     matter, bad rules, claimcheck.toml, dataset or baseline), or the output could not be
     written (a closed pipe ends quietly with 0)
130  interrupted (SIGINT, SIGTERM or SIGHUP); the run's temporary files are removed";

const TOP_EXIT_CODES: &str = "\
Exit status: 0 success, 2 usage error or unreadable input, 130 interrupted; `check` also
exits 1 when a finding is at deny level. Each command's --help gives its own.";

const EXTRACT_EXIT_CODES: &str = "\
Exit status:
  0  every input was read
  2  usage error, or an input or the rules could not be read or understood, or the output
     could not be written
130  interrupted (SIGINT, SIGTERM or SIGHUP)";

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
    pub(super) color: ColorChoice,
    /// Draw human output N columns wide, source lines cut to a window around their figures
    /// [default: COLUMNS, else the terminal's width; none for a pipe]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub(super) width: Option<u16>,
    #[command(subcommand)]
    pub(super) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(super) enum Command {
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
pub(super) struct CheckArgs {
    /// Article files or folders (walked recursively, `.txt` and `.md`) [default: corpus, unless
    /// --claims is given]
    pub(super) paths: Vec<PathBuf>,
    /// Reconcile claims extracted earlier (`extract --format jsonl` shards, repeatable) with
    /// those of the PATHs.
    #[arg(long, value_name = "FILE")]
    pub(super) claims: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(super) format: CheckFormat,
    /// Judge as of this date: a knowledge cut-off — articles published after it are neither
    /// targets nor evidence [default: the latest `published` date in the corpus]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) as_of: Option<chrono::NaiveDate>,
    /// The date the reviews are published: ClaimReview's `datePublished` [default: the as-of
    /// date]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) review_date: Option<chrono::NaiveDate>,
    /// Also show findings at allow level (met, pending, on-track by default).
    #[arg(long)]
    pub(super) show_all: bool,
    /// Report CODE as an error that fails the run (repeatable).
    #[arg(long, value_name = "CODE")]
    pub(super) deny: Vec<String>,
    /// Report CODE as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    pub(super) warn: Vec<String>,
    /// Do not report CODE unless --show-all (repeatable).
    #[arg(long, value_name = "CODE")]
    pub(super) allow: Vec<String>,
    /// Read the rules from this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub(super) rules: Option<PathBuf>,
    /// Compare the targets' verdicts with a curated dataset (TOML); any difference fails the
    /// run. Its `as_of` is used unless --as-of is given.
    #[arg(long, value_name = "FILE")]
    pub(super) expect: Option<PathBuf>,
    /// Write the current verdicts as a dataset file.
    #[arg(long, value_name = "FILE")]
    pub(super) write_expected: Option<PathBuf>,
    /// Do not report the accepted findings listed in FILE (TOML); report stale entries.
    #[arg(long, value_name = "FILE")]
    pub(super) baseline: Option<PathBuf>,
    /// Write every finding at warn or deny level as a baseline file.
    #[arg(long, value_name = "FILE")]
    pub(super) write_baseline: Option<PathBuf>,
    /// Draw no progress bar (it is drawn only when stderr is a terminal).
    #[arg(long, short)]
    pub(super) quiet: bool,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum CheckFormat {
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
pub(super) enum RulesCommand {
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
pub(super) enum ParseFormat {
    /// A listing for people.
    Human,
    /// One JSON object per input, one per line.
    Json,
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ClaimsFormat {
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
