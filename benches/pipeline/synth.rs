//! A deterministic generator of synthetic corpora for the pipeline benchmark.
//!
//! Every article is built from sentence templates written for this benchmark in the style of
//! county newspapers: annual plans with their targets, mid-year progress reports, reviews of
//! the past year and statistical communiqués, for invented counties, districts and zones over
//! 2010–2025. Some articles carry OCR damage (characters spaced out, numbers on lines of their
//! own) and some are reposted in Traditional characters. One seed always gives the same bytes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Places reserved for evaluation: no generated entity may contain one of them.
const RESERVED: &[&str] = &[
    "福建",
    "广东",
    "深圳",
    "龙岗",
    "杭州",
    "长沙",
    "成都",
    "漳州",
    "陆丰",
    "紫金",
    "涪城",
    "巴中",
    "贡井",
    "泾县",
    "蚌埠",
    "咸阳",
    "兴平",
    "遂宁",
    "宜章",
    "湘乡",
    "元谋",
    "龙游",
    "涪陵",
    "鄂城",
    "历下",
    "莱芜",
    "沙坪坝",
    "万州",
];

const FIRST: &[&str] = &[
    "青", "禾", "石", "云", "北", "南", "东", "西", "松", "柳", "枫", "桐", "梅", "竹", "岚", "溪",
    "泽", "岭", "川", "河", "平", "安", "宁", "丰", "泰", "和", "嘉", "永", "昌", "瑞",
];
const SECOND: &[&str] = &[
    "阳", "川", "山", "原", "台", "江", "林", "峰", "湖", "泉", "塘", "谷", "坪", "岗", "田", "桥",
    "洲", "源", "水", "庄", "口", "湾", "门", "城", "乡", "岩", "屏", "溪", "滨", "关",
];
const SUFFIX: &[&str] = &["县", "县", "区", "市", "经济开发区", "高新区"];

/// A growth-rate metric: its name, a typical value in tenths of a percent and a spread.
struct Metric {
    name: &'static str,
    base_tenths: u64,
    spread_tenths: u64,
}

const METRICS: &[Metric] = &[
    Metric {
        name: "地区生产总值",
        base_tenths: 65,
        spread_tenths: 40,
    },
    Metric {
        name: "一般公共预算收入",
        base_tenths: 70,
        spread_tenths: 60,
    },
    Metric {
        name: "固定资产投资",
        base_tenths: 100,
        spread_tenths: 80,
    },
    Metric {
        name: "社会消费品零售总额",
        base_tenths: 90,
        spread_tenths: 50,
    },
    Metric {
        name: "规模以上工业增加值",
        base_tenths: 75,
        spread_tenths: 50,
    },
    Metric {
        name: "城镇居民人均可支配收入",
        base_tenths: 70,
        spread_tenths: 30,
    },
    Metric {
        name: "农村居民人均可支配收入",
        base_tenths: 80,
        spread_tenths: 30,
    },
    Metric {
        name: "进出口总额",
        base_tenths: 50,
        spread_tenths: 90,
    },
];

/// Paragraphs without figures, so that articles have the prose density of real reports.
const PROSE: &[&str] = &[
    "全{kind}上下坚持稳中求进工作总基调，统筹推进产业升级、城乡建设和民生改善，干部群众干事创业的精气神持续提振。",
    "围绕招商引资这个“一号工程”，{name}组建专班驻点对接，一批牵引性强的项目签约落地，园区承载能力不断增强。",
    "坚持把保障和改善民生作为出发点和落脚点，教育、医疗、养老等公共服务短板加快补齐，群众获得感明显增强。",
    "生态环境持续向好，河湖长制全面落实，城乡人居环境整治深入推进，一批美丽乡村示范村建成投用。",
    "深化“放管服”改革，企业开办实现一网通办，营商环境评价位居全市前列，市场主体活力进一步激发。",
    "我们也清醒地看到，经济总量偏小、产业结构不优、创新能力不强等问题依然存在，需要在今后工作中切实加以解决。",
    "乡村振兴扎实推进，特色种养业提质增效，农村集体经济薄弱村全面消除，脱贫攻坚成果持续巩固。",
    "安全生产和社会稳定形势总体平稳，信访积案化解率稳步提高，平安{name}建设取得新成效。",
    "城市更新行动有序实施，老旧小区改造、背街小巷整治和地下管网改造同步推进，城市面貌焕然一新。",
    "交通骨架不断完善，一批县乡道路和农村公路建成通车，断头路逐步打通，群众出行更加便捷。",
    "科技创新动能增强，高新技术企业和科技型中小企业数量稳步增加，产学研合作平台相继挂牌运行。",
    "文化事业繁荣发展，公共文化服务体系更加健全，群众性文体活动丰富多彩，城市品位不断提升。",
    "政府自身建设不断加强，自觉接受人大法律监督和政协民主监督，依法行政水平持续提高。",
    "我们将坚持问题导向和目标导向相统一，以钉钉子精神抓好各项任务落实，确保全年目标顺利完成。",
    "就业形势保持稳定，返乡创业人员持续增加，职业技能培训覆盖面进一步扩大，零就业家庭动态清零。",
    "现代农业提质增效，高标准农田建设任务全面完成，粮食生产保持稳定，农产品品牌影响力逐步提升。",
];

/// A seeded SplitMix64 generator: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The kinds of article a county publishes about one year.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// The government work report of the year: last year's review, this year's targets.
    Plan,
    /// A mid-year progress report: figures for the first half and shares of the annual plan.
    Midyear,
    /// The statistical communiqué of the year, published in the spring after.
    Communique,
}

/// `n` distinct invented entity names, none containing a reserved place.
fn entities(count: usize, rng: &mut Rng) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut names = Vec::with_capacity(count);
    let capacity = FIRST.len() * SECOND.len() * 4;
    while names.len() < count.min(capacity) {
        let name = format!(
            "{}{}{}",
            rng.pick(FIRST),
            rng.pick(SECOND),
            rng.pick(SUFFIX)
        );
        if RESERVED.iter().any(|place| name.contains(place)) || !seen.insert(name.clone()) {
            continue;
        }
        names.push(name);
    }
    // Past the name space, numbered zones keep every entity distinct.
    while names.len() < count {
        let index = names.len();
        let parent = names[index % capacity].clone();
        names.push(format!("{parent}第{index}产业园区"));
    }
    names
}

/// The figure an entity reports for a metric and year, the same in every article about it.
fn actual_tenths(entity: usize, year: u32, metric: usize) -> u64 {
    let mut rng = Rng::new(((entity as u64) << 32) ^ (u64::from(year) << 8) ^ metric as u64);
    let m = &METRICS[metric];
    (m.base_tenths + rng.below(m.spread_tenths)).saturating_sub(m.spread_tenths / 3)
}

/// The target an entity sets for a metric and year: usually near what it later reports.
fn target_tenths(entity: usize, year: u32, metric: usize) -> u64 {
    let actual = actual_tenths(entity, year, metric);
    let mut rng = Rng::new(((entity as u64) << 40) ^ (u64::from(year) << 4) ^ metric as u64 ^ 0xA5);
    // Targets are round: whole or half percents, a little above or below the outcome.
    let target = (actual + rng.below(20)).saturating_sub(10);
    (target / 5 * 5).max(5)
}

/// A growth rate in tenths of a percent, written as the reports write it: `6.5%`, `7%`.
fn percent(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// How an article is damaged on its way into the corpus.
#[derive(Clone, Copy)]
struct Damage {
    /// Numbers sit on lines of their own and characters are spaced, as after bad OCR.
    ocr: bool,
}

fn number(value: &str, damage: Damage) -> String {
    if damage.ocr {
        format!("\n\n{value}\n\n")
    } else {
        value.to_string()
    }
}

/// Spaces out the characters of a sentence, as OCR of a wide newspaper column does.
fn spaced(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len() * 2);
    let mut previous: Option<char> = None;
    for c in sentence.chars() {
        // Numbers and line breaks stay whole: OCR spreads the wide Chinese characters only.
        if previous.is_some_and(|p| !p.is_ascii() && p != '\n') && !c.is_ascii() {
            out.push(' ');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// One article: its file name, title, entity, publication date and body.
pub struct Article {
    /// A path relative to the corpus folder.
    pub path: PathBuf,
    /// The text of the file: TOML front matter, then the body.
    pub text: String,
}

struct ArticleSpec<'a> {
    entity_index: usize,
    entity: &'a str,
    year: u32,
    kind: Kind,
}

fn body(spec: &ArticleSpec<'_>, damage: Damage, rng: &mut Rng) -> (String, String, String) {
    let ArticleSpec {
        entity_index,
        entity,
        year,
        kind,
    } = *spec;
    let kind_word = if entity.ends_with('区') {
        "区"
    } else {
        "县"
    };
    // Prose paragraphs are taken in turn from a random start, so none repeats within an article.
    let mut next_prose = rng.below(PROSE.len() as u64) as usize;
    let mut prose = || {
        next_prose = (next_prose + 1) % PROSE.len();
        PROSE[next_prose]
            .replace("{kind}", kind_word)
            .replace("{name}", entity)
    };
    let mut text = String::new();
    let paragraph = |text: &mut String, sentence: String| {
        text.push_str(&sentence);
        text.push_str("\n\n");
    };
    let (title, published) = match kind {
        Kind::Plan => {
            let published = format!("{year}-{:02}-{:02}", 1 + rng.below(2), 5 + rng.below(20));
            let title = format!("{entity}政府工作报告（{year}年）");
            paragraph(
                &mut text,
                format!("各位代表：现在，我代表{entity}人民政府，向大会报告工作。"),
            );
            paragraph(&mut text, "一、过去一年工作回顾".to_string());
            let mut review = "过去一年，".to_string();
            for (metric, measure) in METRICS.iter().enumerate() {
                if rng.chance(60) {
                    let value = percent(actual_tenths(entity_index, year - 1, metric));
                    write!(review, "{}增长{}，", measure.name, number(&value, damage))
                        .expect("writing to a String cannot fail");
                }
            }
            review.push_str("主要经济指标好于预期。");
            paragraph(&mut text, review);
            for _ in 0..5 {
                paragraph(&mut text, prose());
            }
            paragraph(&mut text, format!("二、{year}年工作安排"));
            let mut targets = "今年经济社会发展的主要预期目标是：".to_string();
            let mut bullets = String::new();
            for (metric, measure) in METRICS.iter().enumerate() {
                if !rng.chance(70) {
                    continue;
                }
                let value = percent(target_tenths(entity_index, year, metric));
                let phrase = match rng.below(3) {
                    0 => format!("{}增长{}左右", measure.name, number(&value, damage)),
                    1 => format!("{}增长{}以上", measure.name, number(&value, damage)),
                    _ => format!("{}力争增长{}", measure.name, number(&value, damage)),
                };
                if rng.chance(30) {
                    writeln!(bullets, "——{phrase}；").expect("writing to a String cannot fail");
                } else {
                    targets.push_str(&phrase);
                    targets.push('；');
                }
            }
            targets.push_str("城乡居民收入稳步提高。");
            paragraph(&mut text, targets);
            if !bullets.is_empty() {
                paragraph(&mut text, bullets);
            }
            for _ in 0..6 {
                paragraph(&mut text, prose());
            }
            (title, published)
        }
        Kind::Midyear => {
            let published = format!("{year}-{:02}-{:02}", 7 + rng.below(2), 1 + rng.below(28));
            let title = format!("{entity}上半年经济运行稳中有进");
            paragraph(
                &mut text,
                format!("今年以来，{entity}坚持项目为王，经济运行总体平稳、稳中有进。"),
            );
            for (metric, measure) in METRICS.iter().enumerate() {
                if !rng.chance(50) {
                    continue;
                }
                let growth = percent(actual_tenths(entity_index, year, metric) + rng.below(10));
                let share = 40 + rng.below(25);
                let billions = format!("{}.{}", 5 + rng.below(90), rng.below(10));
                paragraph(
                    &mut text,
                    format!(
                        "1至6月，{}完成{}亿元，同比增长{}，完成年度目标任务的{}。",
                        measure.name,
                        number(&billions, damage),
                        number(&growth, damage),
                        number(&format!("{share}%"), damage),
                    ),
                );
            }
            for _ in 0..3 {
                paragraph(&mut text, prose());
            }
            (title, published)
        }
        Kind::Communique => {
            let published = format!(
                "{}-{:02}-{:02}",
                year + 1,
                3 + rng.below(2),
                1 + rng.below(28)
            );
            let title = format!("{entity}{year}年统计公报");
            let gdp = format!("{}.{}", 80 + rng.below(400), rng.below(100));
            paragraph(
                &mut text,
                format!(
                    "{year}年，全{kind_word}地区生产总值完成{}亿元，比上年增长{}。",
                    number(&gdp, damage),
                    number(&percent(actual_tenths(entity_index, year, 0)), damage),
                ),
            );
            for (metric, measure) in METRICS.iter().enumerate().skip(1) {
                let value = percent(actual_tenths(entity_index, year, metric));
                let verb = if rng.chance(50) {
                    "比上年增长"
                } else {
                    "同比增长"
                };
                paragraph(
                    &mut text,
                    format!("全年{}{verb}{}。", measure.name, number(&value, damage)),
                );
            }
            paragraph(&mut text, prose());
            (title, published)
        }
    };
    let text = if damage.ocr {
        text.split("\n\n")
            .map(|p| {
                if p.chars().count() > 12 {
                    spaced(p)
                } else {
                    p.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        text
    };
    (title, published, text)
}

/// Simplified → Traditional for the characters the templates use; enough for a repost.
const TRADITIONAL: &[(char, char)] = &[
    ('经', '經'),
    ('济', '濟'),
    ('长', '長'),
    ('区', '區'),
    ('县', '縣'),
    ('总', '總'),
    ('亿', '億'),
    ('发', '發'),
    ('产', '產'),
    ('业', '業'),
    ('进', '進'),
    ('实', '實'),
    ('预', '預'),
    ('计', '計'),
    ('标', '標'),
    ('务', '務'),
    ('农', '農'),
    ('资', '資'),
    ('过', '過'),
    ('为', '為'),
    ('与', '與'),
    ('规', '規'),
    ('环', '環'),
    ('质', '質'),
    ('会', '會'),
    ('这', '這'),
    ('项', '項'),
    ('设', '設'),
    ('报', '報'),
    ('导', '導'),
    ('稳', '穩'),
    ('运', '運'),
    ('统', '統'),
    ('镇', '鎮'),
    ('乡', '鄉'),
    ('门', '門'),
    ('额', '額'),
    ('费', '費'),
    ('级', '級'),
    ('员', '員'),
    ('现', '現'),
    ('头', '頭'),
];

fn traditional(text: &str) -> String {
    text.chars()
        .map(|c| {
            TRADITIONAL
                .iter()
                .find(|(s, _)| *s == c)
                .map_or(c, |(_, t)| *t)
        })
        .collect()
}

fn file_text(title: &str, published: &str, entity: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\npublished = {published}\nentity = \"{entity}\"\n+++\n{body}")
}

/// What a generated corpus holds besides the plain articles.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    /// Percent of articles also saved as an exact copy under another file name and title
    /// (the same body: `corpus::duplicate`).
    pub copies_percent: u64,
    /// Percent of entities that also get a yearbook: one very long article that reprints every
    /// one of the entity's articles of 2010–2025 (about as long as all of them together).
    pub yearbooks_percent: u64,
}

/// Generates articles until their total size reaches `bytes`, calling `emit` for each in a
/// fixed order. Each entity gets a plan, a mid-year report and a communiqué per year, 2010–2025;
/// entities are added as the size requires, about 3,000 for a gigabyte.
#[allow(
    dead_code,
    reason = "the tests generate plain corpora; the bench always passes a shape"
)]
pub fn generate(seed: u64, bytes: u64, emit: impl FnMut(Article)) {
    generate_shaped(seed, bytes, Shape::default(), emit);
}

/// [`generate`] with copies and yearbooks as `shape` says. With both at zero the corpus is the
/// same, byte for byte, as [`generate`]'s: the extra draws are made only when asked for.
pub fn generate_shaped(seed: u64, bytes: u64, shape: Shape, mut emit: impl FnMut(Article)) {
    let mut rng = Rng::new(seed);
    // An entity's 16 years take about 80 KB: a corpus of n MB has about 12n entities.
    let names = entities((bytes / 50_000 + 1) as usize, &mut rng);
    let mut written = 0u64;
    for (entity_index, entity) in names.iter().enumerate() {
        let mut yearbook =
            (shape.yearbooks_percent > 0 && rng.chance(shape.yearbooks_percent)).then(String::new);
        for year in 2010..=2025u32 {
            for kind in [Kind::Plan, Kind::Midyear, Kind::Communique] {
                if written >= bytes {
                    break;
                }
                let damage = Damage {
                    ocr: rng.chance(12),
                };
                let spec = ArticleSpec {
                    entity_index,
                    entity,
                    year,
                    kind,
                };
                let (title, published, text) = body(&spec, damage, &mut rng);
                let tag = match kind {
                    Kind::Plan => "plan",
                    Kind::Midyear => "midyear",
                    Kind::Communique => "communique",
                };
                let dir = Path::new(&format!("e{entity_index:05}")).to_path_buf();
                let original = file_text(&title, &published, entity, &text);
                written += original.len() as u64;
                // A repost keeps the curated front matter; only its article is in Traditional.
                let repost = rng.chance(8).then(|| {
                    file_text(
                        &traditional(&title),
                        &published,
                        entity,
                        &traditional(&text),
                    )
                });
                let copy = (shape.copies_percent > 0 && rng.chance(shape.copies_percent))
                    .then(|| file_text(&format!("转载：{title}"), &published, entity, &text));
                if let Some(book) = &mut yearbook {
                    book.push_str(&format!("\n## {title}\n\n{text}\n"));
                }
                emit(Article {
                    path: dir.join(format!("{year}-{tag}.txt")),
                    text: original,
                });
                if let Some(text) = copy {
                    written += text.len() as u64;
                    emit(Article {
                        path: dir.join(format!("{year}-{tag}-copy.txt")),
                        text,
                    });
                }
                if let Some(text) = repost {
                    written += text.len() as u64;
                    emit(Article {
                        path: dir.join(format!("{year}-{tag}-repost.txt")),
                        text,
                    });
                }
            }
        }
        if let Some(book) = yearbook.filter(|book| !book.is_empty()) {
            let text = file_text(
                &format!("{entity}年鉴（2010—2025）"),
                "2026-03-01",
                entity,
                &book,
            );
            written += text.len() as u64;
            emit(Article {
                path: Path::new(&format!("e{entity_index:05}")).join("yearbook.txt"),
                text,
            });
        }
        if written >= bytes {
            return;
        }
    }
}
