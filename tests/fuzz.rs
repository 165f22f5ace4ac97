//! Property tests over generated input, a small budget of what `examples/fuzz.rs` runs at
//! scale: parsers on mutated sentences and soup, articles with edited front matter and
//! truncated UTF-8, edited rule files, and the whole check on generated corpora. Nothing may
//! panic; every range stays in its text; no interval is empty; every diagnostic names its
//! file and labels inside it.

mod generators;

use std::sync::LazyLock;

use claimcheck::rules::{self, RuleSet};
use generators as g;
use proptest::prelude::*;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| rules::builtin().expect("the built-in rules load"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn parsers_keep_their_promises(text in g::text(), date in g::date()) {
        if let Err(broken) = g::check_parsers(&text, date) {
            return Err(TestCaseError::fail(broken));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn articles_load_or_say_why(bytes in g::article_bytes()) {
        if let Err(broken) = g::check_article(bytes) {
            return Err(TestCaseError::fail(broken));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edited_rules_compile_or_say_where(edit in g::rules_edit()) {
        if let Err(broken) = g::check_rules(edit) {
            return Err(TestCaseError::fail(broken));
        }
    }

    #[test]
    fn the_whole_check_runs_on_generated_corpora(articles in g::corpus()) {
        if let Err(broken) = g::check_corpus(articles, &RULES) {
            return Err(TestCaseError::fail(broken));
        }
    }
}
