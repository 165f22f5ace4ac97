//! A run that is stopped leaves no temporary files: an interrupted run (SIGTERM, SIGINT)
//! removes its folder and exits 130; the folder of a run killed outright (SIGKILL) is removed
//! by the next run.
//!
//! The run is held mid-way without timing: `check --format json` keeps its temporary folder
//! until its findings are written, and its findings do not fit in a pipe nobody reads.

#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Articles of invented counties, each a target and the year's outcome: a finding or two
/// apiece, about a megabyte of findings in all.
fn corpus(dir: &Path) {
    for county in 0..400 {
        let text = format!(
            "+++\ntitle = \"第{county}县工作报告\"\npublished = 2022-02-1{}\nentity = \"石{county}县\"\n+++\n\
             2021年，全县地区生产总值完成{}亿元，增长{}.{}%。一般公共预算收入增长5%。\
             2022年主要预期目标：地区生产总值增长7%左右，一般公共预算收入增长6%。\n",
            county % 9,
            100 + county,
            3 + county % 5,
            county % 10,
        );
        std::fs::write(dir.join(format!("county-{county:03}.txt")), text).unwrap();
    }
}

/// A fresh corpus folder and temporary folder for test `name`.
fn folders_for(name: &str) -> (PathBuf, PathBuf) {
    let root = common::scratch(name);
    let (articles, temp) = (root.join("corpus"), root.join("tmp"));
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::create_dir_all(&temp).unwrap();
    corpus(&articles);
    (articles, temp)
}

/// `check --format json` of `corpus` with its temporary files in `temp`, its stdout a pipe
/// that is not read.
fn start_check(corpus: &Path, temp: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "json", "--as-of", "2023-06-30"])
        .arg(corpus)
        .env("TMPDIR", temp)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimcheck binary runs")
}

/// claimcheck's temporary folders in `temp`.
fn folders(temp: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(temp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("claimcheck-")
        })
        .collect();
    found.sort();
    found
}

/// Waits until the run has a locked temporary folder other than `except`.
fn wait_for_folder(temp: &Path, child: &mut Child, except: Option<&Path>) -> PathBuf {
    let started = Instant::now();
    loop {
        let new = folders(temp)
            .into_iter()
            .find(|f| f.join("lock").exists() && Some(f.as_path()) != except);
        if let Some(folder) = new {
            return folder;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it made its temporary folder"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no temporary folder"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn signal(child: &Child, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: `pid` is our own child, not yet reaped.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
}

/// Reads what the child wrote and waits for it: its exit code and stderr.
fn finish(mut child: Child) -> (Option<i32>, String) {
    let mut stdout = child.stdout.take().unwrap();
    let drained = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let status = child.wait().unwrap();
    drained.join().unwrap().ok();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), err)
}

#[test]
fn an_interrupted_run_removes_its_temporary_folder_and_exits_130() {
    for (name, sig) in [("term", libc::SIGTERM), ("int", libc::SIGINT)] {
        let (articles, temp) = folders_for(&format!("interrupted-{name}"));
        let mut child = start_check(&articles, &temp);
        let folder = wait_for_folder(&temp, &mut child, None);
        signal(&child, sig);
        let (code, err) = finish(child);
        assert_eq!(code, Some(130), "{name}: {err}");
        assert!(err.contains("interrupted"), "{name}: {err}");
        assert!(!folder.exists(), "{name}: {} is left", folder.display());
        assert_eq!(folders(&temp), Vec::<PathBuf>::new(), "{name}");
    }
}

#[test]
fn the_folder_of_a_killed_run_is_removed_by_the_next_run() {
    let (articles, temp) = folders_for("killed");
    let mut child = start_check(&articles, &temp);
    let folder = wait_for_folder(&temp, &mut child, None);
    signal(&child, libc::SIGKILL);
    let (code, _) = finish(child);
    assert_eq!(code, None, "killed by a signal");
    assert!(folder.exists(), "nothing can run on SIGKILL");
    // The next run removes it, and leaves alone a folder that is not claimcheck's and the
    // folder of a run still going.
    let unrelated = temp.join("claimcheck-notes");
    std::fs::create_dir(&unrelated).unwrap();
    let mut next = start_check(&articles, &temp);
    let next_folder = wait_for_folder(&temp, &mut next, Some(&folder));
    assert!(!folder.exists(), "the killed run's folder is removed");
    let short = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "json"])
        .arg(articles.join("county-000.txt"))
        .env("TMPDIR", &temp)
        .output()
        .expect("a short run finishes");
    assert!(short.status.code().is_some_and(|c| c <= 1), "{short:?}");
    assert!(next_folder.exists(), "a live run's folder is left alone");
    assert!(unrelated.exists(), "a folder without a lock is left alone");
    signal(&next, libc::SIGTERM);
    let (code, err) = finish(next);
    assert_eq!(code, Some(130), "{err}");
    assert_eq!(folders(&temp), vec![unrelated]);
}
