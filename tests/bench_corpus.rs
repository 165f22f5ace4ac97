//! The benchmark's corpus generator is deterministic and writes realistic, readable articles.

#[path = "../benches/pipeline/synth.rs"]
mod synth;

fn corpus(seed: u64, bytes: u64) -> Vec<(String, String)> {
    let mut articles = Vec::new();
    synth::generate(seed, bytes, |article| {
        articles.push((article.path.display().to_string(), article.text));
    });
    articles
}

#[test]
fn the_same_seed_gives_byte_identical_files_and_another_seed_does_not() {
    let first = corpus(7, 200_000);
    assert_eq!(first, corpus(7, 200_000));
    assert_ne!(first, corpus(8, 200_000));
    let total: usize = first.iter().map(|(_, text)| text.len()).sum();
    assert!(
        (200_000..260_000).contains(&total),
        "{total} bytes for 200 kB"
    );
}

#[test]
fn generated_articles_carry_front_matter_targets_reviews_damage_and_reposts() {
    let articles = corpus(7, 400_000);
    for (path, text) in &articles {
        assert!(text.starts_with("+++\ntitle = \""), "{path}");
        assert!(
            text.contains("\npublished = 20") && text.contains("\nentity = \""),
            "{path}"
        );
    }
    let any = |needle: &str| articles.iter().any(|(_, text)| text.contains(needle));
    assert!(any("今年经济社会发展的主要预期目标是："));
    assert!(any("过去一年，"));
    assert!(any("——"));
    assert!(any("1至6月，"));
    assert!(any("年统计公报"));
    assert!(any("經濟"), "a Traditional repost");
    assert!(
        any("增 长\n\n"),
        "OCR damage: spaced characters and numbers on their own lines"
    );
}
