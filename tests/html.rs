//! The HTML report (`check --format html`) in a real browser: headless Chromium loads each page
//! from disk, runs its script and hands back the DOM. Every finding must be on the page with
//! its id and code, the script must have run (it writes how many cards are shown), the console
//! must stay silent (no script error, no request the page's Content-Security-Policy refused),
//! and nothing on the page may load anything. Hostile article text must come out as text.
//! Screenshots of the corpus and of the 2014 GDP example are written below the target folder
//! for review.
//!
//! The browser is the first of `$CLAIMCHECK_BROWSER`, `chromium`, `chromium-browser`,
//! `google-chrome` found. `.ci/run` installs Debian's `chromium`; where it cannot, it sets
//! `CLAIMCHECK_NO_BROWSER` to the reason and these tests say they are skipped. Under `CI`
//! without that variable a missing browser fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimcheck::audit::{self, Audit};
use claimcheck::finding::Levels;
use claimcheck::report::articles::{self, Articles};
use claimcheck::report::{Context, Settings, html, quote};
use regex::Regex;

/// One browser at a time: the machine is small and Chromium is not.
static BROWSER: Mutex<()> = Mutex::new(());

/// The browser to use, or `None` after saying why the test is skipped.
fn browser() -> Option<PathBuf> {
    let named = std::env::var_os("CLAIMCHECK_BROWSER").map(PathBuf::from);
    let found = named.or_else(|| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|name| which(name))
    });
    if found.is_some() {
        return found;
    }
    if let Ok(reason) = std::env::var("CLAIMCHECK_NO_BROWSER") {
        eprintln!("SKIPPED: no browser could be installed ({reason}); the HTML report is untested");
        return None;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "no Chromium under CI: .ci/run installs the Debian package `chromium`"
    );
    eprintln!(
        "SKIPPED: no Chromium on PATH (install Debian's `chromium`, or set CLAIMCHECK_BROWSER); \
         the HTML report is untested in a browser"
    );
    None
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// What a headless run gave: stdout (the DOM when dumped) and the console lines of the page.
struct Loaded {
    dom: String,
    console: Vec<String>,
}

/// Loads `url` in a fresh headless Chromium with `extra` arguments, offline in every way the
/// flags allow, and waits for it to exit (two minutes at most).
fn load(browser: &Path, url: &str, extra: &[&str]) -> Loaded {
    let _one_at_a_time = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let profile = work_dir().join(format!("profile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    // Output goes to files: a page's DOM is larger than a pipe holds while we wait.
    let stdout_path = work_dir().join(format!("stdout-{}", std::process::id()));
    let stderr_path = work_dir().join(format!("stderr-{}", std::process::id()));
    let file = |path: &Path| std::fs::File::create(path).expect("an output file");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(file(&stdout_path))
        .stderr(file(&stderr_path))
        .spawn()
        .expect("the browser starts");
    let started = Instant::now();
    while child
        .try_wait()
        .expect("the browser can be waited for")
        .is_none()
    {
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().expect("the browser can be stopped");
            panic!("the browser did not finish loading {url} in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = std::fs::remove_dir_all(&profile);
    let read = |path: &Path| String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let stderr = read(&stderr_path);
    Loaded {
        dom: read(&stdout_path),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_owned)
            .collect(),
    }
}

fn work_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&dir).expect("the test folder can be made");
    dir
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The audit of a folder and its rendered page, written to disk.
struct Rendered {
    audit: Audit,
    anchors: Vec<String>,
    path: PathBuf,
    html: String,
}

fn render(name: &str, folder: &str, as_of: Option<NaiveDate>) -> Rendered {
    let loaded = claimcheck::corpus::load(&[PathBuf::from(folder)]);
    assert!(!loaded.documents.is_empty(), "{folder} has articles");
    let rules = claimcheck::rules::builtin().expect("the built-in rules load");
    let judging = audit::Judging {
        as_of,
        ..audit::Judging::default()
    };
    let audit = audit::audit(&loaded.documents, &rules, judging);
    let articles: Articles = articles::of_documents(&loaded.documents);
    let levels = Levels::default();
    let context =
        Context::new(&audit.findings, &levels, &articles, audit.as_of).with_claims(&audit.claims);
    let settings = Settings {
        checked: folder,
        documents: loaded.documents.len(),
        ..context.settings
    };
    let html = html::html(&context.with_settings(settings));
    let path = work_dir().join(format!("{name}.html"));
    std::fs::write(&path, &html).expect("the page can be written");
    Rendered {
        anchors: quote::anchors(&audit.findings),
        audit,
        path,
        html,
    }
}

/// The start tags of the finding cards in a DOM, in page order.
fn cards(dom: &str) -> Vec<String> {
    let tag = Regex::new(r#"<article class="finding"[^>]*>"#).unwrap();
    tag.find_iter(dom).map(|m| m.as_str().to_owned()).collect()
}

/// Checks one loaded page against its audit: every finding present with its code, the script
/// ran, a silent console, nothing that loads.
fn check_page(name: &str, rendered: &Rendered, loaded: &Loaded) {
    assert!(
        loaded.console.is_empty(),
        "{name}: console: {:#?}",
        loaded.console
    );
    let dom = &loaded.dom;
    let cards = cards(dom);
    assert_eq!(cards.len(), rendered.audit.findings.len(), "{name}");
    for (finding, anchor) in rendered.audit.findings.iter().zip(&rendered.anchors) {
        let card = cards
            .iter()
            .find(|c| c.contains(&format!("id=\"{anchor}\"")))
            .unwrap_or_else(|| panic!("{name}: no card {anchor} for {}", finding.message));
        assert!(
            card.contains(&format!("data-code=\"{}\"", finding.code)),
            "{name}: {card}"
        );
        assert!(
            !card.contains("hidden"),
            "{name}: unfiltered, every card shows: {card}"
        );
    }
    let shown = format!("data-shown=\"{}\"", rendered.audit.findings.len());
    assert!(
        dom.contains(&shown),
        "{name}: the script did not run ({shown})"
    );
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "{name}: one script, the page's"
    );
    // Article text is escaped, so every tag in the DOM is the page's own.
    let tags = Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    for tag in tags.find_iter(dom).map(|m| m.as_str()) {
        for loader in [
            "<img", "<iframe", "<link", "<object", "<embed", " src=", "url(",
        ] {
            assert!(!tag.contains(loader), "{name}: `{loader}` in {tag}");
        }
    }
    assert!(
        dom.contains("Content-Security-Policy") && dom.contains("default-src 'none'"),
        "{name}: the page forbids fetching"
    );
}

#[test]
fn every_finding_of_the_corpus_and_the_fixtures_is_on_the_page_in_a_browser() {
    let Some(browser) = browser() else { return };
    let mut inputs = vec![(
        "corpus".to_owned(),
        "corpus".to_owned(),
        NaiveDate::from_ymd_opt(2024, 12, 31),
    )];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(common::repo_path("tests/fixtures/check"))
        .expect("the fixtures folder")
        .map(|e| e.expect("a fixture").path())
        .filter(|p| p.is_dir())
        .collect();
    fixtures.sort();
    for dir in fixtures {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        inputs.push((name.clone(), format!("tests/fixtures/check/{name}"), None));
    }
    for (name, folder, as_of) in inputs {
        let rendered = render(&name, &folder, as_of);
        let loaded = load(&browser, &file_url(&rendered.path), &["--dump-dom"]);
        check_page(&name, &rendered, &loaded);
    }
}

#[test]
fn hostile_article_text_stays_text_and_runs_nothing() {
    let Some(browser) = browser() else { return };
    let rendered = render("hostile", "tests/fixtures/html/hostile", None);
    let loaded = load(&browser, &file_url(&rendered.path), &["--dump-dom"]);
    check_page("hostile", &rendered, &loaded);
    let dom = &loaded.dom;
    assert!(
        dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;alert('title')&lt;/script&gt;"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;/textarea&gt;&lt;iframe src=//example.org&gt;"),
        "{dom}"
    );
    // A `javascript:` address is never a link; an http one is, its `&` and `"` escaped.
    assert!(!dom.contains("javascript:"), "{dom}");
    assert!(
        rendered
            .html
            .contains("href=\"https://example.org/qinghe/2019?a=1&amp;b=&quot;2&quot;\""),
        "the article's own address links its evidence"
    );
}

#[test]
fn filters_preset_from_the_address_hide_the_other_cards() {
    let Some(browser) = browser() else { return };
    let rendered = render(
        "corpus-filtered",
        "corpus",
        NaiveDate::from_ymd_opt(2024, 12, 31),
    );
    let met = rendered
        .audit
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "target::met")
        .count();
    assert!(met > 0, "the corpus has met targets");
    let url = format!("{}#code=target::met", file_url(&rendered.path));
    let loaded = load(&browser, &url, &["--dump-dom"]);
    assert!(loaded.console.is_empty(), "{:#?}", loaded.console);
    assert!(loaded.dom.contains(&format!("data-shown=\"{met}\"")));
    for card in cards(&loaded.dom) {
        let is_met = card.contains("data-code=\"target::met\"");
        assert_eq!(card.contains("hidden"), !is_met, "{card}");
    }
    // Sections left with nothing to show are hidden too: the corpus's arithmetic failure is not
    // `met`.
    assert!(
        loaded
            .dom
            .contains("<section id=\"arithmetic\" data-group=\"arithmetic\" hidden=\"\">"),
        "the arithmetic section is hidden"
    );
    assert!(
        loaded
            .dom
            .contains("<section id=\"targets\" data-group=\"targets\">"),
        "the targets section shows"
    );
    let conflict = format!("{}#code=arith::share", file_url(&rendered.path));
    let loaded = load(&browser, &conflict, &["--dump-dom"]);
    assert!(loaded.dom.contains("data-shown=\"1\""));
    assert!(
        loaded
            .dom
            .contains("<section id=\"targets\" data-group=\"targets\" hidden=\"\">"),
        "no target is an arithmetic failure: the targets section is hidden"
    );
}

#[test]
fn screenshots_for_review() {
    let Some(browser) = browser() else { return };
    for (name, folder, as_of) in [
        ("corpus", "corpus", NaiveDate::from_ymd_opt(2024, 12, 31)),
        (
            "missed-gdp-2014",
            "tests/fixtures/check/missed-gdp-2014",
            None,
        ),
    ] {
        let rendered = render(&format!("{name}-shot"), folder, as_of);
        let png = work_dir().join(format!("{name}.png"));
        let _ = std::fs::remove_file(&png);
        let loaded = load(
            &browser,
            &file_url(&rendered.path),
            &[
                &format!("--screenshot={}", png.display()),
                "--window-size=1280,2400",
            ],
        );
        assert!(loaded.console.is_empty(), "{:#?}", loaded.console);
        let bytes = std::fs::read(&png).expect("the screenshot was written");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((width, height), (1280, 2400));
        assert!(bytes.len() > 50_000, "a page with content, not a blank one");
        eprintln!(
            "screenshot of the {name} report ({} bytes of HTML): {}",
            rendered.html.len(),
            png.display()
        );
    }
}

#[test]
fn the_corpus_page_prints_to_several_pages() {
    let Some(browser) = browser() else { return };
    let rendered = render(
        "corpus-print",
        "corpus",
        NaiveDate::from_ymd_opt(2024, 12, 31),
    );
    let pdf = work_dir().join("corpus.pdf");
    let _ = std::fs::remove_file(&pdf);
    let loaded = load(
        &browser,
        &file_url(&rendered.path),
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
    );
    assert!(loaded.console.is_empty(), "{:#?}", loaded.console);
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let pages = bytes.windows(11).filter(|w| w == b"/Type /Page").count();
    assert!(pages > 10, "{pages} pages for 96 findings");
    eprintln!(
        "printed the corpus report: {} ({} bytes)",
        pdf.display(),
        bytes.len()
    );
}

#[test]
fn the_command_line_page_is_the_library_page() {
    let (code, out) = common::run_stdout(&[
        "check",
        "tests/fixtures/check/missed-gdp-2014",
        "--format",
        "html",
    ]);
    assert_eq!(code, 1, "the fixture has a missed target");
    let rendered = render(
        "missed-gdp-2014-cli",
        "tests/fixtures/check/missed-gdp-2014",
        None,
    );
    assert_eq!(out, rendered.html);
}

#[test]
fn html_snapshots() {
    for (name, folder, as_of) in [
        ("corpus", "corpus", NaiveDate::from_ymd_opt(2024, 12, 31)),
        (
            "missed-gdp-2014",
            "tests/fixtures/check/missed-gdp-2014",
            None,
        ),
    ] {
        let rendered = render(&format!("{name}-snapshot"), folder, as_of);
        common::snapshots().bind(|| insta::assert_snapshot!(format!("html_{name}"), rendered.html));
    }
}
