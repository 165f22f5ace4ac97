//! Throughput of the reading pipeline (normalize → segment → scan) on a deterministic synthetic
//! corpus built from sentence templates in the style of the seed articles.
//!
//! `cargo bench --bench throughput` prints, for growing corpus sizes, the median over several
//! runs of MB/s and quantities/s, the same figure for a baseline pass that only counts the
//! characters of the same text (so results from a noisy shared machine can be compared as
//! ratios), and the process's peak resident memory.

use std::time::{Duration, Instant};

use claimcheck::corpus::{Document, Encoding, FrontMatter};
use claimcheck::span::Span;

/// Sentence templates; `{n}` and `{p}` take generated numbers and percentages.
const TEMPLATES: &[&str] = &[
    "2013年,中站区地区生产总值\n\n完成\n\n{n}\n\n亿元, 同比增长\n\n{p}%\n\n,增幅居四城区第一位;",
    "公共财政预算\n\n收 入 完 成\n\n{n}\n\n亿 元 , 同 比 增 长\n\n{p}%\n\n。",
    "今年经济社会发展的主要目标是:地区生产总值（GDP）增长{p}%,社会消费品零售总额增长{p}%以上。",
    "1~8月份完成投资{n}亿元,占年度投资计划的{p}%。",
    "全年力争引进\n\n１\n\n亿元以上项目\n\n{n}\n\n个,实际利用市外资金{n}亿元以上。",
    "经过5年奋斗,到2029年,高新区综合排名进入国家高新区前{n}名,经济总量占全市比重{p}%以上。",
    "累计民生支出{n}亿元,占一般公共预算支出的{p}%。",
    "地區生產總值增長{p}%,一般公共預算收入完成{n}億元。",
];

/// A small deterministic generator (an LCG), so every run builds the same corpus.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn document(index: usize, bytes: usize, numbers: &mut Numbers) -> Document {
    let header = "+++\npublished = 2014-02-15\nentity = \"中站区\"\n+++\n".to_string();
    let mut source = header.clone();
    while source.len() < bytes {
        let template = TEMPLATES[numbers.next() as usize % TEMPLATES.len()];
        let n = format!("{}.{}", numbers.next() % 500, numbers.next() % 10);
        let p = format!("{}.{}", numbers.next() % 30, numbers.next() % 10);
        source.push_str(&template.replace("{n}", &n).replace("{p}", &p));
        source.push_str(if numbers.next().is_multiple_of(4) {
            "\n\n"
        } else {
            ""
        });
    }
    let meta = FrontMatter {
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2014, 2, 15).expect("a valid date"),
        entity: Some("中站区".to_string()),
        outlet: None,
        url: None,
        note: None,
    };
    let body = Span::new(header.len(), source.len());
    let path = format!("synthetic/{index:05}.txt");
    Document {
        name: path.clone(),
        path: path.into(),
        source,
        encoding: Encoding::Utf8,
        meta,
        body,
    }
}

fn corpus(total: usize) -> Vec<Document> {
    let mut numbers = Numbers(42);
    let per_doc = 16 * 1024;
    (0..total.div_ceil(per_doc))
        .map(|i| document(i, per_doc, &mut numbers))
        .collect()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    const RUNS: usize = 5;
    println!(
        "{:>8}  {:>10}  {:>12}  {:>14}  {:>9}  {:>10}",
        "MB", "MB/s", "quantities/s", "baseline MB/s", "ratio", "peak MiB"
    );
    for megabytes in [1usize, 4, 16] {
        let docs = corpus(megabytes * 1024 * 1024);
        let bytes: usize = docs.iter().map(|d| d.source.len()).sum();
        let mut found = 0;
        let pipeline = median(
            (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    found = docs
                        .iter()
                        .map(|d| {
                            claimcheck::scan::scan_document(&claimcheck::analyze(d), &[])
                                .quantities
                                .len()
                        })
                        .sum::<usize>();
                    start.elapsed()
                })
                .collect(),
        );
        let baseline = median(
            (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    let chars: usize = docs
                        .iter()
                        .map(|d| d.source.chars().filter(|c| !c.is_whitespace()).count())
                        .sum();
                    std::hint::black_box(chars);
                    start.elapsed()
                })
                .collect(),
        );
        let mb = bytes as f64 / 1e6;
        println!(
            "{:>8.1}  {:>10.2}  {:>12.0}  {:>14.1}  {:>8.0}x  {:>10.1}",
            mb,
            mb / pipeline.as_secs_f64(),
            found as f64 / pipeline.as_secs_f64(),
            mb / baseline.as_secs_f64(),
            pipeline.as_secs_f64() / baseline.as_secs_f64(),
            peak_memory_kib().unwrap_or(0) as f64 / 1024.0
        );
    }
}
