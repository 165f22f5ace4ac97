//! Inputs that once took quadratic time, each run by the binary under a generous time bound.
//! Nothing here measures speed: a case fails only when it does not finish at all in the bound
//! (a quadratic step takes minutes on these sizes, a linear one well under a second).

mod common;

use std::path::Path;
use std::time::Duration;

/// Far above what a linear pass needs even in a debug build on a busy machine.
const BOUND: Duration = Duration::from_secs(90);

const FRONT: &str = "+++\ntitle = \"长文\"\npublished = 2021-01-20\nentity = \"山阳区\"\n+++\n";

/// One sentence with one outcome, in the corpus's register.
const SENTENCE: &str = "山阳区地区生产总值完成47亿元。";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("the scratch file can be written");
}

fn finishes(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::run_within(dir, args, BOUND)
        .unwrap_or_else(|| panic!("claimcheck {} did not finish in {BOUND:?}", args.join(" ")))
}

#[test]
fn a_one_line_article_of_a_megabyte_is_extracted() {
    let dir = common::scratch("one-line-article");
    let count = 900_000 / SENTENCE.len();
    write(
        &dir,
        "long.txt",
        &format!("{FRONT}{}\n", SENTENCE.repeat(count)),
    );
    let (code, out, err) = finishes(&dir, &["extract", "long.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    // Every claim is on line 6; the last one's column counts every character before it.
    let last_column = 1 + (count - 1) * SENTENCE.chars().count() + "山阳区".chars().count();
    assert!(
        out.contains(&format!("\"line\":6,\"column\":{last_column},")),
        "{}",
        &out[out.len().saturating_sub(600)..]
    );
}

#[test]
fn eighty_thousand_one_claim_lines_are_extracted() {
    let dir = common::scratch("many-lines");
    let body = format!("{SENTENCE}\n").repeat(80_000);
    write(&dir, "lines.txt", &format!("{FRONT}{body}"));
    let (code, out, err) = finishes(&dir, &["extract", "lines.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    // The last line's claims carry its line number: line 5 of the front matter + 80,000.
    assert!(
        out.contains("\"line\":80005"),
        "{}",
        &out[out.len().saturating_sub(600)..]
    );
}

#[test]
fn a_long_run_of_comma_separated_ones_is_parsed() {
    let dir = common::scratch("comma-ones");
    let ones = "1,".repeat(100_000);
    write(&dir, "ones.txt", &format!("{FRONT}完成{ones}1亿元。\n"));
    let (code, out, err) = finishes(&dir, &["parse", "--file", "ones.txt", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"printed\":\"1亿元\""),
        "{}",
        &out[..out.len().min(600)]
    );
}

#[test]
fn a_hundred_thousand_month_ranges_are_parsed() {
    let dir = common::scratch("month-ranges");
    write(
        &dir,
        "months.txt",
        &format!("{FRONT}{}\n", "1~8月份".repeat(100_000)),
    );
    let (code, out, err) = finishes(&dir, &["parse", "--file", "months.txt", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("\"granularity\"").count(), 100_000, "{err}");
}

#[test]
fn a_long_line_of_quoted_digits_is_parsed() {
    let dir = common::scratch("quoted-digits");
    write(
        &dir,
        "quotes.txt",
        &format!("{FRONT}{}\n", "\"1".repeat(100_000)),
    );
    let (code, _, err) = finishes(&dir, &["parse", "--file", "quotes.txt", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
}

/// Clauses that each make a figure look back over its sentence: a subject named at the start
/// of the clause, the change of an earlier figure, a growth whose name is in an earlier clause,
/// a project's investment dated by a day, two names paired with two figures by `分别`, a count.
const LOOKING_BACK: [&str; 6] = [
    "全区地区生产总值完成47亿元",
    "比上年增加3亿元",
    "同比增长5%",
    "6月底投资1.2亿元的山阳园已建成",
    "规模以上工业增加值、社会消费品零售总额分别增长6%、8%",
    "引进项目12个",
];

/// One claim of `extract --format jsonl` as a line of what it says, without its place.
fn summary(line: &str) -> String {
    let claim: serde_json::Value = serde_json::from_str(line).expect("each line is a claim");
    let field = |name: &str| claim[name].as_str().unwrap_or("-").to_owned();
    let period = &claim["period"];
    format!(
        "{} {} {} {} {}{} {}..{}",
        field("kind"),
        field("entity"),
        field("metric"),
        field("text"),
        field("value"),
        field("unit"),
        period["start"].as_str().unwrap_or("-"),
        period["end"].as_str().unwrap_or("-"),
    )
}

#[test]
fn one_sentence_of_eighty_thousand_clauses_is_extracted() {
    let dir = common::scratch("many-clauses");
    let groups = 80_000 / LOOKING_BACK.len() + 1;
    let group = LOOKING_BACK.map(|clause| format!("{clause}，")).concat();
    // The sentence ends with a bare amount whose name is in the clauses before it.
    write(
        &dir,
        "clauses.txt",
        &format!("{FRONT}{}完成1亿元。\n", group.repeat(groups)),
    );
    let (code, out, err) = finishes(&dir, &["extract", "clauses.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let claims: Vec<String> = out.lines().map(summary).collect();
    // Five claims a group (the change of an earlier figure is none), and the last amount.
    assert_eq!(claims.len(), 5 * groups + 1, "{}", claims[..10].join("\n"));
    // A clause reads the same however many clauses stand before it: from the second group on
    // (the first one's day dates what follows it), every group gives the same claims.
    let second = &claims[5..10];
    let last = &claims[claims.len() - 6..claims.len() - 1];
    assert_eq!(second, last);
    common::snapshots().bind(|| {
        insta::assert_snapshot!(
            "pathological_many_clauses",
            claims[claims.len() - 6..].join("\n")
        )
    });
}

#[test]
fn one_clause_of_eighty_thousand_list_items_is_extracted() {
    let dir = common::scratch("many-items");
    let items = [
        "引进项目12个",
        "新增就业岗位300个",
        "规模以上工业增加值增长6%",
    ];
    let groups = 80_000 / items.len() + 1;
    let group = items.map(|item| format!("{item}、")).concat();
    // No comma: the whole list is one clause.
    write(
        &dir,
        "items.txt",
        &format!("{FRONT}全年{}引进项目12个。\n", group.repeat(groups)),
    );
    let (code, out, err) = finishes(&dir, &["extract", "items.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let claims: Vec<String> = out.lines().map(summary).collect();
    assert_eq!(claims.len(), items.len() * groups + 1, "{err}");
    // Each item is read on its own, the same at the end of the list as at its start.
    assert_eq!(claims[..3], claims[claims.len() - 4..claims.len() - 1]);
    common::snapshots().bind(|| {
        insta::assert_snapshot!(
            "pathological_many_items",
            claims[claims.len() - 4..].join("\n")
        )
    });
}

#[test]
fn a_hundred_and_twenty_thousand_headings_are_segmented() {
    let dir = common::scratch("many-headings");
    let count = 120_000;
    let body: String = (1..=count)
        .map(|k| format!("## 第{k}部分\n\n详见附表。\n\n"))
        .collect();
    write(&dir, "headings.txt", &format!("{FRONT}{body}{SENTENCE}\n"));
    let (code, out, err) = finishes(&dir, &["extract", "headings.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    // The one figure is on the last line: after the front matter, four lines a section.
    assert_eq!(out.lines().count(), 1, "{err}");
    let last_line = 5 + 4 * count + 1;
    assert!(out.contains(&format!("\"line\":{last_line},")), "{out}");
}

#[test]
fn a_sentence_of_eighty_thousand_years_and_bare_numbers_is_extracted() {
    let dir = common::scratch("years-and-numbers");
    let filler = "2013年，编号5，";
    let count = 80_000;
    write(
        &dir,
        "years.txt",
        &format!("{FRONT}{}{SENTENCE}\n", filler.repeat(count)),
    );
    let (code, out, err) = finishes(&dir, &["extract", "years.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    // Neither a year nor a bare number is a claim: the one claim is the sentence's figure.
    assert_eq!(out.lines().count(), 1, "{}", &out[..out.len().min(600)]);
    let column = 1 + count * filler.chars().count() + "山阳区".chars().count();
    assert!(out.contains(&format!("\"column\":{column},")), "{out}");
}

#[test]
fn one_clause_pairing_eighty_thousand_names_with_their_figures_is_extracted() {
    // `A、B、C分别增长…`: with `分别` the figures share the whole clause (their names are the
    // list before it), so each figure looks back over the clause by index, not by a walk.
    let dir = common::scratch("respectively");
    let count = 80_000;
    let names: Vec<String> = (1..=count).map(|k| format!("第{k}号园区")).collect();
    let figures: Vec<String> = (1..=count)
        .map(|k| {
            if k % 2 == 0 {
                format!("{}.5%", k % 9 + 1)
            } else {
                format!("{}亿元", k % 50 + 1)
            }
        })
        .collect();
    let clause = format!("{}的营业收入分别为{}", names.join("、"), figures.join("、"));
    write(
        &dir,
        "respectively.txt",
        &format!("{FRONT}2020年，{clause}。{SENTENCE}\n"),
    );
    let (code, out, err) = finishes(&dir, &["extract", "respectively.txt", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let last = out.lines().last().map(summary).unwrap_or_default();
    assert!(last.contains("地区生产总值完成47亿元"), "{last}");
}
