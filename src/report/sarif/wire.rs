//! The SARIF 2.1.0 objects claimcheck writes: field order here is the order in the output.

use std::collections::BTreeMap;

use serde::Serialize;

/// The whole log: one run.
#[derive(Serialize)]
pub(super) struct Log {
    #[serde(rename = "$schema")]
    pub(super) schema: &'static str,
    pub(super) version: &'static str,
    pub(super) runs: [Run; 1],
}

/// One run of claimcheck: the tool, the articles cited and the results.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Run {
    pub(super) tool: Tool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) artifacts: Vec<Artifact>,
    pub(super) results: Vec<SarifResult>,
    pub(super) column_kind: &'static str,
}

/// The tool that made the run.
#[derive(Serialize)]
pub(super) struct Tool {
    pub(super) driver: Driver,
}

/// claimcheck itself, with its rules.
#[derive(Serialize)]
pub(super) struct Driver {
    pub(super) name: &'static str,
    pub(super) version: &'static str,
    pub(super) rules: Vec<Rule>,
}

/// A rule: one diagnostic code.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Rule {
    pub(super) id: &'static str,
    pub(super) name: String,
    pub(super) short_description: Message,
    pub(super) full_description: Description,
    pub(super) help: Help,
    pub(super) default_configuration: Configuration,
}

/// Plain text without the Markdown marks (code spans, emphasis), and the Markdown itself.
#[derive(Serialize)]
pub(super) struct Description {
    pub(super) text: String,
    pub(super) markdown: String,
}

impl Description {
    pub(super) fn new(markdown: String) -> Self {
        Description {
            text: markdown.replace(['`', '*'], ""),
            markdown,
        }
    }
}

/// A rule's explain page, as text and as Markdown.
#[derive(Serialize)]
pub(super) struct Help {
    pub(super) text: String,
    pub(super) markdown: String,
}

/// A rule's default level.
#[derive(Serialize)]
pub(super) struct Configuration {
    pub(super) level: &'static str,
}

/// A plain-text message.
#[derive(Serialize)]
pub(super) struct Message {
    pub(super) text: String,
}

impl Message {
    pub(super) fn new(text: String) -> Self {
        Message { text }
    }
}

/// An article or data file the results cite.
#[derive(Serialize)]
pub(super) struct Artifact {
    pub(super) location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) properties: Option<ArtifactProperties>,
}

/// What claimcheck knows of an article beyond its path.
#[derive(Serialize)]
pub(super) struct ArtifactProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    pub(super) published: String,
}

/// One finding or difference.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SarifResult {
    pub(super) rule_id: &'static str,
    pub(super) rule_index: usize,
    pub(super) level: &'static str,
    pub(super) message: Message,
    pub(super) locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) related_locations: Vec<Location>,
    pub(super) partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) properties: Option<ResultProperties>,
}

/// The figures behind a finding.
#[derive(Serialize)]
pub(super) struct ResultProperties {
    pub(super) computation: BTreeMap<String, String>,
}

/// A place a result points at, with a message when it is a related one.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<Message>,
    pub(super) physical_location: PhysicalLocation,
}

/// A region of a file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PhysicalLocation {
    pub(super) artifact_location: ArtifactLocation,
    pub(super) region: SarifRegion,
}

/// A file, by URI reference.
#[derive(Serialize)]
pub(super) struct ArtifactLocation {
    pub(super) uri: String,
}

/// Lines, UTF-16 columns, bytes and the text of a region.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SarifRegion {
    pub(super) start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) end_column: Option<usize>,
    pub(super) byte_offset: usize,
    pub(super) byte_length: usize,
    pub(super) snippet: Message,
}
