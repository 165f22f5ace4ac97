//! Campaigns: drives that run for a stated time (`百日攻坚行动`, `专项行动`), and the period of
//! the figures reported under their name.
//!
//! Local news reports a drive twice over: where it started (`6月起在全区开展…百日攻坚行动`) and
//! how it closed (`9月28日,…召开…“百日攻坚”总结大会`). A figure the article reports under the
//! drive's name is the drive's result, counted from its start to its close — not a count of the
//! year so far up to the day of publication. The words are rule data: `[[campaign]]` in
//! `rules/cues.toml`.

use chrono::NaiveDate;
use std::ops::Range;

use super::context::{DocumentContext, SentenceContext};
use crate::claim::{Claim, ClaimKind, DateRange};
use crate::time::{TimeExpr, TimeKind};

/// A drive the article names, with the days it says the drive started and closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Campaign {
    /// The campaign word as written (`百日攻坚`): the drive's name in every sentence about it.
    pub(super) name: String,
    /// The first day of the drive, from a time before its name in a sentence that does not
    /// close it (`今年6月起…开展…百日攻坚行动`).
    pub(super) start: Option<NaiveDate>,
    /// What the article says of the close so far.
    closed: Closed,
}

impl Campaign {
    /// The day of the closing event (`9月28日,…“百日攻坚”总结大会`), when the article gives
    /// one and only one.
    pub(super) fn end(&self) -> Option<NaiveDate> {
        match self.closed {
            Closed::On(day) => Some(day),
            Closed::Not | Closed::Ambiguous => None,
        }
    }
}

/// The closes an article reports for one campaign word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closed {
    Not,
    On(NaiveDate),
    /// Closes on different days: more than one drive goes by this word.
    Ambiguous,
}

/// The campaigns of a document, at most one per campaign word, in order of first mention.
pub(super) fn campaigns(doc: &DocumentContext, sentences: &[SentenceContext]) -> Vec<Campaign> {
    let words = &doc.rules().campaigns();
    let text = doc.text();
    // Most articles name no campaign: one search of the text per word settles that.
    if !words.names.iter().any(|w| text.contains(w.as_str())) {
        return Vec::new();
    }
    let mut found: Vec<Campaign> = Vec::new();
    for sentence in sentences {
        let range = sentence.range.clone();
        let said = &text[range.clone()];
        let closing = words
            .closings
            .iter()
            .filter_map(|w| said.find(w.as_str()))
            .min()
            .map(|i| range.start + i);
        for name in &words.names {
            let Some(at) = said.find(name.as_str()).map(|i| range.start + i) else {
                continue;
            };
            let index = match found.iter().position(|c| c.name == *name) {
                Some(index) => index,
                None => {
                    found.push(Campaign {
                        name: name.clone(),
                        start: None,
                        closed: Closed::Not,
                    });
                    found.len() - 1
                }
            };
            let campaign = &mut found[index];
            // The close is the day nearest before the closing word (`…于9月20日圆满收官`),
            // else the sentence's first day (`…总结大会于9月20日召开`).
            let close_day = closing.and_then(|closing| {
                let is_day = |t: &&TimeExpr| t.kind == TimeKind::Day;
                sentence
                    .times_in(range.start..closing)
                    .rev()
                    .find(is_day)
                    .or_else(|| sentence.times_in(range.clone()).find(is_day))
                    .filter(|t| t.period.end <= doc.published())
            });
            // Two closes on different days are two drives of one kind (`专项行动`): which one a
            // figure belongs to cannot be told, so neither dates it.
            match (campaign.closed, close_day) {
                (Closed::Not, Some(day)) => {
                    campaign.closed = Closed::On(day.period.end);
                }
                (Closed::On(end), Some(day)) if end != day.period.end => {
                    campaign.closed = Closed::Ambiguous;
                }
                _ => {}
            }
            if campaign.start.is_none() {
                let launch = sentence
                    .times_in(range.start..at)
                    .rev()
                    .filter(|t| close_day.is_none_or(|day| !std::ptr::eq(*t, day)))
                    .find(|t| starts_a_drive(t));
                campaign.start = launch.map(|t| t.period.start);
                // `7月20日至10月31日,…开展…百日大会战`: a drive given its whole run has closed
                // when that run is over.
                if let Some(run) = launch.filter(|t| {
                    t.kind == TimeKind::Measured
                        && t.period.start < t.period.end
                        && t.period.end <= doc.published()
                }) && campaign.closed == Closed::Not
                {
                    campaign.closed = Closed::On(run.period.end);
                }
            }
        }
    }
    found
}

/// Whether a time can date the start of a drive: a start (`6月起`) or a month or day it was
/// launched in, but not a deadline or a plan period.
fn starts_a_drive(t: &TimeExpr) -> bool {
    matches!(
        t.kind,
        TimeKind::OpenStart | TimeKind::Day | TimeKind::Measured
    )
}

/// The campaign whose name comes before `figure` in the figure's `;` item of its sentence.
pub(super) fn naming<'c>(
    campaigns: &'c [Campaign],
    text: &str,
    sentence: Range<usize>,
    figure: usize,
) -> Option<&'c Campaign> {
    let before = text.get(sentence.start..figure)?;
    let item = before.rfind(';').map_or(before, |i| &before[i + 1..]);
    campaigns
        .iter()
        .filter(|c| c.end().is_some())
        .find(|c| item.contains(c.name.as_str()))
}

/// Re-dates a reported figure of a closed campaign: from the campaign's start (else the
/// figure's own) to its closing day, an outcome once that day has passed.
pub(super) fn settle(claim: &mut Claim, campaign: &Campaign) {
    let (Some(end), Some(period)) = (campaign.end(), claim.period.as_ref()) else {
        return;
    };
    if claim.kind == ClaimKind::Target || end > claim.published {
        return;
    }
    let start = campaign.start.unwrap_or(period.start).min(end);
    claim.period = Some(DateRange { start, end });
    claim.kind = ClaimKind::Outcome;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(start: Option<(i32, u32, u32)>, end: Option<(i32, u32, u32)>) -> Campaign {
        let day = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Campaign {
            name: "百日攻坚".into(),
            start: start.map(day),
            closed: end.map_or(Closed::Not, |end| Closed::On(day(end))),
        }
    }

    #[test]
    fn a_campaign_names_the_figures_after_it_in_its_item_only() {
        let text = "6月起开展百日攻坚行动,签约项目12个;实际利用外资300万美元。";
        let closed = [campaign(Some((2024, 6, 1)), Some((2024, 9, 20)))];
        let first = text.find("12").unwrap();
        let after_semicolon = text.find("300").unwrap();
        assert!(naming(&closed, text, 0..text.len(), first).is_some());
        assert!(naming(&closed, text, 0..text.len(), after_semicolon).is_none());
    }

    fn found(text: &str) -> Vec<Campaign> {
        let mut out = Vec::new();
        crate::extract::context::testing::with_context(
            text,
            (2025, 10, 8),
            "桐林区",
            |doc, sentences| out = campaigns(doc, sentences),
        );
        out
    }

    #[test]
    fn a_campaign_starts_where_it_is_launched_and_ends_at_its_close() {
        let text = "今年6月起,全区开展“百日攻坚”行动,签约项目9个。9月15日,“百日攻坚”总结大会召开。";
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d);
        let campaigns = found(text);
        assert_eq!(campaigns.len(), 1);
        assert_eq!(campaigns[0].start, day(6, 1));
        assert_eq!(campaigns[0].end(), day(9, 15));
    }

    #[test]
    fn a_campaign_given_its_run_has_closed_when_the_run_is_over() {
        let text = "7月10日至9月30日,全区开展招商引资“百日会战”,新签约项目14个。";
        let campaigns = found(text);
        assert_eq!(campaigns[0].start, NaiveDate::from_ymd_opt(2025, 7, 10));
        assert_eq!(campaigns[0].end(), NaiveDate::from_ymd_opt(2025, 9, 30));
    }

    #[test]
    fn two_closes_of_one_word_on_different_days_date_nothing() {
        let text = "7月30日,安全生产专项行动总结会召开,排查隐患420处。\
                    8月25日,招商引资专项行动总结会召开,签约项目9个。";
        let campaigns = found(text);
        assert_eq!(campaigns.len(), 1);
        assert_eq!(campaigns[0].end(), None);
    }

    #[test]
    fn an_open_campaign_dates_nothing() {
        let text = "6月起开展百日攻坚行动,签约项目12个。";
        let open = [campaign(Some((2024, 6, 1)), None)];
        assert!(naming(&open, text, 0..text.len(), text.find("12").unwrap()).is_none());
    }
}
