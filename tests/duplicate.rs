//! The same article in two files is one article: `corpus::duplicate` advice on the later copy,
//! and its claims counted once, so it neither confirms nor contradicts itself.

mod common;

const FIXTURE: &str = "tests/fixtures/duplicate";
const ORIGINAL: &str = "2023-01-18-yunshuixian-2022-huigu.txt";
const COPY: &str = "2023-01-20-yunshuixian-2022-huigu-zhuanzai.txt";

#[test]
fn two_copies_of_one_article_give_one_duplicate_advice_and_no_finding_from_the_copy() {
    let (code, text) = common::run(&["check", "--show-all", FIXTURE]);
    let (stdout, stderr) = text
        .split_once("--- stderr\n")
        .expect("the run text has a stderr part");
    assert_eq!(
        code, 1,
        "the missed growth target is at deny level:\n{text}"
    );
    assert_eq!(stderr.matches("corpus::duplicate").count(), 1, "{stderr}");
    assert!(
        stderr.contains(COPY) && stderr.contains(ORIGINAL),
        "{stderr}"
    );
    assert!(
        !stdout.contains(COPY),
        "a finding cites the copy:\n{stdout}"
    );
    for code in ["report::conflict", "target::restated", "report::revised"] {
        assert!(
            !stdout.contains(code),
            "{code} between the copies:\n{stdout}"
        );
    }
    // Three targets, each settled by the original's figure: met, met, missed.
    assert_eq!(stdout.matches("target::met").count(), 2, "{stdout}");
    assert_eq!(stdout.matches("target::missed").count(), 1, "{stdout}");
    assert!(stdout.contains("checked 2 documents"), "{stdout}");
    common::snapshots().bind(|| insta::assert_snapshot!("duplicate_check_human", text));
}

#[test]
fn the_copy_adds_no_claims_to_extract() {
    let (code, json) = common::run_stdout(&["extract", "--format", "json", FIXTURE]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("extract prints JSON");
    let claims = value["claims"].as_array().expect("a claims array");
    let docs: Vec<&str> = claims.iter().filter_map(|c| c["doc"].as_str()).collect();
    assert!(docs.iter().any(|d| d.ends_with(ORIGINAL)), "{docs:?}");
    assert!(!docs.iter().any(|d| d.ends_with(COPY)), "{docs:?}");
}

#[test]
fn a_copy_named_in_another_order_on_the_command_line_leaves_out_the_later_one() {
    let copy = format!("{FIXTURE}/{COPY}");
    let original = format!("{FIXTURE}/{ORIGINAL}");
    let (_, text) = common::run(&["extract", "--format", "jsonl", &copy, &original]);
    let (head, stderr) = text.split_once("--- stderr\n").expect("a stderr part");
    let (_, stdout) = head.split_once("--- stdout\n").expect("a stdout part");
    assert!(
        stdout.contains(COPY) && !stdout.contains(ORIGINAL),
        "{stdout}"
    );
    assert_eq!(stderr.matches("corpus::duplicate").count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("☞ {original}: the same article as")),
        "{stderr}"
    );
}
