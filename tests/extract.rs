//! Claim extraction on seed sentences and on the bundled corpus.

mod common;

use chrono::NaiveDate;
use claimcheck::claim::{Claim, ClaimKind};
use claimcheck::corpus::Document;
use claimcheck::{analyze, extract, rules};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The claims of `text` as an article of 中站区 published on `published`.
fn claims(text: &str, published: &str) -> Vec<Claim> {
    let rules = rules::builtin().expect("the built-in rules load");
    let doc = Document::from_text("seed.txt", text, date(published), Some("中站区".into()));
    extract::extract(&analyze(&doc), &rules)
}

/// The one claim whose text ends with `quote`.
fn find<'a>(claims: &'a [Claim], quote: &str) -> &'a Claim {
    let found: Vec<_> = claims.iter().filter(|c| c.text.ends_with(quote)).collect();
    assert_eq!(
        found.len(),
        1,
        "one claim ending in {quote:?} among {claims:#?}"
    );
    found[0]
}

#[test]
fn plan_enumeration_gives_annual_targets_with_floors_and_ceilings() {
    let text = "今年经济社会发展的主要目标是:地区生产总值(GDP)增长11%,公共财政预算收入增长12%,\
                社会消费品零售总额增长14%以上,人口自然增长率控制在6‰以内。";
    let claims = claims(text, "2014-02-15");
    assert_eq!(claims.len(), 4, "{claims:#?}");
    let gdp = find(&claims, "增长11%");
    assert_eq!(gdp.kind, ClaimKind::Target);
    assert_eq!(gdp.metric, "economy.gdp_growth");
    assert_eq!(gdp.comparator.as_str(), ">=");
    assert_eq!(gdp.deadline, Some(date("2014-12-31")));
    assert_eq!(gdp.entity, "中站区");
    let population = find(&claims, "6‰以内");
    assert_eq!(population.comparator.as_str(), "<=");
    assert_eq!(population.kind, ClaimKind::Target);
    assert!(claims.iter().all(|c| c.kind == ClaimKind::Target));
}

#[test]
fn a_dated_review_gives_outcomes_with_growth_and_scoped_rank() {
    let text = "2013年,中站区地区生产总值完成47亿元,同比增长12.9%,增幅居四城区第一位。";
    let claims = claims(text, "2014-02-15");
    assert_eq!(claims.len(), 3, "{claims:#?}");
    let level = find(&claims, "47亿元");
    assert_eq!(level.metric, "economy.gdp");
    assert_eq!(level.kind, ClaimKind::Outcome);
    assert_eq!(level.base_value.unwrap().to_string(), "4700000000");
    let period = level.period.unwrap();
    assert_eq!(
        (period.start, period.end),
        (date("2013-01-01"), date("2013-12-31"))
    );
    assert_eq!(find(&claims, "12.9%").metric, "economy.gdp_growth");
    let rank = find(&claims, "第一位");
    assert_eq!(rank.metric_name, "地区生产总值增速四城区排名");
    assert_eq!(rank.value.unwrap().to_string(), "1");
}

#[test]
fn a_goal_verb_earlier_in_the_sentence_outweighs_attainment_verbs() {
    // 达 reports in a review, but here it is the verb of the goal 力争五年内 set.
    let claims = claims(
        "力争五年内,城区绿地率达38.6%,城区绿化覆盖率达44.3%。",
        "2014-02-15",
    );
    assert_eq!(claims.len(), 2, "{claims:#?}");
    for claim in &claims {
        assert_eq!(claim.kind, ClaimKind::Target, "{claim:#?}");
        assert_eq!(claim.deadline, Some(date("2018-12-31")));
        assert_eq!(claim.comparator.as_str(), ">=");
    }
}

#[test]
fn part_of_a_year_is_progress_and_the_plan_is_the_years_target() {
    let text = "今年共安排重大项目125个,计划完成年度投资88.5亿元,\
                1~8月份完成投资62.1亿元,占年度投资计划的70.1%。";
    let claims = claims(text, "2020-10-17");
    let plan = find(&claims, "88.5亿元");
    assert_eq!(plan.kind, ClaimKind::Target);
    assert_eq!(plan.deadline, Some(date("2020-12-31")));
    let done = find(&claims, "62.1亿元");
    assert_eq!(done.kind, ClaimKind::Progress);
    let period = done.period.unwrap();
    assert_eq!(
        (period.start, period.end),
        (date("2020-01-01"), date("2020-08-31"))
    );
    let share = find(&claims, "70.1%");
    assert_eq!(share.kind, ClaimKind::Progress);
    assert!(share.metric.ends_with("_progress"), "{share:#?}");
}

#[test]
fn a_project_descriptor_is_a_claim_about_the_project() {
    let claims = claims(
        "投资2.1亿元的红砂岭生态园(二期)即将开工建设。",
        "2014-02-15",
    );
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].entity, "红砂岭生态园(二期)");
    assert_eq!(claims[0].metric_name, "项目总投资");
    assert_eq!(claims[0].comparator.as_str(), "=");
}

#[test]
fn unnamed_indicators_are_named_from_the_words_before_the_number() {
    let claims = claims(
        "今年年初以来,全部办结企业诉求187件,累计办结群众诉求3393件。",
        "2024-10-15",
    );
    assert_eq!(find(&claims, "187件").metric_name, "办结企业诉求数");
    let public = find(&claims, "3393件");
    assert_eq!(public.metric_name, "办结群众诉求数");
    assert_eq!(public.kind, ClaimKind::Progress);
    assert_eq!(public.rule, "derived");
}

#[test]
fn a_decline_is_a_negative_growth() {
    let found = claims("2013年,全区万元生产总值能耗同比下降6.8%。", "2014-02-15");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].value.unwrap().to_string(), "-6.8");
    assert_eq!(
        found[0].low.map(|v| v.to_string()).as_deref(),
        Some("-6.85")
    );
    assert_eq!(
        found[0].high.map(|v| v.to_string()).as_deref(),
        Some("-6.75")
    );
    let goal = claims("力争今年单位生产总值能耗下降3%以上。", "2014-02-15");
    assert_eq!(goal.len(), 1, "{goal:#?}");
    assert_eq!(goal[0].kind, ClaimKind::Target);
    assert_eq!(goal[0].value.unwrap().to_string(), "-3");
    assert_eq!(goal[0].comparator.as_str(), "<=");
}

#[test]
fn idioms_tiers_and_capacities_are_not_claims() {
    for text in [
        "打赢了一场疫情防控阻击战。",
        "出口量位居国内前列。",
        "六氟磷酸锂产销量跃居全球第一。",
        "建成年产20万吨氯化法钛白粉生产线。",
        "引进1亿元以上项目25个。",
    ] {
        let found = claims(text, "2020-12-20");
        assert!(
            found.iter().all(|c| !c.text.contains("一场")
                && !c.text.contains("前列")
                && !c.text.contains("全球")
                && !c.text.contains("20万吨")
                && !c.text.ends_with("亿元以上")),
            "{text}: {found:#?}"
        );
    }
    // The threshold is not a claim, the count it qualifies is.
    let found = claims("引进1亿元以上项目25个。", "2014-02-15");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].value.unwrap().to_string(), "25");
}

#[test]
fn the_city_is_the_subject_only_where_it_opens_the_clause() {
    let found = claims(
        "中站区新增贷款58.04亿元,占全市新增贷款的29.84%,居全市第一位。",
        "2020-12-20",
    );
    assert!(found.iter().all(|c| c.entity == "中站区"), "{found:#?}");
    assert_eq!(find(&found, "第一位").metric_name, "新增贷款全市排名");
}

#[test]
fn extraction_is_deterministic() {
    let (code, first) = common::run_stdout(&["extract", "--format", "jsonl", "corpus"]);
    assert_eq!(code, 0);
    let (_, second) = common::run_stdout(&["extract", "--format", "jsonl", "corpus"]);
    assert_eq!(first, second);
    assert!(first.lines().count() > 300, "{}", first.lines().count());
}

#[test]
fn snapshot_claims_of_each_corpus_document() {
    let mut paths: Vec<_> = std::fs::read_dir(common::repo_path("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let relative = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
        let (_, table) = common::run(&["extract", &relative]);
        common::snapshots().bind(|| insta::assert_snapshot!(format!("extract_{name}"), table));
    }
}

#[test]
fn snapshot_corpus_summary() {
    let (_, summary) = common::run(&["extract", "--format", "summary", "corpus"]);
    common::snapshots().bind(|| insta::assert_snapshot!("extract_corpus_summary", summary));
}

#[test]
fn this_year_in_a_february_plan_holds_targets() {
    // The year has barely begun: `今年` figures are what the district plans for it.
    let plan = claims(
        "今年,重点安排了100个重大项目,总投资379亿元,计划完成年度投资70亿元。",
        "2014-02-15",
    );
    assert_eq!(plan.len(), 3, "{plan:#?}");
    for claim in &plan {
        assert_eq!(claim.kind, ClaimKind::Target, "{claim:#?}");
        assert_eq!(claim.deadline, Some(date("2014-12-31")));
    }
    // The same words in an October review report the year so far.
    let review = claims("今年,重点安排了100个重大项目。", "2020-10-17");
    assert_eq!(review[0].kind, ClaimKind::Outcome);
}

#[test]
fn a_plan_name_inside_a_programme_name_dates_nothing() {
    // `“十四五”重大项目管理平台` is a register that exists today, not a goal for 2025.
    let registers = claims(
        "成功纳入焦作市黄河流域生态保护和高质量发展项目库37个,河南省\"十四五\"重大项目管理平台项目77个。",
        "2020-10-17",
    );
    let platform = find(&registers, "项目77个");
    assert_eq!(platform.kind, ClaimKind::Outcome, "{platform:#?}");
    assert_eq!(platform.period.unwrap().end, date("2020-10-17"));
    // A plan period that is one (`“十四五”末`) still sets a deadline.
    let goal = claims(
        "力争到\"十四五\"末,R&D经费支出占GDP比重达到4.5%以上。",
        "2020-10-17",
    );
    assert_eq!(goal[0].deadline, Some(date("2025-12-31")));
}

#[test]
fn metric_names_quote_the_article_and_ids_group_the_calibres() {
    let claims = claims(
        "主要目标是:城镇居民人均可支配收入增长12%,农民人均纯收入增长11%。",
        "2014-02-15",
    );
    let rural = find(&claims, "增长11%");
    assert_eq!(rural.metric_name, "农民人均纯收入增速");
    assert_eq!(rural.metric, "people.rural_income_growth");
    let urban = find(&claims, "增长12%");
    assert_eq!(urban.metric_name, "城镇居民人均可支配收入增速");
}

#[test]
fn a_dated_event_in_a_plan_is_a_milestone_target_without_a_number() {
    let text = "正在建设的市第二人民医院计划明年1月份搬迁运营,成为高新区首家三甲医院。\
                新建占地70亩的玉珑路小学,在明年秋季实现招生。\
                抓建设,怀川高科产业园紫荆大道项目10月份开工,大狮湾河治理工程将于年底前开工。";
    let found = claims(text, "2024-10-01");
    let milestones: Vec<_> = found.iter().filter(|c| c.value.is_none()).collect();
    let summary: Vec<_> = milestones
        .iter()
        .map(|c| {
            (
                c.entity.as_str(),
                c.metric.as_str(),
                c.deadline.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "市第二人民医院",
                "milestone.搬迁运营",
                "2025-01-31".to_owned()
            ),
            ("玉珑路小学", "milestone.实现招生", "2025-09-30".to_owned()),
            (
                "怀川高科产业园紫荆大道项目",
                "milestone.开工",
                "2024-10-31".to_owned()
            ),
            (
                "大狮湾河治理工程",
                "milestone.开工",
                "2024-12-31".to_owned()
            ),
        ]
    );
    assert!(milestones.iter().all(|c| c.kind == ClaimKind::Target));
    // The descriptor 占地70亩 is still its own claim.
    assert!(found.iter().any(|c| c.metric_name == "占地面积"));
}

#[test]
fn an_event_already_reported_is_not_a_milestone() {
    let text = "紫荆大道项目已于9月份开工,和祥小区去年10月份竣工,剩余23个今冬完工。";
    let found = claims(text, "2024-10-01");
    assert!(found.iter().all(|c| c.value.is_some()), "{found:#?}");
}

#[test]
fn a_plans_composition_is_a_target_but_a_listing_that_happened_is_not() {
    // Seed 001: the projects a year's plan lists, and their investment, are promised.
    let plan = claims(
        "列入市重点(A类)项目24个,总投资167.2亿元,年度计划完成投资64.4亿元,\
         1~8月份完成投资62亿元,占年度计划的96.32%。",
        "2020-10-17",
    );
    assert_eq!(find(&plan, "项目24个").kind, ClaimKind::Target);
    assert_eq!(find(&plan, "167.2亿元").kind, ClaimKind::Target);
    assert_eq!(find(&plan, "62亿元").kind, ClaimKind::Progress);
    assert_eq!(find(&plan, "96.32%").kind, ClaimKind::Progress);
    // Seed 004: 先后被列入 reports a listing.
    let report = claims(
        "加快推进企业上市(挂牌),鑫诚耐火、爱尔福克等6家企业先后被列入省、市上市(挂牌)后备企业。",
        "2014-02-15",
    );
    assert!(
        report.iter().all(|c| c.kind != ClaimKind::Target),
        "{report:#?}"
    );
}

#[test]
fn about_to_happen_and_the_publication_day_do_not_report() {
    // Seed 004: 即将开工 is ahead.
    let soon = claims("投资12亿元的和祥小区即将开工。", "2014-02-15");
    assert_eq!(find(&soon, "12亿元").kind, ClaimKind::Target);
    // Seed 003, printed on 1 October: 将在国庆节 is not yet done.
    let holiday = claims(
        "目前,投资2.53亿元建设的720套人才公寓将在国庆节交付使用。",
        "2024-10-01",
    );
    assert_eq!(find(&holiday, "720套").kind, ClaimKind::Target);
}

#[test]
fn a_bracketed_figure_after_a_goal_is_the_goals_value() {
    // Seed 002: 3446万美元 in brackets is the city's goal; the same figure before it is done.
    let claims = claims(
        "2020年1月至8月份,全区实际利用外资3446万美元,提前4个月完成市定目标(3446万美元)。",
        "2020-12-20",
    );
    let kinds: Vec<_> = claims
        .iter()
        .filter(|c| c.text.ends_with("3446万美元"))
        .map(|c| c.kind)
        .collect();
    assert_eq!(
        kinds,
        [ClaimKind::Progress, ClaimKind::Target],
        "{claims:#?}"
    );
}

#[test]
fn respectively_pairs_each_figure_with_its_name() {
    // Seed 000: 95.3% is the high-tech share, 60.7% the strategic emerging industries' share.
    let claims = claims(
        "今年年初以来,高新技术企业产业、战略性新兴产业增加值分别占规上工业增加值的95.3%、60.7%。",
        "2024-10-15",
    );
    assert_eq!(find(&claims, "95.3%").metric, "economy.hightech_share");
    assert_eq!(
        find(&claims, "60.7%").metric,
        "economy.strategic_emerging_share"
    );
}

#[test]
fn xinzeng_reaches_across_its_list() {
    // Seed 001: 新增 governs every item of the list, so the centres are new ones, not the stock.
    let claims = claims(
        "力争到“十四五”末,新增国家高新技术企业2家、省级工程技术研究中心2家。",
        "2020-10-17",
    );
    assert_eq!(
        find(&claims, "企业2家").metric,
        "innovation.hightech_enterprises_new"
    );
    let centres = find(&claims, "中心2家");
    assert_eq!(
        centres.metric,
        "innovation.provincial_engineering_centers_new"
    );
    assert_eq!(centres.text, "省级工程技术研究中心2家");
}

#[test]
fn a_reviews_lead_year_dates_the_whole_year_after_it() {
    // A January review: 全年 is the year the paragraph reviews, not the year just begun.
    let claims = claims(
        "2021年,中站区坚持把创新摆在发展全局的核心位置。全年新增国家高新技术企业1家。",
        "2022-01-20",
    );
    let added = find(&claims, "企业1家");
    assert_eq!(added.kind, ClaimKind::Outcome);
    let period = added.period.unwrap();
    assert_eq!(
        (period.start, period.end),
        (date("2021-01-01"), date("2021-12-31"))
    );
}

/// The claims of `text` as an article about `entity`.
fn claims_of(entity: &str, text: &str, published: &str) -> Vec<Claim> {
    let rules = rules::builtin().expect("the built-in rules load");
    let doc = Document::from_text("seed.txt", text, date(published), Some(entity.into()));
    extract::extract(&analyze(&doc), &rules)
}

#[test]
fn city_words_in_a_city_article_name_the_city_itself() {
    let found = claims_of(
        "焦作市",
        "今年以来,我市新开工重大项目26个,已争取各类上级资金12.5亿元。",
        "2025-07-20",
    );
    assert!(found.iter().all(|c| c.entity == "焦作市"), "{found:#?}");
    // In a district's article the same words are its city.
    let found = claims("全市新开工重大项目26个。", "2025-07-20");
    assert_eq!(find(&found, "26个").entity, "焦作市");
}

#[test]
fn a_place_after_zai_is_where_not_who() {
    let found = claims(
        "10月9日,在焦作举办的产业对接会上,签约合作项目6个,总投资40.6亿元。",
        "2025-10-20",
    );
    assert!(found.iter().all(|c| c.entity == "中站区"), "{found:#?}");
}

#[test]
fn a_zone_named_by_its_head_noun_is_the_zone() {
    let found = claims(
        "截至6月底,该集聚区完成固定资产投资21.4亿元,同比增长8.2%。",
        "2016-07-25",
    );
    let investment = find(&found, "21.4亿元");
    assert_eq!(investment.entity, "西部产业集聚区");
    // A flow up to a cut-off day runs from the start of the year and is progress.
    assert_eq!(investment.kind, ClaimKind::Progress);
    let period = investment.period.expect("a reported figure has a period");
    assert_eq!(
        (period.start, period.end),
        (date("2016-01-01"), date("2016-06-30"))
    );
}

#[test]
fn an_events_day_dates_its_sentence_and_ends_with_its_paragraph() {
    let text = "今年以来,全区经济运行平稳。\n\n\
                5月8日,全区举行重点项目集中签约活动,签约项目12个,总投资88亿元。\
                活动现场气氛热烈。\n\n\
                全区新增规模以上工业企业4家,争取专项资金2600万元。";
    let found = claims(text, "2025-09-15");
    let signed = find(&found, "88亿元");
    let period = signed.period.expect("dated");
    assert_eq!(
        (period.start, period.end),
        (date("2025-05-08"), date("2025-05-08"))
    );
    // The next paragraph goes back to the year so far.
    let funds = find(&found, "2600万元");
    assert_eq!(funds.kind, ClaimKind::Progress);
    let period = funds.period.expect("dated");
    assert_eq!(
        (period.start, period.end),
        (date("2025-01-01"), date("2025-09-15"))
    );
}

#[test]
fn share_of_the_years_plan_in_a_review_is_reported() {
    let found = claims(
        "全年实施技改项目28个,完成投资16.3亿元,完成年度计划投资的105.2%。",
        "2023-12-26",
    );
    let share = find(&found, "105.2%");
    assert_eq!(share.kind, ClaimKind::Outcome);
}

#[test]
fn a_bare_ordinal_rank_is_counted_in_places() {
    let found = claims("全区进出口总额增速居全市第一。", "2023-12-26");
    assert_eq!(find(&found, "第一").unit, "名");
}

#[test]
fn now_at_a_clause_start_dates_a_stock_to_the_publication_day() {
    let text = "2023年,全区新增高新技术企业9家。\n目前,全区已建成充电桩410个。";
    let found = claims(text, "2024-05-20");
    let period = find(&found, "410个").period.expect("dated");
    assert_eq!(
        (period.start, period.end),
        (date("2024-05-20"), date("2024-05-20"))
    );
    // `项目前期` holds the same two characters and dates nothing.
    let found = claims("另有6个项目正在办理项目前期手续。", "2024-05-20");
    assert!(
        found
            .iter()
            .all(|c| c.period.is_none_or(|p| p.end == date("2024-05-20")))
    );
}

#[test]
fn the_progress_of_one_works_is_not_the_progress_of_another() {
    let text = "目前,全镇供水管网已铺设120公里,占总任务量的64%;\
                垃圾中转站项目年底前完成总工程量的50%。";
    let found = claims(text, "2024-08-10");
    assert_eq!(find(&found, "64%").entity, "全镇供水管网");
    assert_eq!(find(&found, "50%").entity, "垃圾中转站项目");
}

#[test]
fn the_nations_gdp_words_name_the_same_indicators_as_a_regions() {
    let found = claims_of(
        "全国",
        "全年国内生产总值［1］1020000亿元,比上年增长5.1%。人均国内生产总值72000元,比上年增长5.0%。\
         万元国内生产总值能耗比上年下降2.9%。",
        "2026-02-28",
    );
    assert_eq!(find(&found, "1020000亿元").metric, "economy.gdp");
    assert_eq!(find(&found, "72000元").metric, "economy.gdp_per_capita");
    assert_eq!(
        find(&found, "下降2.9%").metric,
        "environment.energy_intensity_change"
    );
}

#[test]
fn a_past_year_inside_a_sentence_dates_the_whole_year_words_after_it() {
    let text = "分行业看,工业方面,2025年全年规模以上工业增加值增长5.9%。\
                就业上,全年城镇新增就业达到1280万人。";
    let found = claims_of("全国", text, "2026-01-20");
    let jobs = find(&found, "1280万人");
    assert_eq!(jobs.kind, ClaimKind::Outcome);
    let period = jobs.period.expect("dated");
    assert_eq!(
        (period.start, period.end),
        (date("2025-01-01"), date("2025-12-31"))
    );
}

#[test]
fn numbers_that_nothing_names_are_counted_not_claimed() {
    let rules = rules::builtin().expect("the built-in rules load");
    // The second sentence's figures have no words before them that could name them.
    let text = "2023年,全区地区生产总值完成286.4亿元,增长5.8%。全年达到12家,完成了45亿元。";
    let doc = Document::from_text("seed.txt", text, date("2024-02-10"), Some("中站区".into()));
    let extraction = extract::extract_counted(&analyze(&doc), &rules);
    let metrics: Vec<&str> = extraction
        .claims
        .iter()
        .map(|c| c.metric.as_str())
        .collect();
    assert_eq!(metrics, ["economy.gdp", "economy.gdp_growth"]);
    assert_eq!(extraction.unnamed, 2);
}
