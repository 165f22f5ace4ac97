//! The scanner: cores found by the grammar, framed by their prefixes (`到`, `自`) and suffixes
//! (`以来`, `前`), joined into ranges (`A至B`), resolved to deadlines, open starts or instants,
//! and horizons merged into the deadline that follows them.

use chrono::{Datelike, NaiveDate};
use regex::{Regex, RegexSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::start_chars::StartChars;

use super::grammar::{self, Anchor, Core, Ctx, SEP, Shape, Window};
use super::{Granularity, Period, Reference, TimeExpr, TimeKind, YearSource};

/// Every time expression in `text`, left to right, non-overlapping, longest match first.
///
/// `text` must be normalized (see the module doc); any string is accepted without panicking.
pub fn find_all(text: &str, reference: &Reference) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut pos = 0;
    // Most characters start nothing: skip straight to the next one that may.
    while let Some((skipped, c)) = text
        .get(pos..)
        .and_then(|rest| rest.char_indices().find(|&(_, c)| START_CHARS.may_start(c)))
    {
        pos += skipped;
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
            _ => pos += c.len_utf8(),
        }
    }
    merge_horizons(text, out, reference)
}

/// Every pattern an expression can start with: the cores, horizons and look-backs of the
/// grammar and the prefixes.
fn start_patterns() -> Vec<String> {
    let mut patterns = grammar::start_patterns();
    patterns.extend(PREFIX.as_ref().map(|re| re.as_str().to_string()));
    patterns
}

/// The characters an expression can start with: most characters of a text are none of them,
/// and this look-up is far cheaper than the set of patterns in [`may_start`].
static START_CHARS: LazyLock<StartChars> =
    LazyLock::new(|| StartChars::of(start_patterns().iter().map(String::as_str)));

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
    static PREFIX_STARTS: LazyLock<StartChars> =
        LazyLock::new(|| StartChars::of(PREFIX.as_ref().map(Regex::as_str)));
    let rest = text.get(pos..)?;
    if !PREFIX_STARTS.may_start(rest.chars().next()?) {
        return None;
    }
    let m = PREFIX.as_ref()?.find(rest)?;
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
    static STARTS: LazyLock<Option<RegexSet>> =
        LazyLock::new(|| RegexSet::new(start_patterns()).ok());
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
