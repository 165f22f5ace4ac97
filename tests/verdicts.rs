//! Verdicts a fact-checker can publish (issue F): the knowledge cut-off, part-period rates,
//! approximate goals and their direction, estimates and revisions, evidence from comparable
//! periods, and successive annual goals. One fixture folder per case under
//! `tests/fixtures/check/`, each with its human and JSON output as snapshots.

mod common;

use common::run_stdout;
use serde_json::Value;

/// The findings of a fixture folder as JSON, with extra arguments.
fn findings(case: &str, extra: &[&str]) -> Vec<Value> {
    let path = format!("tests/fixtures/check/{case}");
    let mut args = vec!["check", path.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let (_, out) = run_stdout(&args);
    let doc: Value = serde_json::from_str(&out).expect("check prints JSON");
    doc["findings"].as_array().cloned().unwrap_or_default()
}

/// The finding about the target whose metric id is `metric`.
fn about<'f>(found: &'f [Value], metric: &str) -> &'f Value {
    found
        .iter()
        .find(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("target::"))
                && f["target"]["metric"] == metric
        })
        .unwrap_or_else(|| panic!("no target finding for {metric} among {found:#?}"))
}

fn codes(found: &[Value]) -> Vec<&str> {
    found.iter().filter_map(|f| f["code"].as_str()).collect()
}

/// Snapshots of the human report (all levels) and the JSON of a case.
fn snapshot(case: &str, extra: &[&str]) {
    let path = format!("tests/fixtures/check/{case}");
    let mut human = vec!["check", path.as_str()];
    human.extend_from_slice(extra);
    if !extra.contains(&"--show-all") {
        human.push("--show-all");
    }
    let mut json = vec!["check", path.as_str(), "--format", "json"];
    json.extend_from_slice(extra);
    let (_, human) = run_stdout(&human);
    let (_, json) = run_stdout(&json);
    assert!(human.contains("checked"), "{case}: no human report");
    common::snapshots().bind(|| {
        insta::assert_snapshot!(format!("verdicts_{case}_human"), human);
        insta::assert_snapshot!(format!("verdicts_{case}_json"), json);
    });
}

#[test]
fn as_of_is_a_knowledge_cut_off() {
    // By default the review of 2024 (published 2025-01-16) settles the 2024 goals.
    let all = findings("as-of-cut-off", &[]);
    assert_eq!(about(&all, "economy.gdp_growth")["code"], "target::met");
    // On 2024-08-01 nobody could know it: the goals are pending and nothing is cited.
    let august = findings("as-of-cut-off", &["--as-of", "2024-08-01"]);
    for f in &august {
        assert_eq!(f["code"], "target::pending", "{f:#?}");
        assert!(f["evidence"].as_array().is_none_or(Vec::is_empty), "{f:#?}");
    }
    assert_eq!(august.len(), 3);
    // Before the plan was published there is nothing to judge.
    assert!(findings("as-of-cut-off", &["--as-of", "2015-01-01"]).is_empty());
    snapshot("as-of-cut-off", &["--as-of", "2024-08-01"]);
}

#[test]
fn part_period_rates_indicate_and_amounts_go_pro_rata() {
    let found = findings("part-period-rates", &[]);
    let gdp = about(&found, "economy.gdp_growth");
    assert_eq!(gdp["code"], "target::on-track");
    let revenue = about(&found, "fiscal.budget_revenue_growth");
    assert_eq!(revenue["code"], "target::behind");
    // A rate never adds up: no share of the goal "done".
    for f in [gdp, revenue] {
        let message = f["message"].as_str().unwrap_or_default();
        assert!(!message.contains("done"), "{message}");
        assert!(f["computation"].get("done_percent").is_none());
    }
    // The amount of the plan is compared pro rata.
    let plan = about(&found, "projects.key_annual_plan");
    assert_eq!(plan["code"], "target::on-track");
    assert!(plan["computation"]["done_percent"].is_string());
    assert!(!codes(&found).contains(&"target::met"));
    snapshot("part-period-rates", &[]);
}

#[test]
fn approximate_goals_have_a_band_and_a_direction() {
    let found = findings("approximate-band", &[]);
    for metric in [
        "economy.gdp_growth",
        "economy.cpi_growth",
        "people.surveyed_unemployment_rate",
        "environment.energy_intensity_change",
    ] {
        assert_eq!(about(&found, metric)["code"], "target::met", "{metric}");
    }
    let gdp = about(&found, "economy.gdp_growth");
    let message = gdp["message"].as_str().unwrap_or_default();
    assert!(message.contains("within its ±0.5 pp band"), "{message}");
    assert_eq!(gdp["computation"]["band"], "±0.5 pp");
    // CPI is a ceiling: 2.1% under about 3% exceeds the goal.
    let cpi = about(&found, "economy.cpi_growth");
    assert!(
        cpi["message"]
            .as_str()
            .unwrap_or_default()
            .contains("exceeded")
    );
    assert_eq!(cpi["target"]["comparator"], "<=");
    // A fall of 2.7% meets a goal of a fall of about 2.5%.
    let energy = about(&found, "environment.energy_intensity_change");
    assert_eq!(energy["target"]["value"], "-2.5");
    snapshot("approximate-band", &[]);
}

#[test]
fn a_narrower_tolerance_in_claimcheck_toml_changes_the_band() {
    let dir = std::env::temp_dir().join(format!("claimcheck-tolerance-{}", std::process::id()));
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("temp dir");
    let fixture = common::repo_path("tests/fixtures/check/approximate-band");
    for entry in std::fs::read_dir(fixture).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(
        dir.join("claimcheck.toml"),
        "[tolerance]\nrate_points = 0\n",
    )
    .expect("settings");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "corpus", "--format", "json"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let found = doc["findings"].as_array().cloned().unwrap_or_default();
    // With no band, 6.4% is short of 6.5%左右.
    assert_eq!(
        about(&found, "economy.gdp_growth")["code"],
        "target::missed"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn estimates_settle_nothing_once_the_final_figure_is_known() {
    let found = findings("revised", &[]);
    let gdp = about(&found, "economy.gdp_growth");
    assert_eq!(gdp["code"], "target::met");
    assert_eq!(gdp["computation"]["reported"], "6.8%");
    assert_eq!(gdp["evidence"][0]["published"], "2024-03-22");
    let revised: Vec<&Value> = found
        .iter()
        .filter(|f| f["code"] == "report::revised")
        .collect();
    assert_eq!(revised.len(), 2, "{found:#?}");
    assert_eq!(revised[0]["evidence"][0]["estimate"], true);
    // An estimate is never a target, so it restates nothing.
    assert!(!codes(&found).contains(&"target::restated"));
    assert!(
        found
            .iter()
            .all(|f| f["target"]["estimate"] == false || f["code"] == "report::revised")
    );
    snapshot("revised", &["--show-all"]);
}

#[test]
fn estimates_alone_settle_with_a_warning() {
    // Without the communiqué, the estimate is all that is known on 2024-02-01.
    let found = findings("revised", &["--as-of", "2024-02-01"]);
    let gdp = about(&found, "economy.gdp_growth");
    assert_eq!(gdp["code"], "target::met");
    assert_eq!(gdp["computation"]["reported"], "7.3%");
    assert!(
        gdp["help"]
            .as_str()
            .unwrap_or_default()
            .contains("estimate")
    );
}

#[test]
fn evidence_comes_from_a_comparable_period() {
    let found = findings("evidence-period", &[]);
    let gdp = about(&found, "economy.gdp_growth");
    assert_eq!(gdp["code"], "target::unverified");
    // The January–September figure of 2020 is not the 2014 growth rate.
    assert!(
        gdp["evidence"].as_array().is_none_or(Vec::is_empty),
        "{gdp:#?}"
    );
    let message = gdp["message"].as_str().unwrap_or_default();
    assert!(!message.contains("1.9"), "{message}");
    snapshot("evidence-period", &[]);
}

#[test]
fn successive_annual_goals_are_not_restatements() {
    let found = findings("successive-goals", &["--show-all"]);
    assert!(!codes(&found).contains(&"target::restated"), "{found:#?}");
    // The 2025 goal shows the 2024 outcome as the latest value, with its period.
    let jobs_2025 = found
        .iter()
        .find(|f| f["target"]["metric"] == "people.new_jobs" && f["code"] == "target::pending")
        .expect("the 2025 jobs goal is pending");
    assert!(
        jobs_2025["message"]
            .as_str()
            .unwrap_or_default()
            .contains("3260人 for 2024")
    );
    snapshot("successive-goals", &[]);
}
