//! Named periods (`rules/periods.toml`): five-year plans, fixed-date holidays and seasons.
//!
//! The table is data so that adding a holiday or the next plan needs no Rust. It is embedded in
//! the binary, parsed once, and checked with `deny_unknown_fields` so a misspelt key fails the
//! unit test below instead of being ignored.

use serde::Deserialize;
use std::sync::OnceLock;

/// The shipped table, embedded at compile time.
const SOURCE: &str = include_str!("../../rules/periods.toml");

/// The whole `rules/periods.toml` file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Table {
    #[serde(default)]
    pub plan: Vec<Plan>,
    #[serde(default)]
    pub holiday: Vec<Holiday>,
    #[serde(default)]
    pub season: Vec<Season>,
}

/// A five-year plan such as 十四五 (2021–2025).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plan {
    pub id: String,
    pub names: Vec<String>,
    pub first_year: i32,
    pub last_year: i32,
}

/// A holiday on a fixed Gregorian date (国庆节 → 10-01).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Holiday {
    pub id: String,
    pub names: Vec<String>,
    pub date: MonthDay,
}

/// A season inside one calendar year (秋季 → 09-01..09-30).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Season {
    pub id: String,
    pub names: Vec<String>,
    /// One-character form, only accepted after 今/明/去/本.
    #[serde(default)]
    pub short: Option<String>,
    pub start: MonthDay,
    pub end: MonthDay,
    /// Why the season has these dates; documentation only.
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// A `"MM-DD"` string, validated when the table loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub(crate) struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl TryFrom<String> for MonthDay {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        let bad = || format!("expected \"MM-DD\", found {s:?}");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        // 2000 is a leap year, so 02-29 is accepted here and rejected per year at resolution.
        chrono::NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad)?;
        Ok(MonthDay { month, day })
    }
}

/// Parses a table from TOML text.
pub(crate) fn parse(text: &str) -> Result<Table, toml::de::Error> {
    toml::from_str(text)
}

/// The table in use: the one [`install`]ed before the first parse, else the shipped one. An
/// empty table stands in if the embedded file were ever broken; the unit test below keeps that
/// from happening silently.
static TABLE: OnceLock<Table> = OnceLock::new();

/// The period table in use.
pub(crate) fn table() -> &'static Table {
    TABLE.get_or_init(|| {
        parse(SOURCE).unwrap_or(Table {
            plan: Vec::new(),
            holiday: Vec::new(),
            season: Vec::new(),
        })
    })
}

/// Makes `table` the one every parse uses; `false` when a table is already in use (the
/// grammar is compiled from it at first use).
pub(crate) fn install(table: Table) -> bool {
    TABLE.set(table).is_ok()
}

impl Table {
    /// The plan with this name.
    pub fn plan(&self, name: &str) -> Option<&Plan> {
        self.plan.iter().find(|p| p.names.iter().any(|n| n == name))
    }

    /// The holiday with this name.
    pub fn holiday(&self, name: &str) -> Option<&Holiday> {
        self.holiday
            .iter()
            .find(|h| h.names.iter().any(|n| n == name))
    }

    /// The season with this name or one-character form.
    pub fn season(&self, name: &str) -> Option<&Season> {
        self.season
            .iter()
            .find(|s| s.names.iter().any(|n| n == name) || s.short.as_deref() == Some(name))
    }
}

/// A regex alternation of `names`, longest first so the regex prefers 国庆节 over 国庆.
/// Returns `"(?!)"`-free never-matching text when empty: `[^\s\S]` matches nothing.
pub(crate) fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.filter(|n| !n.is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    if names.is_empty() {
        return r"[^\s\S]".to_owned();
    }
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_loads() {
        let table = parse(SOURCE).expect("rules/periods.toml must parse");
        assert_eq!(
            table.plan("十四五").map(|p| (p.first_year, p.last_year)),
            Some((2021, 2025))
        );
        assert_eq!(
            table.holiday("国庆节").map(|h| h.date),
            Some(MonthDay { month: 10, day: 1 })
        );
        assert!(table.season("冬").is_some());
        for p in &table.plan {
            assert!(p.first_year <= p.last_year, "{}", p.id);
        }
        for s in &table.season {
            assert!(
                (s.start.month, s.start.day) <= (s.end.month, s.end.day),
                "{}",
                s.id
            );
        }
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err = parse("[[plan]]\nid='x'\nnames=[]\nfirst_year=1\nlast_year=2\ncolour='red'\n");
        assert!(err.is_err());
        assert!(parse("[[holiday]]\nid='x'\nnames=['a']\ndate='02-30'\n").is_err());
    }
}
