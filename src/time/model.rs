//! What a time expression resolves to: the [`Reference`] it is read against, its [`Period`],
//! what the period means ([`TimeKind`]), the unit it names ([`Granularity`]) and where its
//! year came from ([`YearSource`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

use super::grammar;

/// What an expression is resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The article's publication date: the anchor for 今年/去年/明年 and for horizons.
    pub published: NaiveDate,
    /// The year set by the enclosing section (`2013，巨变看转型`); year-less expressions take it.
    pub context_year: Option<i32>,
    /// Whether year-less months lean to the past (a report) or the future (a plan).
    pub bias: Bias,
}

impl Reference {
    /// A neutral reference with no section year.
    pub fn new(published: NaiveDate) -> Self {
        Reference {
            published,
            context_year: None,
            bias: Bias::Neutral,
        }
    }
}

/// Which way a year-less month leans; see the module doc for the exact rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bias {
    /// A report: a year-less month after the publication month is last year's.
    Past,
    /// A plan: a year-less month before the publication month is next year's.
    Future,
    /// No rolling: year-less months are in the context or publication year.
    #[default]
    Neutral,
}

/// A span of calendar days, both ends inclusive; serialised as ISO dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (inclusive).
    pub end: NaiveDate,
}

impl Period {
    /// The period from `start` to `end`, or `None` if `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (start <= end).then_some(Period { start, end })
    }

    /// A single day.
    pub fn day(date: NaiveDate) -> Self {
        Period {
            start: date,
            end: date,
        }
    }

    /// The calendar year `year`, if chrono can represent it.
    pub fn year(year: i32) -> Option<Self> {
        Period::new(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )
    }

    /// The calendar month `month` of `year`.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        Period::new(start, end)
    }

    /// Whether `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// How an expression's period is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A day or an instant (`9月28日`, `国庆节`, `年初`, a past `年底`): `start == end`.
    Day,
    /// A measured period (`2013年`, `1~8月份`, `前三季度`, `今冬`, `明年1月份`).
    Measured,
    /// A deadline (`到2025年`, `年底前`, `“十四五”末`): from publication to the deadline (`end`).
    Deadline,
    /// A horizon (`五年内`, `通过五年努力`): from publication forward N years.
    Horizon,
    /// An open start (`今年以来`, `今年6月起`, `近三年来`): from the start to publication.
    OpenStart,
    /// A plan period (`“十四五”期间`, `“十三五”规划`).
    Plan,
}

/// The size of the unit an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One day.
    Day,
    /// Several days (`3月中旬`, `6月1日-30日`).
    Days,
    /// One month.
    Month,
    /// Several months (`1~8月份`, `前三季度`).
    Months,
    /// One quarter.
    Quarter,
    /// Half a year.
    HalfYear,
    /// One year (`2013年`, `全年`, `年底`).
    Year,
    /// Several years (`2021-2023年`, a plan, a horizon).
    Years,
    /// A season from the named-period table.
    Season,
    /// A decade (`90年代`).
    Decade,
}

/// Where an expression's year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Written in the expression (`2013年`, `“十四五”`).
    Explicit,
    /// A relative word resolved against the publication date (`今年`, `去年`, `今冬`, `明天`).
    Relative,
    /// Taken from the section's `context_year`.
    Context,
    /// Taken from the publication date (no year written, no section year).
    Publication,
}

/// One resolved time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte range in the input text, end-exclusive, on char boundaries. Serialized as `span`
    /// (a byte span, like every span in claimcheck) so it is not taken for a date range.
    #[serde(rename = "span")]
    pub range: Range<usize>,
    /// The matched text as written.
    pub printed: String,
    /// How the period is meant.
    pub kind: TimeKind,
    /// The resolved period, both ends inclusive.
    pub period: Period,
    /// The size of the named unit.
    pub granularity: Granularity,
    /// Where the year came from; `relative` means 今年/去年-style words.
    pub year_source: YearSource,
    /// For deadlines and as-of instants, the unit whose end is the deadline (`“十四五”末` →
    /// 2021-01-01..2025-12-31; `年底前` → the year); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Period>,
    /// The id of the named period in `rules/periods.toml` (`fyp-14`, `national-day`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    /// The period contains the publication date and ends after it (`全年` in an October report):
    /// an outcome for it cannot be final yet.
    #[serde(default)]
    pub in_progress: bool,
}

impl TimeExpr {
    /// Whether the year came from a relative word (`今年`, `去年`, `明年`…).
    pub fn year_relative(&self) -> bool {
        self.year_source == YearSource::Relative
    }

    /// Whether it says "now" (`目前`, `截至目前`): the publication day.
    pub fn is_now(&self) -> bool {
        grammar::NOW_WORDS.iter().any(|w| self.printed.contains(w))
    }
}
