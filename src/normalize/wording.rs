//! Taiwan and Hong Kong wording rewritten to mainland wording (`成长率` → `增长率`).
//!
//! OpenCC's phrase-level configurations (`tw2sp`, `hk2s`) were considered: their phrase lists
//! cover computing and everyday vocabulary (資訊 → 信息, 軟體 → 软件) but none of the words of
//! economic reports (成長率, 國內生產毛額, 消費者物價指數, 按年增長), and converting whole texts with
//! them rewrites words that mean something else in a mainland report. The phrases that matter
//! here are kept as data in `rules/wording.toml`, embedded at compile time like the unit table.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

/// The table as shipped. A broken table is a build defect, caught by the tests below, never
/// something input can cause.
static WORDING: LazyLock<Wording> = LazyLock::new(|| {
    Wording::parse(include_str!("../../rules/wording.toml"))
        .unwrap_or_else(|e| panic!("rules/wording.toml is invalid: {e}"))
});

/// `rules/wording.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    phrase: Vec<Phrase>,
}

/// One phrase and its mainland form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrase {
    from: String,
    to: String,
    #[serde(default)]
    before: Option<Context>,
    #[allow(dead_code)] // documentation for readers of the file
    region: Region,
}

/// What must follow a phrase for it to be rewritten.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Context {
    /// A figure: a digit, possibly after one qualifier character.
    Figure,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Region {
    Tw,
    Hk,
}

struct Wording {
    phrases: Vec<Phrase>,
    matcher: AhoCorasick,
}

impl Wording {
    fn parse(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        for p in &file.phrase {
            if p.from.is_empty() || p.to.is_empty() || p.from == p.to {
                return Err(format!("phrase {:?} → {:?} rewrites nothing", p.from, p.to));
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(file.phrase.iter().map(|p| &p.from))
            .map_err(|e| e.to_string())?;
        Ok(Wording {
            phrases: file.phrase,
            matcher,
        })
    }

    fn rewrites(&'static self, text: &str) -> Vec<(Range<usize>, &'static str)> {
        self.matcher
            .find_iter(text)
            .filter_map(|m| {
                let phrase = &self.phrases[m.pattern().as_usize()];
                let fits = match phrase.before {
                    None => true,
                    Some(Context::Figure) => figure_follows(&text[m.end()..]),
                };
                fits.then(|| (m.range(), phrase.to.as_str()))
            })
            .collect()
    }
}

/// Qualifiers that may stand between a word and its figure (`成长约3%`).
const QUALIFIERS: &[char] = &['约', '近', '逾', '超', '达', '了'];

fn figure_follows(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if QUALIFIERS.contains(&c) => chars.next().is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    }
}

/// Where `text` (normalized, Simplified) holds regional wording: each range and its mainland
/// form, in order, not overlapping.
pub(super) fn rewrites(text: &str) -> Vec<(Range<usize>, &'static str)> {
    WORDING.rewrites(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reworded(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (range, to) in rewrites(text) {
            out.push_str(&text[at..range.start]);
            out.push_str(to);
            at = range.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn the_shipped_table_is_valid() {
        let table = Wording::parse(include_str!("../../rules/wording.toml")).unwrap();
        assert!(table.phrases.len() >= 10);
    }

    #[test]
    fn regional_wording_reaches_mainland_wording() {
        let table = [
            ("全年经济成长率2.8%", "全年经济增长率2.8%"),
            ("出口成长12%", "出口增长12%"),
            ("工业生产成长约3%", "工业生产增长约3%"),
            ("消费者物价指数上涨1.9%", "居民消费价格指数上涨1.9%"),
            ("消费者物价涨幅2%左右", "居民消费价格涨幅2%左右"),
            (
                "综合消费物价指数按年上升1.7%",
                "居民消费价格指数同比上升1.7%",
            ),
            ("零售额按年增长4%", "零售额同比增长4%"),
            ("国内生产毛额年增率3.1%", "国内生产总值同比增长率3.1%"),
            ("人均可支配所得增长", "人均可支配收入增长"),
            ("出现负成长", "出现负增长"),
        ];
        for (raw, expected) in table {
            assert_eq!(reworded(raw), expected, "{raw}");
        }
    }

    #[test]
    fn mainland_words_stay() {
        for raw in [
            "促进青少年健康成长",
            "培育成长型企业120家",
            "按年平均汇率折算",
            "就业人数增加",
            "城镇调查失业率5.5%",
            "支出超过预算",
        ] {
            assert_eq!(reworded(raw), raw);
        }
    }
}
