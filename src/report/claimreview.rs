//! Target verdicts as schema.org `ClaimReview` JSON-LD (`--format claimreview`), the markup
//! fact-checks publish so that search engines and fact-check aggregators can read them.
//!
//! ```json
//! [
//!   {
//!     "@context": "https://schema.org",
//!     "@type": "ClaimReview",
//!     "claimReviewed": "地区生产总值（GDP）增长11%",
//!     "itemReviewed": {
//!       "@type": "Claim",
//!       "author": {"@type": "Organization", "name": "中站区"},
//!       "datePublished": "2014-02-15",
//!       "appearance": {"@type": "CreativeWork",
//!                      "url": "tests/fixtures/check/missed-gdp-2014/2014-02-15-zhongzhanqu-sige-zhongzhan.txt",
//!                      "headline": "坚持“一个总基调” 推进“四大经济板块” 建设“四个中站”"}
//!     },
//!     "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
//!                      "alternateName": "Missed"},
//!     "datePublished": "2015-02-06",
//!     "reviewBody": "中站区 地区生产总值(GDP)增速 2014: target ≥11%, reported 9.8% — missed by 1.2 pp",
//!     "author": {"@type": "Organization", "name": "claimcheck"}
//!   }
//! ]
//! ```
//!
//! - One review per target finding (a `target::` code), whatever its level, in report order.
//! - `claimReviewed` is the target as the article printed it: the span's source text with the
//!   layout's whitespace removed the way normalization removes it (a run of whitespace stays
//!   one space only between two ASCII letters or digits), characters otherwise untouched.
//! - `itemReviewed` is the plan: its entity as author, its article's publication date, URL
//!   (the document path when the article has none) and title (left out when it has none).
//! - `datePublished` is the as-of date of the audit; `reviewBody` the finding's message; `url`
//!   the plan article's URL, left out when it has none.
//! - `reviewRating` rates the promise on 1 (worst) to 5 (best), `alternateName` says the
//!   verdict in words — see [`rating`]:
//!
//! | verdict | ratingValue | alternateName |
//! | --- | --- | --- |
//! | `met` | 5 | Met |
//! | `on-track` | 4 | On track |
//! | `pending`, `borderline`, `unverified`, `restated` | 3 | Pending, Borderline, Unverified, Restated |
//! | `behind` | 2 | Behind |
//! | `missed` | 1 | Missed |
//!
//! The middle of the scale is for what the record does not settle: a target not yet due, one
//! whose figure only rounding decides, one never reported on, one changed after it was set.

use chrono::NaiveDate;
use serde::Serialize;

use crate::finding::{Code, Finding};

use super::articles::Articles;

/// The best rating: a target met.
pub const BEST: u8 = 5;
/// The worst rating: a target missed.
pub const WORST: u8 = 1;

/// The rating of a target verdict and its name; `None` for codes that are not target
/// verdicts.
pub fn rating(code: Code) -> Option<(u8, &'static str)> {
    Some(match code {
        Code::Met => (5, "Met"),
        Code::OnTrack => (4, "On track"),
        Code::Pending => (3, "Pending"),
        Code::Borderline => (3, "Borderline"),
        Code::Unverified => (3, "Unverified"),
        Code::Restated => (3, "Restated"),
        Code::Behind => (2, "Behind"),
        Code::Missed => (1, "Missed"),
        Code::Conflict | Code::Revised | Code::Share | Code::Sum | Code::Growth => return None,
    })
}

/// The reviews of every target finding as a JSON array.
pub fn claimreview(findings: &[Finding], articles: &Articles, as_of: NaiveDate) -> String {
    let reviews: Vec<ClaimReview> = findings
        .iter()
        .filter_map(|f| review(f, articles, as_of))
        .collect();
    let mut out = serde_json::to_string_pretty(&reviews).unwrap_or_default();
    out.push('\n');
    out
}

fn review<'f>(
    finding: &'f Finding,
    articles: &'f Articles,
    as_of: NaiveDate,
) -> Option<ClaimReview<'f>> {
    let (value, name) = rating(finding.code)?;
    let target = &finding.target;
    let article = articles.get(&target.doc);
    let url = article.and_then(|a| a.url.as_deref());
    Some(ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        claim_reviewed: as_printed(&target.text),
        item_reviewed: Item {
            kind: "Claim",
            author: Organization::new(&target.entity),
            date_published: article.map_or(target.published, |a| a.published),
            appearance: Appearance {
                kind: "CreativeWork",
                url: url.unwrap_or(&target.doc),
                headline: article.and_then(|a| a.title.as_deref()),
            },
        },
        review_rating: Rating {
            kind: "Rating",
            rating_value: value,
            best_rating: BEST,
            worst_rating: WORST,
            alternate_name: name,
        },
        date_published: as_of,
        review_body: &finding.message,
        url,
        author: Organization::new("claimcheck"),
    })
}

/// A span's text without the whitespace the page layout put into it
/// (`地区生产总值 （\n\nGDP\n\n）增长\n\n11%` → `地区生产总值（GDP）增长11%`): Chinese does not
/// separate words, so a run of whitespace is kept, as one space, only between two ASCII
/// letters or digits — the rule of [`crate::normalize`], without its other foldings.
fn as_printed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap
            && c.is_ascii_alphanumeric()
            && out
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview<'f> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    claim_reviewed: String,
    item_reviewed: Item<'f>,
    review_rating: Rating,
    date_published: NaiveDate,
    review_body: &'f str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'f str>,
    author: Organization<'f>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item<'f> {
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Organization<'f>,
    date_published: NaiveDate,
    appearance: Appearance<'f>,
}

#[derive(Serialize)]
struct Appearance<'f> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'f str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'f str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
}

#[derive(Serialize)]
struct Organization<'f> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'f str,
}

impl<'f> Organization<'f> {
    fn new(name: &'f str) -> Self {
        Organization {
            kind: "Organization",
            name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_whitespace_goes_except_between_latin_words_and_digits() {
        assert_eq!(
            as_printed("地区生产总值 （\n\nGDP\n\n）增长\n\n11%"),
            "地区生产总值（GDP）增长11%"
        );
        assert_eq!(as_printed("总投资 30 亿元"), "总投资30亿元");
        assert_eq!(as_printed("Microsoft  Word 2010\n"), "Microsoft Word 2010");
        assert_eq!(as_printed("１\n\n亿元"), "１亿元");
    }

    #[test]
    fn every_target_code_has_a_rating_within_the_scale() {
        for code in Code::ALL {
            match rating(code) {
                Some((value, _)) => {
                    assert!(code.verdict().is_some());
                    assert!((WORST..=BEST).contains(&value), "{code}");
                }
                None => assert!(code.verdict().is_none(), "{code}"),
            }
        }
    }
}
