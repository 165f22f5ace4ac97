//! The unit table: `rules/units.toml`, embedded (or the one `--rules DIR` installs), parsed
//! once, matched longest word first.
//!
//! The file's header comment is the reference for its format; this module only loads it and
//! answers one question: which scale, unit or stop word starts at this byte?

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Dimension, starts_with_word};

/// The table in use: the one [`install`]ed before the first parse, else the shipped one. A
/// broken shipped table is a build defect, caught by the tests below, never something input
/// can cause.
static TABLE: OnceLock<Table> = OnceLock::new();

/// The unit table in use.
pub(crate) fn table() -> &'static Table {
    TABLE.get_or_init(|| {
        Table::parse(include_str!("../../rules/units.toml"))
            .unwrap_or_else(|e| panic!("rules/units.toml is invalid: {e}"))
    })
}

/// Makes `table` the one every parse uses; `false` when a table is already in use (the table
/// is fixed at its first use, so that one run never reads with two).
pub(crate) fn install(table: Table) -> bool {
    TABLE.set(table).is_ok()
}

/// `rules/units.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    scale: Vec<ScaleDef>,
    unit: Vec<UnitDef>,
    tier: Vec<TierDef>,
    not_quantity: NotQuantity,
}

/// A scale word (`万`) and what it multiplies by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScaleDef {
    pub word: String,
    pub factor: Decimal,
}

/// A unit word with its dimension and conversion to its base unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnitDef {
    pub word: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub dimension: Dimension,
    pub base: String,
    pub factor: Decimal,
    pub scalable: bool,
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Words of which one must stand before the number in its clause for this word to be read
    /// as this unit (`受教育年限` before `11.3年`); empty: read everywhere. Such a unit beats
    /// the date and duration words of `not_quantity`.
    #[serde(default)]
    pub only_after: Vec<String>,
    /// Words that carry this unit for a scaled number printed without one: a clause whose
    /// words before the number end with one of them (`农村贫困人口减少` before `1000万`) counts
    /// in this unit, as if it were printed.
    #[serde(default)]
    pub implied_after: Vec<String>,
}

/// A named tier of a ranking.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TierDef {
    pub word: String,
    pub level: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotQuantity {
    after: Vec<String>,
}

/// The loaded table, with every word list sorted longest first for matching.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    scales: Vec<ScaleDef>,
    /// (spelling, unit) for every word and alias.
    units: Vec<(String, UnitDef)>,
    /// Indices into `units` by the spelling's first character, longest first: a number is
    /// followed by one character, so only the units spelt from it are tried.
    units_by_first: HashMap<char, Vec<usize>>,
    tiers: Vec<TierDef>,
    stops: Vec<String>,
}

/// A unit word found in the text: the unit and the spelling that matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitMatch<'a> {
    pub def: &'a UnitDef,
    pub len: usize,
}

impl Table {
    /// Parses and indexes a table; `Err` carries the TOML error or the first duplicate word.
    pub(crate) fn parse(source: &str) -> Result<Table, String> {
        let file: File = toml::from_str(source).map_err(|e| e.to_string())?;
        Table::from_file(file)
    }

    /// Indexes a deserialized table; `Err` names the first empty or duplicate word.
    pub(crate) fn from_file(file: File) -> Result<Table, String> {
        let mut seen = std::collections::HashSet::new();
        let mut units = Vec::new();
        for def in &file.unit {
            for spelling in std::iter::once(&def.word).chain(&def.aliases) {
                units.push((spelling.clone(), def.clone()));
            }
        }
        let words = file
            .scale
            .iter()
            .map(|s| &s.word)
            .chain(units.iter().map(|(w, _)| w))
            .chain(file.tier.iter().map(|t| &t.word));
        for word in words {
            if word.is_empty() {
                return Err("empty word".into());
            }
            if !seen.insert(word.clone()) {
                return Err(format!("duplicate word `{word}`"));
            }
        }
        let mut scales = file.scale;
        let mut tiers = file.tier;
        let mut stops = file.not_quantity.after;
        // Longest first, so the first match is the longest one.
        scales.sort_by_key(|s| std::cmp::Reverse(s.word.len()));
        units.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        tiers.sort_by_key(|t| std::cmp::Reverse(t.word.len()));
        stops.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let mut units_by_first: HashMap<char, Vec<usize>> = HashMap::default();
        for (i, (spelling, _)) in units.iter().enumerate() {
            if let Some(first) = spelling.chars().next() {
                units_by_first.entry(first).or_default().push(i);
            }
        }
        Ok(Table {
            scales,
            units,
            units_by_first,
            tiers,
            stops,
        })
    }

    /// The longest scale word at the start of `rest`.
    pub(crate) fn scale_at(&self, rest: &str) -> Option<&ScaleDef> {
        self.scales.iter().find(|s| starts_with_word(rest, &s.word))
    }

    /// The longest unit word at the start of `rest` (only scalable units when `scaled`),
    /// respecting word boundaries for Latin units and each unit's `not_before` list; units
    /// read only after certain words are left out.
    pub(crate) fn unit_at(&self, rest: &str, scaled: bool) -> Option<UnitMatch<'_>> {
        self.unit_after("", rest, scaled)
    }

    /// [`Table::unit_at`] for a number preceded by `before` (the words of its clause before
    /// it): units with an `only_after` list are read when one of their words is in `before`.
    pub(crate) fn unit_after(
        &self,
        before: &str,
        rest: &str,
        scaled: bool,
    ) -> Option<UnitMatch<'_>> {
        let first = rest.chars().next()?;
        let candidates = self.units_by_first.get(&first)?;
        candidates.iter().find_map(|&i| {
            let (spelling, def) = &self.units[i];
            if scaled && !def.scalable {
                return None;
            }
            if !def.only_after.is_empty()
                && !def.only_after.iter().any(|w| before.contains(w.as_str()))
            {
                return None;
            }
            let after = rest.strip_prefix(spelling.as_str())?;
            let latin_tail = spelling
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic());
            if latin_tail
                && after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                return None;
            }
            if def.not_before.iter().any(|w| starts_with_word(after, w)) {
                return None;
            }
            Some(UnitMatch {
                def,
                len: spelling.len(),
            })
        })
    }

    /// The unit a scaled number without a unit word takes from the words before it in its
    /// clause (`before`): the unit one of whose `implied_after` words ends them, longest word
    /// first.
    pub(crate) fn implied_unit(&self, before: &str) -> Option<&UnitDef> {
        let before = before.trim_end_matches('了');
        self.units
            .iter()
            .filter(|(spelling, def)| *spelling == def.word)
            .flat_map(|(_, def)| def.implied_after.iter().map(move |w| (w, def)))
            .filter(|(w, _)| before.ends_with(w.as_str()))
            .max_by_key(|(w, _)| w.len())
            .map(|(_, def)| def)
    }

    /// The length of the longest date/time/session word at the start of `rest`.
    pub(crate) fn stop_at(&self, rest: &str) -> Option<usize> {
        self.stops
            .iter()
            .find(|w| starts_with_word(rest, w))
            .map(String::len)
    }

    /// The longest named tier at the start of `rest`.
    pub(crate) fn tier_at(&self, rest: &str) -> Option<&TierDef> {
        self.tiers.iter().find(|t| starts_with_word(rest, &t.word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_loads_without_duplicates() {
        let table = Table::parse(include_str!("../../rules/units.toml"));
        assert!(table.is_ok(), "{table:?}");
    }

    #[test]
    fn duplicates_are_rejected() {
        let source = r#"
            scale = []
            tier = []
            not_quantity = { after = [] }
            [[unit]]
            word = "元"
            dimension = "money"
            base = "元"
            factor = "1"
            scalable = true
            [[unit]]
            word = "块"
            aliases = ["元"]
            dimension = "money"
            base = "元"
            factor = "1"
            scalable = true
        "#;
        let err = Table::parse(source).err().unwrap_or_default();
        assert!(err.contains("duplicate word `元`"), "{err}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let source = r#"
            scale = []
            tier = []
            not_quantity = { after = [] }
            [[unit]]
            word = "元"
            dimension = "money"
            base = "元"
            factor = "1"
            scalable = true
            sclaable = false
        "#;
        assert!(Table::parse(source).is_err());
    }

    #[test]
    fn longest_word_wins() {
        let t = table();
        fn word<'a>(t: &Table, rest: &'a str) -> Option<&'a str> {
            t.unit_at(rest, false).map(|m| &rest[..m.len])
        }
        let word = |rest: &'static str| word(t, rest);
        assert_eq!(word("平方米"), Some("平方米"));
        assert_eq!(word("人次"), Some("人次"));
        assert_eq!(word("个百分点"), Some("个百分点"));
        assert_eq!(word("GWh动力"), Some("GWh"));
        assert_eq!(word("GWhx"), None);
        assert_eq!(t.stop_at("个月"), Some("个月".len()));
        assert_eq!(t.scale_at("万亿元").map(|s| s.word.as_str()), Some("万亿"));
    }

    #[test]
    fn a_head_count_metric_carries_its_unit() {
        let t = table();
        let unit = |before: &str| t.implied_unit(before).map(|d| d.word.as_str());
        assert_eq!(unit("今年农村贫困人口减少"), Some("人"));
        assert_eq!(unit("减少农村贫困人口"), Some("人"));
        assert_eq!(unit("全年城镇新增就业"), Some("人"));
        // Words elsewhere in the clause do not: the number must follow them.
        assert_eq!(unit("贫困人口脱贫攻坚投入资金"), None);
        assert_eq!(unit("地区生产总值"), None);
    }
}
