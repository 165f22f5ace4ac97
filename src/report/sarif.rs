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

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::claim::Claim;
use crate::explain;
use crate::finding::{self, Code, Finding, Level};

use super::Context;
use super::articles::Articles;

mod differences;

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

/// A document path as a URI reference: `/` separators, every byte outside the unreserved
/// set and `/` percent-encoded (UTF-8), so Chinese names, spaces, `#` and `%` survive; an
/// absolute path (`/…`, `C:/…`) becomes a `file:` URI, since a bare `C:` would read as a
/// scheme.
pub fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    let bytes = rest.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        format!("file:///{}:{}", &rest[..1], percent_encode(&rest[2..]))
    } else if rest.starts_with('/') {
        format!("file://{}", percent_encode(rest))
    } else {
        percent_encode(rest)
    }
}

fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// Every finding's fingerprint, counted over all findings (shown or not) so that
/// `show_all` does not renumber the ones shown either way.
fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let print = finding::fingerprint(f);
            let n = seen.entry(print.clone()).or_default();
            *n += 1;
            format!("{print}:{n}")
        })
        .collect()
}

fn rule_index(code: Code) -> usize {
    Code::ALL.iter().position(|c| *c == code).unwrap_or(0)
}

/// `target::on-track` → `TargetOnTrack`: SARIF's rule `name` is an identifier.
fn rule_name(code: &str) -> String {
    code.split([':', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The first paragraph of an explain text that is not a heading: its `What it means`.
fn first_paragraph(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn rule(code: Code) -> Rule {
    rule_of(code.as_str(), code.default_level())
}

/// The rule of a code, described by its explain page.
fn rule_of(id: &'static str, default_level: Level) -> Rule {
    let (summary, text) = explain::explain(id).map_or((id, id), |e| (e.summary, e.text));
    Rule {
        id,
        name: rule_name(id),
        short_description: Message::new(summary.to_owned()),
        full_description: Description::new(first_paragraph(text)),
        help: Help {
            text: text.to_owned(),
            markdown: text.to_owned(),
        },
        default_configuration: Configuration {
            level: sarif_level(default_level),
        },
    }
}

/// The message, then the help as a second sentence (viewers short of room show the first).
fn message_text(finding: &Finding) -> String {
    with_help(&finding.message, finding.help.as_deref())
}

/// `message`, then `help` as a second sentence.
fn with_help(message: &str, help: Option<&str>) -> String {
    let mut text = message.trim_end().to_owned();
    let Some(help) = help.map(str::trim).filter(|h| !h.is_empty()) else {
        return text;
    };
    if !text.ends_with(['.', '!', '?', '。']) {
        text.push('.');
    }
    text.push(' ');
    let mut chars = help.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
    if !text.ends_with(['.', '!', '?', '。']) {
        text.push('.');
    }
    text
}

fn physical_location(claim: &Claim, articles: &Articles) -> PhysicalLocation {
    let region = match articles.get(&claim.doc) {
        Some(article) if article.source.get(claim.span.range()).is_some() => {
            let r = article.region(claim.span);
            SarifRegion {
                start_line: r.start_line,
                start_column: Some(r.start_column_utf16),
                end_line: Some(r.end_line),
                end_column: Some(r.end_column_utf16),
                byte_offset: claim.span.start,
                byte_length: claim.span.len(),
                snippet: Message::new(claim.text.clone()),
            }
        }
        // Without the text the UTF-16 columns are unknown, and a char column would be wrong
        // past an astral character: keep only what the claim states exactly.
        _ => SarifRegion {
            start_line: claim.line.max(1),
            start_column: None,
            end_line: None,
            end_column: None,
            byte_offset: claim.span.start,
            byte_length: claim.span.len(),
            snippet: Message::new(claim.text.clone()),
        },
    };
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri_reference(&claim.doc),
        },
        region,
    }
}

// The wire structs: field order here is the order in the output.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Message,
    full_description: Description,
    help: Help,
    default_configuration: Configuration,
}

/// Plain text without the Markdown marks (code spans, emphasis), and the Markdown itself.
#[derive(Serialize)]
struct Description {
    text: String,
    markdown: String,
}

impl Description {
    fn new(markdown: String) -> Self {
        Description {
            text: markdown.replace(['`', '*'], ""),
            markdown,
        }
    }
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn new(text: String) -> Self {
        Message { text }
    }
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ArtifactProperties>,
}

#[derive(Serialize)]
struct ArtifactProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    published: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
}

#[derive(Serialize)]
struct ResultProperties {
    computation: BTreeMap<String, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: SarifRegion,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    byte_offset: usize,
    byte_length: usize,
    snippet: Message,
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;

    use super::*;
    use crate::claim::{ClaimKind, claim_id};
    use crate::finding::Levels;
    use crate::report::articles::{Article, Articles};
    use crate::span::Span;

    /// The SARIF log of `findings`, allow-level ones shown with `show_all`.
    fn sarif_of(
        findings: &[Finding],
        levels: &Levels,
        articles: &Articles,
        show_all: bool,
    ) -> String {
        let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        sarif(&Context::new(findings, levels, articles, as_of).show_all(show_all))
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 2).unwrap()
    }

    fn claim(doc: &str, source: &str, needle: &str) -> Claim {
        let start = source.find(needle).expect("needle in source");
        let span = Span::new(start, start + needle.len());
        let (line, column) = crate::span::line_col(source, start);
        Claim {
            id: claim_id(doc, span),
            doc: doc.to_owned(),
            span,
            line,
            column,
            text: needle.to_owned(),
            kind: ClaimKind::Target,
            entity: "焦作市".to_owned(),
            metric: "economy.gdp_growth".to_owned(),
            metric_name: "地区生产总值增速".to_owned(),
            value: None,
            unit: "%".to_owned(),
            low: None,
            high: None,
            base_value: None,
            base_unit: "%".to_owned(),
            qualifier: None,
            comparator: crate::claim::Comparator::Ge,
            estimate: false,
            measure: crate::claim::Measure::Growth,
            value_to: None,
            period: None,
            deadline: None,
            rule: "test".to_owned(),
            published: day(),
            sentence: 0,
        }
    }

    fn articles(doc: &str, source: &str) -> Articles {
        Articles::from([(
            doc.to_owned(),
            Article::new(source, Some("标题".to_owned()), None, day()),
        )])
    }

    fn parse(text: &str) -> serde_json::Value {
        assert!(text.ends_with("}\n"));
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn paths_are_percent_encoded_as_utf8() {
        assert_eq!(
            uri_reference("语料/焦作.txt"),
            "%E8%AF%AD%E6%96%99/%E7%84%A6%E4%BD%9C.txt"
        );
        assert_eq!(
            uri_reference("corpus/a-b_c.d~e.txt"),
            "corpus/a-b_c.d~e.txt"
        );
        assert_eq!(uri_reference("./a b/#1%.txt"), "a%20b/%231%25.txt");
        assert_eq!(uri_reference("dir\\file.txt"), "dir/file.txt");
        // A colon in a relative path would otherwise start a scheme.
        assert_eq!(uri_reference("a:b.txt"), "a%3Ab.txt");
        assert_eq!(
            uri_reference("/srv/语料.txt"),
            "file:///srv/%E8%AF%AD%E6%96%99.txt"
        );
        assert_eq!(uri_reference("C:\\data\\a.txt"), "file:///C:/data/a.txt");
        // An astral character is four UTF-8 bytes.
        assert_eq!(uri_reference("𠀀.txt"), "%F0%A0%80%80.txt");
    }

    #[test]
    fn rule_names_and_descriptions() {
        assert_eq!(rule_name(Code::OnTrack.as_str()), "TargetOnTrack");
        assert_eq!(rule_name(Code::Conflict.as_str()), "ReportConflict");
        assert_eq!(
            first_paragraph("# x — y\n\n## What it means\n\nOne\ntwo.\n\nThree.\n"),
            "One two."
        );
        let missed = rule(Code::Missed);
        let full = &missed.full_description;
        assert!(full.text.starts_with("A final outcome covers"));
        assert!(!full.text.contains('\n'));
        assert!(full.markdown.contains("`pp`") && full.text.contains(" pp (percentage"));
    }

    #[test]
    fn levels_map_to_sarif_levels() {
        assert_eq!(sarif_level(Level::Deny), "error");
        assert_eq!(sarif_level(Level::Warn), "warning");
        assert_eq!(sarif_level(Level::Allow), "note");
    }

    #[test]
    fn help_becomes_a_second_sentence() {
        let source = "目标增长11%";
        let target = claim("a.txt", source, "增长11%");
        let plain = Finding::new(Code::Missed, &target, "missed by 1 pp".to_owned());
        assert_eq!(message_text(&plain), "missed by 1 pp");
        let helped = plain.help("a later report settles it");
        assert_eq!(
            message_text(&helped),
            "missed by 1 pp. A later report settles it."
        );
    }

    #[test]
    fn columns_count_utf16_code_units_past_an_astral_character() {
        // 𠀀 (U+20000) is one char, two UTF-16 code units and four bytes.
        let doc = "语料/𠀀.txt";
        let source = "---\ntitle: x\n---\n𠀀市今年地区生产总值增长11%\n";
        let target = claim(doc, source, "地区生产总值增长11%");
        assert_eq!((target.line, target.column), (4, 5));
        let finding = Finding::new(Code::Missed, &target, "missed".to_owned())
            .cite(&claim(doc, source, "𠀀市"), "the city");
        let out = parse(&sarif_of(
            &[finding],
            &Levels::default(),
            &articles(doc, source),
            false,
        ));
        let location = &out["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "%E8%AF%AD%E6%96%99/%F0%A0%80%80.txt"
        );
        let region = &location["region"];
        assert_eq!(region["startLine"], 4);
        assert_eq!(region["startColumn"], 6, "𠀀 counts two, 市今年 three");
        assert_eq!(region["endLine"], 4);
        assert_eq!(
            region["endColumn"],
            6 + "地区生产总值增长11%".chars().count()
        );
        assert_eq!(region["byteOffset"], source.find("地区").unwrap());
        assert_eq!(region["byteLength"], "地区生产总值增长11%".len());
        assert_eq!(region["snippet"]["text"], "地区生产总值增长11%");
        let related = &out["runs"][0]["results"][0]["relatedLocations"][0];
        assert_eq!(related["id"], 1);
        assert_eq!(related["message"]["text"], "the city");
        assert_eq!(related["physicalLocation"]["region"]["startColumn"], 1);
        assert_eq!(related["physicalLocation"]["region"]["endColumn"], 4);
    }

    #[test]
    fn allow_findings_are_shown_on_request_and_keep_their_fingerprints() {
        let source = "增长11%,增长11%,增长12%";
        let doc = "a.txt";
        let first = claim(doc, source, "增长11%");
        let mut second = first.clone();
        let again = source.rfind("增长11%").unwrap();
        second.span = Span::new(again, again + first.span.len());
        assert!(second.span.start > first.span.end);
        let findings = [
            Finding::new(Code::Met, &first, "met".to_owned()),
            Finding::new(Code::Missed, &first, "missed".to_owned()),
            Finding::new(Code::Missed, &second, "missed again".to_owned()),
        ];
        let articles = articles(doc, source);
        let levels = Levels::default();
        let shown = parse(&sarif_of(&findings, &levels, &articles, false));
        let all = parse(&sarif_of(&findings, &levels, &articles, true));
        let results = shown["runs"][0]["results"].as_array().unwrap();
        let every = all["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        assert_eq!(every.len(), 3);
        assert_eq!(every[0]["level"], "note");
        assert_eq!(every[0]["ruleIndex"], 0);
        assert_eq!(results[0]["ruleId"], "target::missed");
        assert_eq!(results[0]["ruleIndex"], 1);
        assert_eq!(results[0], every[1]);
        // Same code, document and text: told apart by their order.
        let print = |r: &serde_json::Value| {
            r["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (a, b) = (print(&results[0]), print(&results[1]));
        assert_eq!(a.split(':').next(), b.split(':').next());
        assert!(a.ends_with(":1") && b.ends_with(":2"), "{a} {b}");

        let mut warned = Levels::default();
        warned.set(Code::Missed, Level::Warn);
        let out = parse(&sarif_of(&findings, &warned, &articles, false));
        assert_eq!(out["runs"][0]["results"][0]["level"], "warning");
        let rules = out["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules[1]["defaultConfiguration"]["level"], "error");
        assert_eq!(
            sarif_of(&findings, &levels, &articles, true),
            sarif_of(&findings, &levels, &articles, true)
        );
    }

    #[test]
    fn a_claim_without_its_article_keeps_line_bytes_and_snippet() {
        let target = claim("gone.txt", "x\n增长11%", "增长11%");
        let finding = Finding::new(Code::Missed, &target, "missed".to_owned());
        let out = parse(&sarif_of(
            &[finding],
            &Levels::default(),
            &Articles::new(),
            false,
        ));
        let run = &out["runs"][0];
        assert!(
            run.get("artifacts").unwrap()[0]
                .get("description")
                .is_none()
        );
        let region = &run["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 2);
        assert!(region.get("startColumn").is_none());
        assert_eq!(region["byteOffset"], 2);
        assert_eq!(region["snippet"]["text"], "增长11%");
    }
}
