//! `--rules DIR` loads every table of the folder: `units.toml`, `periods.toml` and `words.toml`
//! are checked with labelled diagnostics and used by the parsers and the extraction stages, and a
//! folder without them falls back to the built-in tables with advice.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

const BOUND: Duration = Duration::from_secs(60);

/// A copy of the shipped rules in a scratch folder.
fn rules_copy(name: &str) -> PathBuf {
    let dir = common::scratch(name);
    common::copy_dir(&common::repo_path("rules"), &dir.join("rules"));
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::run_within(dir, args, BOUND).expect("claimcheck finishes")
}

fn edit(path: &Path, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).expect("the rule file can be read");
    std::fs::write(path, edit(text)).expect("the rule file can be written");
}

#[test]
fn a_broken_units_table_is_a_labelled_error() {
    let dir = rules_copy("rules-units-broken");
    edit(&dir.join("rules/units.toml"), |t| {
        t.replacen("[[unit]]\nword = \"元\"", "[[unit]]\nword = = \"元\"", 1)
    });
    let (code, _, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rules::syntax"), "{err}");
    assert!(err.contains("rules/units.toml"), "{err}");
    common::snapshots().bind(|| insta::assert_snapshot!("rules_tables_units_syntax", err));
}

#[test]
fn a_misspelt_period_key_is_labelled_at_the_key() {
    let dir = rules_copy("rules-periods-key");
    edit(&dir.join("rules/periods.toml"), |t| {
        t.replacen("first_year = 2006", "frist_year = 2006", 1)
    });
    let (code, _, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rules/periods.toml"), "{err}");
    assert!(err.contains("frist_year"), "{err}");
}

#[test]
fn a_duplicate_unit_word_is_reported_where_it_is_declared_again() {
    let dir = rules_copy("rules-units-duplicate");
    edit(&dir.join("rules/units.toml"), |t| {
        t + "\n[[unit]]\nword = \"美元\"\ndimension = \"money\"\nbase = \"美元\"\nfactor = \"1\"\nscalable = true\n"
    });
    let (code, _, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rules::duplicate-id"), "{err}");
    assert!(err.contains("duplicate word `美元`"), "{err}");
}

#[test]
fn a_unit_added_to_the_folder_is_read() {
    let dir = rules_copy("rules-units-added");
    std::fs::write(
        dir.join("a.txt"),
        "+++\npublished = 2021-03-20\nentity = \"山阳区\"\n+++\n今年以来，山阳区收储秸秆3000垛。\n",
    )
    .unwrap();
    let (_, before, _) = run(
        &dir,
        &["extract", "a.txt", "--rules", "rules", "--format", "jsonl"],
    );
    assert!(!before.contains("\"unit\":\"垛\""), "{before}");
    edit(&dir.join("rules/units.toml"), |t| {
        t.replacen(
            "\n[[unit]]\nword = \"元\"",
            "\n[[unit]]\nword = \"垛\"\ndimension = \"count\"\nbase = \"垛\"\nfactor = \"1\"\nscalable = true\n\n[[unit]]\nword = \"元\"",
            1,
        )
    });
    let (code, after, err) = run(
        &dir,
        &["extract", "a.txt", "--rules", "rules", "--format", "jsonl"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(after.contains("\"unit\":\"垛\""), "{after}");
}

#[test]
fn a_folder_without_tables_uses_the_built_in_ones_and_says_so() {
    let dir = rules_copy("rules-no-tables");
    std::fs::remove_file(dir.join("rules/units.toml")).unwrap();
    std::fs::remove_file(dir.join("rules/periods.toml")).unwrap();
    // The examples decide 0 or 1; the rules themselves loaded.
    let (code, out, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_ne!(code, 2, "{out}{err}");
    assert_eq!(err.matches("rules::builtin-table").count(), 2, "{err}");
    assert!(
        err.contains("rules/units.toml: no units.toml here; the built-in unit table is used"),
        "{err}"
    );
}

/// A district's spring report of volunteers signed up, as `--rules rules` reads it.
fn volunteers(dir: &Path) -> (i32, String, String) {
    std::fs::write(
        dir.join("a.txt"),
        "+++\npublished = 2021-03-20\nentity = \"山阳区\"\n+++\n今年以来，山阳区新增注册志愿者1200人，开展服务活动300余场。\n",
    )
    .unwrap();
    run(
        dir,
        &["extract", "a.txt", "--rules", "rules", "--format", "jsonl"],
    )
}

#[test]
fn an_empty_word_in_the_word_table_is_a_labelled_error() {
    let dir = rules_copy("rules-words-empty");
    edit(&dir.join("rules/words.toml"), |t| {
        t.replacen("decline_words = [", "decline_words = [\"\", ", 1)
    });
    let (code, out, err) = volunteers(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("rules::type"), "{err}");
    assert!(err.contains("empty word"), "{err}");
    common::snapshots().bind(|| insta::assert_snapshot!("rules_tables_words_empty", err));
}

#[test]
fn a_misspelt_word_list_is_labelled_at_the_key() {
    let dir = rules_copy("rules-words-key");
    edit(&dir.join("rules/words.toml"), |t| {
        t.replacen("\ncomparisons = ", "\ncomparison = ", 1)
    });
    let (code, _, err) = run(&dir, &["rules", "test", "--rules", "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rules::unknown-key"), "{err}");
    // File, line and column of the key, and the list it should have named.
    let line = std::fs::read_to_string(dir.join("rules/words.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("comparison = "))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("[rules/words.toml:{line}:1]")),
        "{err}"
    );
    assert!(err.contains("did you mean `comparisons`?"), "{err}");
}

#[test]
fn a_folder_without_words_uses_the_built_in_lists_and_says_so() {
    let dir = rules_copy("rules-no-words");
    std::fs::remove_file(dir.join("rules/words.toml")).unwrap();
    let (code, out, err) = volunteers(&dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("rules::builtin-table").count(), 1, "{err}");
    assert!(
        err.contains("rules/words.toml: no words.toml here; the built-in word table is used"),
        "{err}"
    );
    assert!(
        err.contains("copy rules/words.toml into this folder to edit the word table"),
        "{err}"
    );
    // The built-in lists: volunteers are not a word for people, so the head count is `人数`.
    assert!(
        out.contains("\"metric_name\":\"山阳区新增注册志愿者人数\""),
        "{out}"
    );
}

#[test]
fn a_word_list_edited_in_the_folder_changes_extraction() {
    let dir = rules_copy("rules-words-edited");
    let (code, before, err) = volunteers(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(
        before.contains("\"metric_name\":\"山阳区新增注册志愿者人数\""),
        "{before}"
    );
    // `志愿者` added to the nouns that already name people: the count is `…志愿者数`.
    edit(&dir.join("rules/words.toml"), |t| {
        t.replacen("people_nouns = [", "people_nouns = [\"志愿者\", ", 1)
    });
    let (code, after, err) = volunteers(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(
        after.contains("\"metric_name\":\"山阳区新增注册志愿者数\""),
        "{after}"
    );
    assert!(!after.contains("志愿者人数"), "{after}");
    // The other figure of the sentence is read as before.
    assert!(
        after.contains("\"metric_name\":\"开展服务活动数\""),
        "{after}"
    );
}
