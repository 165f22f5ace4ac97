//! A compact store of a whole corpus's claims, for `check`: reconciliation needs every claim
//! at once, and a [`Claim`] with its ten strings takes about a kilobyte.
//!
//! A [`ClaimStore`] keeps each claim as a [`Packed`] record of about 130 bytes: the words that
//! repeat across claims (document, entity, metric, its printed name, units, rule, qualifier)
//! and the decimals (values and bounds) are interned once in tables and referred to by
//! number; the id is not kept, since it is [`claim_id`] of the document and span (an id made
//! otherwise, as a shard may carry, is kept aside). [`ClaimStore::claim`] gives back the
//! claim exactly as it was pushed, field for field.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Claim, ClaimKind, Comparator, DateRange, Measure, claim_id};
use crate::span::Span;

/// The number of a string in [`Strings`].
type StringId = u32;
/// The number of a decimal in [`Decimals`]; [`NO_DECIMAL`] for none.
type DecimalId = u32;
/// A missing decimal (`None`).
const NO_DECIMAL: DecimalId = DecimalId::MAX;
/// A missing qualifier (`None`).
const NO_STRING: StringId = StringId::MAX;

/// Strings interned once each.
#[derive(Debug, Default)]
struct Strings {
    all: Vec<Box<str>>,
    numbers: HashMap<Box<str>, StringId>,
}

impl Strings {
    fn intern(&mut self, s: &str) -> StringId {
        if let Some(&id) = self.numbers.get(s) {
            return id;
        }
        let id = StringId::try_from(self.all.len()).expect("fewer than 2^32 distinct words");
        self.all.push(s.into());
        self.numbers.insert(s.into(), id);
        id
    }

    fn get(&self, id: StringId) -> &str {
        &self.all[id as usize]
    }
}

/// Decimals interned by their exact representation: `1.0` and `1.00` are equal numbers but
/// print differently, and a claim must come back as printed.
#[derive(Debug, Default)]
struct Decimals {
    all: Vec<Decimal>,
    numbers: HashMap<[u8; 16], DecimalId>,
}

impl Decimals {
    fn intern(&mut self, value: Option<Decimal>) -> DecimalId {
        let Some(value) = value else {
            return NO_DECIMAL;
        };
        let key = value.serialize();
        if let Some(&id) = self.numbers.get(&key) {
            return id;
        }
        let id = DecimalId::try_from(self.all.len())
            .ok()
            .filter(|&id| id != NO_DECIMAL)
            .expect("fewer than 2^32 - 1 distinct decimals");
        self.all.push(value);
        self.numbers.insert(key, id);
        id
    }

    fn get(&self, id: DecimalId) -> Option<Decimal> {
        (id != NO_DECIMAL).then(|| self.all[id as usize])
    }
}

/// One claim, its repeated words and decimals by number.
#[derive(Debug)]
struct Packed {
    span: Span,
    line: usize,
    column: usize,
    sentence: usize,
    text: Box<str>,
    doc: StringId,
    entity: StringId,
    metric: StringId,
    metric_name: StringId,
    unit: StringId,
    base_unit: StringId,
    rule: StringId,
    qualifier: StringId,
    value: DecimalId,
    low: DecimalId,
    high: DecimalId,
    value_to: DecimalId,
    base_value: DecimalId,
    period: Option<DateRange>,
    deadline: Option<NaiveDate>,
    published: NaiveDate,
    kind: ClaimKind,
    measure: Measure,
    comparator: Comparator,
    estimate: bool,
}

/// The claims of a corpus, compactly; see the module documentation.
#[derive(Debug, Default)]
pub struct ClaimStore {
    strings: Strings,
    decimals: Decimals,
    claims: Vec<Packed>,
    /// Ids that are not [`claim_id`] of their claim's document and span, by claim number.
    other_ids: HashMap<usize, String>,
}

impl ClaimStore {
    /// An empty store.
    pub fn new() -> Self {
        ClaimStore::default()
    }

    /// The number of claims stored.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// Whether no claim is stored.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// Stores `claim`; its number is the number of claims stored before it.
    pub fn push(&mut self, claim: Claim) {
        if claim.id != claim_id(&claim.doc, claim.span) {
            self.other_ids.insert(self.claims.len(), claim.id);
        }
        let qualifier = match &claim.qualifier {
            Some(q) => self.strings.intern(q),
            None => NO_STRING,
        };
        let packed = Packed {
            span: claim.span,
            line: claim.line,
            column: claim.column,
            sentence: claim.sentence,
            text: claim.text.into_boxed_str(),
            doc: self.strings.intern(&claim.doc),
            entity: self.strings.intern(&claim.entity),
            metric: self.strings.intern(&claim.metric),
            metric_name: self.strings.intern(&claim.metric_name),
            unit: self.strings.intern(&claim.unit),
            base_unit: self.strings.intern(&claim.base_unit),
            rule: self.strings.intern(&claim.rule),
            qualifier,
            value: self.decimals.intern(claim.value),
            low: self.decimals.intern(claim.low),
            high: self.decimals.intern(claim.high),
            value_to: self.decimals.intern(claim.value_to),
            base_value: self.decimals.intern(claim.base_value),
            period: claim.period,
            deadline: claim.deadline,
            published: claim.published,
            kind: claim.kind,
            measure: claim.measure,
            comparator: claim.comparator,
            estimate: claim.estimate,
        };
        self.claims.push(packed);
    }

    /// Claim number `i`, as it was pushed.
    ///
    /// # Panics
    /// When `i` is not below [`ClaimStore::len`].
    pub fn claim(&self, i: usize) -> Claim {
        let p = &self.claims[i];
        let doc = self.strings.get(p.doc);
        let text = |id| self.strings.get(id).to_owned();
        Claim {
            id: self
                .other_ids
                .get(&i)
                .cloned()
                .unwrap_or_else(|| claim_id(doc, p.span)),
            doc: doc.to_owned(),
            span: p.span,
            line: p.line,
            column: p.column,
            text: p.text.to_string(),
            kind: p.kind,
            entity: text(p.entity),
            metric: text(p.metric),
            measure: p.measure,
            metric_name: text(p.metric_name),
            value: self.decimals.get(p.value),
            unit: text(p.unit),
            low: self.decimals.get(p.low),
            high: self.decimals.get(p.high),
            value_to: self.decimals.get(p.value_to),
            base_value: self.decimals.get(p.base_value),
            base_unit: text(p.base_unit),
            qualifier: (p.qualifier != NO_STRING).then(|| text(p.qualifier)),
            comparator: p.comparator,
            estimate: p.estimate,
            period: p.period,
            deadline: p.deadline,
            rule: text(p.rule),
            published: p.published,
            sentence: p.sentence,
        }
    }

    /// The document of claim `i`.
    pub fn doc(&self, i: usize) -> &str {
        self.strings.get(self.claims[i].doc)
    }

    /// The span of claim `i`.
    pub fn span(&self, i: usize) -> Span {
        self.claims[i].span
    }

    /// The entity of claim `i`.
    pub fn entity(&self, i: usize) -> &str {
        self.strings.get(self.claims[i].entity)
    }

    /// The `published` date of claim `i`.
    pub fn published(&self, i: usize) -> NaiveDate {
        self.claims[i].published
    }

    /// The claim numbers in the order of [`super::sort`], without the later of two claims with
    /// the same id and metric (as `audit` drops them).
    pub fn sorted_unique(&self) -> Vec<usize> {
        let key = |i: usize| {
            let p = &self.claims[i];
            (
                self.strings.get(p.doc),
                p.span.start,
                p.span.end,
                self.strings.get(p.metric),
                p.kind,
            )
        };
        let mut order: Vec<usize> = (0..self.claims.len()).collect();
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
        let id = |i: usize| {
            self.other_ids
                .get(&i)
                .cloned()
                .unwrap_or_else(|| claim_id(self.doc(i), self.claims[i].span))
        };
        order.dedup_by(|a, b| self.claims[*a].metric == self.claims[*b].metric && id(*a) == id(*b));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(doc: &str, start: usize, text: &str) -> Claim {
        crate::claim::sample_gdp_claim(doc, start, text)
    }

    #[test]
    fn a_claim_comes_back_field_for_field() {
        let mut store = ClaimStore::new();
        let first = claim("corpus/a.txt", 40, "地区生产总值完成162.3亿元");
        // Equal decimals printed differently, a qualifier, an id from elsewhere (a shard).
        let mut second = claim("corpus/b.txt", 12, "地区生产总值达到162.30亿元以上");
        second.value = Some(Decimal::new(16230, 2));
        second.qualifier = Some("达到…以上".to_owned());
        second.comparator = Comparator::Ge;
        second.kind = ClaimKind::Target;
        second.id = "c-from-a-shard".to_owned();
        store.push(first.clone());
        store.push(second.clone());
        assert_eq!(store.len(), 2);
        assert_eq!(store.claim(0), first);
        assert_eq!(store.claim(1), second);
        assert_eq!(store.claim(1).value.unwrap().to_string(), "162.30");
    }

    #[test]
    fn claims_sort_as_claim_sort_does_and_repeats_are_dropped() {
        let mut store = ClaimStore::new();
        let mut claims = vec![
            claim("corpus/b.txt", 5, "地区生产总值完成10亿元"),
            claim("corpus/a.txt", 90, "地区生产总值完成12亿元"),
            claim("corpus/a.txt", 7, "地区生产总值完成11亿元"),
            claim("corpus/b.txt", 5, "地区生产总值完成10亿元"),
        ];
        for c in &claims {
            store.push(c.clone());
        }
        let from_store: Vec<Claim> = store
            .sorted_unique()
            .into_iter()
            .map(|i| store.claim(i))
            .collect();
        crate::claim::sort(&mut claims);
        claims.dedup_by(|a, b| a.id == b.id && a.metric == b.metric);
        assert_eq!(from_store, claims);
        assert_eq!(from_store.len(), 3);
    }
}
