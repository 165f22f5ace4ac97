//! `check` spills a corpus's claims to temporary files by entity, checks each document's
//! sentences as it comes and merges the findings back from sorted temporary files
//! (`audit::SpilledAudit`). The findings must be exactly those of reconciling every claim at
//! once, in the same order, on the bundled corpus, on the fixtures (every code) and on a
//! generated corpus of many entities, plans, reviews and copies, with and without a cut-off.

mod common;

#[path = "../benches/pipeline/synth.rs"]
mod synth;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimcheck::audit::{self, Judging, SpilledAudit};
use claimcheck::{corpus, rules};

/// Reconciles the documents under `paths` both ways, as of `as_of`, and holds the results to
/// be equal; returns the codes found, so that a caller can see the comparison covered them.
fn assert_spill_reconciles_as_the_whole(
    paths: &[PathBuf],
    as_of: Option<NaiveDate>,
) -> BTreeSet<String> {
    let rules = rules::load(&common::repo_path("rules")).expect("the bundled rules load");
    let documents = corpus::load(paths).documents;
    let judging = Judging {
        as_of,
        ..Judging::default()
    };
    let latest = documents.iter().map(|d| d.meta.published).max();
    let mut spill = SpilledAudit::new(judging).expect("a temporary folder can be made");
    let folder = spill.folder().to_owned();
    for doc in &documents {
        let claims = audit::extract_all(std::slice::from_ref(doc), &rules);
        spill.add_document(claims).expect("the spill is written");
    }
    let claims = audit::extract_all(&documents, &rules);
    let whole = audit::reconcile_with_dates(claims, latest, &rules, judging);
    let spilled = spill
        .finish(latest, &rules)
        .expect("the spill is read back");
    assert_eq!(spilled.as_of, whole.as_of);
    assert_eq!(spilled.after_cut_off, whole.after_cut_off);
    assert_eq!(spilled.claims, whole.claims.len());
    let findings: Vec<_> = spilled
        .collect::<std::io::Result<_>>()
        .expect("the findings are read back");
    assert!(!folder.exists(), "the temporary folder is removed");
    assert_eq!(findings.len(), whole.findings.len());
    for (k, (a, b)) in findings.iter().zip(&whole.findings).enumerate() {
        assert_eq!(a, b, "finding {k} differs");
    }
    whole
        .findings
        .iter()
        .map(|f| f.code.as_str().to_owned())
        .collect()
}

#[test]
fn the_bundled_corpus_and_the_fixtures_reconcile_the_same_from_the_spill() {
    let paths = [
        common::repo_path("corpus"),
        common::repo_path("tests/fixtures"),
    ];
    let codes = assert_spill_reconciles_as_the_whole(&paths, None);
    for code in [
        "arith::growth",
        "arith::share",
        "arith::sum",
        "report::conflict",
        "report::revised",
        "target::restated",
        "target::missed",
    ] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
    // A cut-off leaves later documents out of the sentences' checks as well as the entities'.
    let codes = assert_spill_reconciles_as_the_whole(&paths, NaiveDate::from_ymd_opt(2016, 6, 30));
    assert!(codes.contains("target::pending"), "{codes:?}");
}

#[test]
fn a_generated_corpus_with_copies_reconciles_the_same_from_the_spill() {
    let dir = common::scratch("spilled-audit-generated");
    let shape = synth::Shape {
        copies_percent: 5,
        yearbooks_percent: 5,
    };
    synth::generate_shaped(5, 400_000, shape, |article| {
        let path = dir.join(&article.path);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .expect("the scratch folder is writable");
        std::fs::write(path, article.text).expect("the scratch folder is writable");
    });
    let codes = assert_spill_reconciles_as_the_whole(std::slice::from_ref(&dir), None);
    for code in [
        "target::met",
        "target::missed",
        "target::unverified",
        "target::pending",
    ] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
    assert_spill_reconciles_as_the_whole(&[dir], NaiveDate::from_ymd_opt(2018, 3, 1));
}

/// Runs `check` on the bundled corpus with `TMPDIR` set to `temp`.
fn check_with_temp(temp: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "corpus", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TMPDIR", temp)
        .output()
        .expect("the claimcheck binary runs")
}

#[test]
fn check_leaves_no_temporary_file_behind() {
    let temp = common::scratch("spilled-audit-temp");
    let output = check_with_temp(&temp);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the corpus has denied findings"
    );
    let findings: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    assert!(!findings["findings"].as_array().unwrap().is_empty());
    let left: Vec<_> = std::fs::read_dir(&temp).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_temporary_folder_that_cannot_be_made_is_a_clear_error() {
    let temp = common::scratch("spilled-audit-no-temp").join("missing");
    let output = check_with_temp(&temp);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: cannot write temporary files in ") && stderr.contains("missing"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}
