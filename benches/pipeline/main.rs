//! End-to-end benchmark of the release `claimcheck` binary on generated corpora.
//!
//! `cargo bench --bench pipeline -- --sizes 10,100 --runs 3` writes a deterministic synthetic
//! corpus of each size (in MB) to `target/bench-corpus/<size>/`, then runs
//! `claimcheck extract --format jsonl` and `claimcheck check --format json` on it several times
//! as child processes and prints medians of wall time, MB/s, claims/s and peak resident memory
//! (the child's `VmHWM`, read while it runs). Beside them it times a baseline on the same bytes
//! in the same run — one multi-pattern regex scan of every file, in this process — and prints
//! each command's time as a multiple of the baseline, a figure that holds on a noisy machine. A
//! run that exceeds the time limit is killed and reported as "did not finish".
//!
//! `--copies 5` also saves 5 % of the articles a second time under another name and title (the
//! same body, which `check` reports as `corpus::duplicate` and counts once); `--yearbooks 10`
//! gives 10 % of the entities a yearbook, one very long article reprinting all their articles.
//! Such a corpus gets a folder of its own (`100-c5-y10`). `--binary PATH` measures another
//! build of claimcheck, e.g. the one before a change, on the same corpus.

mod synth;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// The claimcheck binary built by this `cargo bench` (release profile).
const CLAIMCHECK: &str = env!("CARGO_BIN_EXE_claimcheck");

/// The seed of every generated corpus: change it and every corpus is rebuilt.
const SEED: u64 = 20_102_025;

struct Options {
    sizes_mb: Vec<u64>,
    /// The binary to measure: this build's, or another (`--binary`) to compare with.
    binary: PathBuf,
    /// Copies and yearbooks in the generated corpus (`--copies`, `--yearbooks`).
    shape: synth::Shape,
    runs: usize,
    time_limit: Duration,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        sizes_mb: vec![10],
        binary: PathBuf::from(CLAIMCHECK),
        shape: synth::Shape::default(),
        runs: 3,
        time_limit: Duration::from_secs(20 * 60),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            // `cargo bench` passes `--bench` to every harness-less bench.
            "--bench" => {}
            "--sizes" => {
                options.sizes_mb = value("--sizes")?
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .parse()
                            .map_err(|_| format!("--sizes: `{s}` is not a number of MB"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--binary" => {
                // Absolute: the commands run inside the corpus folder.
                let given = PathBuf::from(value("--binary")?);
                options.binary = fs::canonicalize(&given)
                    .map_err(|e| format!("--binary {}: {e}", given.display()))?;
            }
            "--copies" => {
                options.shape.copies_percent = value("--copies")?
                    .parse()
                    .map_err(|_| "--copies needs a percentage of articles")?;
            }
            "--yearbooks" => {
                options.shape.yearbooks_percent = value("--yearbooks")?
                    .parse()
                    .map_err(|_| "--yearbooks needs a percentage of entities")?;
            }
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--time-limit" => {
                let seconds: u64 = value("--time-limit")?
                    .parse()
                    .map_err(|_| "--time-limit needs a number of seconds")?;
                options.time_limit = Duration::from_secs(seconds);
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; usage: -- [--sizes 10,100,1000] [--runs N] [--time-limit SECONDS] [--binary PATH] [--copies PERCENT] [--yearbooks PERCENT]"
                ));
            }
        }
    }
    Ok(options)
}

/// The folder holding the target directory: `CARGO_TARGET_DIR` or `target/` of the package.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Writes the corpus of `size_mb` MB unless an identical one is already there, and returns its
/// folder and its list of files.
///
/// The articles are always generated (that is fast); a SHA-256 of their paths and texts, kept
/// beside the folder, tells whether the files on disk are still the same and can be reused.
fn ensure_corpus(size_mb: u64, shape: synth::Shape) -> std::io::Result<(PathBuf, Vec<PathBuf>)> {
    let root = target_dir().join("bench-corpus");
    let name = corpus_name(size_mb, shape);
    let dir = root.join(&name);
    let stamp = root.join(format!("{name}.sha256"));
    let mut articles = Vec::new();
    let mut digest = Sha256::new();
    synth::generate_shaped(SEED, size_mb * 1_000_000, shape, |article| {
        digest.update(article.path.to_string_lossy().as_bytes());
        digest.update([0]);
        digest.update(article.text.as_bytes());
        articles.push(article);
    });
    let fingerprint = format!("{:x}\n", digest.finalize());
    let files: Vec<PathBuf> = articles.iter().map(|a| dir.join(&a.path)).collect();
    if fs::read_to_string(&stamp).ok().as_deref() == Some(fingerprint.as_str()) {
        return Ok((dir, files));
    }
    if stamp.exists() {
        fs::remove_file(&stamp)?;
    }
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    for (article, path) in articles.iter().zip(&files) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, &article.text)?;
    }
    fs::write(&stamp, fingerprint)?;
    Ok((dir, files))
}

/// The corpus folder's name: its size in MB, and the shape when it is not the plain one
/// (`100-c5-y10`: 5 % copies, yearbooks for 10 % of entities).
fn corpus_name(size_mb: u64, shape: synth::Shape) -> String {
    let mut name = size_mb.to_string();
    if shape.copies_percent > 0 {
        name += &format!("-c{}", shape.copies_percent);
    }
    if shape.yearbooks_percent > 0 {
        name += &format!("-y{}", shape.yearbooks_percent);
    }
    name
}

/// Gives the memory freed after generating a corpus back to the system.
///
/// A child's `ru_maxrss` starts from the resident size of this process at `fork` (Linux keeps
/// the larger of the two across `exec`), so a bench that still held the pages of a generated
/// 100 MB corpus would report that as the peak of every command.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the kernel.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// This process's resident size in MiB (`VmRSS`).
fn own_rss_mib() -> Option<f64> {
    status_kib("self", "VmRSS:").map(|kib| kib as f64 / 1024.0)
}

/// A size in KiB from `/proc/<pid>/status` (`VmRSS:`, `VmHWM:`), where Linux has it.
fn status_kib(pid: &str, field: &str) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What one child process did.
struct ChildRun {
    wall: Duration,
    /// Peak resident set size of the child in KiB (`VmHWM`, or `ru_maxrss` where there is no
    /// `/proc`).
    peak_kib: u64,
    /// The child's output, kept in a file so a large run does not fill this process's memory.
    output: PathBuf,
}

/// Runs `claimcheck <args> .` in `dir`, output to `output`, killing it after `limit`.
/// Returns `None` when it did not finish in time.
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped by `wait4`, which also reports its peak memory"
)]
fn run_claimcheck(
    binary: &Path,
    dir: &Path,
    args: &[&str],
    output: &Path,
    limit: Duration,
) -> Option<ChildRun> {
    let stdout = fs::File::create(output).expect("the output file can be created under target/");
    // What earlier runs wrote (a gigabyte run writes gigabytes) is put on disk first: left in
    // the page cache, the kernel would write it back while this run is being timed.
    // SAFETY: sync takes no arguments and only starts and waits for writeback.
    unsafe { libc::sync() };
    let start = Instant::now();
    let child = Command::new(binary)
        .args(args)
        .arg(".")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("the claimcheck binary built by cargo bench can be started");
    let pid = child.id() as libc::pid_t;
    // The child's own peak, read while it runs: `ru_maxrss` is no less than this process's
    // peak, whose memory the child shares until `exec` (Linux keeps the larger of the two),
    // so after a large corpus was generated it would report the bench's size, not the child's.
    let mut high_water_kib = None;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // Read before `wait4`: once the child has exited, its memory is gone from `/proc`.
        if let Some(kib) = status_kib(&pid.to_string(), "VmHWM:") {
            high_water_kib = high_water_kib.max(Some(kib));
        }
        // SAFETY: `pid` is our own unreaped child; `status` and `usage` are valid for writes.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            break;
        }
        assert!(
            reaped == 0,
            "wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        if start.elapsed() > limit {
            // SAFETY: the child has not been reaped, so `pid` still names it.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let wall = start.elapsed();
    assert!(
        libc::WIFEXITED(status),
        "claimcheck {args:?} was killed by a signal (status {status})"
    );
    // 0: clean, 1: findings that need a human; anything else is a failure of the tool.
    let code = libc::WEXITSTATUS(status);
    assert!(
        code <= 1,
        "claimcheck {args:?} failed with exit status {code}"
    );
    Some(ChildRun {
        wall,
        peak_kib: high_water_kib.unwrap_or_else(|| u64::try_from(usage.ru_maxrss).unwrap_or(0)),
        output: output.to_path_buf(),
    })
}

/// The baseline: one pass of a multi-pattern regex over every file, reading it from disk.
fn baseline_scan(files: &[PathBuf], pattern: &regex::Regex) -> (Duration, usize) {
    let start = Instant::now();
    let mut matches = 0;
    for file in files {
        let text = fs::read_to_string(file).expect("a generated file is readable UTF-8");
        matches += pattern.find_iter(&text).count();
    }
    (start.elapsed(), matches)
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn median_u64(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values[values.len() / 2]
}

/// The lines of a run's output, read a block at a time: reading it whole would make this
/// process as large as the output, and every later child's measured peak with it.
fn count_lines(path: &Path) -> usize {
    use std::io::Read;
    let mut file = fs::File::open(path).expect("the output of a finished run is readable");
    let mut block = vec![0u8; 1 << 16];
    let mut lines = 0;
    loop {
        let read = file.read(&mut block).expect("the output is readable");
        if read == 0 {
            return lines;
        }
        lines += block[..read].iter().filter(|&&b| b == b'\n').count();
    }
}

fn main() {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("pipeline bench: {message}");
            std::process::exit(2);
        }
    };
    let pattern = regex::Regex::new(
        r"\d+(?:\.\d+)?\s*(?:%|亿元|万元|億元)|增长|增長|目标|目標|完成|同比|比上年|[0-9]{4}年",
    )
    .expect("the baseline pattern is valid");
    println!("claimcheck: {}", options.binary.display());
    println!(
        "medians of {} runs; ratio = time / baseline time on the same files",
        options.runs
    );
    println!();
    println!(
        "| corpus | files | command | wall s | MB/s | claims/s | peak RSS MiB | RSS / corpus | × baseline |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for &size_mb in &options.sizes_mb {
        let (dir, files) = match ensure_corpus(size_mb, options.shape) {
            Ok(corpus) => corpus,
            Err(error) => {
                eprintln!("pipeline bench: cannot write the {size_mb} MB corpus: {error}");
                std::process::exit(1);
            }
        };
        release_freed_memory();
        let bytes: u64 = files
            .iter()
            .map(|f| fs::metadata(f).map_or(0, |m| m.len()))
            .sum();
        let megabytes = bytes as f64 / 1e6;
        let (baseline_times, _): (Vec<_>, Vec<_>) = (0..options.runs)
            .map(|_| baseline_scan(&files, &pattern))
            .unzip();
        let baseline = median(baseline_times);
        if let Some(own) = own_rss_mib() {
            println!("|  |  | (the bench itself: {own:.0} MiB resident) |  |  |  |  |  |  |");
        }
        println!(
            "| {megabytes:.1} MB | {} | baseline regex scan | {:.2} | {:.1} | — | — | — | 1 |",
            files.len(),
            baseline.as_secs_f64(),
            megabytes / baseline.as_secs_f64(),
        );
        let mut claims = None;
        for (label, args) in [
            ("extract --format jsonl", ["extract", "--format", "jsonl"]),
            ("check --format json", ["check", "--format", "json"]),
        ] {
            let output = target_dir().join("bench-corpus").join(format!(
                "{}.{}.out",
                corpus_name(size_mb, options.shape),
                args[0]
            ));
            let mut walls = Vec::new();
            let mut peaks = Vec::new();
            for _ in 0..options.runs {
                match run_claimcheck(&options.binary, &dir, &args, &output, options.time_limit) {
                    Some(run) => {
                        walls.push(run.wall);
                        peaks.push(run.peak_kib);
                        if args[0] == "extract" {
                            claims = Some(count_lines(&run.output));
                        }
                    }
                    None => break,
                }
            }
            if walls.len() < options.runs {
                println!(
                    "| {megabytes:.1} MB | {} | {label} | did not finish in {} s | — | — | — | — | — |",
                    files.len(),
                    options.time_limit.as_secs()
                );
                continue;
            }
            let wall = median(walls);
            let peak_mib = median_u64(peaks) as f64 / 1024.0;
            let claims_per_s = claims.map_or("—".to_string(), |n| {
                format!("{:.0}", n as f64 / wall.as_secs_f64())
            });
            println!(
                "| {megabytes:.1} MB | {} | {label} | {:.2} | {:.2} | {claims_per_s} | {peak_mib:.0} | {:.1}× | {:.0} |",
                files.len(),
                wall.as_secs_f64(),
                megabytes / wall.as_secs_f64(),
                peak_mib * 1024.0 * 1024.0 / bytes as f64,
                wall.as_secs_f64() / baseline.as_secs_f64(),
            );
        }
        if let Some(n) = claims {
            println!("|  |  | ({n} claims extracted) |  |  |  |  |  |  |");
        }
    }
}
