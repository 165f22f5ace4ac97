//! The shapes rule files deserialize into: one `…Def` per TOML table, its strings kept
//! [`Spanned`] so that later checks can label the place in the file.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::claim::ClaimKind;
use crate::rules::{CueScope, Direction, EntityLevel, Measure, SectionPlace, SectionRole};
use crate::toml_diag::{toml_date, toml_date_opt};

/// A `[[metric]]` of `metrics/<family>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MetricDef {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) patterns: Vec<Spanned<String>>,
    pub(super) dimension: Spanned<String>,
    pub(super) measure: Measure,
    pub(super) direction: Direction,
    pub(super) description: String,
    #[serde(default)]
    pub(super) tracks: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) accumulates: bool,
    #[serde(default)]
    pub(super) of_works: bool,
    #[serde(default)]
    pub(super) example: Vec<ExampleDef>,
    #[serde(default)]
    pub(super) counterexample: Vec<CounterexampleDef>,
}

/// A `[[metric.example]]`: a sentence and the claim it must give.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleDef {
    pub(super) text: String,
    #[serde(deserialize_with = "toml_date")]
    pub(super) published: NaiveDate,
    pub(super) kind: ClaimKind,
    pub(super) value: Spanned<String>,
    pub(super) unit: String,
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub(super) deadline: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub(super) period_start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    pub(super) period_end: Option<NaiveDate>,
    #[serde(default)]
    pub(super) entity: Option<Spanned<String>>,
}

/// A `[[metric.counterexample]]`: a sentence that must not give the metric.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CounterexampleDef {
    pub(super) text: String,
    #[serde(deserialize_with = "toml_date")]
    pub(super) published: NaiveDate,
}

/// An `[[entity]]` of `entities.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EntityDef {
    pub(super) name: Spanned<String>,
    pub(super) aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) parent: Option<Spanned<String>>,
    pub(super) level: EntityLevel,
}

/// The `[anaphora]` table of `entities.toml`: words that stand for an entity relative to the
/// document's own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnaphoraDef {
    #[serde(default, rename = "self")]
    pub(super) own: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) parent: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) province: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) head: Vec<Spanned<String>>,
}

/// A `[[cue]]` of `cues.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueDef {
    pub(super) kind: ClaimKind,
    pub(super) words: Vec<Spanned<String>>,
    pub(super) scope: CueScope,
    #[serde(default)]
    pub(super) weak: bool,
    #[serde(default)]
    pub(super) estimate: bool,
    #[serde(default)]
    pub(super) description: Option<String>,
}

/// A `[[section]]` of `cues.toml`: words that open a part of a text with a genre role.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SectionDef {
    pub(super) role: SectionRole,
    pub(super) words: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) place: Option<SectionPlace>,
    #[serde(default)]
    pub(super) years: Option<u32>,
    /// For people reading the file; the engine needs the other fields.
    #[serde(default)]
    #[expect(dead_code, reason = "read by rule authors, not by the engine")]
    description: Option<String>,
}

/// A `[[milestone]]` of `cues.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MilestoneDef {
    pub(super) words: Vec<Spanned<String>>,
    /// For people reading the file; the engine needs only the words.
    #[serde(default)]
    #[expect(dead_code, reason = "read by rule authors, not by the engine")]
    description: Option<String>,
}

/// A `[[campaign]]` of `cues.toml`: the names of time-boxed drives and the words of their close.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CampaignDef {
    pub(super) words: Vec<Spanned<String>>,
    pub(super) closings: Vec<Spanned<String>>,
    /// For people reading the file; the engine needs only the words.
    #[serde(default)]
    #[expect(dead_code, reason = "read by rule authors, not by the engine")]
    description: Option<String>,
}

/// A definition and the number of the file that declared it.
pub(super) struct InFile<T> {
    pub(super) file: usize,
    pub(super) def: T,
}
