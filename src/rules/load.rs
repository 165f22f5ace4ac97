//! Reading rule files: TOML into spanned definitions, then cross-file validation, then the
//! compiled [`RuleSet`].
//!
//! The submodules follow the data: [`read`] gathers a directory's files, [`checker`]
//! deserializes each into the [`schema`] shapes with labelled diagnostics, [`validate`] checks
//! what spans several definitions or files, [`tables`] checks the unit, period and word
//! tables, and [`compile`] here turns the checked definitions into a [`RuleSet`].

mod checker;
mod read;
mod schema;
mod tables;
mod validate;

use std::sync::Arc;

use toml::Spanned;

pub(super) use read::{Source, Sources, read_dir};

use super::diagnostic::{Code, RuleDiagnostic};
use super::{
    Anaphora, Campaigns, Counterexample, Cue, Entity, Example, Metric, RuleSet, SectionCue,
    SectionPlace, Tables, matcher,
};
use crate::quantity::Dimension;
use checker::{Checker, add};
use schema::{
    AnaphoraDef, CampaignDef, CueDef, EntityDef, InFile, MetricDef, MilestoneDef, SectionDef,
};
use tables::{periods_table, units_table, words_table};
use validate::{check_cues, check_entities, check_metrics, check_words};

/// Parses, validates and compiles `sources`; any problem anywhere means no rule set.
pub(super) fn compile(sources: Sources) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    let mut checker = Checker {
        files: Vec::new(),
        diagnostics: sources.problems,
    };
    let mut entities: Vec<InFile<EntityDef>> = Vec::new();
    let mut anaphora: Option<InFile<AnaphoraDef>> = None;
    let mut cues: Vec<InFile<CueDef>> = Vec::new();
    let mut milestones: Vec<InFile<MilestoneDef>> = Vec::new();
    let mut sections: Vec<InFile<SectionDef>> = Vec::new();
    let mut campaigns: Vec<InFile<CampaignDef>> = Vec::new();
    let mut metrics: Vec<(String, InFile<MetricDef>)> = Vec::new();

    if let Some(source) = sources.entities {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in checker.top_level(file, table, &["entity", "anaphora"]) {
                if key == "entity" {
                    let defs: Vec<EntityDef> = checker.array(file, &key, value);
                    entities.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else if let Some(def) = checker.value(file, value) {
                    anaphora = Some(InFile { file, def });
                }
            }
        }
    }
    if let Some(source) = sources.cues {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in
                checker.top_level(file, table, &["cue", "milestone", "section", "campaign"])
            {
                if key == "cue" {
                    let defs: Vec<CueDef> = checker.array(file, &key, value);
                    cues.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else if key == "section" {
                    let defs: Vec<SectionDef> = checker.array(file, &key, value);
                    sections.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else if key == "campaign" {
                    let defs: Vec<CampaignDef> = checker.array(file, &key, value);
                    campaigns.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else {
                    let defs: Vec<MilestoneDef> = checker.array(file, &key, value);
                    milestones.extend(defs.into_iter().map(|def| InFile { file, def }));
                }
            }
        }
    }
    for (family, source) in sources.metrics {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in checker.top_level(file, table, &["metric"]) {
                let defs: Vec<MetricDef> = checker.array(file, &key, value);
                metrics.extend(
                    defs.into_iter()
                        .map(|def| (family.clone(), InFile { file, def })),
                );
            }
        }
    }

    check_entities(&mut checker, &entities, anaphora.as_ref());
    check_cues(&mut checker, &cues);
    for milestone in &milestones {
        check_words(
            &mut checker,
            milestone.file,
            &milestone.def.words,
            "milestone word",
        );
    }
    for section in &sections {
        check_words(
            &mut checker,
            section.file,
            &section.def.words,
            "section cue",
        );
    }
    for campaign in &campaigns {
        let words = [
            (&campaign.def.words, "campaign word"),
            (&campaign.def.closings, "campaign closing"),
        ];
        for (words, what) in words {
            check_words(&mut checker, campaign.file, words, what);
        }
    }
    let dimensions = check_metrics(&mut checker, &metrics, &entities);
    let tables = Tables {
        units: sources
            .units
            .and_then(|source| units_table(&mut checker, source)),
        periods: sources
            .periods
            .and_then(|source| periods_table(&mut checker, source)),
        words: sources
            .words
            .and_then(|source| words_table(&mut checker, source)),
    };
    if !checker.diagnostics.is_empty() {
        return Err(checker.diagnostics);
    }

    let entities: Vec<Entity> = entities
        .into_iter()
        .map(|InFile { def, .. }| Entity {
            name: def.name.into_inner(),
            aliases: strings(def.aliases),
            parent: def.parent.map(Spanned::into_inner),
            level: def.level,
        })
        .collect();
    let anaphora = anaphora.map_or_else(Anaphora::default, |InFile { def, .. }| Anaphora {
        own: strings(def.own),
        parent: strings(def.parent),
        province: strings(def.province),
        head: strings(def.head),
    });
    let cues: Vec<Cue> = cues
        .into_iter()
        .map(|InFile { def, .. }| Cue {
            kind: def.kind,
            words: strings(def.words),
            scope: def.scope,
            weak: def.weak,
            estimate: def.estimate,
            description: def.description,
        })
        .collect();
    let sections: Vec<SectionCue> = sections
        .into_iter()
        .map(|InFile { def, .. }| SectionCue {
            role: def.role,
            words: strings(def.words),
            place: def.place.unwrap_or(SectionPlace::Lead),
            years: def.years.unwrap_or(1),
        })
        .collect();
    let milestones: Vec<String> = milestones
        .into_iter()
        .flat_map(|InFile { def, .. }| strings(def.words))
        .collect();
    let mut campaign_words = Campaigns::default();
    for InFile { def, .. } in campaigns {
        campaign_words.names.extend(strings(def.words));
        campaign_words.closings.extend(strings(def.closings));
    }
    let files = checker.files;
    let metrics: Vec<Metric> = metrics
        .into_iter()
        .zip(dimensions)
        .map(|((_, InFile { file, def }), dimension)| convert_metric(def, dimension, &files[file]))
        .collect();

    let lexicon = matcher::Lexicon::build(&metrics, &cues, &milestones, &entities, &anaphora);
    let patterns = matcher::Patterns::build(&metrics);
    match (lexicon, patterns) {
        (Ok(lexicon), Ok(patterns)) => Ok(RuleSet {
            metrics,
            entities,
            anaphora,
            cues,
            milestones,
            sections,
            campaigns: campaign_words,
            lexicon,
            patterns,
            tables,
            advice: sources.advice,
        }),
        (lexicon, patterns) => {
            // Only size limits can fail here: every pattern compiled on its own above.
            let errors = [
                lexicon.err().map(|e| e.to_string()),
                patterns.err().map(|e| e.to_string()),
            ];
            Err(errors
                .into_iter()
                .flatten()
                .map(|error| {
                    RuleDiagnostic::new(
                        Code::Build,
                        "rules",
                        format!("the compiled rules are too large: {error}"),
                    )
                    .with_help("split long alternations in patterns, or drop unused aliases")
                })
                .collect())
        }
    }
}

/// The words without their spans.
fn strings(words: Vec<Spanned<String>>) -> Vec<String> {
    words.into_iter().map(Spanned::into_inner).collect()
}

/// A checked `[[metric]]` as the engine's [`Metric`].
fn convert_metric(def: MetricDef, dimension: Dimension, source: &Source) -> Metric {
    Metric {
        id: def.id.into_inner(),
        name: def.name,
        aliases: strings(def.aliases),
        patterns: strings(def.patterns),
        dimension,
        measure: def.measure,
        direction: def.direction,
        description: def.description,
        tracks: def.tracks.map(Spanned::into_inner),
        accumulates: def.accumulates,
        of_works: def.of_works,
        examples: def
            .example
            .into_iter()
            .map(|e| Example {
                text: e.text,
                published: e.published,
                kind: e.kind,
                // Validated by `check_metrics`; the default is never used.
                value: e.value.get_ref().trim().parse().unwrap_or_default(),
                unit: e.unit,
                deadline: e.deadline,
                period_start: e.period_start,
                period_end: e.period_end,
                entity: e.entity.map(Spanned::into_inner),
            })
            .collect(),
        counterexamples: def
            .counterexample
            .into_iter()
            .map(|c| Counterexample {
                text: c.text,
                published: c.published,
            })
            .collect(),
        file: source.path.clone(),
    }
}
