//! Text copied from the web: a Traditional repost of a county work report with pinyin glosses,
//! HTML entities, doubled punctuation, bullets, numbered sections and Taiwan wording
//! (`tests/fixtures/webtext/`), as the engine sees it and as claims.

mod common;

use common::{run, run_stdout};

const REPOST: &str = "tests/fixtures/webtext/2025-02-20-qinglan-gongzuo-baogao-repost.txt";

#[test]
fn inspect_shows_the_repost_cleaned() {
    let (code, out) = run(&["inspect", REPOST]);
    assert_eq!(code, 0, "{out}");
    for expected in [
        // Glosses and doubled commas gone, Traditional folded.
        "全县地区生产总值完成186.4亿元,增长6.2%;",
        // `,;` is one `;`, `。。` one `。`, `,、` one `、`.
        "一般公共预算收入完成9.3亿元,同比增长4.8%;",
        "城镇调查失业率控制在5.3%以内。",
        "规模以上工业增加值增长7.1%、社会消费品零售总额增长5.4%。",
        // A list without markers or stops, one figure a line, keeps its lines apart.
        "  居民人均可支配收入增长5.9%\n",
        "  新增市场主体2150户\n",
        // Each bullet its own sentence, without the bullet; Taiwan wording made mainland.
        "\n       26:2  地区生产总值增长率6%左右\n",
        "\n       27:2  一般公共预算收入增长5%\n",
        // A numbered title after a list is a section heading.
        "§4 31:1 三、重点工作",
        // An entity decoded.
        "抓项目&扩投资。",
    ] {
        assert!(out.contains(expected), "{expected:?} not in\n{out}");
    }
    for damage in ["(zh", "(bào", ",,", "●", "&nbsp;", "&amp;", "成长率"] {
        assert!(!out.contains(damage), "{damage:?} left in\n{out}");
    }
    common::snapshots().bind(|| insta::assert_snapshot!("webtext_inspect_repost", out));
}

#[test]
fn glossed_paragraphs_yield_claims_whose_spans_cover_the_glosses() {
    let (code, out) = run_stdout(&["extract", REPOST, "--format", "jsonl"]);
    assert_eq!(code, 0, "{out}");
    let source = std::fs::read_to_string(common::repo_path(REPOST)).unwrap();
    let claims: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quoted = |claim: &serde_json::Value| {
        let span = &claim["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        source[start..end].to_string()
    };
    // Every claim quotes the source exactly, on char boundaries (slicing would panic otherwise).
    for claim in &claims {
        assert_eq!(quoted(claim), claim["text"].as_str().unwrap());
    }
    // The review paragraph and the bulleted goals, both glossed, give claims.
    let with_gloss: Vec<String> = claims
        .iter()
        .map(quoted)
        .filter(|q| {
            q.split('(')
                .skip(1)
                .any(|after| after.starts_with(|c: char| c.is_lowercase()))
        })
        .collect();
    assert!(with_gloss.len() >= 4, "{with_gloss:?}");
    let unemployment_goal = claims.iter().find(|c| {
        c["kind"] == "target" && c["value"] == "5.4" && quoted(c).contains("調(diào)查失業(yè)率")
    });
    assert!(unemployment_goal.is_some(), "{out}");
}

#[test]
fn the_repost_gives_the_claims_of_its_review_and_its_goals() {
    let (code, out) = run_stdout(&["extract", REPOST, "--format", "jsonl"]);
    assert_eq!(code, 0, "{out}");
    let claims: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |metric: &str, value: &str| {
        claims
            .iter()
            .find(|c| c["metric"] == metric && c["value"] == value)
            .unwrap_or_else(|| panic!("no {metric} = {value} in\n{out}"))
    };
    // The review (过去一年, in a report of February 2025) reports 2024.
    for (metric, value) in [
        ("economy.gdp", "186.4"),
        ("economy.gdp_growth", "6.2"),
        ("fiscal.budget_revenue", "9.3"),
        ("people.new_jobs", "5120"),
        ("economy.industrial_va_growth", "7.1"),
        ("economy.retail_sales_growth", "5.4"),
        ("agriculture.grain_output", "9.6"),
        ("people.disposable_income_growth", "5.9"),
    ] {
        let claim = find(metric, value);
        assert_eq!(claim["kind"], "outcome", "{metric}: {claim:#?}");
        assert_eq!(claim["period"]["start"], "2024-01-01", "{metric}");
        assert_eq!(claim["period"]["end"], "2024-12-31", "{metric}");
    }
    // The bulleted goals, Taiwan wording included (成長率 is a growth), are due at the end of 2025.
    for (metric, value) in [
        ("economy.gdp_growth", "6"),
        ("fiscal.budget_revenue_growth", "5"),
        ("people.surveyed_unemployment_rate", "5.4"),
        ("people.new_jobs", "5000"),
    ] {
        let claim = find(metric, value);
        assert_eq!(claim["kind"], "target", "{metric}: {claim:#?}");
        assert_eq!(claim["deadline"], "2025-12-31", "{metric}");
    }
    let (_, table) = run(&["extract", REPOST]);
    let (_, human) = run(&["check", REPOST, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!("webtext_extract_repost", table);
        insta::assert_snapshot!("webtext_check_repost", human);
    });
}
