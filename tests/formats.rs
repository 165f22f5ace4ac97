//! The machine formats — GitHub workflow commands, the target ledger (Markdown and CSV) and
//! ClaimReview JSON-LD — on the bundled corpus (as of 2024-12-31) and on the user's 2014 GDP
//! example (as of its latest article): snapshots, and what each format promises its reader.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use claimcheck::audit::{self, Audit};
use claimcheck::finding::{Finding, Levels};
use claimcheck::report::articles::{self, Articles};
use claimcheck::report::{Context, Settings, claimreview, github, ledger, spreadsheet};

/// The user's example: the 2014 plan and the 2015 review that reports on it.
const GDP_2014: &str = "tests/fixtures/check/missed-gdp-2014";

/// The audit of a folder (paths as a user types them, relative to the crate root) and its
/// articles.
fn audit_of(folder: &str, as_of: Option<NaiveDate>) -> (Audit, Articles) {
    let loaded = claimcheck::corpus::load(&[PathBuf::from(folder)]);
    assert!(!loaded.documents.is_empty(), "{folder} has articles");
    let rules = claimcheck::rules::builtin().expect("the built-in rules load");
    let judging = audit::Judging {
        as_of,
        ..audit::Judging::default()
    };
    let audit = audit::audit(&loaded.documents, &rules, judging);
    (audit, articles::of_documents(&loaded.documents))
}

fn corpus() -> (Audit, Articles) {
    audit_of("corpus", NaiveDate::from_ymd_opt(2024, 12, 31))
}

fn gdp_fixture() -> (Audit, Articles) {
    audit_of(GDP_2014, None)
}

/// Both inputs, named for their snapshots.
fn inputs() -> [(&'static str, Audit, Articles); 2] {
    let (corpus, corpus_articles) = corpus();
    let (fixture, fixture_articles) = gdp_fixture();
    [
        ("corpus", corpus, corpus_articles),
        ("missed-gdp-2014", fixture, fixture_articles),
    ]
}

fn target_findings(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.code.verdict().is_some())
        .collect()
}

/// The finding about the 2014 goal `地区生产总值（GDP）增长11%`.
fn gdp_goal(findings: &[Finding]) -> &Finding {
    findings
        .iter()
        .find(|f| {
            f.target.metric == "economy.gdp_growth"
                && f.target.value == Some(rust_decimal::Decimal::from(11))
        })
        .expect("a finding about the 2014 GDP goal")
}

/// `render` on the audit's findings (those at allow level hidden), the reviews published as
/// `publication` says.
fn rendered(
    audit: &Audit,
    articles: &Articles,
    publication: claimreview::Publication,
    render: fn(&Context) -> String,
) -> String {
    let levels = Levels::default();
    let context = Context::new(&audit.findings, &levels, articles, audit.as_of);
    let settings = Settings {
        publication,
        ..context.settings
    };
    render(&context.with_settings(settings))
}

fn snapshot(name: String, text: String) {
    common::snapshots().bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn github_snapshots() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, github::github);
        snapshot(format!("formats_github_{name}"), out);
    }
}

#[test]
fn ledger_markdown_snapshots() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, ledger::markdown);
        snapshot(format!("formats_ledger_md_{name}"), out);
    }
}

#[test]
fn csv_snapshots() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, spreadsheet::findings);
        snapshot(format!("formats_csv_{name}"), out);
        snapshot(
            format!("formats_claims_csv_{name}"),
            spreadsheet::claims(&audit.claims),
        );
    }
}

/// The publisher of the reviews in these tests, as `[report]` in claimcheck.toml names it.
const PUBLISHED: claimreview::Publication<'static> = claimreview::Publication {
    url: Some("https://factcheck.example/jiaozuo/audit.html"),
    publisher: Some("焦作核查示例"),
    date: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
};

#[test]
fn claimreview_snapshots() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, claimreview::claimreview);
        snapshot(format!("formats_claimreview_{name}"), out);
    }
}

#[test]
fn github_annotates_the_2014_gdp_goal_as_an_error_where_it_stands() {
    let (audit, articles) = gdp_fixture();
    let goal = gdp_goal(&audit.findings);
    let out = rendered(&audit, &articles, PUBLISHED, github::github);
    let prefix = format!(
        "::error file={},line={},col={},",
        goal.target.doc, goal.target.line, goal.target.column
    );
    assert_eq!(
        goal.target.doc,
        format!("{GDP_2014}/2014-02-15-zhongzhanqu-sige-zhongzhan.txt")
    );
    let line = out
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix} in\n{out}"));
    assert!(line.contains(",title=target%3A%3Amissed::"), "{line}");
    assert!(line.contains("reported 9.8%25"), "{line}");
    assert!(
        line.contains("%0Aevidence: tests/fixtures/check/missed-gdp-2014/2015-02-06-"),
        "{line}"
    );
    // Every command is one line: nothing in a message breaks it.
    let shown = audit
        .findings
        .iter()
        .filter(|f| Levels::default().of(f.code) != claimcheck::finding::Level::Allow)
        .count();
    assert_eq!(out.lines().count(), shown);
    assert!(
        out.lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
    );
}

/// The cells of a Markdown table row, unescaped pipes splitting them.
fn cells(row: &str) -> Vec<String> {
    let inner = row
        .trim()
        .strip_prefix('|')
        .and_then(|r| r.strip_suffix('|'))
        .expect("a table row");
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().unwrap();
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells.iter().map(|c| c.trim().to_owned()).collect()
}

#[test]
fn the_ledger_has_one_row_per_target_finding_with_its_verdict() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, ledger::markdown);
        let mut lines = out.lines();
        assert_eq!(
            lines.next(),
            Some(format!("# Targets as of {}", audit.as_of).as_str())
        );
        let table: Vec<&str> = lines.filter(|l| l.starts_with('|')).collect();
        assert_eq!(cells(table[0]), ledger::COLUMNS, "{name}");
        let targets = target_findings(&audit.findings);
        let rows = &table[2..];
        assert_eq!(
            rows.len(),
            targets.len(),
            "{name}: one row per target finding"
        );
        for (row, finding) in rows.iter().zip(&targets) {
            let row = cells(row);
            assert_eq!(row.len(), ledger::COLUMNS.len(), "{name}: {row:?}");
            assert_eq!(
                Some(row[4].as_str()),
                finding.code.verdict(),
                "{name}: {row:?}"
            );
            assert_eq!(
                row[9],
                format!("{}:{}", finding.target.doc, finding.target.line)
            );
        }
    }
    let (audit, articles) = gdp_fixture();
    let out = rendered(&audit, &articles, PUBLISHED, ledger::markdown);
    let source = {
        let goal = &gdp_goal(&audit.findings).target;
        format!("{}:{}", goal.doc, goal.line)
    };
    let gdp = out
        .lines()
        .map(cells_or_none)
        .find(|row| row.get(9) == Some(&source))
        .expect("the GDP goal's row");
    assert_eq!(gdp[1], "地区生产总值(GDP)增速");
    assert_eq!(gdp[2], "≥11%");
    assert_eq!(gdp[3], "2014-12-31");
    assert_eq!(gdp[4], "missed");
    assert_eq!(gdp[5], "9.8% (2015-02-06-zhongzhanqu-2014-huigu.txt)");
    assert_eq!(gdp[6], "2014", "the evidence measures the year 2014");
    assert_eq!(gdp[7], "2015-02-06", "and was published in February 2015");
    assert_eq!(gdp[8], "-1.2 pp");
}

fn cells_or_none(line: &str) -> Vec<String> {
    if line.starts_with('|') {
        cells(line)
    } else {
        Vec::new()
    }
}

#[test]
fn claimreview_has_the_properties_fact_check_tools_expect() {
    for (name, audit, articles) in inputs() {
        let out = rendered(&audit, &articles, PUBLISHED, claimreview::claimreview);
        let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).expect("a JSON array");
        let targets = target_findings(&audit.findings);
        assert_eq!(reviews.len(), targets.len(), "{name}");
        let anchors = claimcheck::report::quote::anchors(&audit.findings);
        let mut urls = std::collections::BTreeSet::new();
        for (review, finding) in reviews.iter().zip(&targets) {
            assert_eq!(review["@context"], "https://schema.org");
            assert_eq!(review["@type"], "ClaimReview", "{review}");
            // A url per review: the report's address and the finding's anchor, unique.
            let url = review["url"].as_str().expect("a url");
            let anchor = url
                .strip_prefix("https://factcheck.example/jiaozuo/audit.html#f-")
                .expect("the report's address with a fragment");
            assert!(anchors.contains(&format!("f-{anchor}")), "{url}");
            assert!(urls.insert(url.to_owned()), "{url} repeats");
            // The publisher, the review's own date, the language.
            assert_eq!(review["author"]["name"], "焦作核查示例");
            assert_eq!(review["author"]["@type"], "Organization");
            assert_eq!(review["datePublished"], "2025-01-15");
            assert_eq!(review["inLanguage"], "zh");
            // The whole sentence that states the target, not just its number.
            let claimed = review["claimReviewed"].as_str().unwrap();
            let printed = claimcheck::report::quote::as_printed(&finding.target.text);
            assert!(claimed.contains(&printed), "{claimed:?} quotes {printed:?}");
            assert!(!claimed.contains('\n'), "{claimed:?}");
            // Pending and unverified targets are not verdicts on truth: no rating.
            let open = matches!(finding.code.verdict(), Some("pending" | "unverified"));
            assert_eq!(review.get("reviewRating").is_none(), open, "{review}");
            if let Some(rating) = review.get("reviewRating") {
                let value = rating["ratingValue"].as_u64().expect("a numeric rating");
                assert!((1..=5).contains(&value), "{rating}");
                assert_eq!(rating["bestRating"], 5);
                assert_eq!(rating["worstRating"], 1);
            }
            // The review in Chinese, with the target's number.
            let body = review["reviewBody"].as_str().unwrap();
            assert!(body.contains("目标"), "{body}");
            if let Some(value) = finding.target.value {
                assert!(body.contains(&value.to_string()), "{body}");
            }
            assert_eq!(review["itemReviewed"]["@type"], "Claim");
            assert_eq!(
                review["itemReviewed"]["author"]["name"],
                finding.target.entity.as_str()
            );
            // No article of these inputs has a url: no appearance url, never a local path.
            assert!(
                review["itemReviewed"]["appearance"].get("url").is_none(),
                "{review}"
            );
        }
    }
    let (audit, mut articles) = gdp_fixture();
    let plan = &gdp_goal(&audit.findings).target.doc;
    articles.get_mut(plan).unwrap().url = Some("https://news.example/2014/plan.html".to_owned());
    let out = rendered(&audit, &articles, PUBLISHED, claimreview::claimreview);
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let anchor = &claimcheck::report::quote::anchors(&audit.findings)[audit
        .findings
        .iter()
        .position(|f| std::ptr::eq(f, gdp_goal(&audit.findings)))
        .unwrap()];
    let gdp = reviews
        .iter()
        .find(|r| r["url"] == format!("https://factcheck.example/jiaozuo/audit.html#{anchor}"))
        .expect("the GDP goal's review");
    assert_eq!(gdp["reviewRating"]["ratingValue"], 1);
    assert_eq!(gdp["reviewRating"]["alternateName"], "未实现");
    assert_eq!(
        gdp["claimReviewed"],
        "今年经济社会发展的主要目标是：地区生产总值（GDP）增长11%，公共财政预算收入增长12%，\
         全社会固定资产投资增长23%，规模以上工业增加值增长15%，社会消费品零售总额增长14%以上，\
         城镇居民人均可支配收入增长12%，农民人均纯收入增长11%，人口自然增长率控制在6‰以内。"
    );
    assert_eq!(
        gdp["reviewBody"],
        "中站区地区生产总值(GDP)增速的目标是≥11%，期限2014-12-31。\
         未实现：2015-02-06发布的报告显示2014年为9.8%，与目标相差-1.2个百分点。"
    );
    assert_eq!(gdp["itemReviewed"]["datePublished"], "2014-02-15");
    assert_eq!(
        gdp["itemReviewed"]["appearance"]["url"],
        "https://news.example/2014/plan.html"
    );
}

#[test]
fn claimreview_without_a_publisher_leaves_url_and_author_out() {
    let (audit, articles) = gdp_fixture();
    let unnamed = claimreview::Publication {
        url: None,
        publisher: None,
        date: audit.as_of,
    };
    let out = rendered(&audit, &articles, unnamed, claimreview::claimreview);
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!reviews.is_empty());
    for review in &reviews {
        assert!(
            review.get("url").is_none() && review.get("author").is_none(),
            "{review}"
        );
        assert_eq!(review["datePublished"], audit.as_of.to_string());
    }
}
