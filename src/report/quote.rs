//! Quoting an article the way a reader sees it: the sentence a claim stands in, with the
//! page layout's whitespace taken out, and a stable anchor per finding for links into the
//! HTML report.

use std::collections::{BTreeMap, HashMap};

use crate::claim::DateRange;
use crate::finding::{Finding, fingerprint};
use crate::normalize::Normalized;
use crate::span::Span;

use super::articles::Articles;

/// The sentences of every article, found once per article and shared by all its quotes.
#[derive(Debug, Default)]
pub struct Sentences {
    by_doc: HashMap<String, Vec<Span>>,
}

impl Sentences {
    /// Segments every article into sentences, as source spans.
    pub fn of(articles: &Articles) -> Self {
        let by_doc = articles
            .iter()
            .map(|(doc, article)| (doc.clone(), sentence_spans(&article.source)))
            .collect();
        Sentences { by_doc }
    }

    /// The span of the sentence around `span` in `doc`; `span` itself when the article is not
    /// known or no sentence covers it (a claim across a sentence end keeps its own bounds).
    pub fn around(&self, doc: &str, span: Span) -> Span {
        let Some(spans) = self.by_doc.get(doc) else {
            return span;
        };
        let first = spans.partition_point(|s| s.end <= span.start);
        let covering: Vec<&Span> = spans[first..]
            .iter()
            .take_while(|s| s.start < span.end.max(span.start + 1))
            .collect();
        match (covering.first(), covering.last()) {
            (Some(a), Some(b)) => Span::new(a.start.min(span.start), b.end.max(span.end)),
            _ => span,
        }
    }
}

/// The sentences of an article's body as source spans, in order.
fn sentence_spans(source: &str) -> Vec<Span> {
    let normalized = Normalized::new(source, Span::new(body_start(source), source.len()));
    crate::segment::segment(&normalized)
        .sentences
        .iter()
        .map(|s| normalized.to_source(s.range.clone()))
        .collect()
}

/// Where the body starts: after the closing `+++` line of the front matter, if the file
/// opens with one (after a byte-order mark), else at the start.
fn body_start(source: &str) -> usize {
    let mut offset = 0;
    let mut opened = false;
    for line in source.split_inclusive('\n') {
        let bare = line.trim_start_matches('\u{feff}').trim_end();
        offset += line.len();
        if bare == "+++" {
            if opened {
                return offset;
            }
            opened = true;
        } else if !opened {
            return 0;
        }
    }
    0
}

/// A quote split around its highlight: the text before the claim, the claim, the text after,
/// each as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub before: String,
    pub marked: String,
    pub after: String,
}

impl Quote {
    /// The sentence of `span` in `source`, split around `span`; context longer than
    /// `context` characters on a side is cut at that length with `…`.
    pub fn of(source: &str, sentence: Span, span: Span, context: usize) -> Quote {
        let before = as_printed(source.get(sentence.start..span.start).unwrap_or(""));
        let marked = as_printed(source.get(span.range()).unwrap_or(""));
        let after = as_printed(source.get(span.end..sentence.end).unwrap_or(""));
        Quote {
            before: keep_last(&before, context),
            marked,
            after: keep_first(&after, context),
        }
    }

    /// The whole quote as one line.
    pub fn text(&self) -> String {
        format!("{}{}{}", self.before, self.marked, self.after)
    }
}

fn keep_last(text: &str, n: usize) -> String {
    let count = text.chars().count();
    if count <= n {
        return text.to_owned();
    }
    let tail: String = text.chars().skip(count - n).collect();
    format!("…{tail}")
}

fn keep_first(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_owned();
    }
    let head: String = text.chars().take(n).collect();
    format!("{head}…")
}

/// A span's text without the whitespace the page layout put into it
/// (`地区生产总值 （\n\nGDP\n\n）增长\n\n11%` → `地区生产总值（GDP）增长11%`): Chinese does not
/// separate words, so a run of whitespace is kept, as one space, only between two ASCII
/// letters or digits — the rule of [`crate::normalize`], without its other foldings.
pub fn as_printed(text: &str) -> String {
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

/// A period as a reader says it: `2014` for a calendar year, else `2021-01-01 – 2021-08-31`.
pub fn period_text(period: DateRange) -> String {
    use chrono::Datelike;
    let whole_year = period.start.ordinal() == 1
        && period.start.year() == period.end.year()
        && period.end.succ_opt().is_none_or(|d| d.ordinal() == 1);
    if whole_year {
        period.start.year().to_string()
    } else if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{} – {}", period.start, period.end)
    }
}

/// The anchor of every finding, in the findings' order: `f-` and its fingerprint, with `-2`,
/// `-3`… after a repeat, so that the HTML report's ids are unique and a link to a finding
/// survives edits elsewhere in its article.
pub fn anchors(findings: &[Finding]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let base = format!("f-{}", fingerprint(f));
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
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
    fn periods_read_as_years_days_or_ranges() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let range = |start, end| crate::claim::DateRange { start, end };
        assert_eq!(
            period_text(range(day(2014, 1, 1), day(2014, 12, 31))),
            "2014"
        );
        assert_eq!(
            period_text(range(day(2021, 1, 1), day(2021, 8, 31))),
            "2021-01-01 – 2021-08-31"
        );
        assert_eq!(
            period_text(range(day(2018, 9, 26), day(2018, 9, 26))),
            "2018-09-26"
        );
    }

    #[test]
    fn the_sentence_around_a_claim_is_quoted_with_the_claim_marked() {
        let source = "+++\ntitle = \"t\"\n+++\n去年完成8亿元。今年地区生产总值\n\n增长\n\n9%，财政收入增长6%。下一句。\n";
        let mut articles = Articles::new();
        articles.insert(
            "a.txt".to_owned(),
            super::super::articles::Article::new(
                source,
                None,
                None,
                chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            ),
        );
        let sentences = Sentences::of(&articles);
        let start = source.find("地区").unwrap();
        let end = source.find("9%").unwrap() + 2;
        let span = Span::new(start, end);
        let sentence = sentences.around("a.txt", span);
        let quote = Quote::of(source, sentence, span, 100);
        assert_eq!(quote.before, "今年");
        assert_eq!(quote.marked, "地区生产总值增长9%");
        assert_eq!(quote.after, "，财政收入增长6%。");
        let short = Quote::of(source, sentence, span, 3);
        assert_eq!(short.after, "，财政…");
        assert_eq!(sentences.around("other.txt", span), span);
        assert_eq!(body_start(source), source.find("去年").unwrap());
        assert_eq!(body_start("正文。"), 0);
    }
}
