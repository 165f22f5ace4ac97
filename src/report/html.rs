//! The audit as one self-contained HTML page (`check --format html`): what a fact-checker
//! reads, prints or attaches to an article.
//!
//! # What the page shows
//!
//! - A **header** with what was checked, the as-of date, the counts of documents, claims and
//!   findings, a button per verdict with its count and links to the sections; **filters** by
//!   entity, verdict (or code) and metric. The filters can be preset from the address:
//!   `report.html#entity=中站区&code=target::missed&metric=economy.gdp_growth`.
//! - **Targets**, per entity (the entity with most targets first), one card per target
//!   finding, those at deny level first, then warn, then allow, each in report order: a verdict badge, the metric and the stated target, the finding's
//!   message, the deadline and the margin, the promise quoted in its sentence with the claim
//!   highlighted (the article's title, publication date and `file:line:column`, linked to the
//!   article's `url` when its front matter has an `http(s)` one), each piece of evidence quoted the same
//!   way with the period it measures, a **timeline** (the plan, the run to the deadline, each
//!   report's period and publication, the as-of date) and a **chart** of the metric's values
//!   for that entity over time against the goal, both inline SVG.
//! - **Restated targets**, **conflicting and revised reports** and **arithmetic** failures in sections of
//!   their own, each card quoting both places.
//!
//! Every finding is on the page whatever its level; its level is shown beside the badge.
//! Each card's id is its anchor from [`super::quote::anchors`] (`f-` and the finding's
//! fingerprint), the fragment ClaimReview's `url` points at.
//!
//! # Self-contained and safe
//!
//! No network: the CSS and the small script that runs the filters are inline, fonts are the
//! reader's own, and a Content-Security-Policy meta forbids every fetch (`default-src
//! 'none'`), allowing only the page's own script by its SHA-256 hash. Article text is
//! untrusted: every text and attribute is HTML-escaped. Without script the page still shows
//! everything, unfiltered; printed, the filters are left out and cards are not split.

mod svg;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::Context;
use super::quote::{self, Quote, Sentences};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Characters of context quoted on each side of a highlighted claim.
const CONTEXT: usize = 80;

/// The whole page.
pub fn html(page: &Context) -> String {
    let sentences = Sentences::of(page.articles);
    let anchors = quote::anchors(page.findings);
    let series = series_index(page.claims);
    let cards = Cards {
        page,
        sentences: &sentences,
        series: &series,
    };
    let mut body = String::new();
    body.push_str(&header(page));
    body.push_str(&filters(page.findings));
    body.push_str("<main>");
    let indexed: Vec<(&Finding, &str)> = page
        .findings
        .iter()
        .zip(anchors.iter().map(String::as_str))
        .collect();
    body.push_str(&targets_section(&indexed, &cards));
    for (id, title, codes) in [
        ("restated", "Restated targets", &[Code::Restated][..]),
        (
            "conflicts",
            "Conflicting and revised reports",
            &[Code::Conflict, Code::Revised][..],
        ),
        (
            "arithmetic",
            "Arithmetic that does not add up",
            &[Code::Share, Code::Sum, Code::Growth][..],
        ),
    ] {
        let found: Vec<(&Finding, &str)> = indexed
            .iter()
            .filter(|(f, _)| codes.contains(&f.code))
            .copied()
            .collect();
        body.push_str(&format!(
            "<section id=\"{id}\" data-group=\"{id}\"><h2>{title} <span class=\"count\">{}</span></h2>\n",
            found.len()
        ));
        if found.is_empty() {
            body.push_str("<p class=\"none\">None.</p>");
        }
        for (finding, anchor) in found {
            body.push_str(&cards.card(finding, anchor));
        }
        body.push_str("</section>\n");
    }
    body.push_str("</main>\n");
    body.push_str(&format!(
        "<footer>Made by claimcheck {} from the articles named above; every quote is the \
         article's text with layout whitespace removed.</footer>\n",
        env!("CARGO_PKG_VERSION")
    ));
    document(page, &body)
}

/// The page around its body: the CSP, the inline style and script.
fn document(page: &Context, body: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimcheck {}\">\n\
         <title>claimcheck audit: {} as of {}</title>\n<style>{STYLE}</style>\n</head>\n\
         <body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        text(page.settings.checked),
        page.as_of,
    )
}

/// HTML-escaped text.
pub(crate) fn text(s: &str) -> Cow<'_, str> {
    html_escape::encode_text(s)
}

/// A text escaped for a double-quoted attribute.
fn attr(s: &str) -> Cow<'_, str> {
    html_escape::encode_double_quoted_attribute(s)
}

/// The short name of a code on badges and in filters: the verdict (`missed`) for a target,
/// else the code (`report::conflict`).
fn short(code: Code) -> &'static str {
    code.verdict().unwrap_or(code.as_str())
}

/// The CSS class of a code's badge.
fn badge_class(code: Code) -> &'static str {
    match code {
        Code::Conflict | Code::Revised => "conflict",
        Code::Share | Code::Sum | Code::Growth => "arith",
        other => other.verdict().unwrap_or("other"),
    }
}

fn header(page: &Context) -> String {
    let mut counts: BTreeMap<Code, usize> = BTreeMap::new();
    for f in page.findings {
        *counts.entry(f.code).or_default() += 1;
    }
    let targets = page
        .findings
        .iter()
        .filter(|f| f.code.verdict().is_some())
        .count();
    let mut out = format!(
        "<header><h1>Promises and what became of them</h1>\
         <p class=\"meta\">Checked <strong>{}</strong>: {} document{}, {} claims, {} targets, \
         {} findings; verdicts as of <strong>{}</strong>.</p><p class=\"verdicts\">",
        text(page.settings.checked),
        page.settings.documents,
        if page.settings.documents == 1 {
            ""
        } else {
            "s"
        },
        page.claims.len(),
        targets,
        page.findings.len(),
        page.as_of,
    );
    for (code, n) in &counts {
        out.push_str(&format!(
            "<button type=\"button\" class=\"badge {}\" data-set-code=\"{}\">{} <b>{n}</b></button> ",
            badge_class(*code),
            attr(code.as_str()),
            short(*code),
        ));
    }
    out.push_str("</p>");
    let in_section = |codes: &[Code]| {
        page.findings
            .iter()
            .filter(|f| codes.contains(&f.code))
            .count()
    };
    out.push_str(&format!(
        "<p class=\"sections\">Sections: <a href=\"#targets\">targets</a> ({}) · \
         <a href=\"#restated\">restated targets</a> ({}) · \
         <a href=\"#conflicts\">conflicting and revised reports</a> ({}) · \
         <a href=\"#arithmetic\">arithmetic</a> ({})</p></header>\n",
        targets - in_section(&[Code::Restated]),
        in_section(&[Code::Restated]),
        in_section(&[Code::Conflict, Code::Revised]),
        in_section(&[Code::Share, Code::Sum, Code::Growth]),
    ));
    out
}

fn filters(findings: &[Finding]) -> String {
    let entities: BTreeSet<&str> = findings.iter().map(|f| f.target.entity.as_str()).collect();
    let codes: BTreeSet<Code> = findings.iter().map(|f| f.code).collect();
    let mut metrics: BTreeMap<&str, &str> = BTreeMap::new();
    for f in findings {
        metrics
            .entry(f.target.metric.as_str())
            .or_insert(f.target.metric_name.as_str());
    }
    let select = |name: &str, label: &str, options: Vec<(String, String)>| {
        let mut out = format!(
            "<label>{label} <select data-filter=\"{name}\"><option value=\"\">all</option>"
        );
        for (value, shown) in options {
            out.push_str(&format!(
                "<option value=\"{}\">{}</option>",
                attr(&value),
                text(&shown)
            ));
        }
        out.push_str("</select></label> ");
        out
    };
    let mut out = String::from("<nav class=\"filters\" aria-label=\"filters\">");
    out.push_str(&select(
        "entity",
        "Entity",
        entities
            .iter()
            .map(|e| (e.to_string(), e.to_string()))
            .collect(),
    ));
    out.push_str(&select(
        "code",
        "Verdict",
        codes
            .iter()
            .map(|c| (c.as_str().to_owned(), short(*c).to_owned()))
            .collect(),
    ));
    out.push_str(&select(
        "metric",
        "Metric",
        metrics
            .iter()
            .map(|(id, name)| (id.to_string(), format!("{name} ({id})")))
            .collect(),
    ));
    out.push_str(&format!(
        "<span class=\"shown\"><span id=\"shown\">{}</span> of {} shown</span></nav>\n",
        findings.len(),
        findings.len()
    ));
    out
}

/// The target verdicts, grouped by entity: most targets first, then by name.
fn targets_section(indexed: &[(&Finding, &str)], cards: &Cards) -> String {
    let mut by_entity: BTreeMap<&str, Vec<(&Finding, &str)>> = BTreeMap::new();
    for (finding, anchor) in indexed {
        if finding.code.verdict().is_some() && finding.code != Code::Restated {
            by_entity
                .entry(finding.target.entity.as_str())
                .or_default()
                .push((finding, anchor));
        }
    }
    // Within an entity, what fails the run comes first, then what warns, then the rest, each
    // in report order.
    for found in by_entity.values_mut() {
        found.sort_by_key(|(f, _)| std::cmp::Reverse(cards.page.level(f)));
    }
    let mut entities: Vec<(&str, Vec<(&Finding, &str)>)> = by_entity.into_iter().collect();
    entities.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let total: usize = entities.iter().map(|e| e.1.len()).sum();
    let mut out = format!(
        "<section id=\"targets\" data-group=\"targets\"><h2>Targets <span class=\"count\">{total}</span></h2>\n"
    );
    if entities.is_empty() {
        out.push_str("<p class=\"none\">No target was found.</p>");
    }
    for (entity, found) in entities {
        out.push_str(&format!(
            "<section class=\"entity\" data-group=\"entity\"><h3>{} <span class=\"count\">{}</span></h3>\n",
            text(entity),
            found.len()
        ));
        for (finding, anchor) in found {
            out.push_str(&cards.card(finding, anchor));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The reported values of each entity's metric, for the charts.
type SeriesIndex<'c> = HashMap<(&'c str, &'c str), Vec<&'c Claim>>;

fn series_index(claims: &[Claim]) -> SeriesIndex<'_> {
    let mut index: SeriesIndex = HashMap::new();
    for claim in claims {
        if claim.kind != ClaimKind::Target && claim.value.is_some() {
            index
                .entry((claim.entity.as_str(), claim.metric.as_str()))
                .or_default()
                .push(claim);
        }
    }
    index
}

/// What every card needs besides its finding.
struct Cards<'a> {
    page: &'a Context<'a>,
    sentences: &'a Sentences,
    series: &'a SeriesIndex<'a>,
}

impl Cards<'_> {
    /// One finding's card.
    fn card(&self, finding: &Finding, anchor: &str) -> String {
        let target = &finding.target;
        let level = self.page.level(finding).as_str();
        let mut out = format!(
            "<article class=\"finding\" id=\"{}\" data-code=\"{}\" data-entity=\"{}\" data-metric=\"{}\">\
             <header><span class=\"badge {}\">{}</span> <span class=\"level {level}\">{level}</span> \
             <h4>{} <span class=\"stated\">{}</span></h4><a class=\"permalink\" href=\"#{}\">#</a></header>\
             <p class=\"message\">{}</p>\n",
            attr(anchor),
            attr(finding.code.as_str()),
            attr(&target.entity),
            attr(&target.metric),
            badge_class(finding.code),
            short(finding.code),
            text(&target.metric_name),
            text(&stated_or_figure(target)),
            attr(anchor),
            text(&finding.message),
        );
        out.push_str(&self.facts(finding));
        let first = match target.kind {
            ClaimKind::Target => "The promise",
            _ => "The report",
        };
        out.push_str(&self.quoted(first, target, None));
        for evidence in &finding.evidence {
            out.push_str(&self.quoted("Evidence", &evidence.claim, Some(&evidence.label)));
        }
        if finding.code.verdict().is_some() && finding.code != Code::Restated {
            out.push_str(&self.figures(finding));
        }
        if let Some(help) = &finding.help {
            out.push_str(&format!("<p class=\"help\">{}</p>", text(help)));
        }
        out.push_str("</article>\n");
        out
    }

    /// The deadline, the margin and the computed numbers.
    fn facts(&self, finding: &Finding) -> String {
        let target = &finding.target;
        let mut out = String::from("<dl class=\"facts\">");
        let mut fact = |name: &str, value: &str| {
            out.push_str(&format!("<dt>{name}</dt><dd>{}</dd>", text(value)));
        };
        if target.kind == ClaimKind::Target {
            fact(
                "deadline",
                &target
                    .deadline
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            );
            fact("margin", &super::ledger::margin(finding));
        }
        let margin = super::ledger::margin(finding);
        for (name, value) in &finding.computation {
            // The margin above already says the difference or the distance.
            let repeats = target.kind == ClaimKind::Target
                && matches!(name.as_str(), "difference" | "distance")
                && *value == margin;
            if !repeats {
                fact(&name.replace('_', " "), value);
            }
        }
        out.push_str("</dl>\n");
        out
    }

    /// A claim quoted in its sentence, the claim highlighted, with where and when it was
    /// published and the period it measures.
    fn quoted(&self, role: &str, claim: &Claim, label: Option<&str>) -> String {
        let article = self.page.articles.get(&claim.doc);
        let quote = match article {
            Some(a) => Quote::of(
                &a.source,
                self.sentences.around(&claim.doc, claim.span),
                claim.span,
                CONTEXT,
            ),
            None => Quote {
                before: String::new(),
                marked: quote::as_printed(&claim.text),
                after: String::new(),
            },
        };
        let title = article.and_then(|a| a.title.as_deref());
        let place = format!("{}:{}:{}", claim.doc, claim.line, claim.column);
        let web = article
            .and_then(|a| a.url.as_deref())
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
        let place = match web {
            Some(url) => format!("<a href=\"{}\">{}</a>", attr(url), text(&place)),
            None => format!("<code>{}</code>", text(&place)),
        };
        let mut caption = String::new();
        if let Some(title) = title {
            caption.push_str(&format!("《{}》 · ", text(title)));
        }
        caption.push_str(&format!(
            "published {} · {place}",
            article.map_or(claim.published, |a| a.published)
        ));
        let measured = match (claim.kind, claim.period) {
            (ClaimKind::Target, _) => claim
                .deadline
                .map(|d| format!("due {d}"))
                .unwrap_or_default(),
            (_, Some(period)) => format!("measures {}", quote::period_text(period)),
            (_, None) => String::new(),
        };
        format!(
            "<figure class=\"quote\"><figcaption class=\"role\">{role}{}{}</figcaption>\
             <blockquote>{}<mark>{}</mark>{}</blockquote><figcaption>{caption}</figcaption></figure>\n",
            label.map(|l| format!(": {}", text(l))).unwrap_or_default(),
            if measured.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"period\">{}</span>", text(&measured))
            },
            text(&quote.before),
            text(&quote.marked),
            text(&quote.after),
        )
    }

    /// The timeline and the chart of a target.
    fn figures(&self, finding: &Finding) -> String {
        let target = &finding.target;
        let mut reports: Vec<&Claim> = Vec::new();
        for e in &finding.evidence {
            if !reports.iter().any(|c| c.id == e.claim.id) {
                reports.push(&e.claim);
            }
        }
        reports.sort_by_key(|c| (c.published, c.span.start));
        let series: Vec<&Claim> = self
            .series
            .get(&(target.entity.as_str(), target.metric.as_str()))
            .map(|claims| {
                claims
                    .iter()
                    .copied()
                    .filter(|c| c.published <= self.page.as_of)
                    .collect()
            })
            .unwrap_or_default();
        let open = matches!(finding.code, Code::Pending | Code::OnTrack | Code::Behind);
        let Some(axis) = svg::axis_for(target, &reports, &series, open.then_some(self.page.as_of))
        else {
            return String::new();
        };
        let mut out = format!(
            "<div class=\"figures\"><figure><figcaption>Timeline</figcaption>{}</figure>\n",
            svg::timeline(&axis, target, &reports, self.page.as_of)
        );
        // A target met by a sum over its years is charted as the running total of the
        // figures counted, the way the verdict was reached.
        let cumulative = finding.computation.contains_key("sum");
        let (points, what) = if cumulative {
            (svg::running_total(target, &reports), "running total")
        } else {
            (svg::points(target, &series), "values")
        };
        match svg::chart(&axis, target, &points) {
            Some(chart) => out.push_str(&format!(
                "<figure><figcaption>{} of {} over time ({what}), against the goal</figcaption>{chart}</figure>\n",
                text(&target.metric_name),
                text(&target.entity)
            )),
            None => out.push_str(&format!(
                "<p class=\"none\">No reported value of {} for {} to chart.</p>",
                text(&target.metric_name),
                text(&target.entity)
            )),
        }
        out.push_str("</div>");
        out
    }
}

/// A target's figure with its bound, a report's as printed.
fn stated_or_figure(claim: &Claim) -> String {
    match claim.kind {
        ClaimKind::Target => claim.stated(),
        _ => claim.figure(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_escaped() {
        assert_eq!(text("<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(attr("\"><img"), "&quot;&gt;&lt;img");
    }
}
