//! Rule examples as tests: the shipped rules' examples and counterexamples must all hold, and
//! `claimcheck rules test` reports the ones that do not in a stable format.

mod common;

use claimcheck::rules::{self, examples};

#[test]
fn every_builtin_example_and_counterexample_holds() {
    let rules = rules::builtin().expect("the built-in rules load");
    let report = examples::run(&rules);
    assert!(report.examples() > 0 && report.counterexamples() > 0);
    assert_eq!(report.failures().count(), 0, "\n{}", report.render());
    assert!(report.unexercised.is_empty(), "\n{}", report.render());
    assert!(report.few_wordings.is_empty(), "\n{}", report.render());
    assert!(report.is_clean(), "\n{}", report.render());
}

#[test]
fn rules_test_reports_each_kind_of_failure() {
    // The fixture has a passing metric, a wrong expected value, a counterexample that gives its
    // metric, an example giving another metric, one giving no claim, an unexercised rule, and a
    // passing rule whose examples are one sentence.
    let (code, out) = common::run(&["rules", "test", "--rules", "tests/fixtures/rules-test"]);
    assert_eq!(code, 1, "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("rules_test_fixture", out));
}

#[test]
fn rules_test_exits_2_when_the_rules_do_not_load() {
    let (code, out) = common::run(&[
        "rules",
        "test",
        "--rules",
        "tests/fixtures/bad-rules/syntax",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("rules::syntax"), "{out}");
}
