//! Time expressions resolved to periods.
//!
//! [`find_all`] scans **normalized** text (ASCII digits, `~`/`—`/`-`/`至`/`到` in ranges, quotes
//! `“”` kept) left to right and returns every time expression it can resolve, non-overlapping,
//! preferring the longest match at each position. It never panics and never guesses a date it
//! cannot build: `2月30日`, `13月`, `2024年13月1日` and year 99999 yield nothing.
//!
//! # Model
//!
//! * A [`Reference`] carries the article's publication date, the year set by the enclosing
//!   section (`2013，巨变看转型` → 2013) and a [`Bias`]: reports look back, plans look ahead.
//! * Every expression resolves to a [`Period`] whose `start` and `end` are **both inclusive**
//!   (`1~8月份` → Jan 1 to Aug 31; a single day has `start == end`).
//! * Its [`TimeKind`] says how the period is meant: a day or instant, a measured period, a
//!   deadline, a horizon, an open start, or a plan period.
//!
//! # Resolution rules (all of them, in one place)
//!
//! **Years.**
//! * Written years are taken as written (`2013年`, `二〇一九年`); four digits must lie in
//!   1000–2999. Two-digit years are read only before a month (`18年10月1日`) or with a leading
//!   zero (`08年`), pivoting to 19xx when 20xx would be more than 20 years after publication.
//!   A bare `25年` is a duration (`25年赓续奋斗`), never a year.
//! * `今年/本年` = publication year, `去年/上年` −1, `前年` −2, `明年/来年` +1, `后年` +2: relative
//!   words are relative to the **publication date**, not to the section's year (the gold uses the
//!   publication year for 今年). `当年/同年` = the year being talked about (section year, else
//!   publication year), `次年` = that year + 1.
//! * Year-less expressions (`9月28日`, `全年`, `年底前`, `1~8月份`, `国庆节`) take the section's
//!   `context_year` when present, else the publication year, then the bias applies to those that
//!   name a month (a day, a month, a month range, a holiday, a season):
//!   - [`Bias::Past`]: if that month is **after** the publication month, the previous year
//!     (`12月13日` in a January report is last December; in a December report it is this year).
//!   - [`Bias::Future`]: if that month is **before** the publication month, the next year
//!     (`1月份` in an October plan is next January).
//!   - [`Bias::Neutral`], or a `context_year`: no rolling.
//!
//!   Year parts (`一季度`, `上半年`, `全年`, `年底`) never roll.
//! * A lone day (`29日`) is a day of the publication month (previous month under `Bias::Past`
//!   when the day is still to come); it is only read at a clause start, never with a section year.
//!
//! **Parts of a year.** `一季度`/`第一季度`/`首季` = Q1; `前三季度` = Jan 1–Sep 30; `前N个月` =
//! Jan 1 to the end of month N; `上半年` = Jan–Jun, `下半年` = Jul–Dec; `1~8月份`, `1—11月份`,
//! `1至8月`, `1月至8月份` = first day of the first month to the last day of the last;
//! `3月上旬/中旬/下旬` = days 1–10 / 11–20 / 21–end (`初` = 上旬); `全年` = the whole year.
//!
//! **End points and deadlines.** `年底`, `年末`, `年内`, `3月底`, `“十四五”末`, `收官`, a `到/至/
//! 截至/力争到…` prefix or a `前/以前/之前/为止` suffix make an *end point*: the last day of the
//! named unit (`2025年前` and `到2025年` → 2025-12-31, `国庆节前` → 10-01). An end point on or after
//! the publication date is a [`TimeKind::Deadline`] whose period **starts on the publication
//! date** (when the clock for the target starts) and ends on the deadline; the named unit is kept
//! in [`TimeExpr::frame`] (`“十四五”末` in 2020: period 2020-10-17..2025-12-31, frame
//! 2021-01-01..2025-12-31, which is what 新增 counts run over). An end point before the
//! publication date is an as-of instant ([`TimeKind::Day`]): `截至2023年底` in a 2024 report.
//! `年初` is the instant Jan 1.
//!
//! **Open starts.** `以来`, `至今`, `起`, `开始`, `及以后` or a `从/自/自从` prefix: from the first
//! day of the unit to the publication date (`今年以来`, `今年年初以来` → Jan 1 to publication;
//! `今年6月起` → Jun 1 to publication); if the unit starts after publication, to the unit's end.
//! `近三年(来)` = Jan 1 of the year two years before publication to the publication date (the
//! last three calendar years, the current one included). `近年来` has no definite length and
//! yields nothing.
//!
//! **Horizons.** `五年内`, `通过五年努力`, `经过5年奋斗`, `用三年时间`, `未来五年`: from the
//! publication date to Dec 31 of the N-th calendar year, counting the publication year as the
//! first when published in January–June (a plan of February 2014: 五年内 → 2018-12-31) and the next
//! year as the first otherwise (October 2024 + 5 years → 2029-12-31). A horizon directly followed
//! by a deadline (`经过5年奋斗,到2029年`) merges into that deadline: the written year wins.
//!
//! **Named periods** (`rules/periods.toml`): five-year plans `十二五` 2011–15, `十三五` 2016–20,
//! `十四五` 2021–25, `十五五` 2026–30, quoted `“”`, `""` or bare, with `期间/时期/规划` (the plan
//! period, [`TimeKind::Plan`]), `末/收官` (end point), `开局之年`, `收官之年` (one year);
//! fixed-date holidays (`国庆节` 10-01, `元旦` 01-01, `劳动节/五一` 05-01…); seasons: `秋季` is the
//! autumn term (September), `春季` March, `夏季` Jun–Aug, `暑期` Jul–Aug, and `冬季`/`今冬` is
//! Nov 1–Dec 31 of the named year (今冬明春 splits the winter at New Year, so 今冬 ends Dec 31).
//! One-character seasons need 今/明/去/本 (`今冬`, `明春`): a bare `秋` is mostly not a time.
//!
//! **Not times.** Numbers with units (`2.5万吨`, `20万吨`, `12万中站人民`), programme names
//! (`“1015”战略`), durations (`25年赓续奋斗`, `连续2年`), and digits inside longer numbers (`13月`
//! does not contain `3月`). A bare four-digit year is read only at a line start or after a dash
//! and before a comma (`2013，巨变看转型`), which is how section headings give their year.
//!
//! # Layout
//!
//! `time/model.rs` holds the types above; `time/grammar.rs` and its folder recognise the cores
//! (one module per family); `time/scan.rs` is [`find_all`]: it frames cores with their
//! prefixes and suffixes, joins ranges and resolves deadlines; `time/named.rs` is the
//! named-period table (`rules/periods.toml`).

mod grammar;
mod model;
pub(crate) mod named;
mod scan;

pub use model::{Bias, Granularity, Period, Reference, TimeExpr, TimeKind, YearSource};
pub use scan::find_all;

/// Whether `text` is exactly the name of a five-year plan (`十四五`), quotes not included.
pub fn is_plan_name(text: &str) -> bool {
    named::table().plan(text).is_some()
}

/// Whether a time expression is the base of a comparison (`比上年增长`, `较2013年翻一番`,
/// `与去年同期相比`): it names what a figure is compared with, not the period it measures.
/// The time grammar reads such expressions (`claimcheck parse` shows them); extraction leaves
/// them out.
///
/// A starting point of a change (`由2020年的5200万美元增加到1.9亿美元`) is one too: `由`/`从`
/// and `的` around the year. `从2020年起` is a start, not a base.
pub fn is_comparison_base(text: &str, expr: &TimeExpr) -> bool {
    let before = &text[..expr.range.start];
    let after = &text[expr.range.end..];
    COMPARED_WITH.iter().any(|w| before.ends_with(w))
        || (CHANGED_FROM.iter().any(|w| before.ends_with(w)) && after.starts_with('的'))
}

/// Words before a time that make it what a figure is compared with (`比上年`, `较2013年`).
pub const COMPARED_WITH: [&str; 4] = ["比", "较", "与", "同"];
/// Words before a year that make it where a change starts (`由2020年的…增加到…`).
pub const CHANGED_FROM: [&str; 2] = ["由", "从"];

/// Whether `words` end with a word that makes the year after them a base
/// ([`COMPARED_WITH`] or [`CHANGED_FROM`]).
pub fn ends_with_base_marker(words: &str) -> bool {
    COMPARED_WITH
        .iter()
        .chain(&CHANGED_FROM)
        .any(|w| words.ends_with(w))
}
