//! Rules: the metrics, entities and cues extraction looks for, loaded from TOML data files.
//!
//! The schema is the contract in `rules/README.md`; briefly, a rules directory holds:
//!
//! | file | declares |
//! | --- | --- |
//! | `entities.toml` | `[[entity]]` name, aliases, parent, level; `[anaphora]` self / parent / province words |
//! | `cues.toml` | `[[cue]]` kind (target, outcome, progress), words, scope (clause, sentence, enumeration) |
//! | `metrics/<family>.toml` | `[[metric]]` id `<family>.<name>`, name, aliases, patterns, dimension, measure, direction, description, with `[[metric.example]]` and `[[metric.counterexample]]` |
//!
//! `units.toml`, `periods.toml` and `words.toml` live in the same directory but belong to
//! [`crate::quantity`], [`crate::time`] and the extraction stages; [`load`] checks them with the
//! same labelled diagnostics, and [`RuleSet::install_tables`] hands them to their readers. A
//! directory without them uses the built-in tables and says so (`rules::builtin-table`, advice).
//!
//! Loading is all-or-nothing: [`load`] and [`builtin`] return either a complete [`RuleSet`]
//! or every problem found, each a [`RuleDiagnostic`] labelled inside its rule file. A half
//! loaded rule set would silently miss claims, which is worse than refusing to run.
//!
//! | code | meaning | label on |
//! | --- | --- | --- |
//! | `rules::io` | a rule file or directory is missing, unreadable or not UTF-8 | — |
//! | `rules::syntax` | the file is not valid TOML | where toml stopped |
//! | `rules::unknown-key` | a key the schema does not define (with a suggestion) | the key |
//! | `rules::type` | wrong type, a word not in the allowed set, or a bad decimal | the value |
//! | `rules::missing-field` | a required key is absent | the table header |
//! | `rules::regex` | a pattern is not a valid regex | the pattern string |
//! | `rules::duplicate-id` | a metric id or entity name is declared twice | both declarations |
//! | `rules::family` | a metric id does not start with `<file stem>.` | the id |
//! | `rules::unknown-dimension` | the dimension is not a [`Dimension`] | the value |
//! | `rules::examples` | a metric lacks an example or a counterexample | the id |
//! | `rules::alias` | an empty alias, cue word, anaphor or pattern list entry | the string |
//! | `rules::unknown-entity` | a parent or an example entity that no `[[entity]]` names | the name |
//! | `rules::build` | the compiled matcher exceeds the regex or automaton size limits | — |
//! | `rules::note` | advice attached to another diagnostic (e.g. "first declared here") | the place |
//! | `rules::builtin-table` | advice: no `units.toml`, `periods.toml` or `words.toml` in the directory; the built-in table is used | — |
//!
//! The compiled [`RuleSet`] holds one Aho–Corasick automaton over every literal word (metric
//! aliases, cue words, entity aliases, anaphors) and one [`regex::RegexSet`] over the metric
//! patterns, both built once, so a document is scanned in one pass each ([`RuleSet::scan`],
//! [`RuleSet::scan_patterns`]).

mod diagnostic;
pub mod examples;
mod load;
mod matcher;

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use diagnostic::{Code, RuleDiagnostic};
pub use matcher::{PatternMatch, Term, TermMatch};

use crate::claim::ClaimKind;
use crate::quantity::Dimension;
use crate::span::Span;

/// What a metric's number is about, so one alias can serve several metrics: the claim's own
/// [`Measure`] (`level`, `amount`, `count`, `growth`, `share`, `rate`, `rank`, `progress`; `event`
/// is for milestones and no rule declares it).
pub use crate::claim::Measure;

/// Which way a metric is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (output, income).
    Higher,
    /// Less is better (energy use per unit, pollution).
    Lower,
}

/// How far a cue's meaning reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueScope {
    /// Only the clause (between commas) that holds the cue.
    Clause,
    /// The whole sentence that holds the cue.
    Sentence,
    /// The enumeration that follows the cue (`主要目标是:…;…;…`).
    Enumeration,
}

/// The administrative level of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityLevel {
    /// A city district (中站区).
    District,
    /// A development zone (高新区).
    Zone,
    /// A prefecture-level city (焦作市).
    City,
    /// A province (河南省).
    Province,
    /// An industrial cluster inside a district (西部产业集聚区).
    Cluster,
}

/// Which entity an anaphor stands for, relative to the document's entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnaphorKind {
    /// The document's entity itself (`该区`, `全区`, `我区`, `本区`).
    #[serde(rename = "self")]
    Own,
    /// The document entity's parent (`全市`, `我市`).
    Parent,
    /// The province above the document's entity (`全省`).
    Province,
    /// A zone's head noun (`集聚区`): the one zone of the document's entity so named.
    Head,
}

/// One indicator, as declared in `metrics/<family>.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// `<family>.<name>`, unique across all files.
    pub id: String,
    /// Canonical Chinese name, shown in reports.
    pub name: String,
    /// Literal words that name the metric in normalized text.
    pub aliases: Vec<String>,
    /// Regexes that name the metric; a named group `value` pins the number.
    pub patterns: Vec<String>,
    /// The quantity dimension its values take.
    pub dimension: Dimension,
    /// What the number is about.
    pub measure: Measure,
    /// Which way is better.
    pub direction: Direction,
    /// What the metric means, in plain words.
    pub description: String,
    /// For a share of a plan done so far (`占年度投资计划的70.1%`): the id of the plan's
    /// metric, whose targets this progress is measured against.
    pub tracks: Option<String>,
    /// A flow counted per period (`新增国家高新技术企业2家`): a target over several years is
    /// reached by the sum of the outcomes of the years inside its period.
    pub accumulates: bool,
    /// The progress of one named works (`污水管网已敷设…,占总任务量的87%`): the works that
    /// open the figure's list item are the claim's entity, so two works never reconcile.
    pub of_works: bool,
    /// Sentences and the claims they must give.
    pub examples: Vec<Example>,
    /// Sentences that must not give this metric.
    pub counterexamples: Vec<Counterexample>,
    /// The rule file that declared it, `/`-separated.
    pub file: String,
}

/// A sentence and the claim a metric must extract from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The publication date the sentence is read against.
    pub published: NaiveDate,
    /// Target, outcome or progress.
    pub kind: ClaimKind,
    /// The expected number.
    pub value: Decimal,
    /// The expected unit as written (`%`, `亿元`).
    pub unit: String,
    /// The expected deadline (targets).
    pub deadline: Option<NaiveDate>,
    /// The expected period start (outcomes, progress).
    pub period_start: Option<NaiveDate>,
    /// The expected period end (outcomes, progress).
    pub period_end: Option<NaiveDate>,
    /// The expected entity, when it is not the document's.
    pub entity: Option<String>,
}

/// A sentence that must not give a metric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterexample {
    /// The sentence.
    pub text: String,
    /// The publication date the sentence is read against.
    pub published: NaiveDate,
}

/// A government or area that claims are about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name (`中站区`).
    pub name: String,
    /// Words that name it in text.
    pub aliases: Vec<String>,
    /// The entity above it, by name.
    pub parent: Option<String>,
    /// Its administrative level.
    pub level: EntityLevel,
}

/// Words that stand for an entity relative to the document's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anaphora {
    /// Words for the document's entity (`该区`, `全区`, `我区`, `本区`).
    pub own: Vec<String>,
    /// Words for its parent (`全市`, `我市`).
    pub parent: Vec<String>,
    /// Words for its province (`全省`).
    pub province: Vec<String>,
    /// Head nouns that stand for a named zone inside the document's entity once the article
    /// has introduced it (`集聚区`, `该集聚区` for `西部产业集聚区` in its district's article).
    pub head: Vec<String>,
}

/// Words that make a clause a target, an outcome or progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// What the cue signals.
    pub kind: ClaimKind,
    /// The literal words.
    pub words: Vec<String>,
    /// How far the cue reaches.
    pub scope: CueScope,
    /// A weak cue decides only a clause that nothing else decides: `完成` reports in a review
    /// but is also the verb of a plan (`力争五年内,城区绿地率达38.6%`).
    pub weak: bool,
    /// An outcome cue that marks its figures as estimates (`预计`, `初步核算`): they count until a
    /// final figure is known and are never targets.
    pub estimate: bool,
    /// Why the cue has this scope, for rule authors.
    pub description: Option<String>,
}

/// What part of a government text a section cue opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// A review of the year(s) before publication (`过去一年`, `去年工作回顾`, a 统计公报).
    Review,
    /// This year's goals (`今年…主要预期目标`, `任务清单`).
    Targets,
    /// A multi-year plan's goals (`“十四五”时期主要目标`, `规划目标`).
    Plan,
}

/// Where a section cue is looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionPlace {
    /// In a heading, or at the start of a sentence (after a speaker's `会议提出，`).
    Lead,
    /// Anywhere in a heading or a sentence (`今年发展主要预期目标是：`).
    Anywhere,
    /// In the article's title (front matter): the whole document (`2023年…统计公报`).
    Title,
}

/// Words that open a part of a government text with a genre role: what follows reviews the
/// year before, or states this year's or a plan's goals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionCue {
    /// The role of what follows.
    pub role: SectionRole,
    /// The literal words.
    pub words: Vec<String>,
    /// Where the words are looked for.
    pub place: SectionPlace,
    /// For a review: how many years before publication it covers (`过去五年`: 5).
    pub years: u32,
}

/// A loaded, validated and compiled rule set.
#[derive(Clone, Debug)]
pub struct RuleSet {
    metrics: Vec<Metric>,
    entities: Vec<Entity>,
    anaphora: Anaphora,
    cues: Vec<Cue>,
    milestones: Vec<String>,
    sections: Vec<SectionCue>,
    campaigns: Campaigns,
    lexicon: matcher::Lexicon,
    patterns: matcher::Patterns,
    tables: Tables,
    advice: Vec<RuleDiagnostic>,
}

/// The words of `[[campaign]]` in `cues.toml`: names of time-boxed drives (`百日攻坚`) and of
/// the events that close them (`总结大会`).
#[derive(Clone, Debug, Default)]
pub struct Campaigns {
    /// Names of drives, as written inside a campaign's name.
    pub names: Vec<String>,
    /// Words of a closing event.
    pub closings: Vec<String>,
}

/// The unit, period and word tables of a rules directory, when it has them.
#[derive(Clone, Debug, Default)]
struct Tables {
    units: Option<crate::quantity::units::Table>,
    periods: Option<crate::time::named::Table>,
    words: Option<crate::extract::words::Table>,
}

impl RuleSet {
    /// Advice that came with the rules: a table the directory lacks, for which the built-in
    /// one is used (`rules::builtin-table`).
    pub fn advice(&self) -> &[RuleDiagnostic] {
        &self.advice
    }

    /// Makes this rule set's unit, period and word tables (from `units.toml`, `periods.toml`
    /// and `words.toml` of its directory) the ones the quantity and time parsers and the
    /// extraction stages use. The tables are process-wide
    /// and fixed at their first use, so call this once, before anything is parsed; it fails
    /// when a table is already in use. Rules without tables of their own change nothing.
    pub fn install_tables(&self) -> Result<(), String> {
        if let Some(units) = &self.tables.units
            && !crate::quantity::units::install(units.clone())
        {
            return Err("the unit table is already in use; install tables before parsing".into());
        }
        if let Some(periods) = &self.tables.periods
            && !crate::time::named::install(periods.clone())
        {
            return Err("the period table is already in use; install tables before parsing".into());
        }
        if let Some(words) = &self.tables.words
            && !crate::extract::words::install(words.clone())
        {
            return Err(
                "the word table is already in use; install tables before extracting".into(),
            );
        }
        Ok(())
    }

    /// Every metric, in file order (files sorted by name).
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Every entity, in file order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The anaphor words.
    pub fn anaphora(&self) -> &Anaphora {
        &self.anaphora
    }

    /// Every cue, in file order.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// The verbs of events a plan dates (`开工`, `建成投用`): `10月份开工` is a target
    /// without a number.
    pub fn milestones(&self) -> &[String] {
        &self.milestones
    }

    /// The campaign words (`百日攻坚`, `总结大会`).
    pub fn campaigns(&self) -> &Campaigns {
        &self.campaigns
    }

    /// The section cues of the genre (`过去一年`, `主要预期目标`), in file order.
    pub fn sections(&self) -> &[SectionCue] {
        &self.sections
    }

    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// The index of the entity named (or aliased) `word`, canonical names first.
    pub fn entity_index(&self, word: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.name == word)
            .or_else(|| {
                self.entities
                    .iter()
                    .position(|e| e.aliases.iter().any(|a| a == word))
            })
    }

    /// The index of the parent of entity `index`, if it has one.
    pub fn parent_of(&self, index: usize) -> Option<usize> {
        let parent = self.entities.get(index)?.parent.as_deref()?;
        self.entities.iter().position(|e| e.name == parent)
    }

    /// Every metric alias, cue word, entity alias and anaphor in `text`, in one pass,
    /// leftmost-longest and non-overlapping (`地区生产总值` wins over `生产总值`). Spans are
    /// byte ranges into `text`.
    pub fn scan<'r>(&'r self, text: &str) -> Vec<TermMatch<'r>> {
        self.lexicon.scan(text)
    }

    /// Every match of a metric pattern in `text`: one pass of the pattern set finds which
    /// patterns match, and only those are run for positions.
    pub fn scan_patterns(&self, text: &str) -> Vec<PatternMatch> {
        self.patterns.scan(text)
    }
}

/// The metric families shipped in `rules/metrics/`, embedded at compile time.
const BUILTIN_METRICS: &[(&str, &str)] = &[
    (
        "agriculture",
        include_str!("../rules/metrics/agriculture.toml"),
    ),
    ("economy", include_str!("../rules/metrics/economy.toml")),
    ("fiscal", include_str!("../rules/metrics/fiscal.toml")),
    (
        "investment",
        include_str!("../rules/metrics/investment.toml"),
    ),
    ("projects", include_str!("../rules/metrics/projects.toml")),
    ("trade", include_str!("../rules/metrics/trade.toml")),
    (
        "innovation",
        include_str!("../rules/metrics/innovation.toml"),
    ),
    ("people", include_str!("../rules/metrics/people.toml")),
    (
        "environment",
        include_str!("../rules/metrics/environment.toml"),
    ),
    ("rankings", include_str!("../rules/metrics/rankings.toml")),
];

/// Loads the rules shipped with claimcheck (embedded at compile time, so the binary needs no
/// rules directory). Diagnostics name the files as `rules/…`.
pub fn builtin() -> Result<RuleSet, Vec<RuleDiagnostic>> {
    from_texts(
        include_str!("../rules/entities.toml"),
        include_str!("../rules/cues.toml"),
        BUILTIN_METRICS,
    )
}

/// Compiles rules held in memory, as if read from a `rules/` directory: the texts of
/// `entities.toml` and `cues.toml`, and `(family, text)` for each `metrics/<family>.toml`.
/// Diagnostics name the files as `rules/…`. For tools and fuzzing that generate rules.
pub fn from_texts(
    entities: &str,
    cues: &str,
    metrics: &[(&str, &str)],
) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    let mut metrics: Vec<(&str, &str)> = metrics.to_vec();
    // Same order as directory loading, so both report problems identically.
    metrics.sort_by_key(|&(family, _)| family);
    let sources = load::Sources {
        entities: Some(load::Source::new("rules/entities.toml", entities)),
        cues: Some(load::Source::new("rules/cues.toml", cues)),
        metrics: metrics
            .into_iter()
            .map(|(family, text)| {
                let path = format!("rules/metrics/{family}.toml");
                (family.to_owned(), load::Source::new(&path, text))
            })
            .collect(),
        // The built-in tables are the parsers' own; nothing to install.
        units: None,
        periods: None,
        words: None,
        advice: Vec::new(),
        problems: Vec::new(),
    };
    load::compile(sources)
}

/// Loads the rules in `dir`: `entities.toml`, `cues.toml`, `metrics/*.toml` (in sorted
/// order), and `units.toml`, `periods.toml` and `words.toml` when present (else the built-in tables, with
/// `rules::builtin-table` advice; see [`RuleSet::install_tables`]). Every problem in every file
/// is reported; any problem means no rule set.
pub fn load(dir: &Path) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    load::compile(load::read_dir(dir))
}

/// A byte span of `text` as a [`Span`]; kept here so submodules share one conversion.
fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end.max(range.start))
}
