//! Documents are loaded, analyzed and extracted in parallel; the output must not depend on the
//! number of threads. Each run here is compared byte for byte with the same run on one thread.

mod common;

#[path = "../benches/pipeline/synth.rs"]
mod synth;

use std::path::Path;

/// stdout and stderr of `claimcheck <args>` run in `dir` on `threads` rayon threads.
fn run_on(threads: usize, dir: &Path, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads.to_string())
        .env_remove("COLUMNS")
        .output()
        .expect("the claimcheck binary runs");
    (output.stdout, output.stderr)
}

/// Runs every command on 1, 2 and 4 threads and holds the outputs to be identical.
fn assert_thread_count_does_not_matter(dir: &Path, paths: &[&str]) {
    let commands: [&[&str]; 4] = [
        &["check", "--format", "json"],
        &["check", "--format", "jsonl", "--show-all"],
        &["extract", "--format", "json"],
        &["extract", "--format", "jsonl"],
    ];
    for command in commands {
        let args: Vec<&str> = command.iter().chain(paths).copied().collect();
        let (stdout, stderr) = run_on(1, dir, &args);
        assert!(!stdout.is_empty(), "{args:?} printed nothing");
        for threads in [2, 4] {
            let (parallel_stdout, parallel_stderr) = run_on(threads, dir, &args);
            assert!(
                parallel_stdout == stdout,
                "{args:?}: stdout on {threads} threads differs from one thread"
            );
            assert!(
                parallel_stderr == stderr,
                "{args:?}: stderr on {threads} threads differs from one thread"
            );
        }
    }
}

#[test]
fn the_bundled_corpus_gives_the_same_bytes_on_one_thread_and_on_several() {
    assert_thread_count_does_not_matter(&common::repo_path(""), &["corpus"]);
}

#[test]
fn the_fixtures_give_the_same_bytes_on_one_thread_and_on_several() {
    // Bad input among them: the diagnostics on stderr keep their order too.
    assert_thread_count_does_not_matter(&common::repo_path(""), &["tests/fixtures"]);
}

#[test]
fn a_generated_corpus_of_many_files_gives_the_same_bytes_on_one_thread_and_on_several() {
    let dir = common::scratch("parallel-generated");
    let mut files = 0;
    synth::generate(11, 150_000, |article| {
        let path = dir.join(&article.path);
        std::fs::create_dir_all(path.parent().expect("a generated path has a folder"))
            .expect("the scratch folder is writable");
        std::fs::write(path, article.text).expect("the scratch folder is writable");
        files += 1;
    });
    assert!(files > 80, "only {files} files generated");
    assert_thread_count_does_not_matter(&dir, &["."]);
}
