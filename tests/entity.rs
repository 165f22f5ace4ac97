//! A front matter `entity` in Traditional script is folded to Simplified like the body, so a
//! repost (`entity = "梧桐縣"`) reports on the targets of the original (`梧桐县`). The fixture
//! is `tests/fixtures/traditional-entity`: the 2023 goals of 梧桐县 in Simplified, and a
//! Traditional repost of the county's review of 2023.

mod common;

use common::{run, run_stdout};

const FIXTURE: &str = "tests/fixtures/traditional-entity";

#[test]
fn a_traditional_front_matter_entity_is_the_simplified_one() {
    let loaded = claimcheck::corpus::load(&[FIXTURE.into()]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let entities: Vec<Option<&str>> = loaded
        .documents
        .iter()
        .map(|d| d.meta.entity.as_deref())
        .collect();
    assert_eq!(entities, [Some("梧桐县"), Some("梧桐县")]);
    // The file itself is not rewritten: spans still point at the repost's own characters.
    assert!(
        loaded.documents[1]
            .source
            .contains("entity    = \"梧桐縣\"")
    );
}

#[test]
fn the_repost_settles_the_goals_instead_of_leaving_them_unverified() {
    let (code, json) = run_stdout(&["check", FIXTURE, "--format", "json", "--show-all"]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let verdicts: Vec<(&str, &str)> = parsed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["target"]["metric"].as_str().unwrap(),
                f["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("economy.gdp_growth", "target::met"),
            ("fiscal.budget_revenue_growth", "target::met"),
            ("people.urban_income_growth", "target::missed"),
        ]
    );
    for finding in parsed["findings"].as_array().unwrap() {
        let evidence = &finding["evidence"][0];
        assert_eq!(evidence["entity"], "梧桐县", "{finding}");
        assert!(evidence["doc"].as_str().unwrap().ends_with("-fanti.txt"));
    }
    assert_eq!(code, 1, "the income goal is missed");
    common::snapshots().bind(|| insta::assert_snapshot!("entity_traditional_json", json));
    let (_, human) = run(&["check", FIXTURE]);
    common::snapshots().bind(|| insta::assert_snapshot!("entity_traditional_human", human));
}
