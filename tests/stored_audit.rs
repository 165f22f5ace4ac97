//! `check` keeps a corpus's claims compactly (`claim::store`) and reconciles them one entity,
//! and one document, at a time (`audit::reconcile_store`). The findings must be exactly those
//! of reconciling every claim at once, on the bundled corpus on the fixtures (every code) and on a
//! generated corpus of many entities, plans, reviews and copies.

mod common;

#[path = "../benches/pipeline/synth.rs"]
mod synth;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimcheck::audit::{self, Judging};
use claimcheck::claim::store::ClaimStore;
use claimcheck::{corpus, rules};

/// Reconciles the documents under `paths` both ways and holds the results to be equal; returns
/// the codes found, so that a caller can see the comparison covered them.
fn assert_store_reconciles_as_the_whole(paths: &[PathBuf]) -> BTreeSet<String> {
    let rules = rules::load(&common::repo_path("rules")).expect("the bundled rules load");
    let documents = corpus::load(paths).documents;
    let claims = audit::extract_all(&documents, &rules);
    let latest = documents.iter().map(|d| d.meta.published).max();
    let mut store = ClaimStore::new();
    for claim in &claims {
        store.push(claim.clone());
    }
    let whole = audit::reconcile_with_dates(claims, latest, &rules, Judging::default());
    let stored = audit::reconcile_store(&store, latest, &rules, Judging::default());
    assert_eq!(stored.as_of, whole.as_of);
    assert_eq!(stored.after_cut_off, whole.after_cut_off);
    assert_eq!(stored.order.len(), whole.claims.len());
    for (&i, claim) in stored.order.iter().zip(&whole.claims) {
        assert_eq!(&store.claim(i), claim);
    }
    assert_eq!(stored.findings.len(), whole.findings.len());
    for (k, (a, b)) in stored.findings.iter().zip(&whole.findings).enumerate() {
        assert_eq!(&a.unpack(&store), b, "finding {k} differs");
    }
    whole
        .findings
        .iter()
        .map(|f| f.code.as_str().to_owned())
        .collect()
}

#[test]
fn the_bundled_corpus_and_the_fixtures_reconcile_the_same_from_the_store() {
    let codes = assert_store_reconciles_as_the_whole(&[
        common::repo_path("corpus"),
        common::repo_path("tests/fixtures"),
    ]);
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
}

#[test]
fn a_generated_corpus_with_copies_reconciles_the_same_from_the_store() {
    let dir = common::scratch("stored-audit-generated");
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
    let codes = assert_store_reconciles_as_the_whole(&[dir]);
    for code in [
        "target::met",
        "target::missed",
        "target::unverified",
        "target::pending",
    ] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
}
