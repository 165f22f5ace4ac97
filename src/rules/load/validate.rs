//! The checks that look past one table's shape: empty words, names and ids declared twice
//! (across files too), parents and example entities that name nothing, metric families,
//! regexes, dimensions, examples and `tracks`.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;

use super::checker::Checker;
use super::schema::{AnaphoraDef, CueDef, EntityDef, InFile, MetricDef};
use crate::quantity::Dimension;
use crate::rules::diagnostic::{Code, RuleDiagnostic};
use crate::rules::span_of;
use crate::toml_diag;

/// Reports empty words (`rules::alias`): an empty literal would match between every two
/// characters of every document.
pub(super) fn check_words(
    checker: &mut Checker,
    file: usize,
    words: &[Spanned<String>],
    what: &str,
) {
    for word in words {
        if word.get_ref().trim().is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Alias, format!("empty {what}"))
                .with_label(span_of(word.span()), format!("this {what} is empty"))
                .with_help(format!("remove the empty string or write the {what}"));
            checker.push(diagnostic);
        }
    }
}

pub(super) fn check_entities(
    checker: &mut Checker,
    entities: &[InFile<EntityDef>],
    anaphora: Option<&InFile<AnaphoraDef>>,
) {
    let mut first: HashMap<&str, &InFile<EntityDef>> = HashMap::new();
    for entity in entities {
        check_words(checker, entity.file, &entity.def.aliases, "alias");
        let name = entity.def.name.get_ref().as_str();
        if let Some(earlier) = first.get(name) {
            let diagnostic = duplicate(
                checker,
                "entity",
                name,
                earlier.file,
                &earlier.def.name,
                entity.file,
                &entity.def.name,
            );
            checker.push(diagnostic);
        } else {
            first.insert(name, entity);
        }
    }
    for entity in entities {
        if let Some(parent) = &entity.def.parent
            && !first.contains_key(parent.get_ref().as_str())
        {
            let names: Vec<String> = first.keys().map(|k| (*k).to_owned()).collect();
            let diagnostic = checker
                .diagnostic(
                    entity.file,
                    Code::UnknownEntity,
                    format!("parent `{}` is not a declared entity", parent.get_ref()),
                )
                .with_label(span_of(parent.span()), "no [[entity]] has this name")
                .with_help(toml_diag::did_you_mean(
                    parent.get_ref(),
                    &sorted(names),
                    "the entities are",
                ));
            checker.push(diagnostic);
        }
    }
    if let Some(anaphora) = anaphora {
        for words in [
            &anaphora.def.own,
            &anaphora.def.parent,
            &anaphora.def.province,
            &anaphora.def.head,
        ] {
            check_words(checker, anaphora.file, words, "anaphor");
        }
    }
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

pub(super) fn check_cues(checker: &mut Checker, cues: &[InFile<CueDef>]) {
    for cue in cues {
        check_words(checker, cue.file, &cue.def.words, "cue word");
    }
}

/// A `rules::duplicate-id` diagnostic: labelled on the second declaration, with the first
/// one as a second label (same file) or as a related note (another file).
fn duplicate(
    checker: &Checker,
    what: &str,
    id: &str,
    first_file: usize,
    first: &Spanned<String>,
    second_file: usize,
    second: &Spanned<String>,
) -> RuleDiagnostic {
    let diagnostic = checker
        .diagnostic(
            second_file,
            Code::DuplicateId,
            format!("{what} `{id}` is declared twice"),
        )
        .with_label(span_of(second.span()), "declared again here")
        .with_help(format!(
            "give each {what} a distinct id, or merge the two declarations"
        ));
    if first_file == second_file {
        diagnostic.with_label(span_of(first.span()), "first declared here")
    } else {
        diagnostic.with_related(
            checker
                .diagnostic(
                    first_file,
                    Code::Note,
                    format!("{what} `{id}` is first declared here"),
                )
                .with_label(span_of(first.span()), "first declared here"),
        )
    }
}

/// Checks every metric and returns the dimension of each (`Dimensionless` stands in for the
/// ones that failed, which is harmless since any failure means no rule set).
pub(super) fn check_metrics(
    checker: &mut Checker,
    metrics: &[(String, InFile<MetricDef>)],
    entities: &[InFile<EntityDef>],
) -> Vec<Dimension> {
    let mut dimensions = Vec::with_capacity(metrics.len());
    let mut first: HashMap<&str, &InFile<MetricDef>> = HashMap::new();
    for (family, metric) in metrics {
        let (file, def) = (metric.file, &metric.def);
        let id = def.id.get_ref().as_str();
        let id_span = span_of(def.id.span());

        if let Some(earlier) = first.get(id) {
            let diagnostic = duplicate(
                checker,
                "metric",
                id,
                earlier.file,
                &earlier.def.id,
                file,
                &def.id,
            );
            checker.push(diagnostic);
        } else {
            first.insert(id, metric);
        }

        let prefix = format!("{family}.");
        let rest = id.strip_prefix(&prefix).unwrap_or("");
        if rest.is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Family, format!("metric id `{id}` is not in family `{family}`"))
                .with_label(id_span, format!("expected `{family}.<name>`"))
                .with_help(format!(
                    "ids in metrics/{family}.toml start with `{family}.`; move the metric to the file of its family"
                ));
            checker.push(diagnostic);
        }

        check_words(checker, file, &def.aliases, "alias");
        check_patterns(checker, file, &def.patterns);
        dimensions.push(check_dimension(checker, file, &def.dimension));

        if def.example.is_empty() || def.counterexample.is_empty() {
            let missing = match (def.example.is_empty(), def.counterexample.is_empty()) {
                (true, true) => "an example and a counterexample",
                (true, false) => "an example",
                _ => "a counterexample",
            };
            let diagnostic = checker
                .diagnostic(file, Code::Examples, format!("metric `{id}` has no {}", missing.trim_start_matches("an ").trim_start_matches("a ")))
                .with_label(id_span, format!("this metric needs {missing}"))
                .with_help("add a [[metric.example]] (a sentence and the claim it must give) and a [[metric.counterexample]] (a sentence that must not give this metric)");
            checker.push(diagnostic);
        }

        for example in &def.example {
            let value = example.value.get_ref().trim();
            if value.parse::<Decimal>().is_err() {
                let diagnostic = checker
                    .diagnostic(
                        file,
                        Code::Type,
                        format!("example value `{value}` is not a decimal number"),
                    )
                    .with_label(
                        span_of(example.value.span()),
                        "expected a decimal such as \"11\" or \"47.5\"",
                    )
                    .with_help("write the number in ASCII digits, in quotes: value = \"12.9\"");
                checker.push(diagnostic);
            }
            if let Some(entity) = &example.entity {
                let word = entity.get_ref().as_str();
                let known = entities.iter().any(|e| {
                    e.def.name.get_ref() == word
                        || e.def.aliases.iter().any(|a| a.get_ref() == word)
                });
                if !known {
                    let names = entities
                        .iter()
                        .map(|e| e.def.name.get_ref().clone())
                        .collect();
                    let diagnostic = checker
                        .diagnostic(
                            file,
                            Code::UnknownEntity,
                            format!("example entity `{word}` is not a declared entity"),
                        )
                        .with_label(
                            span_of(entity.span()),
                            "no [[entity]] has this name or alias",
                        )
                        .with_help(toml_diag::did_you_mean(
                            word,
                            &sorted(names),
                            "the entities are",
                        ));
                    checker.push(diagnostic);
                }
            }
        }
    }
    for (_, metric) in metrics {
        if let Some(tracks) = &metric.def.tracks
            && !first.contains_key(tracks.get_ref().as_str())
        {
            let diagnostic = checker
                .diagnostic(
                    metric.file,
                    Code::UnknownMetric,
                    format!("`tracks` names no metric: `{}`", tracks.get_ref()),
                )
                .with_label(span_of(tracks.span()), "no metric has this id")
                .with_help(
                    "write the id of the plan metric this progress share is measured against",
                );
            checker.push(diagnostic);
        }
    }
    dimensions
}

fn check_patterns(checker: &mut Checker, file: usize, patterns: &[Spanned<String>]) {
    for pattern in patterns {
        let span = span_of(pattern.span());
        if pattern.get_ref().is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Regex, "empty pattern")
                .with_label(span, "an empty regex matches everywhere")
                .with_help("remove the empty pattern");
            checker.push(diagnostic);
            continue;
        }
        if let Err(error) = regex::Regex::new(pattern.get_ref()) {
            let (label, help) = regex_message(&error);
            let mut diagnostic = checker
                .diagnostic(file, Code::Regex, "invalid regex in `patterns`")
                .with_label(span, label);
            if let Some(help) = help {
                diagnostic = diagnostic.with_help(help);
            }
            checker.push(diagnostic);
        }
    }
}

/// The one-line reason of a regex error for the label, and the full caret drawing (which
/// points inside the pattern, after TOML unescaping) as help.
fn regex_message(error: &regex::Error) -> (String, Option<String>) {
    let text = error.to_string();
    let reason = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("error: "))
        .map(str::to_owned);
    match reason {
        Some(reason) => (reason, Some(text.trim().to_owned())),
        None => (text.trim().to_owned(), None),
    }
}

fn check_dimension(checker: &mut Checker, file: usize, dimension: &Spanned<String>) -> Dimension {
    let word = dimension.get_ref().as_str();
    let parsed: Result<Dimension, serde::de::value::Error> =
        Dimension::deserialize(word.into_deserializer());
    match parsed {
        Ok(dimension) => dimension,
        Err(error) => {
            // serde lists the variants in its message, so the suggestions follow `Dimension`.
            let known = toml_diag::expected_words(&error.to_string());
            let diagnostic = checker
                .diagnostic(
                    file,
                    Code::UnknownDimension,
                    format!("unknown dimension `{word}`"),
                )
                .with_label(span_of(dimension.span()), "not a quantity dimension")
                .with_help(toml_diag::did_you_mean(word, &known, "the dimensions are"));
            checker.push(diagnostic);
            Dimension::Dimensionless
        }
    }
}
