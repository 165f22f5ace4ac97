//! Corpus loading: the bundled seeds stay intact, bad input turns into diagnostics, and
//! diagnostics render the way users see them.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimcheck::corpus::{self, Code, CorpusDiagnostic, Encoding, Loaded};
use miette::{GraphicalReportHandler, GraphicalTheme};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

/// The fixture folder, relative to the crate root, as a user would type it.
///
/// Cargo runs integration tests from the package root, so a relative path works and keeps
/// absolute paths out of the snapshots.
const BAD_INPUT: &str = "tests/fixtures/bad-input";

fn bad_input() -> PathBuf {
    assert!(
        Path::new(BAD_INPUT).is_dir(),
        "run the tests from the crate root (cargo test does)"
    );
    PathBuf::from(BAD_INPUT)
}

fn render(diagnostic: &CorpusDiagnostic) -> String {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    handler
        .render_report(&mut out, diagnostic)
        .expect("rendering into a String cannot fail");
    out
}

fn codes(loaded: &Loaded) -> Vec<(String, &'static str)> {
    loaded
        .diagnostics
        .iter()
        .map(|d| (d.path().to_owned(), d.code().as_str()))
        .collect()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

/// SHA-256 of each seed article's body, fixed when the seeds were imported: the bodies are the
/// articles as published and must never be edited (spans and curated quotes point into them).
const SEEDS: [(&str, &str, &str, &str); 5] = [
    (
        "2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
        "2014-02-15",
        "中站区",
        "3e75dc2eb067d451c7b2142329674fb2aea62dbd4b1e90488d44dd65760afa8d",
    ),
    (
        "2020-10-17-zhongzhanqu-sanyi-qifei.txt",
        "2020-10-17",
        "中站区",
        "01ee6e81ad5dd7a7ffa64afe261b4e639473e1a3457495fbbe0fe99241891384",
    ),
    (
        "2020-12-20-zhongzhanqu-2020-huigu.txt",
        "2020-12-20",
        "中站区",
        "cd7c54d775ad5757b6a841f168ec3cc5277bb7af14e41939801a1fa0a7819b37",
    ),
    (
        "2024-10-01-gaoxinqu-1015-zhanlue.txt",
        "2024-10-01",
        "高新区",
        "386290dbafd22870275926e23273c2712520265d90bed394c2e9184361bb899a",
    ),
    (
        "2024-10-15-zhongzhanqu-xianghao-xiangxin.txt",
        "2024-10-15",
        "中站区",
        "18054db3211c3c4d612a28ac0908557b3f72331677562d39713aac80c194661e",
    ),
];

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn seed_bodies_are_pinned() {
    let loaded = corpus::load(&[common::repo_path("corpus")]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(loaded.documents.len(), SEEDS.len());
    for (document, (name, published, entity, sha)) in loaded.documents.iter().zip(SEEDS) {
        assert_eq!(
            document.path.file_name().and_then(|n| n.to_str()),
            Some(name)
        );
        assert_eq!(document.encoding, Encoding::Utf8);
        assert_eq!(document.meta.published, date(published), "{name}");
        assert_eq!(document.meta.entity.as_deref(), Some(entity), "{name}");
        assert!(document.meta.title.is_some(), "{name}");
        assert_eq!(
            sha256_hex(document.body_text().as_bytes()),
            sha,
            "{name}: body changed"
        );

        // The span must be the bytes after the closing `+++` line, found independently.
        let bytes = std::fs::read(&document.path).expect("seed readable");
        let close = bytes[4..]
            .windows(5)
            .position(|w| w == b"\n+++\n")
            .expect("closing line")
            + 4;
        assert_eq!(
            &bytes[close + 5..],
            document.body_text().as_bytes(),
            "{name}"
        );
        assert_eq!(document.body.end, bytes.len());
    }
}

#[test]
fn bad_input_folder_loads_good_files_and_reports_each_bad_one() {
    let loaded = corpus::load(&[bad_input()]);
    let loaded_paths: Vec<String> = loaded.documents.iter().map(|d| d.name.clone()).collect();
    assert_eq!(
        loaded_paths,
        [
            "tests/fixtures/bad-input/bom.txt",
            "tests/fixtures/bad-input/gb18030.txt",
            "tests/fixtures/bad-input/good.txt",
            "tests/fixtures/bad-input/sub/crlf.md",
        ]
    );
    let expected = [
        ("binary.txt", "corpus::binary"),
        ("empty.txt", "corpus::empty"),
        ("gb18030.txt", "corpus::encoding"),
        ("missing-published.txt", "corpus::missing-published"),
        ("no-front-matter.txt", "corpus::front-matter-missing"),
        ("syntax-error.txt", "corpus::front-matter-syntax"),
        ("typo-key.txt", "corpus::unknown-key"),
        ("undecodable.txt", "corpus::undecodable"),
        ("unterminated.txt", "corpus::front-matter-unterminated"),
        ("wrong-type.txt", "corpus::front-matter-type"),
    ]
    .map(|(file, code)| (format!("{BAD_INPUT}/{file}"), code));
    assert_eq!(codes(&loaded), expected);
    assert!(loaded.has_errors());

    // Only the encoding note is advice; it does not stop the GB18030 article from loading.
    let advice: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .collect();
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].code(), Code::Encoding);

    // Same input, same output, in the same order.
    let again = corpus::load(&[bad_input()]);
    assert_eq!(codes(&again), codes(&loaded));
    let again_paths: Vec<String> = again.documents.iter().map(|d| d.name.clone()).collect();
    assert_eq!(again_paths, loaded_paths);
}

#[test]
fn labels_land_on_the_offending_text() {
    let loaded = corpus::load(&[bad_input()]);
    let labelled = |file: &str| -> (String, String) {
        let path = format!("{BAD_INPUT}/{file}");
        let diagnostic = loaded
            .diagnostics
            .iter()
            .find(|d| d.path() == path)
            .unwrap_or_else(|| panic!("no diagnostic for {path}"));
        let source = diagnostic
            .source_text()
            .expect("decoded files carry their text");
        let (span, label) = &diagnostic.spans()[0];
        (source[span.range()].to_owned(), label.clone())
    };
    assert_eq!(
        labelled("no-front-matter.txt").0,
        "中站区：招商引资再创佳绩"
    );
    assert_eq!(labelled("unterminated.txt").0, "+++");
    assert_eq!(labelled("missing-published.txt").0, "+++");
    assert_eq!(labelled("typo-key.txt").0, "publised");
    assert_eq!(
        labelled("wrong-type.txt"),
        (
            "\"2014-02-15\"".to_owned(),
            "expected a date, found a string".to_owned()
        )
    );
    // toml points at the bare word it cannot read as a value.
    assert_eq!(labelled("syntax-error.txt").0, "中站区");

    let typo = loaded
        .diagnostics
        .iter()
        .find(|d| d.code() == Code::UnknownKey)
        .expect("typo");
    assert_eq!(typo.help_text(), Some("did you mean `published`?"));
    let missing = loaded
        .diagnostics
        .iter()
        .find(|d| d.code() == Code::MissingPublished);
    assert_eq!(
        missing.and_then(|d| d.help_text()),
        Some("add published = YYYY-MM-DD")
    );
}

#[test]
fn binary_and_undecodable_files_name_the_offset_and_carry_no_text() {
    let loaded = corpus::load(&[bad_input()]);
    let find = |code| {
        loaded
            .diagnostics
            .iter()
            .find(|d| d.code() == code)
            .expect("present")
    };
    let binary = find(Code::Binary);
    assert!(
        binary.message().contains("offset 8"),
        "{}",
        binary.message()
    );
    assert!(binary.source_text().is_none());
    let undecodable = find(Code::Undecodable);
    assert!(
        undecodable.message().contains("offset 13"),
        "{}",
        undecodable.message()
    );
    assert!(undecodable.source_text().is_none());
}

#[test]
fn diagnostics_render_as_users_see_them() {
    let missing = PathBuf::from(format!("{BAD_INPUT}/does-not-exist.txt"));
    let loaded = corpus::load(&[bad_input(), missing]);
    let rendered: String = loaded
        .diagnostics
        .iter()
        .map(|d| format!("── {}\n{}\n", d.path(), render(d)))
        .collect();
    assert!(!rendered.contains(env!("CARGO_MANIFEST_DIR")));
    common::snapshots().bind(|| insta::assert_snapshot!("corpus_bad_input_diagnostics", rendered));
}

#[test]
fn gb18030_article_decodes_to_chinese_text() {
    let loaded = corpus::load_one(&bad_input().join("gb18030.txt"));
    let [document] = loaded.documents.as_slice() else {
        panic!("{:#?}", loaded)
    };
    assert_eq!(document.encoding, Encoding::Gb18030);
    assert_eq!(
        document.meta.title.as_deref(),
        Some("中站区：民生实事件件落地")
    );
    assert_eq!(document.meta.published, date("2022-12-28"));
    assert_eq!(
        document.body_text(),
        "2022年，中站区十项重点民生实事全部完成，新增城镇就业2360人。\n\
         全区改造老旧小区15个，惠及居民3100余户。\n"
    );
    assert_eq!(
        codes(&loaded),
        [(format!("{BAD_INPUT}/gb18030.txt"), "corpus::encoding")]
    );
}

#[test]
fn bom_article_keeps_file_offsets() {
    let path = bad_input().join("bom.txt");
    let loaded = corpus::load_one(&path);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let [document] = loaded.documents.as_slice() else {
        panic!("{:#?}", loaded)
    };
    assert_eq!(document.encoding, Encoding::Utf8Bom);
    let bytes = std::fs::read(&path).expect("fixture readable");
    assert_eq!(
        document.source.as_bytes(),
        bytes,
        "the source is the file, BOM included"
    );
    assert!(document.source.starts_with('\u{feff}'));
    let body = "近年来，中站区累计完成北山生态修复面积1.2万亩，森林覆盖率提高到35%。\n\
                下一步，该区将力争到2025年建成省级森林城市示范区。\n";
    assert_eq!(document.body_text(), body);
    assert_eq!(document.body.start, bytes.len() - body.len());
    let at = document.source.find("1.2万亩").expect("quote present");
    assert_eq!(&bytes[at..at + "1.2万亩".len()], "1.2万亩".as_bytes());
}

#[test]
fn crlf_article_in_a_subfolder_loads() {
    let loaded = corpus::load_one(&bad_input().join("sub/crlf.md"));
    let [document] = loaded.documents.as_slice() else {
        panic!("{:#?}", loaded)
    };
    assert_eq!(document.meta.entity.as_deref(), Some("高新区"));
    assert_eq!(document.meta.published, date("2024-09-30"));
    assert_eq!(
        document.body_text(),
        "截至8月底，高新区高新技术企业达到186家，研发投入强度达到3.2%。\r\n"
    );
}

#[test]
fn explicit_files_are_taken_whatever_their_name() {
    let dir = bad_input();
    let loaded = corpus::load(&[dir.join(".hidden.txt"), dir.join("notes.toml")]);
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].name, format!("{BAD_INPUT}/.hidden.txt"));
    assert_eq!(
        codes(&loaded),
        [(
            format!("{BAD_INPUT}/notes.toml"),
            "corpus::front-matter-missing"
        )]
    );
}

#[test]
fn missing_path_is_reported_by_name() {
    let loaded = corpus::load(&[PathBuf::from("no/such/corpus")]);
    assert!(loaded.documents.is_empty());
    assert_eq!(
        codes(&loaded),
        [("no/such/corpus".to_owned(), "corpus::not-found")]
    );
    assert!(
        loaded.diagnostics[0]
            .message()
            .starts_with("no/such/corpus: ")
    );
    assert!(loaded.has_errors());
}

#[test]
fn every_code_is_documented_and_distinct() {
    let docs = include_str!("../src/corpus.rs");
    let mut seen = std::collections::BTreeSet::new();
    for code in Code::ALL {
        assert!(code.as_str().starts_with("corpus::"));
        assert!(seen.insert(code.as_str()), "{code} listed twice");
        assert!(
            docs.contains(&format!("`{code}`")),
            "{code} missing from the module docs"
        );
    }
}

/// A scratch folder for generated files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("claimcheck-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir writable");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn check_invariants(loaded: &Loaded) -> Result<(), TestCaseError> {
    prop_assert!(loaded.documents.len() + loaded.diagnostics.len() >= 1);
    for document in &loaded.documents {
        prop_assert!(document.source.get(document.body.range()).is_some());
    }
    for diagnostic in &loaded.diagnostics {
        let _ = render(diagnostic);
        for (span, _) in diagnostic.spans() {
            let source = diagnostic.source_text().unwrap_or("");
            prop_assert!(source.get(span.range()).is_some(), "{span:?} in {source:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_load_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let scratch = Scratch::new("corpus-bytes");
        let path = scratch.0.join("a.txt");
        std::fs::write(&path, &bytes).expect("write");
        check_invariants(&corpus::load_one(&path))?;
    }

    #[test]
    fn any_front_matter_loads_without_panicking(
        toml in "[a-z =\"\\[\\]{}0-9\n\r\t,.:TZ+-中站区]{0,60}",
        bom in any::<bool>(),
    ) {
        let scratch = Scratch::new("corpus-toml");
        let path = scratch.0.join("a.txt");
        let text = format!("{}+++\n{toml}\n+++\n正文", if bom { "\u{feff}" } else { "" });
        std::fs::write(&path, text).expect("write");
        check_invariants(&corpus::load_one(&path))?;
    }
}
