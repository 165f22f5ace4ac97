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

#[test]
fn copies_repeat_a_body_under_another_title_and_yearbooks_reprint_an_entity() {
    let plain = corpus(7, 300_000);
    let mut plain_shaped = Vec::new();
    synth::generate_shaped(7, 300_000, synth::Shape::default(), |a| {
        plain_shaped.push((a.path.display().to_string(), a.text));
    });
    assert_eq!(
        plain, plain_shaped,
        "no copies and no yearbooks: the plain corpus"
    );

    let shape = synth::Shape {
        copies_percent: 20,
        yearbooks_percent: 100,
    };
    let mut shaped = Vec::new();
    synth::generate_shaped(7, 300_000, shape, |a| {
        shaped.push((a.path.display().to_string(), a.text));
    });
    let body = |text: &str| text.splitn(3, "+++\n").nth(2).unwrap_or("").to_owned();
    let copies: Vec<&(String, String)> = shaped
        .iter()
        .filter(|(p, _)| p.ends_with("-copy.txt"))
        .collect();
    assert!(copies.len() > 10, "{} copies", copies.len());
    for (path, text) in copies {
        let original_path = path.replace("-copy.txt", ".txt");
        let (_, original) = shaped
            .iter()
            .find(|(p, _)| *p == original_path)
            .expect("a copy follows its original");
        assert_eq!(body(text), body(original), "{path}");
        assert_ne!(text, original, "{path}: the title differs");
    }
    let yearbook = shaped
        .iter()
        .find(|(p, _)| p.ends_with("yearbook.txt"))
        .expect("a yearbook for every entity");
    assert!(yearbook.1.len() > 40_000, "{} bytes", yearbook.1.len());
}
