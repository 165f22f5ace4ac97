//! The recognisers behind [`super::find_all`]: one anchored regex per *core* form (a year, a
//! month, a quarter, a plan, a holiday…), each with a builder that resolves it to a [`Core`]
//! against the reference. Prefixes (`到`, `自`), suffixes (`以来`, `前`) and ranges (`A至B`) are
//! combined around cores by the scanner (`scan.rs`); horizons (`五年内`) are separate because
//! they are not anchored to the calendar.
//!
//! Builders return `None` for anything they cannot resolve to a real calendar date (`2月30日`,
//! `13月`, year 99999): the scanner then moves on, so bad input yields no expression.
//!
//! The builders live with their family: [`calendar`] (numbers on the calendar), [`names`]
//! (plans, seasons, holidays from the period table) and [`relative`] (now, today, this month);
//! [`year`] resolves the year they share and [`numbers`] reads the small numbers; [`window`]
//! holds the horizons and look-backs.

mod calendar;
mod names;
mod numbers;
mod relative;
mod window;
mod year;

use super::named;
use super::{Granularity, Period, Reference, YearSource};
use crate::start_chars::StartChars;
use regex::{Captures, Regex, RegexSet};
use std::sync::LazyLock;

use window::{HORIZON, LOOKBACK};
pub(super) use window::{Window, window_at};

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

/// The patterns of [`RULES`] as one set, in the same order.
static RULE_SET: LazyLock<Option<RegexSet>> =
    LazyLock::new(|| RegexSet::new(RULES.iter().map(|(_, re)| re.as_str())).ok());

/// The characters a core can start with.
static RULE_STARTS: LazyLock<StartChars> =
    LazyLock::new(|| StartChars::of(RULES.iter().map(|(_, re)| re.as_str())));

/// The longest core that starts at byte `pos` of `text` and resolves.
pub(super) fn core_at(text: &str, pos: usize, ctx: &Ctx) -> Option<Core> {
    let rest = text.get(pos..)?;
    if !RULE_STARTS.may_start(rest.chars().next()?) {
        return None;
    }
    let prev = text.get(..pos).and_then(|s| s.chars().next_back());
    let mut best: Option<Core> = None;
    // One pass of the set says which rules match here; only those are run for their groups.
    let matching = RULE_SET.as_ref().map(|set| set.matches(rest));
    for (index, (rule, re)) in RULES.iter().enumerate() {
        if matching.as_ref().is_some_and(|m| !m.matched(index)) {
            continue;
        }
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

/// Resolves a rule's match with the builder of its family.
fn build(rule: Rule, c: &Captures, prev: Option<char>, after: &str, ctx: &Ctx) -> Option<Core> {
    match rule {
        Rule::Ymd
        | Rule::YmPart
        | Rule::YmRange
        | Rule::Ym
        | Rule::YearPart
        | Rule::YearPoint
        | Rule::Year
        | Rule::YearRange
        | Rule::BareYear
        | Rule::Decade
        | Rule::Numeric
        | Rule::DayOnly => calendar::build(rule, c, prev, after, ctx),
        Rule::Plan | Rule::Season | Rule::SeasonShort | Rule::Holiday => names::build(rule, c, ctx),
        Rule::Now | Rule::RelDay | Rule::RelMonth => relative::build(rule, c, prev, ctx),
    }
}

/// A core of `len` bytes spanning the whole `frame`, anchored at `year` (and `month`) for the
/// second half of a range; builders override the shape, name or plan flag where theirs differ.
fn span_core(
    len: usize,
    frame: Period,
    granularity: Granularity,
    (year, source): (i32, YearSource),
    month: Option<u32>,
) -> Core {
    Core {
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
    }
}

/// Characters after which a clause starts.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",，。;；:：、!！?？()（）[]【】“”\"'《》".contains(c)
}

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

#[cfg(test)]
mod tests {
    use super::numbers::small_num;
    use super::year::parse_year;
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
