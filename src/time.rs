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

mod grammar;
pub(crate) mod named;

use chrono::{Datelike, NaiveDate};
use grammar::{Anchor, Core, Ctx, SEP, Shape, Window};
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

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

/// Whether `text` is exactly the name of a five-year plan (`十四五`), quotes not included.
pub fn is_plan_name(text: &str) -> bool {
    named::table().plan(text).is_some()
}

/// Every time expression in `text`, left to right, non-overlapping, longest match first.
///
/// `text` must be normalized (see the module doc); any string is accepted without panicking.
pub fn find_all(text: &str, reference: &Reference) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let found = if may_start(text, pos) {
            expr_at(text, pos, reference)
        } else {
            None
        };
        match found {
            Some(expr) if expr.range.end > pos => {
                pos = expr.range.end;
                out.push(expr);
            }
            _ => pos += text[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
    merge_horizons(text, out, reference)
}

/// Whether a time expression is the base of a comparison (`比上年增长`, `较2013年翻一番`,
/// `与去年同期相比`): it names what a figure is compared with, not the period it measures.
/// The time grammar reads such expressions (`claimcheck parse` shows them); extraction leaves
/// them out.
pub fn is_comparison_base(text: &str, expr: &TimeExpr) -> bool {
    let before = &text[..expr.range.start];
    ["比", "较", "与", "同"].iter().any(|w| before.ends_with(w))
}

/// A prefix before a core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    /// 从, 自, 自从: an open start (or the start of a range).
    From,
    /// 到, 至, 截至, 力争到…: an end point.
    Until,
}

/// A suffix after a core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    Since,
    Before,
    During,
}

static PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:自从|从|自|直到|直至|截至|截止到|截止|力争到|争取到|力争在|力争于|争取在|预计到|计划到|到|至)").ok()
});
static SUFFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:以来|至今|起|开始|及以后|或之后|及以前|或之前|以前|之前|前|为止|期间|时期)")
        .ok()
});
static SEPARATOR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(SEP).ok());

fn prefix_at(text: &str, pos: usize) -> Option<(Prefix, usize)> {
    let m = PREFIX.as_ref()?.find(text.get(pos..)?)?;
    let kind = if matches!(m.as_str(), "自从" | "从" | "自") {
        Prefix::From
    } else {
        Prefix::Until
    };
    Some((kind, m.end()))
}

fn suffix_at(text: &str, pos: usize) -> Option<(Suffix, usize)> {
    let m = SUFFIX.as_ref()?.find(text.get(pos..)?)?;
    let kind = match m.as_str() {
        "以来" | "至今" | "起" | "开始" | "及以后" | "或之后" => Suffix::Since,
        "期间" | "时期" => Suffix::During,
        _ => Suffix::Before,
    };
    Some((kind, m.end()))
}

/// Whether any expression can start at `pos`: one pass of a set of all the anchored start
/// patterns (cores, horizons, look-backs, prefixes). Exact — `expr_at` finds nothing where this
/// says no — and far cheaper than trying every pattern at every character.
fn may_start(text: &str, pos: usize) -> bool {
    static STARTS: LazyLock<Option<RegexSet>> = LazyLock::new(|| {
        let mut patterns = grammar::start_patterns();
        patterns.extend(PREFIX.as_ref().map(|re| re.as_str().to_string()));
        RegexSet::new(patterns).ok()
    });
    match (STARTS.as_ref(), text.get(pos..)) {
        (Some(set), Some(rest)) => set.is_match(rest),
        (None, Some(_)) => true,
        (_, None) => false,
    }
}

/// The longest expression starting at `pos`.
fn expr_at(text: &str, pos: usize, reference: &Reference) -> Option<TimeExpr> {
    let mut best: Option<TimeExpr> = None;
    let mut consider = |e: Option<TimeExpr>| {
        if let Some(e) = e
            && best.as_ref().is_none_or(|b| e.range.end > b.range.end)
        {
            best = Some(e);
        }
    };
    if let Some((len, window)) = grammar::window_at(text, pos) {
        consider(window_expr(text, pos..pos + len, window, reference));
    }
    consider(framed_at(text, pos, None, reference));
    if let Some((prefix, len)) = prefix_at(text, pos) {
        consider(framed_at(text, pos + len, Some((prefix, pos)), reference));
    }
    best
}

/// A core (or a range of two cores) at `core_pos`, with an optional prefix and suffix.
fn framed_at(
    text: &str,
    core_pos: usize,
    prefix: Option<(Prefix, usize)>,
    reference: &Reference,
) -> Option<TimeExpr> {
    let ctx = Ctx {
        reference,
        inherit: None,
        after_from: prefix.is_some_and(|p| p.0 == Prefix::From),
    };
    let first = grammar::core_at(text, core_pos, &ctx)?;
    let mut end = core_pos + first.len;
    let mut core = first.clone();
    // A core that is itself a range (`2016到2018`, `1~8月份`) after 从 is that range, not an open start.
    let mut ranged =
        matches!(first.granularity, Granularity::Years | Granularity::Months) && !first.plan;
    if let Some(sep) = SEPARATOR.as_ref().and_then(|re| re.find(text.get(end..)?)) {
        let ctx2 = Ctx {
            reference,
            inherit: Some(first.anchor),
            after_from: false,
        };
        if let Some(second) = grammar::core_at(text, end + sep.end(), &ctx2)
            && let Some(joined) = join(&first, &second)
        {
            end += sep.end() + second.len;
            core = joined;
            ranged = true;
        }
    }
    let suffix = suffix_at(text, end);
    if let Some((_, len)) = suffix {
        end += len;
    }
    let start = prefix.map_or(core_pos, |p| p.1);
    let prefix = prefix.map(|p| p.0);
    let suffix = suffix.map(|s| s.0);
    let published = reference.published;

    let open = suffix == Some(Suffix::Since) || (prefix == Some(Prefix::From) && !ranged);
    let until = !open && (suffix == Some(Suffix::Before) || prefix == Some(Prefix::Until));
    let (kind, period, frame) = if open {
        let from = if core.shape == Shape::End {
            core.frame.end
        } else {
            core.frame.start
        };
        let to = if published >= from {
            published
        } else {
            core.frame.end
        };
        (TimeKind::OpenStart, Period::new(from, to)?, None)
    } else if until || core.shape == Shape::End {
        let at = if core.shape == Shape::Start {
            core.frame.start
        } else {
            core.frame.end
        };
        end_point(at, core.frame, published)
    } else if core.shape == Shape::Start {
        (TimeKind::Day, Period::day(core.frame.start), None)
    } else if core.plan {
        (TimeKind::Plan, core.frame, None)
    } else if core.frame.start == core.frame.end {
        (TimeKind::Day, core.frame, None)
    } else {
        (TimeKind::Measured, core.frame, None)
    };
    Some(finish(
        text,
        start..end,
        kind,
        period,
        &core,
        frame,
        published,
    ))
}

/// An end point at `at`: a deadline from publication if still to come, else an as-of instant
/// (`截至目前`, `截至今日`: the publication day itself is now, not a deadline).
fn end_point(
    at: NaiveDate,
    frame: Period,
    published: NaiveDate,
) -> (TimeKind, Period, Option<Period>) {
    if at > published {
        (
            TimeKind::Deadline,
            Period {
                start: published,
                end: at,
            },
            Some(frame),
        )
    } else {
        (TimeKind::Day, Period::day(at), Some(frame))
    }
}

/// `first` to `second` as one span (`2021年至2023年`, `6月1日-30日`, `三月到五月`).
fn join(first: &Core, second: &Core) -> Option<Core> {
    if first.shape != Shape::Span || second.shape != Shape::Span || first.plan || second.plan {
        return None;
    }
    let frame = Period::new(first.frame.start, second.frame.end)?;
    if second.frame.start <= first.frame.end {
        return None;
    }
    let granularity = match first.granularity {
        Granularity::Day | Granularity::Days => Granularity::Days,
        Granularity::Month | Granularity::Months => Granularity::Months,
        Granularity::Year | Granularity::Years => Granularity::Years,
        other => other,
    };
    Some(Core {
        len: 0,
        frame,
        granularity,
        named: None,
        anchor: Anchor { ..first.anchor },
        ..first.clone()
    })
}

fn finish(
    text: &str,
    range: Range<usize>,
    kind: TimeKind,
    period: Period,
    core: &Core,
    frame: Option<Period>,
    published: NaiveDate,
) -> TimeExpr {
    let in_progress = matches!(kind, TimeKind::Measured | TimeKind::Plan)
        && period.contains(published)
        && published < period.end;
    TimeExpr {
        printed: text.get(range.clone()).unwrap_or_default().to_owned(),
        range,
        kind,
        period,
        granularity: core.granularity,
        year_source: core.year_source,
        frame,
        named: core.named.clone(),
        in_progress,
    }
}

/// A horizon (`五年内`) or look-back (`近三年来`) as an expression.
fn window_expr(
    text: &str,
    range: Range<usize>,
    window: Window,
    reference: &Reference,
) -> Option<TimeExpr> {
    let published = reference.published;
    let (kind, period) = match window {
        Window::Ahead { years } => {
            // The publication year counts as year one when published in its first half.
            let first = if published.month() <= 6 {
                published.year()
            } else {
                published.year().checked_add(1)?
            };
            let last = first
                .checked_add(i32::try_from(years).ok()?)?
                .checked_sub(1)?;
            (
                TimeKind::Horizon,
                Period::new(published, Period::year(last)?.end)?,
            )
        }
        Window::Back { years } => {
            let first = published
                .year()
                .checked_sub(i32::try_from(years).ok()?)?
                .checked_add(1)?;
            (
                TimeKind::OpenStart,
                Period::new(Period::year(first)?.start, published)?,
            )
        }
    };
    Some(TimeExpr {
        printed: text.get(range.clone())?.to_owned(),
        range,
        kind,
        period,
        granularity: Granularity::Years,
        year_source: YearSource::Publication,
        frame: None,
        named: None,
        in_progress: false,
    })
}

/// `经过5年奋斗,到2029年`: a horizon directly followed by a deadline is that deadline.
fn merge_horizons(text: &str, exprs: Vec<TimeExpr>, reference: &Reference) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::with_capacity(exprs.len());
    for expr in exprs {
        if let Some(prev) = out.last_mut()
            && prev.kind == TimeKind::Horizon
            && expr.kind == TimeKind::Deadline
            && text
                .get(prev.range.end..expr.range.start)
                .is_some_and(|gap| matches!(gap, "" | "," | "，" | "、"))
        {
            let range = prev.range.start..expr.range.end;
            *prev = TimeExpr {
                printed: text.get(range.clone()).unwrap_or_default().to_owned(),
                range,
                period: Period {
                    start: reference.published.min(expr.period.end),
                    end: expr.period.end,
                },
                ..expr
            };
            continue;
        }
        out.push(expr);
    }
    out
}
