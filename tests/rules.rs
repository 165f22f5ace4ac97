//! Rule loading: every `rules::*` diagnostic from a fixture directory, the shipped rules, and
//! the compiled matcher.

mod common;

use std::path::Path;

use claimcheck::rules::{self, AnaphorKind, Code, RuleDiagnostic, RuleSet, Term};

/// Loads a fixture directory by its path relative to the crate root (cargo runs integration
/// tests from there), so diagnostics show relative paths.
fn load_fixture(case: &str) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    rules::load(Path::new(&format!("tests/fixtures/bad-rules/{case}")))
}

fn render(diagnostics: &[RuleDiagnostic]) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    let mut out = String::new();
    for diagnostic in diagnostics {
        handler
            .render_report(&mut out, diagnostic)
            .expect("rendering into a String cannot fail");
        out.push('\n');
    }
    out
}

/// Loads `case`, checks it fails with exactly `expected` codes, and snapshots the rendering.
fn check_bad(case: &str, expected: &[Code]) {
    let diagnostics = match load_fixture(case) {
        Ok(_) => panic!("{case}: a bad rules directory loaded"),
        Err(diagnostics) => diagnostics,
    };
    let codes: Vec<Code> = diagnostics.iter().map(RuleDiagnostic::code).collect();
    assert_eq!(codes, expected, "{case}: {}", render(&diagnostics));
    common::snapshots().bind(|| {
        insta::assert_snapshot!(format!("rules_bad_{case}"), render(&diagnostics));
    });
}

#[test]
fn bad_syntax() {
    check_bad("syntax", &[Code::Syntax]);
}

#[test]
fn bad_unknown_key() {
    check_bad("unknown-key", &[Code::UnknownKey]);
}

#[test]
fn bad_type() {
    check_bad("type", &[Code::Type]);
}

#[test]
fn bad_missing_field() {
    check_bad("missing-field", &[Code::MissingField]);
}

#[test]
fn bad_regex() {
    check_bad("regex", &[Code::Regex]);
}

#[test]
fn bad_duplicate_id() {
    check_bad("duplicate-id", &[Code::DuplicateId]);
}

#[test]
fn bad_duplicate_id_across_files() {
    // y.toml repeats x.toml's id, so it is both outside its family and a duplicate.
    check_bad("duplicate-id-across", &[Code::DuplicateId, Code::Family]);
    let diagnostics = load_fixture("duplicate-id-across").expect_err("duplicate ids");
    let duplicate = &diagnostics[0];
    assert_eq!(
        duplicate.path(),
        "tests/fixtures/bad-rules/duplicate-id-across/metrics/y.toml"
    );
    let related = duplicate.related_diagnostics();
    assert_eq!(related.len(), 1);
    assert_eq!(
        related[0].path(),
        "tests/fixtures/bad-rules/duplicate-id-across/metrics/x.toml"
    );
}

#[test]
fn bad_family() {
    check_bad("family", &[Code::Family]);
}

#[test]
fn bad_unknown_dimension() {
    check_bad("unknown-dimension", &[Code::UnknownDimension]);
}

#[test]
fn bad_examples() {
    check_bad("examples", &[Code::Examples]);
}

#[test]
fn bad_alias() {
    check_bad("alias", &[Code::Alias]);
}

#[test]
fn bad_unknown_entity() {
    check_bad("unknown-entity", &[Code::UnknownEntity]);
}

#[test]
fn bad_unknown_metric() {
    check_bad("unknown-metric", &[Code::UnknownMetric]);
}

#[test]
fn bad_io() {
    check_bad("io", &[Code::Io]);
}

#[test]
fn labels_point_at_the_offending_text() {
    let cases = [
        ("unknown-key", "aliass"),
        ("type", "\"growht\""),
        ("regex", "'GDP增长(?P<value>[0-9.]+%'"),
        ("family", "\"y.gdp_growth\""),
        ("unknown-dimension", "\"percnet\""),
        ("examples", "\"x.gdp_growth\""),
        ("alias", "\"\""),
        ("unknown-entity", "\"焦作\""),
        ("unknown-metric", "\"x.gdp_plan\""),
    ];
    for (case, expected) in cases {
        let diagnostics = load_fixture(case).expect_err(case);
        let diagnostic = &diagnostics[0];
        let text = diagnostic.source_text().expect("source attached");
        let (span, _) = &diagnostic.spans()[0];
        assert_eq!(&text[span.range()], expected, "{case}");
    }
}

#[test]
fn good_fixture_loads() {
    let rules = load_fixture("good").unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(rules.metrics().len(), 1);
    let metric = &rules.metrics()[0];
    assert_eq!(metric.id, "x.gdp_growth");
    assert_eq!(metric.file, "tests/fixtures/bad-rules/good/metrics/x.toml");
    assert_eq!(metric.examples[0].value.to_string(), "11");
    assert_eq!(rules.parent_of(0), Some(1));
    let matches = rules.scan_patterns("今年GDP增长11.5%左右");
    assert_eq!(matches.len(), 1);
    let value = matches[0].value.expect("value group");
    assert_eq!(&"今年GDP增长11.5%左右"[value.range()], "11.5");
}

#[test]
fn builtin_rules_load() {
    let rules = rules::builtin().unwrap_or_else(|d| panic!("{}", render(&d)));
    assert!(rules.entities().iter().any(|e| e.name == "中站区"));
    assert!(!rules.cues().is_empty());
    assert_eq!(rules.anaphora().province, ["全省"]);
}

#[test]
fn shipped_directory_matches_builtin() {
    let from_dir = rules::load(Path::new("rules")).unwrap_or_else(|d| panic!("{}", render(&d)));
    let builtin = rules::builtin().unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(from_dir.metrics().len(), builtin.metrics().len());
    assert_eq!(from_dir.entities(), builtin.entities());
    assert_eq!(from_dir.cues(), builtin.cues());
}

#[test]
fn scan_finds_words_leftmost_longest() {
    let rules = load_fixture("good").unwrap_or_else(|d| panic!("{}", render(&d)));
    let text = "今年经济社会发展的主要目标是:地区生产总值(GDP)增长11%,该区力争中站区全市";
    let found: Vec<(&str, Vec<Term>)> = rules
        .scan(text)
        .into_iter()
        .map(|m| (&text[m.span.range()], m.terms.to_vec()))
        .collect();
    assert_eq!(
        found,
        [
            ("地区生产总值", vec![Term::Metric(0)]),
            ("GDP", vec![Term::Metric(0)]),
            ("该区", vec![Term::Anaphor(AnaphorKind::Own)]),
            ("力争", vec![Term::Cue(0)]),
            // 中站区 wins over its prefix 中站.
            ("中站区", vec![Term::Entity(0)]),
            ("全市", vec![Term::Anaphor(AnaphorKind::Parent)]),
        ]
    );
}

#[test]
fn builtin_scan_prefers_longest_cue() {
    let rules = rules::builtin().unwrap_or_else(|d| panic!("{}", render(&d)));
    let text = "今年经济社会发展的主要目标是:地区生产总值(GDP)增长11%,该区力争1~8月份完成年度投资计划的70%";
    let words: Vec<&str> = rules
        .scan(text)
        .iter()
        .map(|m| &text[m.span.range()])
        .collect();
    assert!(words.contains(&"主要目标是"), "{words:?}");
    assert!(!words.contains(&"目标是"), "{words:?}");
    assert!(words.contains(&"完成年度投资计划的"), "{words:?}");
    assert!(words.contains(&"该区"), "{words:?}");
    assert!(words.contains(&"力争"), "{words:?}");
}

#[test]
fn every_code_is_distinct() {
    let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Code::ALL.len());
    assert!(names.iter().all(|n| n.starts_with("rules::")));
}
