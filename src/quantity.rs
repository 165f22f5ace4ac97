//! Quantities: numbers, units, qualifiers and their rounding intervals.
//!
//! Input is *normalized* text (see [`crate::normalize`]): ASCII digits and punctuation, no
//! layout whitespace, Simplified characters. [`find_all`] returns every quantity left to right;
//! [`parse_at`] reads the one starting at a given byte. Neither panics, whatever the input.
//!
//! # The model
//!
//! A [`Quantity`] is what the text *asserts* about some true figure:
//!
//! - **value** — the number as printed, in the printed unit: `47亿元` → 47 (unit `亿元`).
//!   Always an exact [`Decimal`], never a float: `16.4亿` is exactly 16.4.
//! - **unit** — printed form, scale word and unit word kept apart (`2.5万吨` → scale `万`,
//!   word `吨`, printed `万吨`), the base unit and the exact factor to it (10000 × 1000 →
//!   `公斤`), and a [`Dimension`]. `base_value` is value × factor.
//! - **interval** — `low` / `high`, in the printed unit, each an inclusive or exclusive
//!   [`Bound`] or `None` (unbounded). This is the figure's possible range given the text.
//! - **qualifier** and **comparator** — the printed qualifier words (`余`, `达到…以上`) and the
//!   relation they state (`=`, `>=`, `<=`, `>`, `<`, `rank<=`).
//!
//! # Rounding: how a printed value becomes an interval
//!
//! - A measured or reported figure covers its rounding interval, half a unit of its last
//!   printed digit either side, low inclusive and high exclusive: `47亿元` → `[46.5, 47.5)`,
//!   `70.1%` → `[70.05, 70.15)`, `1,200` → `[1199.5, 1200.5)`. Trailing zeros of Arabic numerals
//!   count as printed digits: we cannot tell `1200` rounded to hundreds from an exact 1200,
//!   and reading every printed digit is the only rule a reader can check.
//! - Chinese numerals print no trailing zeros, so their last printed digit *is* their last
//!   non-zero one: `一百二十亿元` → `[115, 125)`亿元, `百分之四十` → `[35, 45)`%, `三成` →
//!   `[2.5, 3.5)`成. A decimal Chinese numeral (`零点五`) rounds at its last decimal.
//! - **Exact** figures are points, `[v, v]`: counts of discrete things with no scale word
//!   (`25个`, `两千人`: a count is counted, not rounded) and ranks (`第14名`). A count with a
//!   scale word is rounded (`210万人` → `[209.5, 210.5)`万人).
//!
//! # Qualifiers
//!
//! - `余` / `多` (more than, below the next step of the last significant place): `1200余万元` →
//!   `[1200, 1300)`万元; `20余家` → `[20, 30)`; after a scale word the step is one of that scale:
//!   `5万余平方米` → `[5, 6)`万平方米.
//! - `近` / `将近` / `接近` (just under): `[0.9 v, v)` — within a tenth below, which covers how
//!   government texts round "nearly" (`近10万人` is 9万 to 10万 people).
//! - `约` / `大约` / `左右` (about): v ± max(half the last place, 5% of v), both inclusive. Half
//!   the last place alone would make `约900亿元` as sharp as `900亿元`; 5% is the usual
//!   tolerance of an "about" figure in plan documents and keeps small values sensible.
//! - `超` / `超过` / `逾` / `突破` / `高于` (`>`): `(v, ∞)`. `以上` / `不低于` / `达到` / `至少`
//!   (`>=`): `[v, ∞)`. `以内` / `以下` / `控制在` / `不超过` (`<=`): `(−∞, v]`. `低于` / `不到` /
//!   `不足` (`<`): `(−∞, v)`. Comparator bounds are the printed value itself, not widened by
//!   rounding: `增长14%以上` is ≥ 14. Chinese legal usage includes the figure in 以上/以下/以内.
//!   A prefix and a suffix combine, the suffix deciding: `达到4.5%以上` → `>=`, qualifier
//!   `达到…以上`; `控制在5.12‰以内` → `<=`.
//! - Ranges `3~5个`, `3至5个`, `3-5个`, `200万元至500万元`: `[a, b]`, both inclusive (a stated
//!   band, not a measurement); `value` is a, `value_to` is b, both in the printed unit of b.
//!
//! # Ranks and tiers
//!
//! `第130位`, `第14名`, `首位`, `位居全市第一`, `居四城区第二位`, `排名全市第二`, and `14名` after
//! a ranking verb (`位居全省14名`) are [`Dimension::Rank`]: value = position, exact. `前100名`
//! is `rank<=` with `[1, 100]`. Named tiers (`第一方阵`, `优秀梯队`, `前列`) are
//! [`Dimension::Tier`] with value = tier level (1 = the top tier named), never a position.
//! The ranking verb's scope (`全省`, `四城区`) is kept in [`Rank::scope`]. `第N` with none of
//! these around it is an ordinal (`第三方`, `第二届`, `第七届`) and no quantity.
//!
//! # What is not a quantity
//!
//! Dates, times and durations (`2013年`, `9月28日`, `1~8月份`, `6个月`; the time module reads
//! them), sessions and issues (`第二届`, `第十一期`), programme names (`十四五`, and any number
//! right after an opening quote: `“126”`, `“1015”战略`, `“三十工程”`), Latin-glued numbers
//! (`PM2.5`, `PM10`, `5G`), formulas and codes (`1+6`, `3/5`, `1.2.3`), fractions (`三分之一`:
//! not a finite decimal), colloquial numerals (`一万三`), malformed ones (`一百百`) and
//! anything overflowing a [`Decimal`]. An Arabic number too large for exact decimals (about
//! 7.9 × 10^28, or more than 20 integer digits when no quantity could be read) or printing more
//! than 27 decimals is an [`Unparsed`] marker with its reason, from
//! [`find_all_with_unparsed`]; nothing is read from inside it.
//!
//! **Bare numbers.** An Arabic number with no unit is returned with dimension `none` (a
//! phone number `8797000` too): it is a number, and the extractor only uses quantities with
//! units. A bare Chinese numeral with no unit, scale or qualifier is returned by [`parse_at`]
//! but not by [`find_all`]: Chinese numeral characters are everywhere in words (`一体化`,
//! `十二会村`, `三星`) and would flood the output with noise.

mod boundary;
mod measure;
pub(crate) mod numeral;
mod rank;
pub(crate) mod units;

use std::ops::Range;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::start_chars::StartChars;

/// One quantity found in normalized text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte range of the whole expression in the input text, qualifier words included;
    /// end-exclusive, on char boundaries. Serialized as `span` (a byte span, like every
    /// span in claimcheck) so it is not mistaken for a numeric range.
    #[serde(rename = "span")]
    pub range: Range<usize>,
    /// The matched text, `text[range]`.
    pub printed: String,
    /// The printed number in the printed unit (`47亿元` → 47); for a range, its lower end.
    pub value: Decimal,
    /// The upper end of a range (`3~5个` → 5), in the printed unit; `None` otherwise.
    pub value_to: Option<Decimal>,
    /// Lower bound of the interval, in the printed unit; `None` when unbounded.
    pub low: Option<Bound>,
    /// Upper bound of the interval, in the printed unit; `None` when unbounded.
    pub high: Option<Bound>,
    /// The unit, printed and normalized.
    pub unit: Unit,
    /// `value` in the base unit: value × `unit.factor`.
    pub base_value: Decimal,
    /// The printed qualifier words, joined by `…` when there are several (`达到…以上`).
    pub qualifier: Option<String>,
    /// The relation the text states between the true figure and `value`.
    pub comparator: Comparator,
    /// Position, tier and scope for ranks and tiers; `None` for other quantities.
    pub rank: Option<Rank>,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    /// The bound, in the printed unit.
    pub value: Decimal,
    /// Whether the bound itself belongs to the interval.
    pub inclusive: bool,
}

/// A unit as printed and as normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Scale and unit as printed together (`万吨`, `亿元`, `%`, `个百分点`); empty for a bare
    /// number. For `百分之四十` it is `百分之`.
    pub printed: String,
    /// The scale word (`万`, `亿`, `万亿`…), also when written inside a Chinese numeral
    /// (`一百二十亿` → `亿`).
    pub scale: Option<String>,
    /// The unit word as printed (`吨`, `GWH`, `个百分点`); `None` for a bare number.
    pub word: Option<String>,
    /// The base unit (`公斤` for 吨, `元` for 万元); empty for a bare number.
    pub base: String,
    /// Exact factor from the printed unit to the base unit (`万吨` → 10000000).
    pub factor: Decimal,
    /// What the unit measures.
    pub dimension: Dimension,
}

/// What a unit measures. Serialized in snake case (`percentage_point`, `ratio_times`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Currency amounts; the base unit names the currency (`元`, `美元`).
    Money,
    /// Counts of things; the base unit is the classifier (`家`, `个`, `人次`).
    Count,
    /// Percent (`%`, `百分之`, `成`).
    Percent,
    /// Per mille (`‰`, `千分之`; `‱` as a tenth of it).
    Permille,
    /// Percentage points (`百分点`, `个百分点`): differences of percentages.
    PercentagePoint,
    /// Multiples (`倍`).
    RatioTimes,
    /// Lengths (`米`, `公里`).
    Length,
    /// Areas (`平方米`, `公顷`, `亩`).
    Area,
    /// Volumes (`立方米`).
    Volume,
    /// Masses (`吨`, `公斤`).
    Mass,
    /// Energy (`GWh`, `千瓦时`).
    Energy,
    /// Power (`MW`, `千瓦`).
    Power,
    /// Lengths of time measured as an indicator (`11.3年` of schooling, `79岁` of life
    /// expectancy, `236天` of good air): read only after the words their unit lists, since a
    /// duration or an age elsewhere is no quantity (`连续14年`).
    Duration,
    /// Concentrations (`微克/立方米`).
    Concentration,
    /// A position in a ranking (`第14名`, `首位`).
    Rank,
    /// A named tier of a ranking (`第一方阵`, `前列`).
    Tier,
    /// A bare number, possibly with a scale word (`8797000`, `12万`).
    #[serde(rename = "none")]
    Dimensionless,
}

/// The relation between the true figure and the printed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// Equal within the interval (plain values, `余`, `近`, `约`, ranges).
    #[serde(rename = "=")]
    Eq,
    /// At least (`以上`, `不低于`, `达到`).
    #[serde(rename = ">=")]
    Ge,
    /// At most (`以内`, `以下`, `控制在`, `不超过`).
    #[serde(rename = "<=")]
    Le,
    /// More than (`超`, `超过`, `逾`, `突破`, `高于`).
    #[serde(rename = ">")]
    Gt,
    /// Less than (`低于`, `不到`, `不足`).
    #[serde(rename = "<")]
    Lt,
    /// Ranked at or above the position (`前100名`).
    #[serde(rename = "rank<=")]
    RankLe,
}

impl Comparator {
    /// The comparator as written in every output (`>=`, `rank<=`); the serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "=",
            Comparator::Ge => ">=",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
            Comparator::RankLe => "rank<=",
        }
    }

    /// The comparator of the negated value: `x >= v` is `-x <= -v`.
    pub const fn reversed(self) -> Self {
        match self {
            Comparator::Ge => Comparator::Le,
            Comparator::Le => Comparator::Ge,
            Comparator::Gt => Comparator::Lt,
            Comparator::Lt => Comparator::Gt,
            other => other,
        }
    }
}

/// Details of a rank or tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rank {
    /// The position (`第14名` → 14, `前100名` → 100); `None` for a named tier.
    pub position: Option<u32>,
    /// The named tier (`第一方阵`, `前列`); `None` for a position.
    pub tier: Option<String>,
    /// What the ranking is within, as printed after the ranking verb (`全省`, `四城区`).
    pub scope: Option<String>,
}

/// Every quantity in `text`, left to right, non-overlapping.
///
/// Bare Chinese numerals (no unit, scale or qualifier) are left out; see the module docs.
pub fn find_all(text: &str) -> Vec<Quantity> {
    find_all_with_unparsed(text).0
}

/// A number that could not be read as a quantity because exact decimals cannot hold it: it
/// is reported, never read as some other, wrong figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unparsed {
    /// Byte range of the digits in the text searched.
    pub range: Range<usize>,
    /// Why it was not read.
    pub reason: String,
}

/// [`find_all`], with the numbers left unread because of their size or precision
/// ([`Unparsed`]); no quantity starts inside one of them.
pub fn find_all_with_unparsed(text: &str) -> (Vec<Quantity>, Vec<Unparsed>) {
    let mut found = Vec::new();
    let mut unparsed = Vec::new();
    let mut pos = 0;
    // Most characters start nothing: skip straight to the next one that may start a quantity
    // (digits among them, which also start a number too large to read).
    while let Some((skipped, c)) = text
        .get(pos..)
        .and_then(|rest| rest.char_indices().find(|&(_, c)| could_start(c)))
    {
        pos += skipped;
        match parse_inner(text, pos) {
            Some((quantity, keep)) if quantity.range.end > pos => {
                pos = quantity.range.end;
                if keep {
                    found.push(quantity);
                }
            }
            _ => {
                let too_big = (c.is_ascii_digit() && boundary::can_start(text, pos))
                    .then(|| numeral::out_of_range(text, pos))
                    .flatten();
                match too_big {
                    Some((end, reason)) => {
                        unparsed.push(Unparsed {
                            range: pos..end,
                            reason: reason.to_owned(),
                        });
                        pos = end;
                    }
                    None => pos += c.len_utf8(),
                }
            }
        }
    }
    (found, unparsed)
}

/// Whether `text` starts with `word`. The first two bytes (in Chinese, most of the first
/// character) are compared in line before the rest: the qualifier, separator, scale and unit
/// tables are asked at every number, most positions start none of their words, and a `memcmp`
/// call for each word was a good part of reading a quantity.
pub(crate) fn starts_with_word(text: &str, word: &str) -> bool {
    fn lead(bytes: &[u8]) -> Option<[u8; 2]> {
        Some([*bytes.first()?, *bytes.get(1)?])
    }
    let (text, word) = (text.as_bytes(), word.as_bytes());
    if let (Some(a), Some(b)) = (lead(text), lead(word))
        && a != b
    {
        return false;
    }
    text.starts_with(word)
}

/// The quantity starting exactly at byte `pos` of `text` (a qualifier such as `超`, `近`, `约`
/// may start it), or `None` when there is none or `pos` is not on a char boundary.
pub fn parse_at(text: &str, pos: usize) -> Option<Quantity> {
    parse_inner(text, pos).map(|(quantity, _)| quantity)
}

/// Characters a quantity can start with: a cheap filter before trying to parse, asked at
/// every character of a text, so tabled once.
fn could_start(c: char) -> bool {
    static TABLE: LazyLock<StartChars> = LazyLock::new(|| StartChars::from_test(starts_quantity));
    TABLE.may_start(c)
}

/// Whether a quantity can start with `c` (see [`could_start`]).
fn starts_quantity(c: char) -> bool {
    c.is_ascii_digit()
        || numeral::starts_chinese(c)
        || matches!(
            c,
            '-' | '−' | '负' | '第' | '前' | '首' | '百' | '千' | '万' | '优'
        )
        || measure::starts_a_prefix(c)
}

/// Parses at `pos`; the flag says whether [`find_all`] keeps the result.
fn parse_inner(text: &str, pos: usize) -> Option<(Quantity, bool)> {
    let rest = text.get(pos..)?;
    if rest.is_empty() {
        return None;
    }
    if let Some(quantity) = rank::parse(text, pos) {
        return Some((quantity, true));
    }
    measure::measure(text, pos)
}

#[cfg(test)]
mod tests {
    use super::starts_with_word;

    #[test]
    fn a_word_is_a_prefix_exactly_when_str_starts_with_says_so() {
        let texts = [
            "超过100亿元",
            "超100",
            "约",
            "",
            "1",
            "12%",
            "至5",
            "~3",
            "左右。",
        ];
        let words = [
            "超过",
            "超",
            "约",
            "",
            "1",
            "12",
            "至",
            "~",
            "左右",
            "以上",
            "超过100亿元多",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    starts_with_word(text, word),
                    text.starts_with(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }
}
