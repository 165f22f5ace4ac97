//! The one input of every renderer of `check`: the findings with their levels and the ones
//! shown already chosen, the articles they point into (with their line index), the claims,
//! the differences from `--expect` and `--baseline`, and the run's settings. Renderers read
//! it and decide nothing: which findings a level hides is decided here, once.

use chrono::NaiveDate;

use crate::claim::Claim;
use crate::difference::Difference;
use crate::finding::{Finding, Level, Levels};

use super::Drawing;
use super::articles::Articles;
use super::claimreview::Publication;

/// Everything a renderer is given.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// Every finding, in report order: the formats that list every finding (JSON, JSONL,
    /// CSV, the ledger, ClaimReview, HTML) read these, with [`Self::level`].
    pub findings: &'a [Finding],
    /// The findings shown: at warn or deny level, or every one with `--show-all`.
    shown: Vec<&'a Finding>,
    show_all: bool,
    levels: &'a Levels,
    /// The articles the findings point into, by path.
    pub articles: &'a Articles,
    /// Every claim of the run (the HTML charts plot a metric's values from them).
    pub claims: &'a [Claim],
    /// The differences from `--expect` and the stale `--baseline` entries, in the order
    /// stderr shows them.
    pub differences: &'a [Difference],
    /// The date the verdicts are reached at.
    pub as_of: NaiveDate,
    /// How and for whom the report is written.
    pub settings: Settings<'a>,
}

/// The settings of a run that some renderers need.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    /// Colour and width of the human report.
    pub drawing: Drawing,
    /// Who publishes the ClaimReview reviews, where and when.
    pub publication: Publication<'a>,
    /// What was checked, as the user named it (`corpus`).
    pub checked: &'a str,
    /// The number of documents read.
    pub documents: usize,
}

impl<'a> Context<'a> {
    /// The findings with their levels after configuration, pointing into `articles`, judged
    /// as of `as_of`; no claim, no difference, findings at allow level not shown, and default
    /// settings (ClaimReview published on `as_of` by nobody named).
    pub fn new(
        findings: &'a [Finding],
        levels: &'a Levels,
        articles: &'a Articles,
        as_of: NaiveDate,
    ) -> Self {
        let mut context = Context {
            findings,
            shown: Vec::new(),
            show_all: false,
            levels,
            articles,
            claims: &[],
            differences: &[],
            as_of,
            settings: Settings {
                drawing: Drawing::default(),
                publication: Publication {
                    url: None,
                    publisher: None,
                    date: as_of,
                },
                checked: "",
                documents: 0,
            },
        };
        context.choose_shown();
        context
    }

    /// Shows the findings at allow level too (`--show-all`), or not.
    pub fn show_all(mut self, show_all: bool) -> Self {
        self.show_all = show_all;
        self.choose_shown();
        self
    }

    /// With the run's claims.
    pub fn with_claims(mut self, claims: &'a [Claim]) -> Self {
        self.claims = claims;
        self
    }

    /// With the differences from `--expect` and `--baseline`.
    pub fn with_differences(mut self, differences: &'a [Difference]) -> Self {
        self.differences = differences;
        self
    }

    /// With these settings.
    pub fn with_settings(mut self, settings: Settings<'a>) -> Self {
        self.settings = settings;
        self
    }

    fn choose_shown(&mut self) {
        let shown = self.findings.iter().filter(|f| self.is_shown(f)).collect();
        self.shown = shown;
    }

    /// The findings shown, in report order.
    pub fn shown(&self) -> &[&'a Finding] {
        &self.shown
    }

    /// Whether `finding` is shown: the one rule of what a level hides.
    pub fn is_shown(&self, finding: &Finding) -> bool {
        self.show_all || self.level(finding) != Level::Allow
    }

    /// How many findings are not shown.
    pub fn hidden(&self) -> usize {
        self.findings.len() - self.shown.len()
    }

    /// The level of `finding` after configuration.
    pub fn level(&self, finding: &Finding) -> Level {
        self.levels.of(finding.code)
    }

    /// The number of findings at deny level: the run fails when it is not zero.
    pub fn denied(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| self.level(f) == Level::Deny)
            .count()
    }
}
