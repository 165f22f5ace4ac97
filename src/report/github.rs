//! Findings as GitHub Actions workflow commands (`--format github`): printed by a step, each
//! line becomes an annotation on the article's file in the run and the pull request.
//!
//! ```text
//! ::error file=tests/fixtures/check/missed-gdp-2014/2014-02-15-zhongzhanqu-sige-zhongzhan.txt,line=463,col=5,endLine=469,endColumn=4,title=target%3A%3Amissed::中站区 地区生产总值(GDP)增速 2014: target ≥11%25, reported 9.8%25 — missed by 1.2 pp%0Aevidence: tests/fixtures/check/missed-gdp-2014/2015-02-06-zhongzhanqu-2014-huigu.txt:8:28 reported 9.8%25 for 2014, published 2015-02-06
//! ```
//!
//! - One line per finding shown, in report order: findings at `allow` level only with
//!   `--show-all`. The command is the level: `deny` → `error`, `warn` → `warning`, `allow` →
//!   `notice`.
//! - `file` is the target's `doc`: its path relative to the project root (see
//!   `crate::project`; GitHub resolves it against the workspace, so keep `claimcheck.toml`
//!   at the repository root). `line`/`col` are where the target's span starts, `endLine`/`endColumn`
//!   where it ends (the column just after its last character); columns count characters,
//!   as GitHub does. The end is left out when the article is not among those loaded. The
//!   runner drops both columns when the span crosses lines, as most spans in laid-out articles
//!   do; the lines still place the annotation.
//! - `title` is the finding code.
//! - The message is the finding's message, then one line per evidence claim:
//!   `evidence: <doc>:<line>:<col> <label>`.
//! - Escaping is the Actions toolkit's: in the message `%` → `%25`, CR → `%0D`, LF → `%0A`
//!   (so the evidence lines arrive as line breaks); in property values also `:` → `%3A` and
//!   `,` → `%2C`.
//!
//! - Then one line per dataset or baseline difference (`--expect`, `--baseline`), whatever
//!   the levels: `error` for `dataset::changed`, `dataset::missing` and `dataset::new`,
//!   `warning` for `baseline::stale`. It is placed at its main place (the entry in the dataset
//!   or baseline file, or the target in its article for `dataset::new`), `title` is its code,
//!   and each other place follows the message as `<label>: <file>:<line>:<col>`:
//!   `::error file=expected.toml,line=11,col=11,endLine=11,endColumn=16,title=dataset%3A%3Achanged::expected met for «…» in corpus/a.txt, now missed%0Atarget::missed: corpus/a.txt:6:37`
//!
//! GitHub turns at most 10 errors, 10 warnings and 10 notices of one step into annotations
//! (50 per job); the rest stay visible in the log.

use crate::difference::Difference;
use crate::finding::{Finding, Level};

use super::Context;
use super::articles::Articles;

/// The workflow commands of the findings shown, then one per dataset or baseline difference.
pub fn github(context: &Context) -> String {
    let mut out = String::new();
    for finding in context.shown() {
        out.push_str(&command(finding, context.level(finding), context.articles));
        out.push('\n');
    }
    for difference in context.differences {
        out.push_str(&difference_command(difference));
        out.push('\n');
    }
    out
}

/// The workflow command of a level.
fn command_name(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "notice",
    }
}

/// One difference as one workflow command, on its main place; the message names the others.
fn difference_command(difference: &Difference) -> String {
    let mut properties = Vec::new();
    if let Some(main) = difference.locations.first() {
        properties.extend([
            ("file", main.file.clone()),
            ("line", main.line.to_string()),
            ("col", main.column.to_string()),
            ("endLine", main.end_line.to_string()),
            ("endColumn", main.end_column.to_string()),
        ]);
    }
    properties.push(("title", difference.code.clone()));
    let mut message = difference.message.clone();
    for place in difference.locations.iter().skip(1) {
        message.push_str(&format!(
            "\n{}: {}:{}:{}",
            place.label, place.file, place.line, place.column
        ));
    }
    format!(
        "::{} {}::{}",
        command_name(difference.severity),
        join_properties(&properties),
        escape_data(&message)
    )
}

/// `key=value` pairs, escaped, joined by commas.
fn join_properties(properties: &[(&str, String)]) -> String {
    properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect::<Vec<_>>()
        .join(",")
}

/// One finding as one workflow command.
fn command(finding: &Finding, level: Level, articles: &Articles) -> String {
    let name = command_name(level);
    let target = &finding.target;
    let mut properties = vec![
        ("file", target.doc.clone()),
        ("line", target.line.to_string()),
        ("col", target.column.to_string()),
    ];
    if let Some(article) = articles.get(&target.doc) {
        let region = article.region(target.span);
        properties.push(("endLine", region.end_line.to_string()));
        properties.push(("endColumn", region.end_column.to_string()));
    }
    properties.push(("title", finding.code.as_str().to_owned()));
    let mut message = finding.message.clone();
    for evidence in &finding.evidence {
        let claim = &evidence.claim;
        message.push_str(&format!(
            "\nevidence: {}:{}:{} {}",
            claim.doc, claim.line, claim.column, evidence.label
        ));
    }
    format!(
        "::{name} {}::{}",
        join_properties(&properties),
        escape_data(&message)
    )
}

/// Escapes a command's message: `%` first, so the escapes themselves are not escaped again.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: `:` and `,` would end the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::claim::{Claim, ClaimKind, claim_id};
    use crate::finding::{Code, Levels};
    use crate::report::articles::Article;
    use crate::span::Span;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A claim on `text[start..end]` of `doc`, located the way extraction locates it.
    fn claim(doc: &str, text: &str, start: usize, end: usize) -> Claim {
        let span = Span::new(start, end);
        let (line, column) = crate::span::line_col(text, start);
        Claim {
            id: claim_id(doc, span),
            doc: doc.to_owned(),
            span,
            line,
            column,
            text: text[start..end].to_owned(),
            kind: ClaimKind::Target,
            entity: "中站区".to_owned(),
            metric: "economy.gdp_growth".to_owned(),
            metric_name: "地区生产总值增速".to_owned(),
            value: Some(Decimal::from(11)),
            unit: "%".to_owned(),
            low: None,
            high: None,
            base_value: Some(Decimal::from(11)),
            base_unit: "%".to_owned(),
            qualifier: None,
            comparator: crate::claim::Comparator::Ge,
            estimate: false,
            measure: crate::claim::Measure::Growth,
            value_to: None,
            period: None,
            deadline: Some(date(2014, 12, 31)),
            rule: "test".to_owned(),
            published: date(2014, 2, 15),
            sentence: 0,
        }
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2015, 2, 10).unwrap()
    }

    fn articles(doc: &str, text: &str) -> Articles {
        let article = Article::new(text, None, None, date(2014, 2, 15));
        [(doc.to_owned(), article)].into_iter().collect()
    }

    #[test]
    fn data_escapes_percent_cr_and_lf_only() {
        assert_eq!(escape_data("11%: a, b\r\nc"), "11%25: a, b%0D%0Ac");
        // An escape already in the text is escaped again, not taken for one.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("a:b,c%\r\n"),
            "a%3Ab%2Cc%25%0D%0A",
            "every special character of a property value"
        );
    }

    #[test]
    fn a_finding_is_one_line_with_escaped_path_message_and_evidence() {
        let doc = "dir,with:odd%/文,章.txt";
        let text = "前言\n目标：地区生产总值增长11%\n";
        let start = text.find("地区").unwrap();
        let end = text.find("11%").unwrap() + "11%".len();
        let target = claim(doc, text, start, end);
        let report = claim("review.txt", "x", 0, 1);
        let finding = Finding::new(
            Code::Missed,
            &target,
            "target ≥11%, reported 9.8%\r\nsecond: line, with comma".to_owned(),
        )
        .cite(&report, "reported 9.8%, for 2014");
        let (findings, levels, articles) = ([finding], Levels::default(), articles(doc, text));
        let out = github(&Context::new(&findings, &levels, &articles, as_of()));
        assert_eq!(
            out,
            "::error file=dir%2Cwith%3Aodd%25/文%2C章.txt,line=2,col=4,endLine=2,endColumn=15,\
             title=target%3A%3Amissed::target ≥11%25, reported 9.8%25%0D%0Asecond: line, with \
             comma%0Aevidence: review.txt:1:1 reported 9.8%25, for 2014\n"
        );
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn levels_choose_the_command_and_allow_is_shown_on_request() {
        let text = "增长11%";
        let target = claim("a.txt", text, 0, text.len());
        let findings = [
            Finding::new(Code::Missed, &target, "m".to_owned()),
            Finding::new(Code::Behind, &target, "b".to_owned()),
            Finding::new(Code::Met, &target, "ok".to_owned()),
        ];
        let (levels, articles) = (Levels::default(), Articles::new());
        let context = Context::new(&findings, &levels, &articles, as_of());
        let shown = github(&context);
        let commands: Vec<&str> = shown
            .lines()
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert_eq!(commands, ["::error", "::warning"]);
        // Without the article there is no end position.
        assert!(shown.starts_with("::error file=a.txt,line=1,col=1,title="));
        let all = github(&context.show_all(true));
        assert!(all.lines().nth(2).unwrap().starts_with("::notice "));
    }
}
