//! The SARIF log on small hand-made findings: paths, rule names, levels, messages, UTF-16
//! columns, allow-level findings and claims whose article is not at hand.

use chrono::NaiveDate;

use super::rules::{first_paragraph, rule_name};
use super::*;
use crate::claim::{Claim, ClaimKind, claim_id};
use crate::finding::Levels;
use crate::report::articles::{Article, Articles};
use crate::span::Span;

/// The SARIF log of `findings`, allow-level ones shown with `show_all`.
fn sarif_of(findings: &[Finding], levels: &Levels, articles: &Articles, show_all: bool) -> String {
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
