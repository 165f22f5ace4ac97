//! Phrasing families of real government texts beyond the report's own layout (issue G): a news
//! page that sums up a work report under short titles above bulleted lists, head counts printed
//! without their unit (`农村贫困人口减少35万以上`), and falls given by their size
//! (`能耗降幅超过3.6%`). Fixtures under `tests/fixtures/genre/`, written for these tests.

mod common;

use common::json::{claims, findings, quoted_metric, verdict};
use common::run_stdout;

fn snapshot_both(dir: &str, name: &str) {
    let (_, table) = run_stdout(&["extract", dir]);
    let (_, human) = run_stdout(&["check", dir, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!(format!("{name}_extract"), table);
        insta::assert_snapshot!(format!("{name}_check"), human);
    });
}

#[test]
fn titles_over_bulleted_lists_open_the_plans_goals_and_the_years_goals() {
    let dir = "tests/fixtures/genre/news-summary";
    let page = claims(&format!(
        "{dir}/2021-03-08-heyangshi-lianghui-yitu-dudong.txt"
    ));
    // The lines under the two-line title that names the plan's goals, with no stop or blank line
    // around them, are goals due at the end of “十四五”.
    for (quote, metric, value) in [
        (
            "调查失业率控制在5.3%以内",
            "people.surveyed_unemployment_rate",
            "5.3",
        ),
        ("平均受教育年限达到11.6年", "people.schooling_years", "11.6"),
        ("基本养老保险参保率达到96%", "people.pension_coverage", "96"),
    ] {
        let claim = quoted_metric(&page, quote, metric);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["value"], value, "{quote}");
        assert_eq!(claim["deadline"], "2025-12-31", "{quote}");
    }
    // The next title (`2021年度目标清单`) opens this year's goals.
    for (quote, metric) in [
        ("地区生产总值增长7%左右", "economy.gdp_growth"),
        ("城镇新增就业5.2万人以上", "people.new_jobs"),
    ] {
        let claim = quoted_metric(&page, quote, metric);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["deadline"], "2021-12-31", "{quote}");
    }
    let verdicts = findings(dir);
    assert_eq!(
        verdict(&verdicts, "people.surveyed_unemployment_rate", "2025-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "people.pension_coverage", "2025-12-31"),
        "target::missed"
    );
    snapshot_both(dir, "genre_news_summary");
}

#[test]
fn a_head_count_without_its_unit_counts_people() {
    let dir = "tests/fixtures/genre/head-count";
    let plan = claims(&format!(
        "{dir}/2019-01-22-lanjiangsheng-zhengfu-gongzuo-baogao.txt"
    ));
    for (quote, metric, value) in [
        (
            "农村贫困人口减少35万以上",
            "people.rural_poverty_reduction",
            "35",
        ),
        ("城镇新增就业60万以上", "people.new_jobs", "60"),
    ] {
        let claim = quoted_metric(&plan, quote, metric);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["value"], value, "{quote}");
        assert_eq!(claim["unit"], "万人", "{quote}: {claim:#?}");
        assert_eq!(claim["deadline"], "2019-12-31", "{quote}");
    }
    let review = claims(&format!(
        "{dir}/2020-01-15-lanjiangsheng-zhengfu-gongzuo-baogao.txt"
    ));
    let poverty = quoted_metric(
        &review,
        "减少农村贫困人口38.6万",
        "people.rural_poverty_reduction",
    );
    assert_eq!(poverty["kind"], "outcome");
    assert_eq!(poverty["period"]["start"], "2019-01-01");
    // Money printed without 元 names no head count: words about people elsewhere in the clause
    // do not lend their unit.
    assert!(
        review
            .iter()
            .all(|c| !c["text"].as_str().unwrap_or_default().contains("42亿")),
        "{review:#?}"
    );
    let verdicts = findings(dir);
    assert_eq!(
        verdict(&verdicts, "people.rural_poverty_reduction", "2019-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "people.new_jobs", "2019-12-31"),
        "target::missed"
    );
    snapshot_both(dir, "genre_head_count");
}

#[test]
fn a_fall_given_by_its_size_is_a_negative_change() {
    let dir = "tests/fixtures/genre/fall-size";
    let report = claims(&format!("{dir}/2024-01-30-qinghexian-lvse-fazhan.txt"));
    for (quote, metric, value) in [
        (
            "能耗降幅超过3.6%",
            "environment.energy_intensity_change",
            "-3.6",
        ),
        (
            "二氧化碳排放下降幅度为3.2%",
            "environment.co2_intensity_change",
            "-3.2",
        ),
    ] {
        let claim = quoted_metric(&report, quote, metric);
        assert_eq!(claim["kind"], "outcome", "{quote}: {claim:#?}");
        assert_eq!(claim["value"], value, "{quote}");
        assert_eq!(claim["period"]["end"], "2023-12-31", "{quote}");
    }
    let verdicts = findings(dir);
    // A fall of more than 3.6% meets a goal of about 3%; one of 3.2% misses a goal of 3.5%.
    assert_eq!(
        verdict(
            &verdicts,
            "environment.energy_intensity_change",
            "2023-12-31"
        ),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "environment.co2_intensity_change", "2023-12-31"),
        "target::missed"
    );
    snapshot_both(dir, "genre_fall_size");
}
