//! The page registry: every code with its one-line summary and its page, the Markdown file
//! beside this one compiled in.

use super::Explanation;

/// An [`Explanation`] whose text is `src/explain/<file>.md`.
///
/// `include_str!` needs a literal path, so the file stem is spelled out next to the code; a
/// test checks that it is the code with `::` replaced by `-`.
macro_rules! explanation {
    ($code:literal, $file:literal, $summary:literal $(,)?) => {
        Explanation {
            code: $code,
            summary: $summary,
            text: include_str!(concat!($file, ".md")),
        }
    };
}

/// Every code claimcheck can print: findings in the order of [`crate::finding::Code::ALL`],
/// then input problems in the order of [`crate::corpus::Code::ALL`],
/// [`crate::rules::Code::ALL`] and [`crate::config::Code`], then the codes of
/// [`crate::dataset::Code`] and [`crate::baseline::Code`] in declaration order.
pub const EXPLANATIONS: &[Explanation] = &[
    // ── Findings: targets ──
    explanation!(
        "target::met",
        "target-met",
        "an outcome for the target's period satisfies the target",
    ),
    explanation!(
        "target::missed",
        "target-missed",
        "the outcome for the target's period fails it beyond rounding",
    ),
    explanation!(
        "target::borderline",
        "target-borderline",
        "met or missed only within the rounding of the printed values",
    ),
    explanation!(
        "target::pending",
        "target-pending",
        "the deadline has not passed yet; the latest known value is shown",
    ),
    explanation!(
        "target::on-track",
        "target-on-track",
        "partial-period progress at or ahead of the elapsed share",
    ),
    explanation!(
        "target::behind",
        "target-behind",
        "partial-period progress below the elapsed share",
    ),
    explanation!(
        "target::unverified",
        "target-unverified",
        "the deadline has passed and the corpus never reports on the target",
    ),
    explanation!(
        "target::restated",
        "target-restated",
        "the same target stated again with another value or a later deadline",
    ),
    // ── Findings: reports and arithmetic ──
    explanation!(
        "report::conflict",
        "report-conflict",
        "two reports give incompatible values for the same figure",
    ),
    explanation!(
        "report::revised",
        "report-revised",
        "a final figure departs from the estimate published earlier",
    ),
    explanation!(
        "arith::share",
        "arith-share",
        "a stated share does not match the amounts it is a share of",
    ),
    explanation!(
        "arith::sum",
        "arith-sum",
        "the parts do not add up to the stated total",
    ),
    explanation!(
        "arith::growth",
        "arith-growth",
        "a level, last year's level and the stated growth rate disagree",
    ),
    // ── Input problems: corpus files ──
    explanation!(
        "corpus::not-found",
        "corpus-not-found",
        "a path given on the command line does not exist",
    ),
    explanation!(
        "corpus::unreadable",
        "corpus-unreadable",
        "a file or directory exists but cannot be read",
    ),
    explanation!(
        "corpus::not-a-file",
        "corpus-not-a-file",
        "the path is a FIFO, socket or device, or a symbolic link loop",
    ),
    explanation!(
        "corpus::too-large",
        "corpus-too-large",
        "the file is over the size limit per input file",
    ),
    explanation!(
        "corpus::binary",
        "corpus-binary",
        "the file holds NUL bytes, so it is not a text article",
    ),
    explanation!(
        "corpus::undecodable",
        "corpus-undecodable",
        "the bytes are neither UTF-8 nor GB18030",
    ),
    explanation!(
        "corpus::encoding",
        "corpus-encoding",
        "advice: the file was decoded as GB18030, not UTF-8",
    ),
    explanation!(
        "corpus::empty",
        "corpus-empty",
        "the file is empty, or a folder holds no article files",
    ),
    explanation!(
        "corpus::front-matter-missing",
        "corpus-front-matter-missing",
        "the file does not start with a `+++` line",
    ),
    explanation!(
        "corpus::front-matter-unterminated",
        "corpus-front-matter-unterminated",
        "no closing `+++` line follows the opening one",
    ),
    explanation!(
        "corpus::front-matter-syntax",
        "corpus-front-matter-syntax",
        "the front matter is not valid TOML",
    ),
    explanation!(
        "corpus::missing-published",
        "corpus-missing-published",
        "the front matter has no `published` date",
    ),
    explanation!(
        "corpus::front-matter-type",
        "corpus-front-matter-type",
        "a front-matter value has the wrong type",
    ),
    explanation!(
        "corpus::unknown-key",
        "corpus-unknown-key",
        "the front matter has a key the format does not define",
    ),
    explanation!(
        "corpus::duplicate",
        "corpus-duplicate",
        "advice: the same article as an earlier file, counted once",
    ),
    // ── Input problems: rule files ──
    explanation!(
        "rules::io",
        "rules-io",
        "a rule file or directory is missing or cannot be read",
    ),
    explanation!(
        "rules::syntax",
        "rules-syntax",
        "a rule file is not valid TOML",
    ),
    explanation!(
        "rules::unknown-key",
        "rules-unknown-key",
        "a rule file has a key the schema does not define",
    ),
    explanation!(
        "rules::type",
        "rules-type",
        "a rule value has the wrong type or is not an allowed word",
    ),
    explanation!(
        "rules::missing-field",
        "rules-missing-field",
        "a required key is absent from a rule table",
    ),
    explanation!(
        "rules::regex",
        "rules-regex",
        "a metric pattern is not a valid regex",
    ),
    explanation!(
        "rules::duplicate-id",
        "rules-duplicate-id",
        "a metric id or an entity name is declared twice",
    ),
    explanation!(
        "rules::family",
        "rules-family",
        "a metric id does not start with its file's stem",
    ),
    explanation!(
        "rules::unknown-dimension",
        "rules-unknown-dimension",
        "a metric's dimension is not a quantity dimension",
    ),
    explanation!(
        "rules::examples",
        "rules-examples",
        "a metric lacks an example or a counterexample",
    ),
    explanation!(
        "rules::alias",
        "rules-alias",
        "an alias, cue word, anaphor or pattern list entry is empty",
    ),
    explanation!(
        "rules::unknown-entity",
        "rules-unknown-entity",
        "an entity parent or an example entity is not declared",
    ),
    explanation!(
        "rules::unknown-metric",
        "rules-unknown-metric",
        "a metric's `tracks` names no declared metric",
    ),
    explanation!(
        "rules::build",
        "rules-build",
        "the compiled rules exceed the regex or automaton size limits",
    ),
    explanation!(
        "rules::note",
        "rules-note",
        "advice: extra context attached to another rules diagnostic",
    ),
    explanation!(
        "rules::builtin-table",
        "rules-builtin-table",
        "advice: a rules folder lacks a table; the built-in one is used",
    ),
    // ── Input problems: the settings file ──
    explanation!(
        "config::io",
        "config-io",
        "`claimcheck.toml` exists but cannot be read as UTF-8",
    ),
    explanation!(
        "config::syntax",
        "config-syntax",
        "`claimcheck.toml` is not valid TOML or not the settings format",
    ),
    explanation!(
        "config::unknown-code",
        "config-unknown-code",
        "a `[levels]` key in `claimcheck.toml` is not a finding code",
    ),
    // ── The curated dataset (`check --expect`) ──
    explanation!(
        "dataset::io",
        "dataset-io",
        "the `--expect` file cannot be read as UTF-8",
    ),
    explanation!(
        "dataset::syntax",
        "dataset-syntax",
        "the `--expect` file is not valid TOML or not the dataset format",
    ),
    explanation!(
        "dataset::anchor",
        "dataset-anchor",
        "a dataset entry's document is not checked or its quote is gone",
    ),
    explanation!(
        "dataset::changed",
        "dataset-changed",
        "a target the dataset lists now gets another verdict",
    ),
    explanation!(
        "dataset::missing",
        "dataset-missing",
        "a target the dataset lists is no longer found",
    ),
    explanation!(
        "dataset::new",
        "dataset-new",
        "a target the dataset does not list",
    ),
    // ── Accepted findings (`check --baseline`) ──
    explanation!(
        "baseline::io",
        "baseline-io",
        "the `--baseline` file cannot be read as UTF-8",
    ),
    explanation!(
        "baseline::syntax",
        "baseline-syntax",
        "the `--baseline` file is not valid TOML or not the baseline format",
    ),
    explanation!(
        "baseline::stale",
        "baseline-stale",
        "a baseline entry matches no finding any more",
    ),
    // ── Claims read back from shards (`check --claims`) ──
    explanation!(
        "claims::io",
        "claims-io",
        "a `--claims` file cannot be read as UTF-8",
    ),
    explanation!(
        "claims::syntax",
        "claims-syntax",
        "a line of a `--claims` file is not a claim",
    ),
];
