//! Horizons (`五年内`, `通过五年努力`) and look-backs (`近三年来`): counts of years from the
//! publication date, not anchored to the calendar like the cores.

use regex::Regex;
use std::sync::LazyLock;

use super::boundary_ok;
use super::numbers::small_num;
use crate::start_chars::StartChars;

/// A horizon or look-back window found at the start of `rest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::time) enum Window {
    /// `五年内`, `通过五年努力`, `未来五年`: `years` from the publication date forward.
    Ahead { years: u32 },
    /// `近三年`, `近三年来`: the last `years` calendar years, publication year included.
    Back { years: u32 },
}

/// `五年内`, `通过五年努力`, `未来五年`.
pub(super) static HORIZON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:力争)?(?P<hv>通过|经过|用|未来|今后)?(?P<n>\d{1,2}|[一二三四五六七八九两十]{1,2})年(?P<hs>以内|之内|内|努力|奋斗|时间)?").ok()
});
/// `近三年`, `近三年来`.
pub(super) static LOOKBACK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^近(?P<n>\d{1,2}|[一二三四五六七八九两十]{1,2})年(?:来|以来)?").ok()
});

/// The characters a horizon or a look-back can start with.
static WINDOW_STARTS: LazyLock<StartChars> = LazyLock::new(|| {
    StartChars::of(
        [&*HORIZON, &*LOOKBACK]
            .into_iter()
            .map(|re| re.as_ref().map_or("", Regex::as_str)),
    )
});

/// A horizon (`五年内`) or a look-back (`近三年来`) at byte `pos`, with its length in bytes.
///
/// A horizon needs a verb (`通过/经过/用 N年 努力/奋斗/时间`), `未来/今后`, or `内`; `N年内`
/// is capped at ten years because `25年内培外引` (a 25-year retrospective) is not a horizon.
pub(in crate::time) fn window_at(text: &str, pos: usize) -> Option<(usize, Window)> {
    let rest = text.get(pos..)?;
    if !WINDOW_STARTS.may_start(rest.chars().next()?) {
        return None;
    }
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
