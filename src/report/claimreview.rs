//! Target verdicts as schema.org `ClaimReview` JSON-LD (`--format claimreview`), the markup
//! fact-checks publish so that search engines and fact-check aggregators (Google's Fact Check
//! Tools among them) can read them.
//!
//! ```json
//! [
//!   {
//!     "@context": "https://schema.org",
//!     "@type": "ClaimReview",
//!     "url": "https://factcheck.example/jiaozuo/audit.html#f-396121d475548e1f",
//!     "claimReviewed": "2014年，中站区…主要目标是：地区生产总值（GDP）增长11%，…",
//!     "inLanguage": "zh",
//!     "itemReviewed": {
//!       "@type": "Claim",
//!       "author": {"@type": "Organization", "name": "中站区"},
//!       "datePublished": "2014-02-15",
//!       "appearance": {"@type": "CreativeWork", "url": "https://news.example/2014/plan.html",
//!                      "headline": "坚持“一个总基调” 推进“四大经济板块” 建设“四个中站”"}
//!     },
//!     "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
//!                      "alternateName": "未实现"},
//!     "datePublished": "2025-01-15",
//!     "reviewBody": "中站区地区生产总值(GDP)增速的目标是≥11%，期限2014-12-31。未实现：2015-02-06发布的报告显示2014年为9.8%，与目标相差-1.2个百分点。",
//!     "author": {"@type": "Organization", "name": "焦作核查"}
//!   }
//! ]
//! ```
//!
//! - One review per target finding (a `target::` code), whatever its level, in report order.
//! - `url` is the report's address from `claimcheck.toml` (`[report] url`) with the finding's
//!   anchor as fragment (the card's id in the HTML report, see [`super::quote::anchors`]); left
//!   out when the file names no address.
//! - `claimReviewed` is the whole sentence that states the target, as the article printed it
//!   (layout whitespace removed, see [`super::quote::as_printed`]); `inLanguage` is `zh`.
//! - `itemReviewed` is the plan: its entity as author, its article's publication date, and as
//!   `appearance` the article's `url` from its front matter (only an `http(s)` one; left out
//!   when absent) and title.
//! - `datePublished` is the review's date: `check --review-date`, else the as-of date.
//! - `author` is the publishing organisation, `[report] publisher` in `claimcheck.toml`; left
//!   out when the file names none (the program is not the author of a fact-check).
//! - `reviewBody` says in Chinese what was promised, by when, and what the record shows, with
//!   the numbers.
//! - `reviewRating` rates the promise on 1 (worst) to 5 (best), `alternateName` says the
//!   verdict in Chinese — see [`rating`]. A pending or unverified target has **no rating**:
//!   the record does not settle it, so there is no verdict on its truth.
//!
//! | verdict | ratingValue | alternateName |
//! | --- | --- | --- |
//! | `met` | 5 | 已实现 |
//! | `on-track` | 4 | 进度正常 |
//! | `borderline`, `restated` | 3 | 难以判定, 目标被改写 |
//! | `behind` | 2 | 进度落后 |
//! | `missed` | 1 | 未实现 |
//! | `pending`, `unverified` | — | — |

use chrono::NaiveDate;
use serde::Serialize;

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::articles::Articles;
use super::quote::{self, Sentences};
use super::{Context, ledger};

/// The best rating: a target met.
pub const BEST: u8 = 5;
/// The worst rating: a target missed.
pub const WORST: u8 = 1;

/// Who publishes the reviews, where and when.
#[derive(Clone, Copy, Debug)]
pub struct Publication<'a> {
    /// The address of the published report; each review's `url` is it with the finding's
    /// anchor.
    pub url: Option<&'a str>,
    /// The publishing organisation: the reviews' `author`.
    pub publisher: Option<&'a str>,
    /// The reviews' `datePublished`.
    pub date: NaiveDate,
}

/// The rating of a target verdict and its name; `None` for codes that are not verdicts on a
/// target's truth (pending and unverified targets, conflicts, arithmetic).
pub fn rating(code: Code) -> Option<(u8, &'static str)> {
    Some(match code {
        Code::Met => (5, "已实现"),
        Code::OnTrack => (4, "进度正常"),
        Code::Borderline => (3, "难以判定"),
        Code::Restated => (3, "目标被改写"),
        Code::Behind => (2, "进度落后"),
        Code::Missed => (1, "未实现"),
        Code::Pending
        | Code::Unverified
        | Code::Conflict
        | Code::Revised
        | Code::Share
        | Code::Sum
        | Code::Growth => return None,
    })
}

/// The reviews of every target finding, whatever its level, as a JSON array; published as
/// the context's settings say.
pub fn claimreview(context: &Context) -> String {
    let (findings, articles) = (context.findings, context.articles);
    let publication = &context.settings.publication;
    let sentences = Sentences::of(articles);
    let anchors = quote::anchors(findings);
    let reviews: Vec<ClaimReview> = findings
        .iter()
        .zip(&anchors)
        .filter(|(f, _)| f.code.verdict().is_some())
        .map(|(f, anchor)| review(f, anchor, articles, &sentences, publication))
        .collect();
    let mut out = serde_json::to_string_pretty(&reviews).unwrap_or_default();
    out.push('\n');
    out
}

fn review<'f>(
    finding: &'f Finding,
    anchor: &str,
    articles: &'f Articles,
    sentences: &Sentences,
    publication: &Publication<'f>,
) -> ClaimReview<'f> {
    let target = &finding.target;
    let article = articles.get(&target.doc);
    let sentence = match article {
        Some(a) => {
            let whole = sentences.around(&target.doc, target.span);
            quote::as_printed(a.source.get(whole.range()).unwrap_or(&target.text))
        }
        None => quote::as_printed(&target.text),
    };
    let page = article
        .and_then(|a| a.url.as_deref())
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    let headline = article.and_then(|a| a.title.as_deref());
    let appearance = (page.is_some() || headline.is_some()).then_some(Appearance {
        kind: "CreativeWork",
        url: page,
        headline,
    });
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        url: publication.url.map(|base| {
            let base = base.split('#').next().unwrap_or(base);
            format!("{base}#{anchor}")
        }),
        claim_reviewed: sentence,
        in_language: "zh",
        item_reviewed: Item {
            kind: "Claim",
            author: Organization::new(&target.entity),
            date_published: article.map_or(target.published, |a| a.published),
            appearance,
        },
        review_rating: rating(finding.code).map(|(value, name)| Rating {
            kind: "Rating",
            rating_value: value,
            best_rating: BEST,
            worst_rating: WORST,
            alternate_name: name,
        }),
        date_published: publication.date,
        review_body: body(finding, articles),
        author: publication.publisher.map(Organization::new),
    }
}

/// The review in Chinese: the promise, its deadline, and what the record shows, with the
/// numbers.
pub fn body(finding: &Finding, articles: &Articles) -> String {
    let target = &finding.target;
    let computed = |name: &str| {
        finding
            .computation
            .get(name)
            .map(|v| in_chinese_units(v))
            .filter(|v| !v.is_empty())
    };
    let mut out = format!(
        "{}{}的目标是{}",
        target.entity,
        target.metric_name,
        match target.kind {
            ClaimKind::Target if target.value.is_none() => "如期完成".to_owned(),
            _ => target.stated(),
        }
    );
    if let Some(deadline) = target.deadline {
        out.push_str(&format!("，期限{deadline}"));
    }
    out.push('。');
    let evidence = ledger::latest(finding, articles).map(|c| reported(c, articles));
    let verdict = match finding.code {
        Code::Met => format!(
            "已实现{}",
            evidence.map(|e| format!("：{e}")).unwrap_or_default()
        ),
        Code::Missed => {
            let mut text = format!(
                "未实现{}",
                evidence.map(|e| format!("：{e}")).unwrap_or_default()
            );
            if let Some(difference) = computed("difference") {
                text.push_str(&format!("，与目标相差{difference}"));
            }
            text
        }
        Code::Borderline => format!(
            "难以判定{}，其取整区间跨越目标",
            evidence.map(|e| format!("：{e}")).unwrap_or_default()
        ),
        Code::OnTrack | Code::Behind => {
            let state = if finding.code == Code::OnTrack {
                "进度正常"
            } else {
                "进度落后"
            };
            let evidence = evidence.map(|e| format!("（{e}）")).unwrap_or_default();
            match computed("done_percent") {
                Some(done) => format!(
                    "{state}：已完成{done}%，期限已过{}%{evidence}",
                    computed("elapsed_percent").unwrap_or_else(|| "—".to_owned()),
                ),
                // A rate for part of the period: an indication, not a share done.
                None => format!(
                    "{state}：部分时期的数值{}目标{evidence}",
                    if finding.code == Code::OnTrack {
                        "已达到"
                    } else {
                        "尚未达到"
                    }
                ),
            }
        }
        Code::Pending | Code::Unverified => {
            let mut text = if finding.code == Code::Pending {
                "尚未到期，暂无最终数值".to_owned()
            } else {
                "期限已过，未见报告数值".to_owned()
            };
            if let Some(e) = evidence {
                text.push_str(&format!("；最新已知：{e}"));
            }
            if let Some(distance) = computed("distance") {
                text.push_str(&format!("，距目标{distance}"));
            }
            text
        }
        Code::Restated => format!(
            "目标被改写：原为{}，后改为{}",
            computed("first").unwrap_or_else(|| "—".to_owned()),
            computed("restated").unwrap_or_else(|| target.stated())
        ),
        Code::Conflict | Code::Revised | Code::Share | Code::Sum | Code::Growth => {
            finding.message.clone()
        }
    };
    out.push_str(&verdict);
    out.push('。');
    out
}

/// `2015-02-06发布的报告显示2014年为9.8%`.
fn reported(claim: &Claim, articles: &Articles) -> String {
    let period = claim
        .period
        .map(|p| {
            let text = quote::period_text(p);
            if text.len() == 4 {
                format!("{text}年")
            } else {
                text.replace(" – ", "至")
            }
        })
        .unwrap_or_default();
    format!(
        "{}发布的报告显示{period}为{}",
        ledger::published(articles, claim),
        claim.figure()
    )
}

/// Computed differences with their units in Chinese: `-1.2 pp` → `-1.2个百分点`.
fn in_chinese_units(value: &str) -> String {
    value
        .replace(" ‰ points", "个千分点")
        .replace(" pp", "个百分点")
        .replace(" places", "位")
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview<'f> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    claim_reviewed: String,
    in_language: &'static str,
    item_reviewed: Item<'f>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_rating: Option<Rating>,
    date_published: NaiveDate,
    review_body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Organization<'f>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item<'f> {
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Organization<'f>,
    date_published: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<Appearance<'f>>,
}

#[derive(Serialize)]
struct Appearance<'f> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'f str>,
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
    fn differences_read_in_chinese_units() {
        assert_eq!(in_chinese_units("-1.2 pp"), "-1.2个百分点");
        assert_eq!(in_chinese_units("-0.88 ‰ points"), "-0.88个千分点");
        assert_eq!(in_chinese_units("+34.7亿元"), "+34.7亿元");
    }

    #[test]
    fn only_settled_verdicts_are_rated_within_the_scale() {
        for code in Code::ALL {
            match rating(code) {
                Some((value, _)) => {
                    assert!(code.verdict().is_some());
                    assert!((WORST..=BEST).contains(&value), "{code}");
                }
                None => assert!(
                    matches!(code, Code::Pending | Code::Unverified) || code.verdict().is_none(),
                    "{code}"
                ),
            }
        }
    }
}
