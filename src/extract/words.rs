//! The word lists of the extraction stages (`rules/words.toml`): the closed sets of words that
//! link, open, end or qualify the phrases around a figure, one group per stage.
//!
//! The lists are data so that a rules folder can change them without Rust. The shipped table is
//! embedded in the binary; `--rules DIR` with a `words.toml` checks that file with the rules'
//! labelled diagnostics and [`install`]s it before anything is extracted. Every list is parsed
//! once into its words, so the stages iterate plain `&str`s and never split or allocate per call.

use std::sync::OnceLock;

use serde::Deserialize;

/// The shipped table, embedded at compile time.
const SOURCE: &str = include_str!("../../rules/words.toml");

/// The whole `words.toml` file: one group of lists per extraction stage.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Table {
    /// Metric choice and derived names.
    pub metric: MetricWords,
    /// The noun a count counts and its predicate.
    pub counted: CountedWords,
    /// Milestones.
    pub milestone: MilestoneWords,
    /// Named works and facilities.
    pub facility: FacilityWords,
    /// A figure's sign.
    pub figure: FigureWords,
    /// The entity a figure is about.
    pub subject: SubjectWords,
    /// Claim assembly.
    pub claim: ClaimWords,
}

/// `[metric]`: see `rules/words.toml` for what each list is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricWords {
    /// Words before a growth rate (order matters).
    pub growth_words: List,
    /// Rates named with a growth word that are not a growth (`自然增长率`).
    pub rate_names: List,
    /// Words before a share.
    pub share_words: List,
    /// Words that make a percentage a share of a plan or task done.
    pub progress_words: List,
    /// Verbs and particles between a metric's words and its number (order matters).
    pub link_words: List,
    /// Words that open a clause without naming what is measured (order matters).
    pub opening_words: List,
    /// Words that name a count without saying what is counted (`总数`).
    pub generic_count_words: List,
    /// Nouns that already name people (a head count ends in `数`, not `人数`).
    pub people_nouns: List,
    /// Words that name one facet of a subject stated earlier (`总投资`).
    pub facet_words: List,
    /// Verbs that open a count's noun phrase, not part of the subject (order matters).
    pub subject_verbs: List,
    /// Words that open the name of a count that adds up over time (`新增`).
    pub flow_words: List,
    /// Verbs that move a rank up by some places (order matters).
    pub rank_moves: List,
    /// What a rank move is measured against (order matters).
    pub rank_move_bases: List,
    /// Words before an amount that describes a named thing (order matters).
    pub descriptors: Vec<Descriptor>,
}

/// A word before an amount that describes the named thing after `的`, and the metric it gives.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Descriptor {
    /// The word.
    pub word: Word,
    /// The metric it gives.
    pub metric: String,
}

/// `[counted]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountedWords {
    /// Words that end the counted noun without starting a predicate.
    pub noun_ends: List,
    /// Words that open a predicate without being part of it (order matters).
    pub aspect_words: List,
    /// Verbs that open a predicate after the counted noun.
    pub predicate_verbs: List,
    /// Times that end a predicate (`今冬`).
    pub predicate_ends: List,
    /// Words by which a predicate introduces another figure (`达`).
    pub links_to_a_figure: List,
    /// Verbs before a count that say how the things came to be (order matters).
    pub count_verbs: List,
}

/// `[milestone]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MilestoneWords {
    /// Words between a milestone's time and its verb (order matters).
    pub links: List,
    /// Words that end a thing's name before what is said of it (order matters).
    pub name_ends: List,
}

/// `[facility]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FacilityWords {
    /// Words that end the name of a facility or a works.
    pub heads: List,
    /// Words after a facility's name that open its description.
    pub described_by: List,
    /// Words that cannot be part of a facility's name.
    pub name_breaks: List,
    /// Milestone verbs that complete a facility.
    pub opening_verbs: List,
}

/// `[figure]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureWords {
    /// Words before a rate that say it is a fall.
    pub decline_words: List,
    /// Words that name a fall by its size (`降幅`).
    pub decline_size_words: List,
}

/// `[subject]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubjectWords {
    /// Words between a clause's start and its subject (`其中`).
    pub leading_fillers: List,
    /// Words that compare a thing with the rest of a place (`最大`).
    pub comparisons: List,
}

/// `[claim]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimWords {
    /// Words that end a works' name.
    pub works_name_ends: List,
    /// Verbs that only introduce a figure (`达到`).
    pub introducing_verbs: List,
    /// Words that turn an amount into its change (`多增`).
    pub change_words: List,
    /// Words that report a project under way or done.
    pub project_events: List,
}

/// One word of a list: never empty, since an empty word matches everywhere (and stripping it
/// would never end).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub(crate) struct Word(String);

impl TryFrom<String> for Word {
    type Error = String;

    fn try_from(word: String) -> Result<Self, Self::Error> {
        if word.trim().is_empty() {
            Err("a word list holds an empty word; remove it or write the word".to_owned())
        } else {
            Ok(Word(word))
        }
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Word {
    /// The word.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A list of words, in file order (which matters where a stage takes the first that fits).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct List(Vec<Word>);

impl List {
    /// The words, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        self.0.iter().map(Word::as_str)
    }

    /// The words as a slice, for [`super::metric::strip_repeatedly`].
    pub fn words(&self) -> &[Word] {
        &self.0
    }

    /// Whether `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// Parses a table from TOML text.
pub(crate) fn parse(text: &str) -> Result<Table, toml::de::Error> {
    toml::from_str(text)
}

/// The table in use: the one [`install`]ed before the first extraction, else the shipped one.
/// An empty table stands in if the embedded file were ever broken; the unit test below keeps
/// that from happening silently.
static TABLE: OnceLock<Table> = OnceLock::new();

/// The word lists in use.
pub(crate) fn get() -> &'static Table {
    TABLE.get_or_init(|| parse(SOURCE).unwrap_or_default())
}

/// Makes `table` the one every extraction uses; `false` when a table is already in use.
pub(crate) fn install(table: Table) -> bool {
    TABLE.set(table).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_loads() {
        let table = parse(SOURCE).expect("rules/words.toml must parse");
        // Longest first where the first fit is taken.
        let growth: Vec<&str> = table.metric.growth_words.iter().collect();
        assert_eq!(growth.first(), Some(&"同比增长"));
        assert!(table.counted.count_verbs.contains("集中开工"));
        assert_eq!(
            table.metric.descriptors.first().map(|d| d.metric.as_str()),
            Some("项目总投资")
        );
        assert!(table.facility.heads.contains("小学"));
        assert!(!table.facility.heads.contains("小"));
    }

    #[test]
    fn unknown_lists_and_empty_words_are_rejected() {
        let shipped = SOURCE.replacen("[figure]\n", "[figure]\nrise_words = [\"上升\"]\n", 1);
        let error = parse(&shipped).expect_err("an unknown list is an error");
        assert!(error.message().contains("rise_words"), "{error}");
        let empty = SOURCE.replacen("decline_words = [", "decline_words = [\"\", ", 1);
        let error = parse(&empty).expect_err("an empty word is an error");
        assert!(error.message().contains("empty word"), "{error}");
        let missing = SOURCE.replacen("comparisons = [", "comparisonz = [", 1);
        assert!(parse(&missing).is_err());
    }
}
