//! The command line as users see it: exit codes and output, snapshotted.

mod common;

use common::run;

#[test]
fn check_on_the_bundled_corpus_is_clean() {
    let (code, out) = run(&["check", "corpus"]);
    assert_eq!(code, 0, "{out}");
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
