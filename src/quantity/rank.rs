//! Ranks and tiers: `第14名`, `首位`, `位居全市第一`, `前100名`, `第一方阵`, `前列`.
//!
//! A position needs evidence that it is a ranking and not a list ordinal: a rank word after it
//! (`位`, `名`), a ranking verb before it in the same clause (`居`, `排名`, `位列`, `跃升至`,
//! `进入`…), or a ranking scope right before `第` at the end of a clause (`城区组第一,`).
//! Otherwise `第N` is an ordinal (`第三方`, `第一动力`) and yields nothing.

use std::ops::Range;

use rust_decimal::Decimal;

use super::numeral;
use super::units::table;
use super::{Bound, Comparator, Dimension, Quantity, Rank, Unit};

/// Verbs that introduce a ranking, longest first where one ends another.
const VERBS: &[&str] = &[
    "跃升至",
    "跃升到",
    "排名",
    "排在",
    "位列",
    "名列",
    "升至",
    "进入",
    "迈入",
    "居",
];

/// Last characters of a scope word that can stand right before `第` without a verb
/// (`城区组第一`, `全市第一`, `全球第一`).
const SCOPE_ENDS: &[char] = &['组', '市', '省', '国', '区', '县', '球', '内', '界', '业'];

/// How far back a ranking verb is looked for, in characters.
const WINDOW: usize = 12;

/// A rank or tier starting at `pos`.
pub(super) fn parse(text: &str, pos: usize) -> Option<Quantity> {
    let rest = text.get(pos..)?;
    if let Some(tier) = table().tier_at(rest) {
        let level = Decimal::from(tier.level);
        let end = pos + tier.word.len();
        let unit = Unit {
            printed: tier.word.clone(),
            scale: None,
            word: Some(tier.word.clone()),
            base: "梯队".to_owned(),
            factor: Decimal::ONE,
            dimension: Dimension::Tier,
        };
        let rank = Rank {
            position: None,
            tier: Some(tier.word.clone()),
            scope: context(text, pos),
        };
        return Some(build(
            text,
            pos..end,
            level,
            Some((level, level)),
            unit,
            Comparator::Eq,
            rank,
        ));
    }
    if rest.starts_with("首位") {
        return Some(position(
            text,
            pos..pos + "首位".len(),
            1,
            Some("首位"),
            context(text, pos),
            Comparator::Eq,
        ));
    }
    let (lead, comparator) = if rest.starts_with('第') {
        ('第', Comparator::Eq)
    } else if rest.starts_with('前') {
        ('前', Comparator::RankLe)
    } else {
        return None;
    };
    let at = pos + lead.len_utf8();
    let n = numeral::arabic(text, at).or_else(|| numeral::chinese(text, at))?;
    if n.section.is_some() || !n.value.is_integer() {
        return None;
    }
    let value = u32::try_from(n.value.normalize().mantissa())
        .ok()
        .filter(|&v| v > 0)?;
    let after = &text[n.end..];
    let scope = context(text, pos);
    let word = ["名", "位", "强"]
        .into_iter()
        .find(|w| after.starts_with(w));
    if let Some(w) = word {
        // `第一位` but not `第一批`; `强` only ranks after 前 (`前10强`).
        if w == "强" && lead == '第' {
            return None;
        }
        let end = n.end + w.len();
        return Some(position(text, pos..end, value, Some(w), scope, comparator));
    }
    if table().stop_at(after).is_some() || !clause_ends(after) {
        return None; // `第二届`, `前三季度`, `第三方`
    }
    let scoped = text[..pos]
        .chars()
        .next_back()
        .is_some_and(|c| SCOPE_ENDS.contains(&c));
    if scope.is_some() || (lead == '第' && scoped) {
        return Some(position(text, pos..n.end, value, None, scope, comparator));
    }
    None
}

/// A ranking position quantity over `range`.
pub(super) fn position(
    text: &str,
    range: Range<usize>,
    position: u32,
    word: Option<&str>,
    scope: Option<String>,
    comparator: Comparator,
) -> Quantity {
    let value = Decimal::from(position);
    // A bare position (`居全市第一`) and `首位` are counted in places (`名`, `位`) all the same.
    let printed = match word {
        None => "名",
        Some("首位") => "位",
        Some(w) => w,
    };
    let unit = Unit {
        printed: printed.to_owned(),
        scale: None,
        word: word.map(str::to_owned),
        base: "名次".to_owned(),
        factor: Decimal::ONE,
        dimension: Dimension::Rank,
    };
    // `前100名` is any position from 1 to 100; a stated position is exact.
    let low = if comparator == Comparator::RankLe {
        Decimal::ONE
    } else {
        value
    };
    let rank = Rank {
        position: Some(position),
        tier: None,
        scope,
    };
    build(
        text,
        range,
        value,
        Some((low, value)),
        unit,
        comparator,
        rank,
    )
}

fn build(
    text: &str,
    range: Range<usize>,
    value: Decimal,
    bounds: Option<(Decimal, Decimal)>,
    unit: Unit,
    comparator: Comparator,
    rank: Rank,
) -> Quantity {
    let printed = text.get(range.clone()).unwrap_or_default().to_owned();
    let qualifier = (comparator == Comparator::RankLe).then(|| "前".to_owned());
    Quantity {
        range,
        printed,
        value,
        value_to: None,
        low: bounds.map(|(low, _)| Bound {
            value: low,
            inclusive: true,
        }),
        high: bounds.map(|(_, high)| Bound {
            value: high,
            inclusive: true,
        }),
        base_value: value,
        unit,
        qualifier,
        comparator,
        rank: Some(rank),
    }
}

/// Whether the text after a rank ends the clause (`第一,` `第一` at the end, `第一的`).
fn clause_ends(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| is_clause_punct(c) || matches!(c, '的' | '”' | '"' | '’'))
}

/// Punctuation that ends a clause (normalized ASCII and the full-width forms alike). Quotes
/// do not: `进入“第一方阵”` is one clause.
fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '、'
            | '，'
            | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '('
            | ')'
            | '（'
            | '）'
            | '\n'
            | '…'
            | ' '
    )
}

/// The ranking scope when a ranking verb precedes `start` in the same clause: the text between
/// the verb and `start` (`位居全省14名` → `全省`; `居全市第一` → `全市`). `Some("")` when the
/// verb is right before; `None` when there is no verb within the window.
pub(super) fn context(text: &str, start: usize) -> Option<String> {
    let before = text.get(..start)?;
    let mut j = start;
    let mut chars = before.char_indices().rev();
    for _ in 0..=WINDOW {
        if VERBS.iter().any(|v| before[..j].ends_with(v)) {
            // Quotes around a tier (`进入“第一方阵”`) are not part of the scope.
            let scope = before[j..].trim_matches(|c| matches!(c, '“' | '”' | '"' | '‘' | '’'));
            return Some(scope.to_owned());
        }
        let (i, c) = chars.next()?;
        if is_clause_punct(c) {
            return None;
        }
        j = i;
    }
    None
}
