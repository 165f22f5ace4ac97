//! The recognisers behind [`super::find_all`]: one anchored regex per *core* form (a year, a
//! month, a quarter, a plan, a holiday…), each with a builder that resolves it to a [`Core`]
//! against the reference. Prefixes (`到`, `自`), suffixes (`以来`, `前`) and ranges (`A至B`) are
//! combined around cores by the parent module; horizons (`五年内`) are separate because they are
//! not anchored to the calendar.
//!
//! Builders return `None` for anything they cannot resolve to a real calendar date (`2月30日`,
//! `13月`, year 99999): the scanner then moves on, so bad input yields no expression.

use super::named;
use super::{Bias, Granularity, Period, Reference, YearSource};
use chrono::{Datelike, Days, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Chinese numerals that may start or continue a number; used by the boundary guards.
const CN_NUMERALS: &str = "〇零一二两三四五六七八九十百千万";

/// A year written before a month, quarter or year part. Two-digit years are captured here and
/// accepted or refused by each builder (`18年10月` yes, a bare `25年` no: that is a duration).
const YEAR: &str = r"(?:(?P<y>\d{4}|\d{2}|[〇零一二三四五六七八九]{4}|[〇零一二三四五六七八九]{2}|两千(?:零?[一二三四五六七八九十]{1,3})?)年度?|(?P<rel>今年|本年|当年|同年|去年|上年|前年|明年|来年|后年|次年)度?)";
/// Words for "now" at the start of a clause (`目前`): the publication day.
pub(super) const NOW_WORDS: [&str; 3] = ["目前", "当前", "眼下"];
/// A month number, Arabic or Chinese.
const MNUM: &str = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])";
/// A day number, Arabic or Chinese.
const DNUM: &str = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])";
/// Range separators: hyphen, en and em dash, full-width hyphen, tildes, 至, 到.
pub(super) const SEP: &str = r"^(?:[-–—－~～]|至|到)";

/// What a core denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// The whole frame (`2013年`, `1~8月份`, `“十四五”期间`).
    Span,
    /// The last day of the frame (`年底`, `“十四五”末`, `3月底`, `年内`).
    End,
    /// The first day of the frame (`年初`).
    Start,
}

/// Year (and month) a core resolved to; the second half of a range inherits it (`6月1日-30日`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub year: i32,
    pub month: Option<u32>,
    pub source: YearSource,
}

/// Resolution context for one core.
pub(super) struct Ctx<'r> {
    pub reference: &'r Reference,
    /// Year and month of the first half of a range, when parsing its second half.
    pub inherit: Option<Anchor>,
    /// The core follows `从`/`自`, which licenses a bare `2016到2018`.
    pub after_from: bool,
}

/// A recognised core: a named unit of the calendar.
#[derive(Debug, Clone)]
pub(super) struct Core {
    /// Length in bytes of the matched text.
    pub len: usize,
    pub shape: Shape,
    /// The named unit: the year of `年底`, the plan of `“十四五”末`, the day of `9月28日`.
    pub frame: Period,
    pub granularity: Granularity,
    pub year_source: YearSource,
    pub named: Option<String>,
    pub plan: bool,
    pub anchor: Anchor,
}

#[derive(Debug, Clone, Copy)]
enum Rule {
    Ymd,
    YmPart,
    YmRange,
    Ym,
    YearPart,
    YearPoint,
    Year,
    YearRange,
    BareYear,
    Plan,
    Season,
    SeasonShort,
    Holiday,
    RelDay,
    /// `目前`, `当前` at the start of a clause, `截至目前`: the publication day.
    Now,
    RelMonth,
    Decade,
    Numeric,
    DayOnly,
}

static RULES: LazyLock<Vec<(Rule, Regex)>> = LazyLock::new(|| {
    let plans = named::alternation(
        named::table()
            .plan
            .iter()
            .flat_map(|p| p.names.iter().map(String::as_str)),
    );
    let holidays = named::alternation(
        named::table()
            .holiday
            .iter()
            .flat_map(|h| h.names.iter().map(String::as_str)),
    );
    let seasons = named::alternation(
        named::table()
            .season
            .iter()
            .flat_map(|s| s.names.iter().map(String::as_str)),
    );
    let shorts = named::alternation(
        named::table()
            .season
            .iter()
            .filter_map(|s| s.short.as_deref()),
    );
    let day = format!(r"(?P<d>{DNUM})(?P<ds>[日号])");
    let month = format!(r"(?P<m>{MNUM})月");
    let specs: Vec<(Rule, String)> = vec![
        (Rule::Ymd, format!(r"^{YEAR}?{month}(?P<d>{DNUM})(?P<ds>[日号])?")),
        (Rule::YmPart, format!(r"^{YEAR}?{month}份?(?P<mp>上旬|中旬|下旬|初|底|末)")),
        (Rule::YmRange, format!(r"^{YEAR}?(?P<m>{MNUM})(?:[-–—－~～]|至|到)(?P<m2>{MNUM})月份?")),
        (Rule::Ym, format!(r"^{YEAR}?{month}份?")),
        (
            Rule::YearPart,
            format!(
                r"^{YEAR}?(?P<yp>全年|上半年|下半年|前半年|后半年|第?(?P<q>[一二三四1-4])季度|首季度?|前(?P<qn>[一二两三23])个?季度|前(?P<nm>\d{{1,2}}|十[一二]?|[一二两三四五六七八九])个月)"
            ),
        ),
        (Rule::YearPoint, format!(r"^{YEAR}?(?P<yp>年?(?:底|末|初|内))")),
        (Rule::Year, format!(r"^{YEAR}")),
        (Rule::YearRange, r"^(?P<y>\d{4})年?(?:[-–—－~～]|至|到)(?P<y2>\d{4})(?P<nian>年)?".to_owned()),
        (Rule::BareYear, r"^(?P<y>\d{4})[,，]".to_owned()),
        (
            Rule::Plan,
            format!(
                r#"^[“"]?(?P<plan>{plans})[”"]?(?P<pp>规划期末|规划期间|规划期|末期|末|期间|时期|收官之年|收官|开局之年|开局|规划)?"#
            ),
        ),
        (Rule::Season, format!(r"^{YEAR}?(?P<season>{seasons})")),
        (Rule::SeasonShort, format!(r"^(?P<sr>今|明|去|本)(?P<season>{shorts})(?:季|天)?")),
        (Rule::Holiday, format!(r"^{YEAR}?(?P<fest>{holidays})")),
        (Rule::RelDay, r"^(?P<rd>今天|今日|明天|明日|昨天|昨日|后天|前天)".to_owned()),
        (Rule::Now, format!("^(?:{})", NOW_WORDS.join("|"))),
        (Rule::RelMonth, format!(r"^(?P<rm>本月|上个月|上月|下个月|下月)(?:{day})?")),
        (
            Rule::Decade,
            r"^(?:(?P<cent>上世纪|上个世纪|本世纪)|(?P<cn>\d{2}|十九|二十一|二十)世纪)?(?P<dec>[1-9]0|[一二三四五六七八九]十)年代"
                .to_owned(),
        ),
        (Rule::Numeric, r"^(?P<y>\d{4})[/.\-](?P<m>\d{1,2})[/.\-](?P<d>\d{1,2})".to_owned()),
        (Rule::DayOnly, format!(r"^{day}")),
    ];
    specs
        .into_iter()
        .filter_map(|(rule, re)| Regex::new(&re).ok().map(|re| (rule, re)))
        .collect()
});

/// A day number right after a month (`2月` + `30日`).
static DAY_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^{DNUM}[日号]")).ok());

/// The longest core that starts at byte `pos` of `text` and resolves.
pub(super) fn core_at(text: &str, pos: usize, ctx: &Ctx) -> Option<Core> {
    let rest = text.get(pos..)?;
    let prev = text.get(..pos).and_then(|s| s.chars().next_back());
    let mut best: Option<Core> = None;
    for (rule, re) in RULES.iter() {
        let Some(caps) = re.captures(rest) else {
            continue;
        };
        let Some(whole) = caps.get(0) else { continue };
        if whole.is_empty() || !boundary_ok(prev, whole.as_str(), &rest[whole.end()..]) {
            continue;
        }
        if best.as_ref().is_some_and(|b| b.len >= whole.end()) {
            continue;
        }
        let after = &rest[whole.end()..];
        if let Some(core) = build(*rule, &caps, prev, after, ctx) {
            best = Some(core);
        }
    }
    best
}

/// A match must not start inside a number (`13月` is not `3月`, `2.5万吨` has no date) nor end
/// inside one.
fn boundary_ok(prev: Option<char>, matched: &str, after: &str) -> bool {
    let Some(first) = matched.chars().next() else {
        return false;
    };
    if let Some(p) = prev {
        if first.is_ascii_digit() && (p.is_ascii_alphanumeric() || p == '.' || p == '%') {
            return false;
        }
        if (CN_NUMERALS.contains(first) || first == '年')
            && (CN_NUMERALS.contains(p) || p.is_ascii_digit())
        {
            return false;
        }
        // 提前4个月, 提前年底完成, 之前年度: the 前 belongs to the word before.
        if first == '前' && "提之以此目空当事".contains(p) {
            return false;
        }
    }
    let last = matched.chars().next_back();
    let next = after.chars().next();
    !(last.is_some_and(|c| c.is_ascii_digit())
        && next.is_some_and(|c| c.is_ascii_digit() || c == '.'))
}

fn build(rule: Rule, c: &Captures, prev: Option<char>, after: &str, ctx: &Ctx) -> Option<Core> {
    let len = c.get(0)?.end();
    let next = after.chars().next();
    let span = |frame: Period, granularity, (year, source): (i32, YearSource), month| Core {
        len,
        shape: Shape::Span,
        frame,
        granularity,
        year_source: source,
        named: None,
        plan: false,
        anchor: Anchor {
            year,
            month,
            source,
        },
    };
    match rule {
        Rule::Ymd => {
            let m = month_num(c.name("m")?.as_str())?;
            let day = c.name("d")?.as_str();
            let d = day_num(day)?;
            // 八月十五 without 日: only a Chinese month with a two-character Chinese day, so that
            // 3月1 or 一月一次 are not read as days.
            let mark = c.name("ds").map(|m| m.as_str());
            if mark.is_none()
                && (day.is_ascii() || day.chars().count() < 2 || c.name("m")?.as_str().is_ascii())
            {
                return None;
            }
            if mark == Some("号") && next.is_some_and(|n| "楼院线文令栋".contains(n)) {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            let date = NaiveDate::from_ymd_opt(y.0, m, d)?;
            Some(span(Period::day(date), Granularity::Day, y, Some(m)))
        }
        Rule::YmPart => {
            let m = month_num(c.name("m")?.as_str())?;
            let y = year_of(c, ctx, Some(m), true)?;
            let month = Period::month(y.0, m)?;
            let part = c.name("mp")?.as_str();
            if part == "初" && next.is_some_and(|n| "步衷心期始".contains(n)) {
                return None;
            }
            let (shape, frame) = match part {
                "上旬" | "初" => (
                    Shape::Span,
                    Period::new(month.start, month.start.with_day(10)?)?,
                ),
                "中旬" => (
                    Shape::Span,
                    Period::new(month.start.with_day(11)?, month.start.with_day(20)?)?,
                ),
                "下旬" => (
                    Shape::Span,
                    Period::new(month.start.with_day(21)?, month.end)?,
                ),
                _ => (Shape::End, month),
            };
            let granularity = if shape == Shape::End {
                Granularity::Month
            } else {
                Granularity::Days
            };
            Some(Core {
                shape,
                ..span(frame, granularity, y, Some(m))
            })
        }
        Rule::YmRange => {
            let m = month_num(c.name("m")?.as_str())?;
            let m2 = month_num(c.name("m2")?.as_str())?;
            if m2 <= m {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            let frame = Period::new(Period::month(y.0, m)?.start, Period::month(y.0, m2)?.end)?;
            Some(span(frame, Granularity::Months, y, Some(m)))
        }
        Rule::Ym => {
            let m = month_num(c.name("m")?.as_str())?;
            // `2月30日`: the day did not resolve, so the month alone would be a wrong reading.
            if DAY_AFTER.as_ref().is_some_and(|re| re.is_match(after)) {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            Some(span(Period::month(y.0, m)?, Granularity::Month, y, Some(m)))
        }
        Rule::YearPart => {
            let part = c.name("yp")?.as_str();
            let has_year = c.name("y").is_some() || c.name("rel").is_some();
            // 前三季度 opening a sentence is a period; after a verb (提前…) it was refused above.
            if !has_year && part.starts_with('前') && prev.is_some_and(|p| !is_separator(p)) {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            let (m1, m2, granularity) = if part == "全年" {
                (1, 12, Granularity::Year)
            } else if part == "上半年" || part == "前半年" {
                (1, 6, Granularity::HalfYear)
            } else if part == "下半年" || part == "后半年" {
                (7, 12, Granularity::HalfYear)
            } else if part.starts_with('首') {
                (1, 3, Granularity::Quarter)
            } else if let Some(q) = c.name("q") {
                let q = small_num(q.as_str())?;
                (3 * q - 2, 3 * q, Granularity::Quarter)
            } else if let Some(qn) = c.name("qn") {
                (1, 3 * small_num(qn.as_str())?, Granularity::Months)
            } else {
                (1, month_num(c.name("nm")?.as_str())?, Granularity::Months)
            };
            let frame = Period::new(Period::month(y.0, m1)?.start, Period::month(y.0, m2)?.end)?;
            Some(span(frame, granularity, y, None))
        }
        Rule::YearPoint => {
            let part = c.name("yp")?.as_str();
            let has_year = c.name("y").is_some() || c.name("rel").is_some();
            if !has_year && !part.starts_with('年') {
                return None;
            }
            // 年初步形成, 年内部: the character belongs to the next word.
            if part.ends_with('初') && next.is_some_and(|n| "步衷心期始".contains(n)) {
                return None;
            }
            if part.ends_with('内') && next.is_some_and(|n| "部容涵外需".contains(n)) {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            let shape = if part.ends_with('初') {
                Shape::Start
            } else {
                Shape::End
            };
            Some(Core {
                shape,
                ..span(Period::year(y.0)?, Granularity::Year, y, None)
            })
        }
        Rule::Year => {
            // `2024年13月1日`: the month did not resolve; the year alone would hide the error.
            // A relative year before a count (`今年22个项目`) has no month to lose.
            if next.is_some_and(|n| n.is_ascii_digit()) && c.name("rel").is_none() {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            Some(span(Period::year(y.0)?, Granularity::Year, y, None))
        }
        Rule::YearRange => {
            if c.name("nian").is_none() && !ctx.after_from {
                return None;
            }
            let y1 = parse_year(c.name("y")?.as_str(), 0, false)?;
            let y2 = parse_year(c.name("y2")?.as_str(), 0, false)?;
            let frame = Period::new(Period::year(y1)?.start, Period::year(y2)?.end)?;
            Some(span(
                frame,
                Granularity::Years,
                (y1, YearSource::Explicit),
                None,
            ))
        }
        Rule::BareYear => {
            // A heading or lead such as `2013，巨变看转型`: only at the start of a line or after a
            // dash, so that `1015`-like numbers inside prose are never read as years.
            if prev.is_some_and(|p| !(p.is_whitespace() || "—-#*>】》|".contains(p))) {
                return None;
            }
            let y = c
                .name("y")?
                .as_str()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))?;
            Some(Core {
                len: 4,
                ..span(
                    Period::year(y)?,
                    Granularity::Year,
                    (y, YearSource::Explicit),
                    None,
                )
            })
        }
        Rule::Plan => {
            let plan = named::table().plan(c.name("plan")?.as_str())?;
            let whole = Period::new(
                Period::year(plan.first_year)?.start,
                Period::year(plan.last_year)?.end,
            )?;
            let source = (plan.first_year, YearSource::Explicit);
            let (shape, frame, granularity) = match c.name("pp").map_or("", |m| m.as_str()) {
                "末" | "末期" | "规划期末" | "收官" => {
                    (Shape::End, whole, Granularity::Years)
                }
                "收官之年" => (
                    Shape::Span,
                    Period::year(plan.last_year)?,
                    Granularity::Year,
                ),
                "开局之年" | "开局" => (
                    Shape::Span,
                    Period::year(plan.first_year)?,
                    Granularity::Year,
                ),
                _ => (Shape::Span, whole, Granularity::Years),
            };
            Some(Core {
                shape,
                named: Some(plan.id.clone()),
                plan: granularity == Granularity::Years,
                ..span(frame, granularity, source, None)
            })
        }
        Rule::Season | Rule::SeasonShort => {
            let season = named::table().season(c.name("season")?.as_str())?;
            let y = match c.name("sr").map(|m| m.as_str()) {
                Some("今" | "本") => (ctx.reference.published.year(), YearSource::Relative),
                Some("明") => (
                    ctx.reference.published.year().checked_add(1)?,
                    YearSource::Relative,
                ),
                Some("去") => (
                    ctx.reference.published.year().checked_sub(1)?,
                    YearSource::Relative,
                ),
                _ => year_of(c, ctx, Some(season.start.month), false)?,
            };
            let frame = Period::new(
                NaiveDate::from_ymd_opt(y.0, season.start.month, season.start.day)?,
                NaiveDate::from_ymd_opt(y.0, season.end.month, season.end.day)?,
            )?;
            Some(Core {
                named: Some(season.id.clone()),
                ..span(frame, Granularity::Season, y, None)
            })
        }
        Rule::Holiday => {
            let holiday = named::table().holiday(c.name("fest")?.as_str())?;
            let y = year_of(c, ctx, Some(holiday.date.month), false)?;
            let date = NaiveDate::from_ymd_opt(y.0, holiday.date.month, holiday.date.day)?;
            Some(Core {
                named: Some(holiday.id.clone()),
                ..span(
                    Period::day(date),
                    Granularity::Day,
                    y,
                    Some(holiday.date.month),
                )
            })
        }
        // `项目前期` holds 目前 too: now opens its clause or follows a cut-off word.
        Rule::Now => {
            let opens = prev.is_none_or(|p| !crate::normalize::is_cjk(p) || "至止到".contains(p));
            let p = ctx.reference.published;
            opens.then(|| {
                span(
                    Period::day(p),
                    Granularity::Day,
                    (p.year(), YearSource::Relative),
                    Some(p.month()),
                )
            })
        }
        Rule::RelDay => {
            let p = ctx.reference.published;
            let date = match c.name("rd")?.as_str() {
                "今天" | "今日" => Some(p),
                "明天" | "明日" => p.checked_add_days(Days::new(1)),
                "后天" => p.checked_add_days(Days::new(2)),
                "昨天" | "昨日" => p.checked_sub_days(Days::new(1)),
                _ => p.checked_sub_days(Days::new(2)),
            }?;
            Some(span(
                Period::day(date),
                Granularity::Day,
                (date.year(), YearSource::Relative),
                Some(date.month()),
            ))
        }
        Rule::RelMonth => {
            let p = ctx.reference.published;
            let first = p.with_day(1)?;
            let first = match c.name("rm")?.as_str() {
                "本月" => Some(first),
                "上月" | "上个月" => first.checked_sub_months(chrono::Months::new(1)),
                _ => first.checked_add_months(chrono::Months::new(1)),
            }?;
            let y = (first.year(), YearSource::Relative);
            match c.name("d") {
                Some(d) => {
                    let date = first.with_day(day_num(d.as_str())?)?;
                    Some(span(
                        Period::day(date),
                        Granularity::Day,
                        y,
                        Some(first.month()),
                    ))
                }
                None => Some(span(
                    Period::month(first.year(), first.month())?,
                    Granularity::Month,
                    y,
                    Some(first.month()),
                )),
            }
        }
        Rule::Decade => {
            let dec = match c.name("dec")?.as_str() {
                d if d.is_ascii() => d.parse::<i32>().ok()?,
                d => i32::try_from(small_num(d)?).ok()?,
            };
            let century_start = match (
                c.name("cent").map(|m| m.as_str()),
                c.name("cn").map(|m| m.as_str()),
            ) {
                (Some("本世纪"), _) => 2000,
                (Some(_), _) => 1900,
                (None, Some(n)) => {
                    let n = if n.is_ascii() {
                        n.parse::<i32>().ok()?
                    } else {
                        i32::try_from(small_num(n)?).ok()?
                    };
                    (n - 1).checked_mul(100)?
                }
                (None, None) => 1900,
            };
            let first = century_start.checked_add(dec)?;
            let frame = Period::new(
                Period::year(first)?.start,
                Period::year(first.checked_add(9)?)?.end,
            )?;
            Some(span(
                frame,
                Granularity::Decade,
                (first, YearSource::Explicit),
                None,
            ))
        }
        Rule::Numeric => {
            let y = parse_year(c.name("y")?.as_str(), 0, false)?;
            let m = c.name("m")?.as_str().parse().ok()?;
            let d = c.name("d")?.as_str().parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            Some(span(
                Period::day(date),
                Granularity::Day,
                (y, YearSource::Explicit),
                Some(m),
            ))
        }
        Rule::DayOnly => {
            let d = day_num(c.name("d")?.as_str())?;
            if let Some(a) = ctx.inherit {
                let date = NaiveDate::from_ymd_opt(a.year, a.month?, d)?;
                return Some(span(
                    Period::day(date),
                    Granularity::Day,
                    (a.year, a.source),
                    a.month,
                ));
            }
            // A lone `29日` is the publication month's day, and only where it cannot be a
            // count of days (连续30日, 5日内): at a clause start, after 在/于, or alone.
            if ctx.reference.context_year.is_some()
                || !c.name("d")?.as_str().is_ascii()
                || prev.is_some_and(|p| !(is_separator(p) || "在于从自".contains(p)))
                || next.is_some_and(|n| "内以左之后前起".contains(n))
            {
                return None;
            }
            let p = ctx.reference.published;
            let mut first = p.with_day(1)?;
            if ctx.reference.bias == Bias::Past && d > p.day() {
                first = first.checked_sub_months(chrono::Months::new(1))?;
            }
            let date = first.with_day(d)?;
            let y = (date.year(), YearSource::Publication);
            Some(span(
                Period::day(date),
                Granularity::Day,
                y,
                Some(date.month()),
            ))
        }
    }
}

/// Characters after which a clause starts.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",，。;；:：、!！?？()（）[]【】“”\"'《》".contains(c)
}

/// The year a core names, and where it came from; see the module doc of [`super`] for the rules.
fn year_of(
    c: &Captures,
    ctx: &Ctx,
    month: Option<u32>,
    allow_short: bool,
) -> Option<(i32, YearSource)> {
    let r = ctx.reference;
    let published = r.published.year();
    if let Some(y) = c.name("y") {
        return Some((
            parse_year(y.as_str(), published, allow_short)?,
            YearSource::Explicit,
        ));
    }
    let base = |ctx: &Ctx| match (ctx.inherit, r.context_year) {
        (Some(a), _) => (a.year, a.source),
        (None, Some(y)) => (y, YearSource::Context),
        (None, None) => (published, YearSource::Publication),
    };
    let year = match c.name("rel").map(|m| m.as_str()) {
        Some("今年" | "本年") => (published, YearSource::Relative),
        Some("去年" | "上年") => (published.checked_sub(1)?, YearSource::Relative),
        Some("前年") => (published.checked_sub(2)?, YearSource::Relative),
        Some("明年" | "来年") => (published.checked_add(1)?, YearSource::Relative),
        Some("后年") => (published.checked_add(2)?, YearSource::Relative),
        Some("次年") => {
            let (y, s) = base(ctx);
            (y.checked_add(1)?, s)
        }
        Some(_) => base(ctx), // 当年, 同年: the year being talked about
        None => {
            let (mut y, source) = base(ctx);
            if let (YearSource::Publication, Some(m)) = (source, month) {
                match r.bias {
                    Bias::Past if m > r.published.month() => y = y.checked_sub(1)?,
                    Bias::Future if m < r.published.month() => y = y.checked_add(1)?,
                    _ => {}
                }
            }
            (y, source)
        }
    };
    (1..=9999).contains(&year.0).then_some(year)
}

/// A written year: four digits (1000–2999), or two digits pivoting around the publication year
/// (`18年` → 2018, `98年` → 1998) where `allow_short` or a leading zero (`08年`) says it is a year.
fn parse_year(s: &str, published: i32, allow_short: bool) -> Option<i32> {
    // 两千零四 → 2004, 两千年 → 2000.
    if let Some(rest) = s.strip_prefix("两千") {
        let rest = rest.trim_start_matches('零');
        return Some(
            2000 + if rest.is_empty() {
                0
            } else {
                i32::try_from(small_num(rest)?).ok()?
            },
        );
    }
    let digits: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                Some(c)
            } else {
                cn_digit(c).and_then(|d| char::from_digit(d, 10))
            }
        })
        .collect::<Option<String>>()?;
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => (1000..=2999).contains(&n).then_some(n),
        2 if allow_short || digits.starts_with('0') => {
            let year = 2000 + n;
            Some(if year > published + 20 {
                1900 + n
            } else {
                year
            })
        }
        _ => None,
    }
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            '零' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// A number below 100, Arabic (`28`) or Chinese (`二十八`, `十二`, `两`).
pub(super) fn small_num(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok().filter(|n| *n < 100);
    }
    match s.split_once('十') {
        None if s.chars().count() == 1 => s.chars().next().and_then(cn_digit),
        None => None,
        Some((tens, units)) => {
            let tens = if tens.is_empty() { 1 } else { small_num(tens)? };
            let units = if units.is_empty() {
                0
            } else {
                small_num(units)?
            };
            (tens < 10 && units < 10).then_some(tens * 10 + units)
        }
    }
}

fn month_num(s: &str) -> Option<u32> {
    small_num(s).filter(|m| (1..=12).contains(m))
}

fn day_num(s: &str) -> Option<u32> {
    small_num(s).filter(|d| (1..=31).contains(d))
}

/// A horizon or look-back window found at the start of `rest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Window {
    /// `五年内`, `通过五年努力`, `未来五年`: `years` from the publication date forward.
    Ahead { years: u32 },
    /// `近三年`, `近三年来`: the last `years` calendar years, publication year included.
    Back { years: u32 },
}

static HORIZON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:力争)?(?P<hv>通过|经过|用|未来|今后)?(?P<n>\d{1,2}|[一二三四五六七八九两十]{1,2})年(?P<hs>以内|之内|内|努力|奋斗|时间)?").ok()
});
static LOOKBACK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^近(?P<n>\d{1,2}|[一二三四五六七八九两十]{1,2})年(?:来|以来)?").ok()
});

/// Every anchored pattern a core, a horizon or a look-back can start with: the time module
/// builds one `RegexSet` of them (with its prefixes) to skip positions where nothing starts.
pub(super) fn start_patterns() -> Vec<String> {
    let mut patterns: Vec<String> = RULES
        .iter()
        .map(|(_, re)| re.as_str().to_string())
        .collect();
    patterns.extend(
        [&*HORIZON, &*LOOKBACK]
            .into_iter()
            .flatten()
            .map(|re| re.as_str().to_string()),
    );
    patterns
}

/// A horizon (`五年内`) or a look-back (`近三年来`) at byte `pos`, with its length in bytes.
///
/// A horizon needs a verb (`通过/经过/用 N年 努力/奋斗/时间`), `未来/今后`, or `内`; `N年内`
/// is capped at ten years because `25年内培外引` (a 25-year retrospective) is not a horizon.
pub(super) fn window_at(text: &str, pos: usize) -> Option<(usize, Window)> {
    let rest = text.get(pos..)?;
    let prev = text.get(..pos).and_then(|s| s.chars().next_back());
    if let Some(c) = LOOKBACK.as_ref().and_then(|re| re.captures(rest)) {
        let years = small_num(c.name("n")?.as_str()).filter(|n| (1..=30).contains(n))?;
        return Some((c.get(0)?.end(), Window::Back { years }));
    }
    let c = HORIZON.as_ref()?.captures(rest)?;
    let whole = c.get(0)?;
    if !boundary_ok(prev, whole.as_str(), &rest[whole.end()..]) {
        return None;
    }
    let years = small_num(c.name("n")?.as_str()).filter(|n| *n >= 1)?;
    let verb = c.name("hv").map(|m| m.as_str());
    let tail = c.name("hs").map(|m| m.as_str());
    let ok = match (verb, tail) {
        (Some("未来" | "今后"), _) => years <= 30,
        (Some(_), Some("努力" | "奋斗" | "时间")) => years <= 30,
        (_, Some("内" | "以内" | "之内")) => years <= 10,
        _ => false,
    };
    // 五年内 starts with a numeral: it must not be the tail of a longer number.
    ok.then_some((whole.end(), Window::Ahead { years }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(small_num("二十八"), Some(28));
        assert_eq!(small_num("十二"), Some(12));
        assert_eq!(small_num("十"), Some(10));
        assert_eq!(small_num("三十一"), Some(31));
        assert_eq!(small_num("两"), Some(2));
        assert_eq!(small_num("十十"), None);
        assert_eq!(parse_year("二〇一九", 2024, false), Some(2019));
        assert_eq!(parse_year("18", 2024, true), Some(2018));
        assert_eq!(parse_year("98", 2024, true), Some(1998));
        assert_eq!(parse_year("25", 2024, false), None);
        assert_eq!(parse_year("08", 2024, false), Some(2008));
    }

    #[test]
    fn every_rule_compiles() {
        assert_eq!(RULES.len(), 19);
        assert!(HORIZON.is_some() && LOOKBACK.is_some());
    }
}
