//! Dataset and baseline differences in the SARIF log, after the findings:
//!
//! - one rule per difference code that occurs (`dataset::changed`, `dataset::missing`,
//!   `dataset::new`, `baseline::stale`), in code order after the finding rules, described by
//!   its explain page; its default level is `error` (`warning` for `baseline::stale`);
//! - one result per difference, located at its main place (in the dataset or baseline file,
//!   or in the article for `dataset::new`), its other places as related locations (the
//!   target in its article); columns in UTF-16 code units like every other result;
//! - the dataset and baseline files among the `artifacts`, without article properties;
//! - `partialFingerprints["claimcheck/v1"]`: FNV-1a of the code and message, then `:n` for the
//!   n-th difference with that key.

use std::collections::{BTreeMap, BTreeSet};

use crate::difference::{Difference, Place};
use crate::explain;
use crate::finding::Level;
use crate::span;

use super::{
    Artifact, ArtifactLocation, Location, Message, PhysicalLocation, Rule, SarifRegion,
    SarifResult, rule_of, sarif_level, uri_reference, with_help,
};

/// Adds the rules, artifacts and results of `differences` to a run.
pub(super) fn add(
    differences: &[Difference],
    rules: &mut Vec<Rule>,
    artifacts: &mut Vec<Artifact>,
    results: &mut Vec<SarifResult>,
) {
    // A code without an explain page cannot be a rule id with a 'static name; every
    // difference code has one (a meta-test in `explain` checks it).
    let codes: BTreeSet<(&'static str, Level)> = differences
        .iter()
        .filter_map(|d| explain::explain(&d.code).map(|e| (e.code, d.severity)))
        .collect();
    let first = rules.len();
    let index: BTreeMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, (code, _))| (*code, first + i))
        .collect();
    rules.extend(codes.iter().map(|(code, level)| rule_of(code, *level)));

    let known: BTreeSet<String> = artifacts.iter().map(|a| a.location.uri.clone()).collect();
    let files: BTreeSet<&str> = differences
        .iter()
        .flat_map(|d| d.locations.iter().map(|p| p.file.as_str()))
        .filter(|file| !known.contains(&uri_reference(file)))
        .collect();
    artifacts.extend(files.into_iter().map(|file| Artifact {
        location: ArtifactLocation {
            uri: uri_reference(file),
        },
        description: None,
        properties: None,
    }));

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for difference in differences {
        let Some((&rule_id, &rule_index)) = index.get_key_value(difference.code.as_str()) else {
            continue;
        };
        let print = format!(
            "{:016x}",
            crate::hash::fnv1a64(&format!("{}\u{0}{}", difference.code, difference.message))
        );
        let n = seen.entry(print.clone()).or_default();
        *n += 1;
        let mut places = difference.locations.iter();
        results.push(SarifResult {
            rule_id,
            rule_index,
            level: sarif_level(difference.severity),
            message: Message::new(with_help(&difference.message, difference.help.as_deref())),
            locations: places
                .next()
                .map(|main| Location {
                    id: None,
                    message: None,
                    physical_location: physical_location(main),
                })
                .into_iter()
                .collect(),
            related_locations: places
                .enumerate()
                .map(|(i, place)| Location {
                    id: Some(i + 1),
                    message: Some(Message::new(place.label.clone())),
                    physical_location: physical_location(place),
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([("claimcheck/v1", format!("{print}:{n}"))]),
            properties: None,
        });
    }
}

fn physical_location(place: &Place) -> PhysicalLocation {
    let text = place.text.as_deref().unwrap_or_default();
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri_reference(&place.file),
        },
        region: SarifRegion {
            start_line: place.line,
            start_column: Some(span::utf16_column(text, place.span.start)),
            end_line: Some(place.end_line),
            end_column: Some(span::utf16_column(text, place.span.end)),
            byte_offset: place.span.start,
            byte_length: place.span.len(),
            snippet: Message::new(text.get(place.span.range()).unwrap_or_default().to_owned()),
        },
    }
}
