//! Reading the JSON that `extract` and `check` print: claims, findings, and the claim or
//! verdict a test asks about.

use serde_json::Value;

use super::run_stdout;

/// The claims `extract --format json` finds at `path`.
pub fn claims(path: &str) -> Vec<Value> {
    let (_, out) = run_stdout(&["extract", path, "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("extract prints JSON");
    doc["claims"].as_array().cloned().unwrap_or_default()
}

/// The findings `check --format json` gives at `path`.
pub fn findings(path: &str) -> Vec<Value> {
    let (_, out) = run_stdout(&["check", path, "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("check prints JSON");
    doc["findings"].as_array().cloned().unwrap_or_default()
}

/// The claim whose quoted text contains `quote`.
pub fn quoted<'c>(claims: &'c [Value], quote: &str) -> &'c Value {
    claims
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains(quote)))
        .unwrap_or_else(|| panic!("no claim quoting {quote}"))
}

/// The claim quoting `quote` whose metric is `metric`, when one quote gives several claims.
pub fn quoted_metric<'c>(claims: &'c [Value], quote: &str, metric: &str) -> &'c Value {
    claims
        .iter()
        .find(|c| c["metric"] == metric && c["text"].as_str().is_some_and(|t| t.contains(quote)))
        .unwrap_or_else(|| panic!("no claim of {metric} quoting {quote}"))
}

/// The verdict code of the finding on `metric`'s target due at `deadline`.
pub fn verdict(findings: &[Value], metric: &str, deadline: &str) -> String {
    findings
        .iter()
        .find(|f| f["target"]["metric"] == metric && f["target"]["deadline"] == deadline)
        .and_then(|f| f["code"].as_str())
        .unwrap_or_default()
        .to_owned()
}
