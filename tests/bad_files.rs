//! Paths that are not articles — pipes, devices, link loops, huge files, empty folders, the
//! same folder twice — and files `check` writes: every case is reported by name with exit
//! status 2 while the good article beside it is still checked, nothing hangs (each run has a
//! time bound) and nothing the user gave is overwritten.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

const BOUND: Duration = Duration::from_secs(60);

/// A short article of our own: a target and its outcome in one county.
const ARTICLE: &str = "+++\ntitle = \"山阳区经济运行情况\"\npublished = 2021-01-20\nentity = \"山阳区\"\n+++\n\
2020年，山阳区地区生产总值完成152亿元，同比增长4.1%。2021年主要预期目标是：地区生产总值增长7%。\n";

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("the scratch folder can be created");
    }
    std::fs::write(path, text).expect("the scratch file can be written");
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let (code, out, err) = common::run_within(dir, args, BOUND)
        .unwrap_or_else(|| panic!("claimcheck {} hung", args.join(" ")));
    let text = format!(
        "$ claimcheck {}\nexit: {code}\n--- stdout\n{out}--- stderr\n{err}",
        args.join(" ")
    );
    (code, text)
}

#[test]
fn pipes_devices_and_link_loops_are_refused_and_the_article_beside_them_is_checked() {
    let dir = common::scratch("special-files");
    write(&dir.join("corpus/2021-01-20-shanyangqu.txt"), ARTICLE);
    mkfifo(&dir.join("corpus/pipe.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("corpus/zero.txt")).unwrap();
    std::os::unix::fs::symlink("loop-b.txt", dir.join("corpus/loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", dir.join("corpus/loop-b.txt")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("corpus/socket.md")).unwrap();
    let (code, out) = run(&dir, &["check", "corpus"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("checked 1 document,"), "{out}");
    assert_eq!(out.matches("corpus::not-a-file").count(), 5, "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("bad_files_special", out));
}

#[test]
fn every_file_flag_refuses_a_pipe_without_waiting_for_it() {
    let dir = common::scratch("pipe-flags");
    write(&dir.join("corpus/2021-01-20-shanyangqu.txt"), ARTICLE);
    mkfifo(&dir.join("pipe"));
    for args in [
        &["check", "corpus", "--expect", "pipe"][..],
        &["check", "corpus", "--baseline", "pipe"],
        &["check", "--claims", "pipe"],
        &["inspect", "pipe"],
        &["parse", "--file", "pipe"],
        &["extract", "pipe"],
    ] {
        let (code, out) = run(&dir, args);
        assert_eq!(code, 2, "{out}");
        assert!(out.contains("pipe: not a regular file: a FIFO"), "{out}");
    }
}

#[test]
fn a_pipe_named_claimcheck_toml_is_refused() {
    let dir = common::scratch("pipe-settings");
    write(&dir.join("corpus/2021-01-20-shanyangqu.txt"), ARTICLE);
    mkfifo(&dir.join("claimcheck.toml"));
    let (code, out) = run(&dir, &["check", "corpus"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("config::io"), "{out}");
    assert!(out.contains("not a regular file: a FIFO"), "{out}");
}

#[test]
fn a_file_over_the_configured_limit_is_too_large_and_the_others_load() {
    let dir = common::scratch("too-large");
    write(&dir.join("claimcheck.toml"), "max_file_size = 4096\n");
    write(&dir.join("corpus/2021-01-20-shanyangqu.txt"), ARTICLE);
    let long = format!("{ARTICLE}{}", "山阳区持续推进项目建设。\n".repeat(400));
    write(&dir.join("corpus/2021-01-21-long.txt"), &long);
    write(&dir.join("big-expected.toml"), &"# padding\n".repeat(1000));
    let (code, out) = run(&dir, &["check", "corpus"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("checked 1 document,"), "{out}");
    assert!(out.contains("corpus::too-large"), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("bad_files_too_large", out));
    let (code, out) = run(&dir, &["check", "corpus", "--expect", "big-expected.toml"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("dataset::io"), "{out}");
    assert!(
        out.contains("is over the limit of 4 KiB per input file"),
        "{out}"
    );
}

#[test]
fn an_empty_folder_is_an_input_error_and_the_date_never_comes_from_the_clock() {
    let dir = common::scratch("empty-folder");
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    let (code, out) = run(&dir, &["check", "corpus"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("corpus::empty"), "{out}");
    assert!(out.contains("no .txt or .md files in this folder"), "{out}");
    common::snapshots().bind(|| insta::assert_snapshot!("bad_files_empty_folder", out));
    let (_, json) = run(&dir, &["check", "corpus", "--format", "json"]);
    assert!(json.contains("\"as_of\": \"1970-01-01\""), "{json}");
}

#[test]
fn one_folder_given_several_ways_loads_each_article_once() {
    let dir = common::scratch("same-folder");
    write(&dir.join("corpus/2021-01-20-shanyangqu.txt"), ARTICLE);
    std::os::unix::fs::symlink("corpus", dir.join("linked")).unwrap();
    let absolute = dir.join("corpus");
    let absolute = absolute.to_str().expect("a UTF-8 scratch path");
    let (_, once) = run(&dir, &["check", "corpus", "--format", "json"]);
    for args in [
        &["check", "corpus", "./corpus", "--format", "json"][..],
        &["check", "corpus", absolute, "--format", "json"],
        &["check", "corpus", "linked", "--format", "json"],
        &[
            "check",
            "corpus",
            "corpus/2021-01-20-shanyangqu.txt",
            "--format",
            "json",
        ],
    ] {
        let (code, out) = run(&dir, args);
        assert_eq!(code, 0, "{out}");
        let body = |text: &str| text.split_once("--- stdout").map(|(_, b)| b.to_owned());
        assert_eq!(body(&out), body(&once), "{}", args.join(" "));
    }
}

#[test]
fn writes_never_replace_an_input_or_the_same_file_twice() {
    let dir = common::scratch("safe-writes");
    let article = dir.join("corpus/2021-01-20-shanyangqu.txt");
    write(&article, ARTICLE);
    let (code, out) = run(
        &dir,
        &[
            "check",
            "corpus",
            "--write-expected",
            "./corpus/2021-01-20-shanyangqu.txt",
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("would overwrite an input of this run"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), ARTICLE);

    let (code, out) = run(
        &dir,
        &[
            "check",
            "corpus",
            "--write-expected",
            "out.toml",
            "--write-baseline",
            "./out.toml",
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("--write-expected and --write-baseline both name"),
        "{out}"
    );
    assert!(!dir.join("out.toml").exists());

    write(&dir.join("expected.toml"), "old contents\n");
    let (code, out) = run(
        &dir,
        &["check", "corpus", "--write-expected", "expected.toml"],
    );
    assert_eq!(code, 0, "{out}");
    let written = std::fs::read_to_string(dir.join("expected.toml")).unwrap();
    assert!(written.contains("[[target]]"), "{written}");
    // Only the renamed file is left: no temporary file beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");
}
