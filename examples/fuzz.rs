//! The fuzz driver: the generators of `tests/fuzz.rs` for as many cases as asked, on every
//! core, with a time bound per input. It reports panics, hangs (an input over the bound) and
//! broken properties (a range outside its text, an empty interval, an unlabelled or pathless
//! diagnostic), printing each failing input, and exits 1 if there was any.
//!
//! ```text
//! cargo run --release --example fuzz -- --cases 10000000 --corpora 100000
//! ```
//!
//! Options: `--cases N` parser inputs (each through normalize, segment, quantity and time;
//! one in ten is an article through front matter and decoding, one in a hundred an edited
//! rule file), `--corpora N` generated corpora through the whole check, `--seed N`,
//! `--threads N` (default: the cores), `--bound-ms N` per input (default 2000).

#[path = "../tests/generators/mod.rs"]
mod generators;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use generators as g;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

#[derive(Clone, Copy)]
struct Options {
    cases: u64,
    corpora: u64,
    seed: u64,
    threads: usize,
    bound: Duration,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        cases: 100_000,
        corpora: 1_000,
        seed: 1,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        bound: Duration::from_millis(2000),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number: u64 = value
            .parse()
            .map_err(|_| format!("{flag}: not a number: {value}"))?;
        match flag.as_str() {
            "--cases" => o.cases = number,
            "--corpora" => o.corpora = number,
            "--seed" => o.seed = number,
            "--threads" => o.threads = usize::try_from(number.max(1)).unwrap_or(1),
            "--bound-ms" => o.bound = Duration::from_millis(number),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

/// What every worker counts.
#[derive(Default)]
struct Tally {
    parser_inputs: AtomicU64,
    articles: AtomicU64,
    rule_files: AtomicU64,
    corpora: AtomicU64,
    claims: AtomicU64,
    failures: AtomicUsize,
    slowest_micros: AtomicU64,
}

/// One worker's current input, for the watchdog to print if it hangs.
struct Current {
    started: Mutex<Option<(Instant, String)>>,
}

fn main() {
    let options = match options() {
        Ok(o) => o,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    // Panics are counted and printed by the workers, not by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let rules = Arc::new(claimcheck::rules::builtin().expect("the built-in rules load"));
    let tally = Arc::new(Tally::default());
    let started = Instant::now();
    let currents: Vec<Arc<Current>> = (0..options.threads)
        .map(|_| {
            Arc::new(Current {
                started: Mutex::new(None),
            })
        })
        .collect();
    let watchdog = {
        let currents = currents.clone();
        std::thread::spawn(move || watch(&currents, options.bound))
    };
    let workers: Vec<_> = (0..options.threads)
        .map(|worker| {
            let (rules, tally, current) = (rules.clone(), tally.clone(), currents[worker].clone());
            std::thread::spawn(move || run(worker, options, &rules, &tally, &current))
        })
        .collect();
    for w in workers {
        w.join().expect("a worker finishes");
    }
    drop(watchdog);
    let t = &tally;
    println!(
        "fuzz: {} parser inputs, {} articles, {} rule files, {} corpora ({} claims) in {:.1}s; \
         {} failures (panics, hangs over {:?}, broken properties); slowest input {:.1} ms",
        t.parser_inputs.load(Ordering::Relaxed),
        t.articles.load(Ordering::Relaxed),
        t.rule_files.load(Ordering::Relaxed),
        t.corpora.load(Ordering::Relaxed),
        t.claims.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64(),
        t.failures.load(Ordering::Relaxed),
        options.bound,
        t.slowest_micros.load(Ordering::Relaxed) as f64 / 1000.0,
    );
    if t.failures.load(Ordering::Relaxed) > 0 {
        std::process::exit(1);
    }
}

/// Prints an input that runs past the bound and stops the run: a hang cannot be interrupted
/// in-process, so it is a failure that ends the fuzzing.
fn watch(currents: &[Arc<Current>], bound: Duration) {
    loop {
        std::thread::sleep(Duration::from_millis(200));
        for current in currents {
            if let Some((since, input)) = &*current.started.lock().expect("lock")
                && since.elapsed() > bound * 5
            {
                eprintln!("HANG (over {:?}): {input}", bound * 5);
                std::process::exit(1);
            }
        }
    }
}

fn run(
    worker: usize,
    o: Options,
    rules: &claimcheck::rules::RuleSet,
    tally: &Tally,
    current: &Current,
) {
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&o.seed.to_le_bytes());
    seed[8..16].copy_from_slice(&(worker as u64).to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let share = |n: u64| n / o.threads as u64 + u64::from((worker as u64) < n % o.threads as u64);
    let (texts, dates) = (g::text(), g::date());
    let (articles, edits, corpora) = (g::article_bytes(), g::rules_edit(), g::corpus());
    for case in 0..share(o.cases) {
        let text = sample(&texts, &mut runner);
        let date = sample(&dates, &mut runner);
        guard(
            tally,
            current,
            format!("parsers {date} {text:?}"),
            o.bound,
            || g::check_parsers(&text, date),
        );
        tally.parser_inputs.fetch_add(1, Ordering::Relaxed);
        if case % 10 == 0 {
            let bytes = sample(&articles, &mut runner);
            let shown = format!("article {:?}", String::from_utf8_lossy(&bytes));
            guard(tally, current, shown, o.bound, || {
                g::check_article(bytes).map(|_| ())
            });
            tally.articles.fetch_add(1, Ordering::Relaxed);
        }
        if case % 100 == 0 {
            let edit = sample(&edits, &mut runner);
            guard(tally, current, format!("rules {edit:?}"), o.bound, || {
                g::check_rules(edit)
            });
            tally.rule_files.fetch_add(1, Ordering::Relaxed);
        }
    }
    for _ in 0..share(o.corpora) {
        let corpus = sample(&corpora, &mut runner);
        let shown: Vec<_> = corpus
            .iter()
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        guard(tally, current, format!("corpus {shown:?}"), o.bound, || {
            let claims = g::check_corpus(corpus, rules)?;
            tally.claims.fetch_add(claims as u64, Ordering::Relaxed);
            Ok(())
        });
        tally.corpora.fetch_add(1, Ordering::Relaxed);
    }
    *current.started.lock().expect("lock") = None;
}

fn sample<S: Strategy>(strategy: &S, runner: &mut TestRunner) -> S::Value {
    strategy
        .new_tree(runner)
        .expect("the generators never reject")
        .current()
}

/// Runs one input under the watchdog, counting a panic, a broken property or a slow input as
/// a failure and printing the input.
fn guard(
    tally: &Tally,
    current: &Current,
    input: String,
    bound: Duration,
    check: impl FnOnce() -> Result<(), String>,
) {
    let started = Instant::now();
    *current.started.lock().expect("lock") = Some((started, input));
    let outcome = catch_unwind(AssertUnwindSafe(check));
    let elapsed = started.elapsed();
    let input = current
        .started
        .lock()
        .expect("lock")
        .take()
        .map(|(_, i)| i)
        .unwrap_or_default();
    tally.slowest_micros.fetch_max(
        u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
        Ordering::Relaxed,
    );
    let failure = match outcome {
        Err(panic) => Some(format!(
            "PANIC {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
        Ok(Err(broken)) => Some(format!("BROKEN {broken}")),
        Ok(Ok(())) if elapsed > bound => Some(format!("SLOW {elapsed:?}")),
        Ok(Ok(())) => None,
    };
    if let Some(failure) = failure {
        tally.failures.fetch_add(1, Ordering::Relaxed);
        eprintln!("{failure}\n  input: {input}");
    }
}
