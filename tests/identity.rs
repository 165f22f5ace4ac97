//! Stable identity: claim ids, fingerprints, dataset anchors and `doc` fields come from a
//! document's path relative to the project root, so the way a path is typed changes nothing.
//! The fixture is `tests/fixtures/identity` (梧桐县: a 2022 plan and its review; one goal met,
//! two missed, one of them baselined).

mod common;

use std::path::Path;
use std::process::Command;

use common::{repo_path, run};

const FIXTURE: &str = "tests/fixtures/identity";
const CORPUS: &str = "tests/fixtures/identity/corpus";

/// Runs the binary in `dir` and returns its exit code, stdout and stderr.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("the claimcheck binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The ways a user may type the fixture's corpus folder from the repository root.
fn spellings(corpus: &str) -> Vec<String> {
    vec![
        corpus.to_owned(),
        format!("./{corpus}"),
        repo_path(corpus).to_string_lossy().into_owned(),
        format!("{corpus}/../corpus"),
    ]
}

/// A fresh folder under the system's temporary folder, unique to this test process.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("claimcheck-identity-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_corpus(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(repo_path(CORPUS)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn every_format_is_the_same_bytes_however_the_corpus_path_is_typed() {
    let expect = format!("{FIXTURE}/expected.toml");
    let baseline = format!("{FIXTURE}/baseline.toml");
    for format in ["human", "json", "jsonl", "sarif", "github", "csv"] {
        let outputs: Vec<(i32, String)> = spellings(CORPUS)
            .iter()
            .map(|corpus| {
                run(&[
                    "check",
                    corpus,
                    "--format",
                    format,
                    "--expect",
                    &expect,
                    "--baseline",
                    &baseline,
                ])
            })
            // The first line repeats the command; the rest must be identical.
            .map(|(code, text)| (code, text.split_once('\n').unwrap().1.to_owned()))
            .collect();
        for (spelling, output) in spellings(CORPUS).iter().zip(&outputs) {
            assert_eq!(output, &outputs[0], "{format} for {spelling}");
        }
        let (code, text) = &outputs[0];
        // The income goal is missed and not baselined; the dataset agrees, nothing is stale.
        assert_eq!(*code, 1, "{format}: {text}");
        assert!(!text.contains("dataset::"), "{format}: {text}");
        assert!(!text.contains("baseline::stale"), "{format}: {text}");
        assert!(!text.contains("./"), "{format}: {text}");
        assert!(
            !text.contains(env!("CARGO_MANIFEST_DIR")),
            "{format}: {text}"
        );
    }
}

#[test]
fn the_bundled_corpus_keeps_its_ids_and_expectations_under_any_spelling() {
    let outputs: Vec<(i32, String)> = spellings("corpus")
        .iter()
        .map(|corpus| {
            let (code, text) = run(&[
                "check",
                corpus,
                "--format",
                "json",
                "--expect",
                "corpus/expected.toml",
            ]);
            (code, text.split_once('\n').unwrap().1.to_owned())
        })
        .collect();
    for output in &outputs {
        assert_eq!(output, &outputs[0]);
        assert!(!output.1.contains("dataset::"), "{}", output.1);
    }
    // The corpus fails on its real arithmetic error, not on an anchor.
    assert_eq!(outputs[0].0, 1, "{}", outputs[0].1);
}

#[test]
fn the_fixture_names_its_documents_from_the_repository_root() {
    let (code, json) = common::run_stdout(&[
        "check",
        &repo_path(CORPUS).to_string_lossy(),
        "--format",
        "json",
        "--show-all",
    ]);
    assert_eq!(code, 1, "{json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let docs: Vec<&str> = parsed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["target"]["doc"].as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        vec![format!("{CORPUS}/2022-02-21-wutongxian-2022-mubiao.txt"); 3]
    );
    common::snapshots().bind(|| insta::assert_snapshot!("identity_json", json));
    let (_, human) = run(&[
        "check",
        &format!("./{CORPUS}"),
        "--baseline",
        &format!("{FIXTURE}/baseline.toml"),
    ]);
    common::snapshots().bind(|| insta::assert_snapshot!("identity_human", human));
}

#[test]
fn a_subfolder_of_a_project_names_documents_from_its_claimcheck_toml() {
    let project = temp_dir("project");
    copy_corpus(&project.join("corpus"));
    std::fs::write(project.join("claimcheck.toml"), "[levels]\n").unwrap();
    let (_, written, _) = run_in(
        &project,
        &["check", "corpus", "--write-expected", "expected.toml"],
    );
    let dataset = std::fs::read_to_string(project.join("expected.toml")).unwrap();
    assert!(
        dataset.contains("doc = \"corpus/2022-02-21-wutongxian-2022-mubiao.txt\""),
        "{written}{dataset}"
    );
    // From now on the settings name the dataset, found from any folder of the project.
    std::fs::write(
        project.join("claimcheck.toml"),
        "expect = \"expected.toml\"\n",
    )
    .unwrap();
    let from_root = run_in(&project, &["check", "corpus", "--format", "sarif"]);
    let from_corpus = run_in(
        &project.join("corpus"),
        &["check", ".", "--format", "sarif"],
    );
    // From the repository the temporary project is not the project: its files are named from
    // the repository, climbing out of it.
    let from_outside = run_in(
        &repo_path("."),
        &[
            "check",
            &project.join("corpus").to_string_lossy(),
            "--format",
            "sarif",
        ],
    );
    let _ = std::fs::remove_dir_all(&project);
    assert_eq!(from_root.0, 1, "{}", from_root.2);
    assert_eq!(from_root, from_corpus);
    assert!(
        from_root
            .1
            .contains("\"uri\": \"corpus/2022-02-21-wutongxian-2022-mubiao.txt\"")
    );
    assert!(
        from_outside.1.contains("\"uri\": \"../")
            && from_outside
                .1
                .contains("corpus/2022-02-21-wutongxian-2022-mubiao.txt\""),
        "{}",
        from_outside.1
    );
}

#[test]
fn a_corpus_outside_the_project_keeps_its_names_however_typed() {
    let outside = temp_dir("outside");
    copy_corpus(&outside.join("review"));
    let corpus = outside.join("review").to_string_lossy().into_owned();
    let expect = outside.join("expected.toml").to_string_lossy().into_owned();
    let (_, written) = run(&["check", &corpus, "--write-expected", &expect]);
    let dataset = std::fs::read_to_string(&expect).unwrap_or_default();
    let (code, text) = run(&["check", &format!("{corpus}/../review"), "--expect", &expect]);
    let _ = std::fs::remove_dir_all(&outside);
    assert!(
        dataset.contains("doc = \"../") && dataset.contains("review/2022-02-21-wutongxian"),
        "{written}{dataset}"
    );
    assert_eq!(code, 1, "{text}");
    assert!(!text.contains("dataset::"), "{text}");
}

#[test]
fn shards_extracted_under_another_spelling_reconcile_to_the_same_findings() {
    let dir = temp_dir("shards");
    let shard = dir.join("claims.jsonl");
    let (code, claims) =
        common::run_stdout(&["extract", &format!("./{CORPUS}"), "--format", "jsonl"]);
    assert_eq!(code, 0);
    std::fs::write(&shard, claims).unwrap();
    let shard = shard.to_string_lossy().into_owned();
    let from_shard = common::run_stdout(&["check", "--claims", &shard, "--format", "github"]);
    let direct = common::run_stdout(&[
        "check",
        &repo_path(CORPUS).to_string_lossy(),
        "--format",
        "github",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(from_shard, direct);
    assert!(
        direct.1.contains(&format!("file={CORPUS}/")),
        "{}",
        direct.1
    );
}
