//! A compact binary encoding of claims, for the temporary files of `check` on a corpus too
//! large to hold (see [`super::spill`] and [`crate::finding::runs`]).
//!
//! Numbers are LEB128 varints, strings their length and UTF-8 bytes, decimals the 16 bytes of
//! [`Decimal::serialize`] (which keep the printed scale: `162.30` comes back as `162.30`), dates
//! their day number. The words that repeat across claims (entity, metric, units, rule…) go
//! through a [`Words`] strategy: written out, or interned once in a table kept in memory. The
//! id is not written when it is [`claim_id`] of the document and span, as it is for every
//! extracted claim. [`decode`] gives back the claim [`encode`] was given, field for field.
//!
//! These files live only as long as the run that wrote them, so the format has no version.

use rustc_hash::FxHashMap as HashMap;
use std::io;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{Claim, ClaimKind, Comparator, DateRange, Measure, claim_id};
use crate::span::Span;

/// Bytes being encoded.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// Appends `n` as a LEB128 varint.
    pub fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    /// Appends a `usize` (offsets, counts).
    pub fn size(&mut self, n: usize) {
        self.number(n as u64);
    }

    /// Appends `s`: its length, then its bytes.
    pub fn text(&mut self, s: &str) {
        self.size(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends one byte.
    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    fn date(&mut self, date: NaiveDate) {
        // Day numbers of the common era are positive for every date a document carries; a
        // zigzag keeps the rare others exact.
        let days = i64::from(date.num_days_from_ce());
        self.number(((days << 1) ^ (days >> 63)) as u64);
    }

    fn decimal(&mut self, value: Decimal) {
        self.bytes.extend_from_slice(&value.serialize());
    }
}

/// Bytes being decoded; every read fails cleanly on bytes that [`Writer`] did not write.
#[derive(Debug)]
pub struct Reader<'b> {
    bytes: &'b [u8],
}

impl<'b> Reader<'b> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'b [u8]) -> Self {
        Reader { bytes }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The number of bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len()
    }

    /// The next `len` bytes, skipped.
    pub fn skip(&mut self, len: usize) -> io::Result<&'b [u8]> {
        self.take(len)
    }

    /// Reads a varint.
    pub fn number(&mut self) -> io::Result<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(corrupt())
    }

    /// Reads a `usize`.
    pub fn size(&mut self) -> io::Result<usize> {
        usize::try_from(self.number()?).map_err(|_| corrupt())
    }

    /// Reads a string.
    pub fn text(&mut self) -> io::Result<String> {
        let len = self.size()?;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt())
    }

    /// Reads one byte.
    pub fn byte(&mut self) -> io::Result<u8> {
        let (&first, rest) = self.bytes.split_first().ok_or_else(corrupt)?;
        self.bytes = rest;
        Ok(first)
    }

    fn take(&mut self, len: usize) -> io::Result<&'b [u8]> {
        if len > self.bytes.len() {
            return Err(corrupt());
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn date(&mut self) -> io::Result<NaiveDate> {
        let zigzag = self.number()?;
        let days = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
        i32::try_from(days)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or_else(corrupt)
    }

    fn decimal(&mut self) -> io::Result<Decimal> {
        let bytes: [u8; 16] = self.take(16)?.try_into().map_err(|_| corrupt())?;
        Ok(Decimal::deserialize(bytes))
    }
}

/// The error of bytes that do not decode: a temporary file changed under the run.
pub fn corrupt() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "a temporary file of this run is damaged",
    )
}

/// How the repeated words of a claim are written and read back.
pub trait Words {
    /// Writes `word`.
    fn put(&mut self, word: &str, out: &mut Writer);
    /// Reads back a word that [`Words::put`] wrote.
    fn get(&self, input: &mut Reader) -> io::Result<String>;
}

/// Words written out in full: the record stands alone.
#[derive(Debug, Default)]
pub struct Inline;

impl Words for Inline {
    fn put(&mut self, word: &str, out: &mut Writer) {
        out.text(word);
    }

    fn get(&self, input: &mut Reader) -> io::Result<String> {
        input.text()
    }
}

/// Words interned once each, written as their number in the table.
#[derive(Debug, Default)]
pub struct Interned {
    all: Vec<Box<str>>,
    numbers: HashMap<Box<str>, u64>,
}

impl Interned {
    /// The number of `word`, interned now if it is new.
    pub fn number(&mut self, word: &str) -> u64 {
        match self.numbers.get(word) {
            Some(&n) => n,
            None => {
                let n = self.all.len() as u64;
                self.all.push(word.into());
                self.numbers.insert(word.into(), n);
                n
            }
        }
    }

    /// The word numbered `number`.
    pub fn word(&self, number: u64) -> io::Result<&str> {
        usize::try_from(number)
            .ok()
            .and_then(|n| self.all.get(n))
            .map(|word| &**word)
            .ok_or_else(corrupt)
    }
}

impl Words for Interned {
    fn put(&mut self, word: &str, out: &mut Writer) {
        let number = self.number(word);
        out.number(number);
    }

    fn get(&self, input: &mut Reader) -> io::Result<String> {
        self.word(input.number()?).map(str::to_owned)
    }
}

/// Which optional fields a record carries, one bit each.
mod present {
    pub const ID: u8 = 1;
    pub const QUALIFIER: u8 = 1 << 1;
    pub const PERIOD: u8 = 1 << 2;
    pub const DEADLINE: u8 = 1 << 3;
    pub const ESTIMATE: u8 = 1 << 4;
}

/// Appends `claim` to `out`, its repeated words as `words` writes them.
pub fn encode(claim: &Claim, words: &mut impl Words, out: &mut Writer) {
    let own_id = claim.id != claim_id(&claim.doc, claim.span);
    let flags = [
        (own_id, present::ID),
        (claim.qualifier.is_some(), present::QUALIFIER),
        (claim.period.is_some(), present::PERIOD),
        (claim.deadline.is_some(), present::DEADLINE),
        (claim.estimate, present::ESTIMATE),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |flags, (_, bit)| flags | bit);
    out.byte(flags);
    out.text(&claim.doc);
    if own_id {
        out.text(&claim.id);
    }
    out.size(claim.span.start);
    out.size(claim.span.end);
    out.size(claim.line);
    out.size(claim.column);
    out.size(claim.sentence);
    out.text(&claim.text);
    out.byte(kind_number(claim.kind));
    out.byte(measure_number(claim.measure));
    out.byte(comparator_number(claim.comparator));
    for word in [
        &claim.entity,
        &claim.metric,
        &claim.metric_name,
        &claim.unit,
        &claim.base_unit,
        &claim.rule,
    ] {
        words.put(word, out);
    }
    if let Some(qualifier) = &claim.qualifier {
        words.put(qualifier, out);
    }
    let decimals = [
        claim.value,
        claim.low,
        claim.high,
        claim.value_to,
        claim.base_value,
    ];
    let mask = decimals
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_some())
        .fold(0u8, |mask, (i, _)| mask | 1 << i);
    out.byte(mask);
    for value in decimals.into_iter().flatten() {
        out.decimal(value);
    }
    if let Some(period) = claim.period {
        out.date(period.start);
        out.date(period.end);
    }
    if let Some(deadline) = claim.deadline {
        out.date(deadline);
    }
    out.date(claim.published);
}

/// Reads back a claim that [`encode`] wrote with the same `words`.
pub fn decode(words: &impl Words, input: &mut Reader) -> io::Result<Claim> {
    let flags = input.byte()?;
    let has = |bit: u8| flags & bit != 0;
    let doc = input.text()?;
    let own_id = if has(present::ID) {
        Some(input.text()?)
    } else {
        None
    };
    let span = Span::new(input.size()?, input.size()?);
    let line = input.size()?;
    let column = input.size()?;
    let sentence = input.size()?;
    let text = input.text()?;
    let kind = kind_of(input.byte()?)?;
    let measure = measure_of(input.byte()?)?;
    let comparator = comparator_of(input.byte()?)?;
    let entity = words.get(input)?;
    let metric = words.get(input)?;
    let metric_name = words.get(input)?;
    let unit = words.get(input)?;
    let base_unit = words.get(input)?;
    let rule = words.get(input)?;
    let qualifier = if has(present::QUALIFIER) {
        Some(words.get(input)?)
    } else {
        None
    };
    let mask = input.byte()?;
    let mut decimals = [None; 5];
    for (i, slot) in decimals.iter_mut().enumerate() {
        if mask & (1 << i) != 0 {
            *slot = Some(input.decimal()?);
        }
    }
    let [value, low, high, value_to, base_value] = decimals;
    let period = if has(present::PERIOD) {
        Some(DateRange {
            start: input.date()?,
            end: input.date()?,
        })
    } else {
        None
    };
    let deadline = if has(present::DEADLINE) {
        Some(input.date()?)
    } else {
        None
    };
    let published = input.date()?;
    Ok(Claim {
        id: own_id.unwrap_or_else(|| claim_id(&doc, span)),
        doc,
        span,
        line,
        column,
        text,
        kind,
        entity,
        metric,
        measure,
        metric_name,
        value,
        unit,
        low,
        high,
        value_to,
        base_value,
        base_unit,
        qualifier,
        comparator,
        estimate: has(present::ESTIMATE),
        period,
        deadline,
        rule,
        published,
        sentence,
    })
}

fn kind_number(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Target => 0,
        ClaimKind::Outcome => 1,
        ClaimKind::Progress => 2,
    }
}

fn kind_of(n: u8) -> io::Result<ClaimKind> {
    Ok(match n {
        0 => ClaimKind::Target,
        1 => ClaimKind::Outcome,
        2 => ClaimKind::Progress,
        _ => return Err(corrupt()),
    })
}

fn measure_number(measure: Measure) -> u8 {
    match measure {
        Measure::Level => 0,
        Measure::Amount => 1,
        Measure::Count => 2,
        Measure::Growth => 3,
        Measure::Share => 4,
        Measure::Rate => 5,
        Measure::Rank => 6,
        Measure::Progress => 7,
        Measure::Event => 8,
    }
}

fn measure_of(n: u8) -> io::Result<Measure> {
    Ok(match n {
        0 => Measure::Level,
        1 => Measure::Amount,
        2 => Measure::Count,
        3 => Measure::Growth,
        4 => Measure::Share,
        5 => Measure::Rate,
        6 => Measure::Rank,
        7 => Measure::Progress,
        8 => Measure::Event,
        _ => return Err(corrupt()),
    })
}

fn comparator_number(comparator: Comparator) -> u8 {
    match comparator {
        Comparator::Eq => 0,
        Comparator::Ge => 1,
        Comparator::Le => 2,
        Comparator::Gt => 3,
        Comparator::Lt => 4,
        Comparator::RankLe => 5,
    }
}

fn comparator_of(n: u8) -> io::Result<Comparator> {
    Ok(match n {
        0 => Comparator::Eq,
        1 => Comparator::Ge,
        2 => Comparator::Le,
        3 => Comparator::Gt,
        4 => Comparator::Lt,
        5 => Comparator::RankLe,
        _ => return Err(corrupt()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(doc: &str, start: usize, text: &str) -> Claim {
        let mut c = crate::claim::sample_gdp_claim(doc, start, text);
        c.line = 3;
        c.column = 17;
        c.sentence = 4;
        c
    }

    fn round_trip(claims: &[Claim], words: &mut impl Words) {
        let mut out = Writer::default();
        for c in claims {
            encode(c, words, &mut out);
        }
        let mut input = Reader::new(&out.bytes);
        for c in claims {
            assert_eq!(&decode(words, &mut input).unwrap(), c);
        }
        assert!(input.is_empty());
    }

    #[test]
    fn claims_come_back_field_for_field_with_words_inline_or_interned() {
        let plain = claim("corpus/a.txt", 40, "地区生产总值完成162.3亿元");
        // Equal decimals printed differently, a qualifier, a range, an estimate, dates, a
        // milestone with no number, an id from elsewhere (a shard).
        let mut target = claim("corpus/b.txt", 1 << 40, "地区生产总值达到162.30亿元以上");
        target.value = Some(Decimal::new(16230, 2));
        target.value_to = Some(Decimal::new(-170, 0));
        target.qualifier = Some("达到…以上".to_owned());
        target.comparator = Comparator::Ge;
        target.kind = ClaimKind::Target;
        target.measure = Measure::Amount;
        target.estimate = true;
        target.period = Some(DateRange {
            start: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        });
        target.deadline = NaiveDate::from_ymd_opt(2025, 12, 31);
        target.id = "c-from-a-shard".to_owned();
        let mut milestone = claim("corpus/c.txt", 0, "10月份开工");
        milestone.value = None;
        milestone.low = None;
        milestone.high = None;
        milestone.base_value = None;
        milestone.measure = Measure::Event;
        milestone.published = NaiveDate::from_ymd_opt(-20, 2, 29).unwrap();
        let claims = [plain, target, milestone];
        round_trip(&claims, &mut Inline);
        round_trip(&claims, &mut Interned::default());
        let mut out = Writer::default();
        encode(&claims[1], &mut Inline, &mut out);
        assert_eq!(
            decode(&Inline, &mut Reader::new(&out.bytes))
                .unwrap()
                .value
                .unwrap()
                .to_string(),
            "162.30"
        );
    }

    #[test]
    fn cut_or_damaged_bytes_are_an_error_not_a_panic() {
        let mut out = Writer::default();
        encode(
            &claim("corpus/a.txt", 40, "完成162.3亿元"),
            &mut Inline,
            &mut out,
        );
        for len in 0..out.bytes.len() {
            assert!(decode(&Inline, &mut Reader::new(&out.bytes[..len])).is_err());
        }
        let mut damaged = out.bytes.clone();
        damaged[0] = 0xff;
        damaged[1] = 0xff;
        assert!(decode(&Inline, &mut Reader::new(&damaged)).is_err());
    }
}
