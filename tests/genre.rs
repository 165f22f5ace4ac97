//! Government texts by genre (issue G): a county work report that reviews last year and states
//! this year's goals in one document, and a city's statistical communiqué that settles the goals
//! of its work report. Fixtures under `tests/fixtures/genre/`, written for these tests.

mod common;

use common::json::{claims, findings, quoted, quoted_metric, verdict};
use common::run_stdout;

#[test]
fn a_work_report_reviews_last_year_and_sets_this_years_goals() {
    let path = "tests/fixtures/genre/work-report";
    let found = claims(path);
    // The review: figures of 2023, reported in February 2024.
    for quote in ["286.4亿元", "5.8%", "4120人", "98.7亿元", "7.1%"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["kind"], "outcome", "{quote}: {claim:#?}");
        assert_eq!(claim["period"]["start"], "2023-01-01", "{quote}");
        assert_eq!(claim["period"]["end"], "2023-12-31", "{quote}");
    }
    // The goals under the heading, one bulleted line each.
    for quote in ["6%左右", "4000人以上", "5.4%左右", "3%左右", "2.5%左右"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["deadline"], "2024-12-31", "{quote}");
    }
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_work_report_extract", table));
}

#[test]
fn a_communique_settles_the_goals_of_its_year() {
    let path = "tests/fixtures/genre/communique";
    let found = claims(path);
    let gdp = quoted(&found, "5.4%");
    assert_eq!(gdp["kind"], "outcome");
    assert_eq!(gdp["period"]["start"], "2024-01-01");
    let verdicts = findings(path);
    let verdict = |metric: &str| {
        verdicts
            .iter()
            .find(|f| f["target"]["metric"] == metric)
            .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(verdict("economy.gdp_growth"), "target::met");
    assert_eq!(verdict("fiscal.budget_revenue_growth"), "target::missed");
    assert_eq!(verdict("economy.cpi_growth"), "target::met");
    assert_eq!(verdict("people.surveyed_unemployment_rate"), "target::met");
    let (_, table) = run_stdout(&["extract", path]);
    let (_, human) = run_stdout(&["check", path, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!("genre_communique_extract", table);
        insta::assert_snapshot!("genre_communique_check", human);
    });
}

#[test]
fn a_plan_execution_report_settles_last_years_plan_and_sets_the_next() {
    let dir = "tests/fixtures/genre/plan-execution";
    let report = claims(&format!(
        "{dir}/2025-01-21-qingpingsheng-jihua-zhixing-baogao.txt"
    ));
    // Part one reports the year the heading names, 2024, indicator by indicator.
    for (quote, metric) in [
        ("31250亿元", "economy.gdp"),
        ("5.1%", "economy.gdp_growth"),
        ("6.3%", "economy.industrial_va_growth"),
        ("13480亿元", "economy.retail_sales"),
        ("4210亿元", "trade.total"),
        ("2760亿元", "fiscal.budget_revenue"),
        ("1980亿元", "fiscal.tax_revenue"),
        ("68.4万人", "people.new_jobs"),
        ("5.2%", "people.surveyed_unemployment_rate"),
        ("36120元", "people.disposable_income"),
        ("0.4%", "economy.cpi_growth"),
        ("3.1%", "environment.energy_intensity_change"),
        ("92.6%", "environment.good_air_days_ratio"),
        // The parts of a total are their own series, not the total's.
        ("服务业增加值增长4.9%", "economy.services_va_growth"),
        ("工业投资增长9.8%", "investment.industrial_growth"),
        ("民间投资下降1.2%", "investment.private_growth"),
        ("出口2630亿元", "trade.exports"),
        ("8.1%", "trade.exports_growth"),
    ] {
        let claim = quoted_metric(&report, quote, metric);
        assert_eq!(claim["kind"], "outcome", "{quote}: {claim:#?}");
        assert_eq!(claim["period"]["start"], "2024-01-01", "{quote}");
        assert_eq!(claim["period"]["end"], "2024-12-31", "{quote}");
    }
    // Part two: next year's goals, one dash line each, due at the end of 2025.
    for (quote, metric, value) in [
        ("地区生产总值增长5.6%左右", "economy.gdp_growth", "5.6"),
        ("固定资产投资增长5%", "investment.fai_growth", "5"),
        ("城镇新增就业60万人以上", "people.new_jobs", "60"),
        (
            "城镇调查失业率5.4%左右",
            "people.surveyed_unemployment_rate",
            "5.4",
        ),
        ("居民消费价格涨幅3%左右", "economy.cpi_growth", "3"),
    ] {
        let claim = quoted_metric(&report, quote, metric);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["value"], value, "{quote}");
        assert_eq!(claim["deadline"], "2025-12-31", "{quote}");
    }
    // Last year's plan, published a year before, is settled by the report.
    let verdicts = findings(dir);
    assert_eq!(
        verdict(&verdicts, "economy.industrial_va_growth", "2024-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "fiscal.budget_revenue_growth", "2024-12-31"),
        "target::missed"
    );
    assert_eq!(
        verdict(&verdicts, "people.new_jobs", "2024-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "economy.cpi_growth", "2024-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "economy.retail_sales_growth", "2024-12-31"),
        "target::missed"
    );
    // Next year's goals wait for their year.
    assert_eq!(
        verdict(&verdicts, "economy.gdp_growth", "2025-12-31"),
        "target::pending"
    );
    let (_, table) = run_stdout(&["extract", dir]);
    let (_, human) = run_stdout(&["check", dir, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!("genre_plan_execution_extract", table);
        insta::assert_snapshot!("genre_plan_execution_check", human);
    });
}

#[test]
fn a_five_year_plan_states_goals_due_at_the_plans_end() {
    let dir = "tests/fixtures/genre/five-year-plan";
    let plan = claims(&format!("{dir}/2021-03-26-fengchuanshi-shisiwu-guihua.txt"));
    // The goals under the chapter heading that names “十四五” are due at the end of 2025.
    for (quote, metric, value) in [
        ("经济总量突破4000亿元", "economy.gdp", "4000"),
        ("地区生产总值年均增长6%左右", "economy.gdp_growth", "6"),
        (
            "常住人口城镇化率提高到63%",
            "people.urbanization_rate",
            "63",
        ),
        (
            "城镇调查失业率控制在5.4%以内",
            "people.surveyed_unemployment_rate",
            "5.4",
        ),
        ("基本养老保险参保率达到95%", "people.pension_coverage", "95"),
        // Years of schooling and life expectancy are measured in 年 and 岁.
        ("受教育年限达到11.2年", "people.schooling_years", "11.2"),
        ("人均预期寿命提高到79.1岁", "people.life_expectancy", "79.1"),
        ("研发经费投入强度达到2.5%", "innovation.rd_intensity", "2.5"),
    ] {
        let claim = quoted_metric(&plan, quote, metric);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["value"], value, "{quote}");
        assert_eq!(claim["deadline"], "2025-12-31", "{quote}");
    }
    // The communiqué of the plan's last year settles the goals it has figures for.
    let verdicts = findings(dir);
    assert_eq!(
        verdict(&verdicts, "economy.gdp", "2025-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "people.urbanization_rate", "2025-12-31"),
        "target::missed"
    );
    assert_eq!(
        verdict(&verdicts, "people.surveyed_unemployment_rate", "2025-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "people.pension_coverage", "2025-12-31"),
        "target::unverified"
    );
    assert_eq!(
        verdict(&verdicts, "innovation.rd_intensity", "2025-12-31"),
        "target::met"
    );
    assert_eq!(
        verdict(&verdicts, "people.life_expectancy", "2025-12-31"),
        "target::met"
    );
    let (_, table) = run_stdout(&["extract", dir]);
    let (_, human) = run_stdout(&["check", dir, "--show-all"]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!("genre_five_year_plan_extract", table);
        insta::assert_snapshot!("genre_five_year_plan_check", human);
    });
}

#[test]
fn a_facilitys_description_gives_its_specifications_due_when_it_opens() {
    let path = "tests/fixtures/genre/facility";
    let found = claims(path);
    // The school's figures are the school's, due the autumn it opens.
    for quote in ["15200平方米", "9860平方米", "1350个"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["kind"], "target", "{quote}: {claim:#?}");
        assert_eq!(claim["entity"], "槐荫路小学", "{quote}");
        assert_eq!(claim["deadline"], "2026-09-30", "{quote}");
    }
    // The middle school's, due the July after next it is finished.
    for quote in ["26400平方米", "2100名"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["entity"], "北辰中学", "{quote}");
        assert_eq!(claim["deadline"], "2027-07-31", "{quote}");
    }
    let opening = quoted(&found, "秋季投入使用");
    assert!(
        opening["entity"]
            .as_str()
            .is_some_and(|e| e.starts_with("槐荫路小学")),
        "{opening:#?}"
    );
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_facility_extract", table));
}

#[test]
fn a_count_is_named_by_the_noun_after_it_and_what_those_things_did() {
    let path = "tests/fixtures/genre/counted";
    let found = claims(path);
    let named = |quote: &str| quoted(&found, quote)["metric_name"].clone();
    assert_eq!(named("下辖6个"), "下辖街道数");
    assert_eq!(named("7个"), "签约项目数");
    assert_eq!(named("4个"), "办理用地手续项目数");
    assert_eq!(named("26家"), "开展数字化改造规模以上企业数");
    assert_eq!(named("41家"), "获得贴息贷款小微企业数");
    assert_eq!(named("68条"), "改造背街小巷数");
    // Places a ranking moved up are a change of the ranking, not a count.
    assert_eq!(named("前进4位"), "营商环境评价排名提升位次");
    // A streak of first places covers the three years it names.
    let streak = quoted(&found, "连续3年");
    assert_eq!(streak["period"]["start"], "2022-01-01");
    assert_eq!(streak["period"]["end"], "2024-12-31");
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_counted_extract", table));
}

#[test]
fn a_closed_campaigns_figures_run_from_its_start_to_its_close() {
    let path = "tests/fixtures/genre/campaign";
    let found = claims(path);
    let period = |quote: &str| {
        let claim = quoted(&found, quote);
        (
            claim["kind"].as_str().unwrap_or_default().to_owned(),
            claim["period"]["start"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            claim["period"]["end"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let campaign = (
        "outcome".to_owned(),
        "2025-05-11".to_owned(),
        "2025-09-26".to_owned(),
    );
    // The closing meeting's figures and the body's, after the campaign's name in their item.
    for quote in [
        "186条",
        "213.5亿元",
        "签约项目26个",
        "88.6亿元",
        "现代服务类项目12个",
    ] {
        assert_eq!(period(quote), campaign, "{quote}");
    }
    // After the `;` the item goes back to the year so far.
    let (kind, start, end) = period("320万美元");
    assert_eq!(
        (kind.as_str(), start.as_str(), end.as_str()),
        ("progress", "2025-01-01", "2025-09-30")
    );
    // `当日` after the day of an event is that day, though a batch year (`2025年第三批`) follows it;
    // `11个总投资…的重点项目` is a set of projects, the district's.
    for quote in ["11个", "24.7亿元"] {
        let claim = quoted(&found, quote);
        assert_eq!(claim["period"]["start"], "2025-07-03", "{quote}");
        assert_eq!(claim["entity"], "双桥区", "{quote}");
    }
    // A total shared by a list of roads is the district's, not the first road's.
    assert_eq!(quoted(&found, "总投资6亿元")["entity"], "双桥区");
    // A stock at a cut-off before the year is out and `全年` in October are the year so far.
    assert_eq!(period("1260个").0, "progress");
    let year_so_far = (
        "progress".to_owned(),
        "2025-01-01".to_owned(),
        "2025-10-12".to_owned(),
    );
    assert_eq!(period("38家"), year_so_far);
    assert_eq!(period("9家"), year_so_far);
    // What is done of a task, with its share of the task, is progress toward it.
    assert_eq!(period("215公里").0, "progress");
    // `全市体量最大` compares the park with the city; the park's figures stay the district's.
    assert_eq!(quoted(&found, "160余家")["entity"], "双桥区");
    // An area is named by its noun.
    assert_eq!(quoted(&found, "320亩")["metric_name"], "二期项目占地面积");
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_campaign_extract", table));
}

#[test]
fn a_comparison_base_is_the_compared_metric_in_its_year_and_the_change_runs_from_it() {
    let path = "tests/fixtures/genre/base";
    let found = claims(path);
    let revenue = quoted(&found, "212.6亿元");
    let base = quoted(&found, "98.4亿元");
    assert_eq!(base["metric"], revenue["metric"]);
    assert_eq!(base["period"]["start"], "2013-01-01");
    assert_eq!(base["period"]["end"], "2013-12-31");
    // The change is over five years, not 2018's growth.
    let change = quoted(&found, "116.1%");
    assert_eq!(change["period"]["start"], "2013-01-01");
    assert_eq!(change["period"]["end"], "2018-12-31");
    // A stock's base is the year's end; `建成区` is a catalogue noun, not `建成` + `区`.
    let area = quoted(&found, "9.8平方公里");
    assert_eq!(area["metric_name"], "建成区面积");
    assert_eq!(area["period"]["start"], "2013-12-31");
    assert_eq!(quoted(&found, "75.5%")["period"]["start"], "2013-12-31");
    // Growth against last year stays the year's.
    assert_eq!(quoted(&found, "7.8%")["period"]["start"], "2018-01-01");
    let (_, table) = run_stdout(&["extract", path]);
    common::snapshots().bind(|| insta::assert_snapshot!("genre_base_extract", table));
}
