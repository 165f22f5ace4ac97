//! Findings whose claims are numbers in a [`ClaimStore`], for `check` on a whole corpus: a
//! [`Finding`] holds a full copy of its target and of every evidence claim, which for a
//! corpus's hundred thousand findings is most of the run's memory.
//!
//! [`PackedFinding::pack`] replaces each claim by its number in the store (a claim the store
//! does not hold as it is stays whole); [`PackedFinding::unpack`] gives the finding back,
//! equal to the one packed, when it is written.

use std::collections::BTreeMap;

use super::{Code, Evidence, Finding};
use crate::claim::Claim;
use crate::claim::store::ClaimStore;

/// A claim of a packed finding.
#[derive(Clone, Debug)]
enum ClaimRef {
    /// Claim number `n` of the store.
    Stored(usize),
    /// A claim the store does not hold as it is.
    Whole(Box<Claim>),
}

/// A [`Finding`] with its claims as numbers in a [`ClaimStore`].
#[derive(Clone, Debug)]
pub struct PackedFinding {
    /// What kind of conclusion.
    pub code: Code,
    message: Box<str>,
    target: ClaimRef,
    evidence: Box<[(Box<str>, ClaimRef)]>,
    computation: Box<[(Box<str>, Box<str>)]>,
    help: Option<Box<str>>,
}

impl PackedFinding {
    /// Packs `finding`; `number_of` says which claim of the store a claim is, if any (the
    /// store's claim must be equal to it).
    pub fn pack(finding: Finding, number_of: impl Fn(&Claim) -> Option<usize>) -> Self {
        let packed = |claim: Claim| match number_of(&claim) {
            Some(n) => ClaimRef::Stored(n),
            None => ClaimRef::Whole(Box::new(claim)),
        };
        PackedFinding {
            code: finding.code,
            message: finding.message.into_boxed_str(),
            target: packed(finding.target),
            evidence: finding
                .evidence
                .into_iter()
                .map(|e| (e.label.into_boxed_str(), packed(e.claim)))
                .collect(),
            computation: finding
                .computation
                .into_iter()
                .map(|(name, value)| (name.into_boxed_str(), value.into_boxed_str()))
                .collect(),
            help: finding.help.map(String::into_boxed_str),
        }
    }

    /// The finding as it was packed, its claims read from `store`.
    pub fn unpack(&self, store: &ClaimStore) -> Finding {
        let claim = |r: &ClaimRef| match r {
            ClaimRef::Stored(n) => store.claim(*n),
            ClaimRef::Whole(claim) => (**claim).clone(),
        };
        Finding {
            code: self.code,
            message: self.message.to_string(),
            target: claim(&self.target),
            evidence: self
                .evidence
                .iter()
                .map(|(label, c)| Evidence {
                    label: label.to_string(),
                    claim: claim(c),
                })
                .collect(),
            computation: self
                .computation
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect::<BTreeMap<_, _>>(),
            help: self.help.as_deref().map(str::to_owned),
        }
    }

    /// The key of [`super::sort`]: the target's document and start, the code, the message.
    pub fn sort_key<'s>(&'s self, store: &'s ClaimStore) -> (&'s str, usize, Code, &'s str) {
        let (doc, start) = match &self.target {
            ClaimRef::Stored(n) => (store.doc(*n), store.span(*n).start),
            ClaimRef::Whole(claim) => (claim.doc.as_str(), claim.span.start),
        };
        (doc, start, self.code, &self.message)
    }
}

/// Sorts packed findings as [`super::sort`] sorts the findings they hold.
pub fn sort(findings: &mut [PackedFinding], store: &ClaimStore) {
    findings.sort_by(|a, b| a.sort_key(store).cmp(&b.sort_key(store)));
}
