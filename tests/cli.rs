//! The command line as users see it: exit codes and output, snapshotted.

mod common;

use common::run;

#[test]
fn check_on_the_bundled_corpus_fails_on_the_seeds_real_share_error() {
    // Seed 004 says 12.2亿元 is 60% of 21.6亿元 (it is 56.5%): arith::share, at deny level.
    let (code, out) = run(&["check", "corpus"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("arith::share"), "{out}");
    assert!(out.contains("checked 5 documents"), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("cli_check_corpus", out));
}

#[test]
fn check_defaults_to_the_corpus_folder() {
    assert_eq!(
        run(&["check"]).1.replace("$ claimcheck check\n", ""),
        run(&["check", "corpus"])
            .1
            .replace("$ claimcheck check corpus\n", "")
    );
}

#[test]
fn inspect_shows_the_ocr_damaged_seed_as_the_engine_sees_it() {
    let (code, out) = run(&[
        "inspect",
        "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
    ]);
    assert_eq!(code, 0, "{out}");
    // The split number and unit of the example are joined, with the original place.
    assert!(
        out.contains("公共财政预算收入完成3.06亿元,同比增长14%"),
        "{out}"
    );
    assert!(out.contains("2014,关键看提升"), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("cli_inspect_seed_004", out));
}

#[test]
fn bad_input_is_reported_and_good_files_are_still_checked() {
    let (code, out) = run(&["check", "tests/fixtures/bad-input"]);
    assert_eq!(code, 2, "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("cli_check_bad_input", out));
}

#[test]
fn a_missing_path_is_an_input_error() {
    let (code, out) = run(&["check", "no/such/folder"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("no/such/folder"), "{out}");
}

#[test]
fn usage_errors_exit_2_and_help_documents_exit_codes() {
    assert_eq!(run(&["frobnicate"]).0, 2);
    let (code, help) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        help.contains("Exit status:") && help.contains("2  usage error"),
        "{help}"
    );
}

#[test]
fn parse_reads_a_seed_sentence() {
    let (code, out) = run(&[
        "parse",
        "--date",
        "2014-02-15",
        "2013年,中站区地区生产总值完成47亿元,同比增长12.9%",
        "人口自然增长率控制在５.12‰以内",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("47 亿元 = 4700000000 元 · money · [46.5, 47.5) · ="),
        "{out}"
    );
    assert!(out.contains("2013-01-01 … 2013-12-31 · measured"), "{out}");
    assert!(out.contains("5.12 ‰ · permille · (-∞, 5.12] · <="), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("cli_parse_texts", out));
}

#[test]
fn parse_json_gives_one_line_per_text_with_exact_decimals() {
    let (code, stdout) = common::run_stdout(&[
        "parse",
        "--date",
        "2024-10-01",
        "--format",
        "json",
        "--",
        "投资16.4亿元",
        "明年1月份搬迁运营",
    ]);
    assert_eq!(code, 0, "{stdout}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let q = &lines[0]["quantities"][0];
    assert_eq!(q["quantity"]["value"], "16.4");
    assert_eq!(q["quantity"]["base_value"], "1640000000");
    assert_eq!(q["text"], "16.4亿元");
    let t = &lines[1]["times"][0]["time"]["period"];
    assert_eq!(
        (t["start"].as_str(), t["end"].as_str()),
        (Some("2025-01-01"), Some("2025-01-31"))
    );
}

/// The rule author's window on whole seed articles, in both formats.
#[test]
fn parse_file_on_seeds_004_and_003() {
    for (name, file) in [
        (
            "seed_004",
            "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
        ),
        ("seed_003", "corpus/2024-10-01-gaoxinqu-1015-zhanlue.txt"),
    ] {
        let (code, human) = run(&["parse", "--file", file]);
        assert_eq!(code, 0, "{human}");
        let (code, stdout) = common::run_stdout(&["parse", "--format", "json", "--file", file]);
        assert_eq!(code, 0, "{stdout}");
        let value: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        common::snapshots().bind(|| {
            insta::assert_snapshot!(format!("cli_parse_file_{name}"), human);
            insta::assert_snapshot!(format!("cli_parse_file_{name}_json"), pretty);
        });
    }
}

/// Seed 004 splits numbers from their units across lines (`379\n\n亿\n\n元`); normalization
/// joins them, and the quantity's span covers the original characters.
#[test]
fn parse_file_joins_units_split_by_ocr() {
    let (_, stdout) = common::run_stdout(&[
        "parse",
        "--format",
        "json",
        "--file",
        "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
    ]);
    let value: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    let found = value["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["quantity"]["printed"] == "379亿元")
        .expect("379亿元 is read");
    assert_eq!(found["text"], "379\n\n亿\n\n元");
    assert_eq!(found["quantity"]["base_value"], "37900000000");
}
