//! Input generators and the properties every input must keep, shared by the property tests
//! (`tests/fuzz.rs`, a small budget inside `cargo test`) and the fuzz driver
//! (`examples/fuzz.rs`, any number of cases).
//!
//! The seed sentences are our own, in the register of district work reports, about invented
//! places; mutations splice in the characters the parsers care about (digits, Chinese
//! numerals, scale and unit words, range separators, quotes, qualifiers, line breaks).
#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use claimcheck::corpus::{self, Document};
use claimcheck::normalize::Normalized;
use claimcheck::quantity;
use claimcheck::report::{self, fitted};
use claimcheck::rules::RuleSet;
use claimcheck::span::Span;
use claimcheck::time::{self, Reference};
use claimcheck::{audit, finding, segment};
use proptest::prelude::*;

/// Sentences in our own words, each with the figures and dates the parsers read.
pub const SEEDS: &[&str] = &[
    "2020年，山阳区地区生产总值完成152亿元，同比增长4.1%。",
    "2021年主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长6%。",
    "1~8月份，清河县规模以上工业增加值同比增长9.3%，完成年度计划的68.5%。",
    "力争到2025年，北岭镇城镇居民人均可支配收入达到4.2万元以上。",
    "全年新增城镇就业1,250人，城镇登记失业率控制在4.5%以内。",
    "今年以来，全区固定资产投资完成86.3亿元，占年度目标的70.1%。",
    "“十四五”末，森林覆盖率提高到38.6%，空气质量优良天数超过300天。",
    "居全市第二位，位居全省前列，进入“第一方阵”。",
    "实施重点项目32个，总投资1200余万元，其中新开工项目15个。",
    "近三年累计完成投资约900亿元，年均增长12.9个百分点。",
    "明年秋季，城东学校建成投用；年底前完成二期工程。",
    "一般公共预算收入完成三亿五千万元，比上年增长百分之十。",
];

/// Characters and words spliced into seeds and strung into soup.
pub const PALETTE: &[&str] = &[
    "0",
    "1",
    "7",
    "9",
    "00",
    ",",
    ".",
    "%",
    "‰",
    "~",
    "～",
    "-",
    "—",
    "至",
    "到",
    "一",
    "二",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "两",
    "零",
    "〇",
    "点",
    "元",
    "亿元",
    "万元",
    "吨",
    "个",
    "人",
    "家",
    "亩",
    "平方米",
    "公里",
    "年",
    "月",
    "日",
    "月份",
    "季度",
    "上半年",
    "全年",
    "今年",
    "去年",
    "明年",
    "以来",
    "底",
    "前",
    "第",
    "名",
    "位",
    "余",
    "多",
    "约",
    "近",
    "超过",
    "以上",
    "以内",
    "不低于",
    "增长",
    "下降",
    "完成",
    "达到",
    "目标",
    "力争",
    "同比",
    "百分点",
    "占",
    "比重",
    "“",
    "”",
    "\"",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    "，",
    "。",
    "；",
    "：",
    "、",
    "\n",
    "\n\n",
    " ",
    "\t",
    "１",
    "２",
    "億",
    "萬",
    "經濟",
    "#",
    "**",
    "+++",
    "十四五",
    "国庆节",
    "冬",
    "山阳区",
    "地区生产总值",
    "PM2.5",
    "5G",
    "1+6",
    "3/5",
    "1.2.3",
    "\u{feff}",
    "\r\n",
    "e",
    "E",
    "9999999999999999999999999999999",
    "0.0000000000000000000000000001",
];

/// One palette entry.
fn token() -> impl Strategy<Value = String> {
    prop::sample::select(PALETTE).prop_map(str::to_owned)
}

/// Random soup of palette tokens.
pub fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..40).prop_map(|t| t.concat())
}

/// A seed sentence with up to six edits: a token inserted, a character dropped or replaced.
pub fn mutated_seed() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SEEDS),
        prop::collection::vec((0..3u8, any::<prop::sample::Index>(), token()), 0..6),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<String> = seed.chars().map(String::from).collect();
            for (kind, at, word) in edits {
                let i = at.index(chars.len() + 1);
                match kind {
                    0 => chars.insert(i, word),
                    1 if i < chars.len() => {
                        chars.remove(i);
                    }
                    _ if i < chars.len() => chars[i] = word,
                    _ => chars.push(word),
                }
            }
            chars.concat()
        })
}

/// Any text the parsers might meet: mutated seeds, soup, several seeds joined, or arbitrary
/// Unicode.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => mutated_seed(),
        3 => soup(),
        1 => prop::collection::vec(mutated_seed(), 1..4).prop_map(|s| s.join("\n")),
        1 => any::<String>(),
    ]
}

/// A publication date between 2000 and 2030.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2031, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a valid day"))
}

/// Front matter, sometimes edited: a key dropped, mistyped, misspelt or duplicated, a fence
/// missing.
pub fn front_matter() -> impl Strategy<Value = String> {
    (
        date(),
        prop::sample::select(&["山阳区", "清河县", "北岭镇", ""][..]),
        0..16u8,
    )
        .prop_map(|(date, entity, edit)| {
            let entity = if entity.is_empty() {
                String::new()
            } else {
                format!("entity = \"{entity}\"\n")
            };
            let fields = format!("title = \"工作报告\"\npublished = {date}\n{entity}");
            match edit {
                0 => format!("+++\n{}+++\n", fields.replace("published", "publised")),
                1 => format!(
                    "+++\n{}+++\n",
                    fields.replace(&format!("{date}"), &format!("\"{date}\""))
                ),
                2 => format!("+++\n{fields}published = {date}\n+++\n"),
                3 => format!("+++\n{fields}"),
                4 => fields,
                5 => format!("+++\n{fields}colour = 3\n+++\n"),
                6 => format!("+++\ntitle = \"未闭合\n{fields}+++\n"),
                _ => format!("+++\n{fields}+++\n"),
            }
        })
}

/// An article's bytes: front matter and a body of mutated sentences, sometimes cut at any
/// byte (truncated UTF-8) or with a byte changed.
pub fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        front_matter(),
        prop::collection::vec(text(), 0..6),
        0..8u8,
        any::<prop::sample::Index>(),
        any::<u8>(),
    )
        .prop_map(|(front, body, damage, at, byte)| {
            let mut bytes = format!("{front}{}\n", body.join("")).into_bytes();
            let i = at.index(bytes.len() + 1);
            match damage {
                0 => bytes.truncate(i),
                1 if i < bytes.len() => bytes[i] = byte,
                _ => {}
            }
            bytes
        })
}

/// A corpus: one to four articles.
pub fn corpus() -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(article_bytes(), 1..5)
}

/// A built-in rule file with up to four edits of its text: a line dropped or doubled, a
/// token inserted, a cut.
pub fn rules_edit() -> impl Strategy<Value = (usize, Vec<(u8, prop::sample::Index, String)>)> {
    (
        0..3usize,
        prop::collection::vec((0..4u8, any::<prop::sample::Index>(), token()), 1..5),
    )
}

/// A failed property: what was wrong.
pub type Broken = String;

/// Every parser on one text: normalize, segment, quantities, times. Checks that every range
/// lies in its text on char boundaries, that no interval is empty and no period reversed.
pub fn check_parsers(text: &str, published: NaiveDate) -> Result<(), Broken> {
    let normalized = Normalized::inline(text);
    let norm = normalized.text();
    for s in [0, norm.len() / 2, norm.len()] {
        let at = floor(norm, s);
        let span = normalized.to_source(at..norm.len());
        in_text(text, span, "normalize to_source")?;
    }
    let document = Document::from_text("fuzz.txt", text, published, Some("山阳区".into()));
    let analyzed = claimcheck::analyze(&document);
    for sentence in &analyzed.segments.sentences {
        if analyzed
            .normalized
            .text()
            .get(sentence.range.clone())
            .is_none()
        {
            return Err(format!(
                "sentence range {:?} is not in the text",
                sentence.range
            ));
        }
    }
    let _ = segment::segment(&normalized);
    let (quantities, unparsed) = quantity::find_all_with_unparsed(norm);
    for q in &quantities {
        if norm.get(q.range.clone()).is_none() {
            return Err(format!("quantity range {:?} is not in the text", q.range));
        }
        if let (Some(low), Some(high)) = (&q.low, &q.high)
            && (low.value > high.value
                || (low.value == high.value && !(low.inclusive && high.inclusive)))
        {
            return Err(format!(
                "empty interval for «{}»: {low:?} {high:?}",
                q.printed
            ));
        }
    }
    for u in &unparsed {
        if norm.get(u.range.clone()).is_none() || u.reason.is_empty() {
            return Err(format!("unparsed marker {u:?} is not in the text"));
        }
    }
    for t in time::find_all(norm, &Reference::new(published)) {
        if norm.get(t.range.clone()).is_none() {
            return Err(format!("time range {:?} is not in the text", t.range));
        }
        if t.period.start > t.period.end {
            return Err(format!(
                "reversed period for «{}»: {:?}",
                t.printed, t.period
            ));
        }
    }
    Ok(())
}

/// Loading an article from its bytes: every diagnostic names the file, labels inside its text
/// on char boundaries, a front-matter problem is labelled, and every one renders.
pub fn check_article(bytes: Vec<u8>) -> Result<Option<Document>, Broken> {
    let path = Path::new("corpus/fuzz.txt");
    let loaded = corpus::load_bytes(path, bytes);
    for d in &loaded.diagnostics {
        if !d.message().starts_with("corpus/fuzz.txt: ") {
            return Err(format!("diagnostic without its path: {}", d.message()));
        }
        let labelled = !d.spans().is_empty();
        if d.code().as_str().starts_with("corpus::front-matter") && !labelled {
            return Err(format!("unlabelled {}: {}", d.code().as_str(), d.message()));
        }
        if let Some(text) = d.source_text() {
            for (span, _) in d.spans() {
                in_text(text, *span, d.code().as_str())?;
            }
        }
        let mut out = String::new();
        fitted::render(&report::graphical_handler(false, 100), d, None, &mut out);
        if !out.contains(d.code().as_str()) {
            return Err(format!("rendering lost the code: {out}"));
        }
    }
    Ok(loaded.documents.into_iter().next())
}

/// The whole check on a corpus: load, extract, reconcile, render human, JSON and SARIF.
/// Claims and findings must point inside their documents.
pub fn check_corpus(articles: Vec<Vec<u8>>, rules: &RuleSet) -> Result<usize, Broken> {
    let mut documents = Vec::new();
    for (i, bytes) in articles.into_iter().enumerate() {
        let path = Path::new("corpus").join(format!("{i}.txt"));
        let loaded = corpus::load_bytes(&path, bytes);
        documents.extend(loaded.documents);
    }
    let result = audit::audit(&documents, rules, audit::Judging::default());
    for claim in &result.claims {
        let doc = documents
            .iter()
            .find(|d| d.name == claim.doc)
            .ok_or_else(|| format!("claim in unknown document {}", claim.doc))?;
        in_text(&doc.source, claim.span, "claim")?;
    }
    let levels = finding::Levels::default();
    let articles = report::articles::of_documents(&documents);
    // A narrow terminal, so that lines are cut to windows around the labels.
    let context = report::Context::new(&result.findings, &levels, &articles, result.as_of)
        .show_all(true)
        .with_claims(&result.claims);
    let context = context.clone().with_settings(report::Settings {
        drawing: report::Drawing {
            colour: false,
            width: Some(60),
        },
        ..context.settings
    });
    for render in [
        report::findings::human,
        report::findings::json,
        report::sarif::sarif,
    ] {
        render(&context);
    }
    Ok(result.claims.len())
}

/// A built-in rule file edited, compiled: no panic, and every diagnostic labels inside its
/// file.
pub fn check_rules(edit: (usize, Vec<(u8, prop::sample::Index, String)>)) -> Result<(), Broken> {
    let entities = include_str!("../../rules/entities.toml");
    let cues = include_str!("../../rules/cues.toml");
    let economy = include_str!("../../rules/metrics/economy.toml");
    let (file, edits) = edit;
    let mut texts = [entities.to_owned(), cues.to_owned(), economy.to_owned()];
    let text = &mut texts[file];
    for (kind, at, word) in edits {
        let i = floor(text, at.index(text.len() + 1));
        match kind {
            0 => text.insert_str(i, &word),
            1 => {
                let end = text[i..].find('\n').map_or(text.len(), |e| i + e + 1);
                text.replace_range(i..end, "");
            }
            2 => {
                let end = text[i..].find('\n').map_or(text.len(), |e| i + e + 1);
                let line = text[i..end].to_owned();
                text.insert_str(i, &line);
            }
            _ => text.truncate(i),
        }
    }
    let [entities, cues, economy] = &texts;
    if let Err(diagnostics) = claimcheck::rules::from_texts(entities, cues, &[("economy", economy)])
    {
        for d in &diagnostics {
            if let Some(source) = d.source_text() {
                for (span, _) in d.spans() {
                    in_text(source, *span, d.code().as_str())?;
                }
            }
            let mut out = String::new();
            fitted::render(&report::graphical_handler(false, 100), d, None, &mut out);
        }
    }
    Ok(())
}

fn in_text(text: &str, span: Span, what: &str) -> Result<(), Broken> {
    if span.start > span.end || text.get(span.range()).is_none() {
        return Err(format!(
            "{what}: span {span:?} is not in a text of {} bytes",
            text.len()
        ));
    }
    Ok(())
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
