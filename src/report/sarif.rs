//! Findings as SARIF 2.1.0, for code scanning and SARIF viewers.
//!
//! The example is the missed 2014 GDP goal of `tests/fixtures/check/missed-gdp-2014`, with
//! `…` for the fixture folder:
//!
//! ```json
//! {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
//!  "runs": [{
//!   "tool": {"driver": {"name": "claimcheck", "version": "0.1.0", "rules": [
//!     {"id": "target::missed", "name": "TargetMissed",
//!      "shortDescription": {"text": <explain summary>},
//!      "fullDescription": {"text": …, "markdown": <first paragraph of the explain text>},
//!      "help": {"text": <explain text>, "markdown": <explain text>},
//!      "defaultConfiguration": {"level": "error"}}, …]}},
//!   "artifacts": [{"location": {"uri": "…/2014-02-15-zhongzhanqu-sige-zhongzhan.txt"},
//!                  "description": {"text": <title>},
//!                  "properties": {"url": <if known>, "published": "2014-02-15"}}, …],
//!   "results": [
//!    {"ruleId": "target::missed", "ruleIndex": 1, "level": "error",
//!     "message": {"text": "中站区 地区生产总值(GDP)增速 2014: target ≥11%, reported 9.8% — missed by 1.2 pp"},
//!     "locations": [{"physicalLocation": {
//!       "artifactLocation": {"uri": "…/2014-02-15-zhongzhanqu-sige-zhongzhan.txt"},
//!       "region": {"startLine": 463, "startColumn": 5, "endLine": 469, "endColumn": 4,
//!                  "byteOffset": 6317, "byteLength": 43,
//!                  "snippet": {"text": "地区生产总值 （\n\nGDP\n\n）增长\n\n11%"}}}}],
//!     "relatedLocations": [{"id": 1,
//!       "message": {"text": "reported 9.8% for 2014, published 2015-02-06"},
//!       "physicalLocation": {…}}],
//!     "partialFingerprints": {"claimcheck/v1": "b02ea67e6f770507:1"},
//!     "properties": {"computation": {"difference": "-1.2 pp", "reported": "9.8%", …}}}],
//!   "columnKind": "utf16CodeUnits"}]}
//! ```
//!
//! - One rule per finding code, in [`Code::ALL`] order, so `ruleIndex` is the code's place
//!   there. Levels map `deny` → `error`, `warn` → `warning`, `allow` → `note`; a rule's
//!   `defaultConfiguration` is the code's default level, a result's `level` the configured one.
//! - Results: the findings shown by the human report (not `allow`, unless `show_all`), in
//!   report order. The message is the finding's, then its help as a second sentence.
//! - `artifacts`: every article a shown result cites, by path, with its title, URL and
//!   publication date when the articles are at hand.
//! - Positions: lines are 1-based; columns are 1-based UTF-16 code units (`columnKind`), the
//!   end column just after the last character. `byteOffset`/`byteLength` are the claim's span:
//!   file bytes for UTF-8 articles, bytes of the UTF-8 transcoding for GB18030 ones. A claim
//!   whose article is not at hand gets only its line, byte range and snippet.
//! - URIs are the claims' `doc` names — paths relative to the project root (see
//!   `crate::project`), which is the repository root when `claimcheck.toml` sits there —
//!   percent-encoded as UTF-8 (`语料/焦作.txt` → `%E8%AF%AD%E6%96%99/%E7%84%A6%E4%BD%9C.txt`); an absolute path
//!   becomes a `file:` URI.
//! - Dataset and baseline differences (`--expect`, `--baseline`) follow the findings as
//!   results of their own rules: see `differences.rs` beside this file.
//! - `partialFingerprints["claimcheck/v1"]`: the finding's fingerprint (the one `--baseline`
//!   files use: code, document and target quote, see `finding::fingerprint`), then `:n` for
//!   the n-th finding with that key, so a finding keeps its fingerprint when lines move. The output is the same bytes for the same input.
//!
//! [`sarif`] here assembles the run; `rules.rs` builds the rules from the explain pages,
//! `results.rs` the parts of a finding's result, `uri.rs` the artifact URIs, `wire.rs` holds
//! the SARIF objects and `differences.rs` adds the dataset and baseline differences.

mod differences;
mod results;
mod rules;
#[cfg(test)]
mod tests;
mod uri;
mod wire;

use std::collections::{BTreeMap, BTreeSet};

use crate::finding::{Code, Finding, Level};

use super::Context;
use results::{fingerprints, message_text, physical_location, with_help};
use rules::{rule, rule_index, rule_of};
use wire::{
    Artifact, ArtifactLocation, ArtifactProperties, Driver, Location, Log, Message,
    PhysicalLocation, ResultProperties, Rule, Run, SarifRegion, SarifResult, Tool,
};

pub use uri::uri_reference;

/// The schema URI written in `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The findings shown, then the dataset and baseline differences, as a SARIF 2.1.0 log with
/// one run: pretty JSON ending with a newline (see `sarif/differences.rs` for how a
/// difference is written).
pub fn sarif(context: &Context) -> String {
    let (findings, differences, articles) =
        (context.findings, context.differences, context.articles);
    // Fingerprints count repeats among every finding, shown or not, so that showing more
    // does not renumber them.
    let fingerprints = fingerprints(findings);
    let shown: Vec<(&Finding, &String)> = findings
        .iter()
        .zip(&fingerprints)
        .filter(|(f, _)| context.is_shown(f))
        .collect();

    let docs: BTreeSet<&str> = shown
        .iter()
        .flat_map(|(f, _)| {
            std::iter::once(f.target.doc.as_str())
                .chain(f.evidence.iter().map(|e| e.claim.doc.as_str()))
        })
        .collect();
    let mut artifacts: Vec<Artifact> = docs
        .into_iter()
        .map(|doc| {
            let article = articles.get(doc);
            Artifact {
                location: ArtifactLocation {
                    uri: uri_reference(doc),
                },
                description: article.and_then(|a| a.title.clone()).map(Message::new),
                properties: article.map(|a| ArtifactProperties {
                    url: a.url.clone(),
                    published: a.published.to_string(),
                }),
            }
        })
        .collect();

    let mut results: Vec<SarifResult> = shown
        .into_iter()
        .map(|(finding, fingerprint)| SarifResult {
            rule_id: finding.code.as_str(),
            rule_index: rule_index(finding.code),
            level: sarif_level(context.level(finding)),
            message: Message::new(message_text(finding)),
            locations: vec![Location {
                id: None,
                message: None,
                physical_location: physical_location(&finding.target, articles),
            }],
            related_locations: finding
                .evidence
                .iter()
                .enumerate()
                .map(|(i, e)| Location {
                    id: Some(i + 1),
                    message: Some(Message::new(e.label.clone())),
                    physical_location: physical_location(&e.claim, articles),
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([("claimcheck/v1", fingerprint.clone())]),
            properties: (!finding.computation.is_empty()).then(|| ResultProperties {
                computation: finding.computation.clone(),
            }),
        })
        .collect();

    let mut rules: Vec<Rule> = Code::ALL.into_iter().map(rule).collect();
    differences::add(differences, &mut rules, &mut artifacts, &mut results);
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            artifacts,
            results,
            column_kind: "utf16CodeUnits",
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// The SARIF level of a claimcheck level.
pub fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
}
