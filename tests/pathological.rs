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
