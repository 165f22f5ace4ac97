//! Claim extraction: every stated target and reported figure of a document, as [`Claim`]s.
//!
//! One pass of the rule matchers over the normalized text (the literal lexicon and the pattern
//! set, both compiled once per [`RuleSet`]) and one scan of quantities and time expressions
//! feed a walk over the sentences. For each quantity that can be a claim:
//!
//! 1. **Context** (`extract/context.rs`): the clause that holds it, the cues around it and their scope,
//!    the time expression that governs it, the entity that is the subject.
//! 2. **Kind**: a target cue (`力争`, `计划`, `主要目标是:`…) or a future time makes a target; an
//!    outcome cue or a past time makes a reported figure; a clause without either inherits from
//!    the clause before it, then from the section (a `2014` section of a February 2014 plan holds
//!    targets). A reported figure for part of a period (`1~8月份`, `今年以来`) is progress.
//! 3. **Metric** (`extract/metric.rs`): a rule pattern whose `value` group is this number, else the
//!    nearest metric alias whose measure (level, growth, share, rank, progress) and dimension fit
//!    the number; else a name derived from the words before the number (see `extract/metric.rs`).
//! 4. **Period**: a target's deadline from its governing time (`到2029年`, `年底前`, the section's
//!    year, else the end of the publication year); a reported figure's period from its time
//!    expression, the section's year or, for a stock, the publication date.
//!
//! What is not a claim: a number in a heading, a bare number without a unit, a threshold that
//! describes a class (`1亿元以上项目`), a descriptor of a named project or product (`投资2.1亿元的
//! 红砂岭生态园`, `年产20万吨…`), and durations (`连续14年`). See the README, "What counts as a claim".
//!
//! The closed word lists every stage reads (link words, growth words, facility heads…) are data:
//! `rules/words.toml`, read through [`words::get`].

mod base;
mod campaign;
mod context;
mod dates;
mod facility;
mod figure;
mod metric;
mod milestone;
pub(crate) mod words;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::Analyzed;
use crate::claim::{self, Claim, ClaimKind, DateRange};
use crate::quantity::{Dimension, Quantity};
use crate::rules::RuleSet;
use crate::scan::{self, Located};
use crate::span;
use crate::structure;
use crate::time::Period;

use context::{DocumentContext, SentenceContext, Stance};
use dates::{is_partial, reported_period, so_far, streak_years, target_dates, year_to};
use figure::{Signed, comparator};
use metric::Memory;

/// The claims of one document, and how many of its numbers were left without a claim because
/// nothing names what they measure.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// The claims, in the deterministic order of [`claim::sort`].
    pub claims: Vec<Claim>,
    /// Numbers that passed every other test of a claim but for which no metric name could be
    /// made (neither a rule's alias or pattern nor a noun phrase of the article's words): recall
    /// lost to naming, counted so that it stays visible (`extract --format summary`).
    pub unnamed: usize,
}

/// Extracts the claims of one analyzed document, in the deterministic order of [`claim::sort`].
pub fn extract(a: &Analyzed, rules: &RuleSet) -> Vec<Claim> {
    extract_counted(a, rules).claims
}

/// [`extract`], also counting the numbers skipped for want of a metric name.
pub fn extract_counted(a: &Analyzed, rules: &RuleSet) -> Extraction {
    let roles = structure::roles(a, rules);
    let scan = scan::scan_document(a, &roles);
    let document = DocumentContext::new(a, &scan, rules, &roles);
    let mut claims = Vec::new();
    let mut unnamed = 0;
    // Targets that specify a facility in a sentence that names no time: due when it opens.
    let mut specifications = Vec::new();
    let sentences = document.sentences();
    let campaigns = campaign::campaigns(&document, &sentences);
    for sentence in sentences {
        // What the sentence's figures are about so far: `列入市重点项目24个,总投资…`.
        let mut memory = Memory::default();
        let described = facility::described(document.text(), sentence.range.clone());
        let timeless = sentence.times_in(sentence.range.clone()).next().is_none();
        // The last amount, count or level of the sentence, and the period of a comparison
        // base just read (`较2013年的98.4亿元`), for the change after it.
        let mut last_level: Option<usize> = None;
        let mut base_period = None;
        for q in sentence.quantities() {
            if let Some((mut claim, counted)) = claim_for(
                &document,
                &sentence,
                q,
                &memory,
                described.as_ref(),
                &mut unnamed,
            ) {
                let text = document.text();
                let at = q.item.range.start;
                if let Some(drive) = campaign::naming(&campaigns, text, sentence.range.clone(), at)
                {
                    campaign::settle(&mut claim, drive);
                }
                let clause_start = sentence.clause(sentence.clause_of(at)).start;
                let base = base::base_year(text, clause_start, at);
                if let Some(change_from) = base_period.take() {
                    base::settle_change(&mut claim, change_from);
                }
                if let Some((year, at_end)) = base {
                    base::settle_base(&mut claim, last_level.map(|i| &claims[i]), year, at_end);
                    base_period = claim.period;
                }
                if timeless
                    && described
                        .as_ref()
                        .is_some_and(|(name, _)| *name == claim.entity)
                {
                    specifications.push(claims.len());
                }
                if counted.is_some() {
                    memory.subject = counted;
                }
                if matches!(
                    claim.measure,
                    claim::Measure::Amount | claim::Measure::Count | claim::Measure::Level
                ) {
                    memory.level = Some(claim.metric_name.clone());
                    if base.is_none() {
                        last_level = Some(claims.len());
                    }
                }
                claims.push(claim);
            }
        }
        for event in milestone::find(&document, &sentence) {
            claims.push(milestone_claim(&document, sentence.index, event));
        }
    }
    due_at_opening(&mut claims, &specifications);
    claim::sort(&mut claims);
    claims.dedup_by(|a, b| a.span == b.span && a.metric == b.metric);
    Extraction { claims, unnamed }
}

/// A facility's specifications (`规划建筑面积9860平方米`) are what it is to be when the document
/// says it opens (`槐荫路小学…确保2026年秋季投入使用`): targets due that day, not the year's
/// goals nor a report of today.
fn due_at_opening(claims: &mut [Claim], specifications: &[usize]) {
    for &i in specifications {
        let facility = claims[i].entity.as_str();
        let opening = claims
            .iter()
            .filter(|c| c.measure == claim::Measure::Event && c.kind == ClaimKind::Target)
            .filter(|c| facility::opens(&c.metric_name))
            .find(|c| c.entity.contains(facility) || facility.contains(c.entity.as_str()))
            .and_then(|c| c.deadline);
        if let Some(day) = opening {
            let spec = &mut claims[i];
            spec.kind = ClaimKind::Target;
            spec.deadline = Some(day);
            spec.period = None;
        }
    }
}

/// The claim a quantity states and the subject it names, or `None` when it is not a claim;
/// a number left without a claim only because nothing names it is counted in `unnamed`.
fn claim_for(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    q: &Located<Quantity>,
    memory: &Memory,
    described: Option<&(String, usize)>,
    unnamed: &mut usize,
) -> Option<(Claim, Option<String>)> {
    let item = &q.item;
    if !could_be_claim(doc.text(), item) {
        return None;
    }
    let clause = sentence.clause_of(item.range.start);
    // `预计全年…`, `初步核算`: an estimate is a reported figure, never a goal.
    let estimate = sentence.estimated(doc, clause, item.range.start);
    let stance = if estimate {
        Stance::Reported
    } else if context::states_a_goal(doc.text(), item.range.start) {
        Stance::Target
    } else {
        sentence.stance(doc, clause)
    };
    // `高于5%左右的预期目标`: a report that quotes the goal restates no figure of its own.
    if stance == Stance::Reported && quotes_a_goal(doc.text(), item) {
        return None;
    }
    // `城镇新增就业1244万人,比上年多增38万人`: a change from last year, not another level.
    if is_change_of_an_earlier_figure(doc.text(), sentence, item) {
        return None;
    }
    // A tier (`前列`, `第一方阵`) can be aimed at, but a report of one cannot be checked.
    if item.unit.dimension == Dimension::Tier && stance == Stance::Reported {
        return None;
    }
    let Some(choice) = metric::choose(doc, sentence, clause, item, memory) else {
        *unnamed += 1;
        return None;
    };
    let time = sentence.governing_time(clause, item.range.start, choice.measure.is_of_a_period());
    // A project's total investment (`投资15.3亿元的…生产线`) is the project's plan until the
    // sentence reports the project started, built or signed.
    let stance = if choice.rule == "descriptor" && stance == Stance::Reported {
        let before = sentence.clause(clause).start..item.range.start;
        let rest = item.range.end..sentence.range.end;
        let events = &words::get().claim.project_events;
        let happened = events.iter().any(|w| {
            sentence.has_word_in(doc, w, rest.clone())
                || sentence.has_word_in(doc, w, before.clone())
        });
        if happened || estimate {
            stance
        } else {
            Stance::Target
        }
    } else {
        stance
    };
    let of_works = doc.rules().metric(&choice.id).is_some_and(|m| m.of_works);
    // `槐荫路小学位于…,项目占地15200平方米`: the figures of a facility's description are its own.
    let facility = described
        .filter(|&&(_, at)| at < item.range.start)
        .map(|(name, _)| name.clone());
    let entity = match (&choice.entity, facility) {
        (Some(own), _) => own.clone(),
        (None, Some(facility)) => facility,
        (None, None) if of_works => works_named(doc.text(), sentence, item)
            .unwrap_or_else(|| sentence.entity(doc, clause, item)),
        (None, None) => sentence.entity(doc, clause, item),
    };

    let published = doc.published();
    let (kind, period, deadline) = match stance {
        Stance::Target => {
            let (period, deadline) = target_dates(doc, sentence, time, published);
            (ClaimKind::Target, period, Some(deadline))
        }
        Stance::Reported => {
            let flow = choice.measure.is_of_a_period();
            let period = match time {
                // `截至9月底,完成投资27.3亿元`: a flow up to a cut-off day is the year's so far.
                Some(t) if flow && context::is_cut_off(t) => year_to(t.period.end),
                _ => reported_period(doc, sentence, time, published),
            };
            // `连续4年居全市第一`: a streak covers the years it names, up to the report.
            let clause_start = sentence.clause(clause).start;
            let words = &doc.text()[clause_start..item.range.start];
            // The streak is named just before the figure; a long clause is not searched whole.
            let near = words
                .char_indices()
                .rev()
                .nth(24)
                .map_or(words, |(i, _)| &words[i..]);
            let period = match streak_years(near) {
                Some(years) => Period {
                    start: NaiveDate::from_ymd_opt(period.end.year() + 1 - years, 1, 1)
                        .unwrap_or(period.start),
                    end: period.end,
                },
                None => period,
            };
            // A figure at a cut-off before the year is out (`截至9月底,已建成5G基站…`,
            // `截至6月底,完成投资…`) is a reading on the way to the year's figure.
            let partial = time.is_some_and(|t| {
                is_partial(t, published)
                    || (context::is_cut_off(t)
                        && (period.end.month(), period.end.day()) != (12, 31))
            });
            // A share of a task done as of a day before the year is out (`占总任务量的87%`) is
            // progress toward it; the share done over a whole year is its outcome.
            // So is what is done of it (`已敷设460公里,占总任务量的87%`).
            let task_underway = (choice.measure == claim::Measure::Progress
                || share_of_task_follows(doc.text(), item.range.end, sentence.range.end))
                && period.start == period.end
                && (period.end.month(), period.end.day()) != (12, 31);
            let (kind, period) = if partial {
                (ClaimKind::Progress, so_far(period, published))
            } else if task_underway {
                (ClaimKind::Progress, period)
            } else {
                (ClaimKind::Outcome, period)
            };
            (kind, Some(period), None)
        }
    };

    // `总数达到102家` in a report states the figure; only a goal's `达到` is a floor.
    let reread;
    let item = if kind != ClaimKind::Target && only_reaches(item) {
        reread = reached_figure(doc.text(), item);
        reread.as_ref().unwrap_or(item)
    } else {
        item
    };
    let signed = Signed::of(doc.text(), item);
    let comparator = comparator(doc.text(), item, kind, &choice, &signed);
    let mut start = choice
        .anchor
        .filter(|&s| s < item.range.start)
        .unwrap_or(item.range.start);
    // A share's span names its whole (`占规模以上工业增加值的比重达60%`): arithmetic reads it.
    let clause_range = sentence.clause(clause);
    if item.unit.base == "%"
        && let Some(at) = sentence.last_word_in(doc, "占", clause_range.start..item.range.start)
    {
        start = start.min(at);
    }
    let place = Place::of(doc, start..item.range.end);
    let claim = Claim {
        id: place.id,
        doc: place.doc,
        span: place.span,
        line: place.line,
        column: place.column,
        text: place.text,
        kind,
        entity,
        metric: choice.id,
        measure: choice.measure,
        metric_name: choice.name,
        value: Some(signed.value),
        unit: item.unit.printed.clone(),
        low: signed.low,
        high: signed.high,
        value_to: signed.value_to,
        base_value: Some(signed.base_value),
        base_unit: item.unit.base.clone(),
        qualifier: essential_qualifier(item.qualifier.as_deref()),
        comparator,
        estimate,
        period: period.map(|p| DateRange {
            start: p.start,
            end: p.end,
        }),
        deadline,
        rule: choice.rule,
        published,
        sentence: sentence.index,
    };
    Some((claim, choice.subject))
}

/// Whether the figure ending at `end` is followed by its share of a task
/// (`已敷设460公里,占总任务量的87%`): then it is the part of the task done so far.
fn share_of_task_follows(text: &str, end: usize, sentence_end: usize) -> bool {
    let rest = &text[end..sentence_end];
    let Some(rest) = rest.strip_prefix(',').and_then(|r| r.strip_prefix('占')) else {
        return false;
    };
    // The share is named straight after `占` (`占总任务量的`, `占年度任务的`).
    let named: String = rest.chars().take_while(|&c| c != '的').take(8).collect();
    named.contains("任务")
}

/// The works whose progress a figure gives: the words that open the figure's clause, else an
/// earlier clause of its list item, up to the first verb or time word (`works_name_ends` of
/// `rules/words.toml`; `全域农村污水管网已敷设460公里,占总任务量的87%` → `全域农村污水管网`).
fn works_named(text: &str, sentence: &SentenceContext, q: &Quantity) -> Option<String> {
    let head = &text[sentence.range.start..q.range.start];
    let item = head.rfind(';').map_or(head, |i| &head[i + 1..]);
    item.rsplit(',').find_map(|clause| {
        let end = words::get()
            .claim
            .works_name_ends
            .iter()
            .filter_map(|w| clause.find(w))
            .min()
            .unwrap_or(clause.len());
        let name = clause[..end].trim_matches(|c: char| !crate::normalize::is_cjk(c));
        let name = name.strip_prefix("全区").unwrap_or(name);
        (name.chars().count() >= 2 && name.chars().all(crate::normalize::is_cjk))
            .then(|| name.to_owned())
    })
}

/// Where a claim is in its file: the source span of a normalized range, with its id, path,
/// line, column and text.
struct Place {
    id: String,
    doc: String,
    span: span::Span,
    line: usize,
    column: usize,
    text: String,
}

impl Place {
    fn of(doc: &DocumentContext, range: std::ops::Range<usize>) -> Self {
        let span = doc.to_source(range);
        let source = doc.source();
        let (line, column) = doc.line_col(span.start);
        let path = doc.path();
        Place {
            id: claim::claim_id(&path, span),
            doc: path,
            span,
            line,
            column,
            text: source[span.range()].to_owned(),
        }
    }
}

/// The target a milestone states: no number, a deadline, the thing as its entity.
fn milestone_claim(doc: &DocumentContext, sentence: usize, event: milestone::Milestone) -> Claim {
    let place = Place::of(doc, event.range);
    Claim {
        id: place.id,
        line: place.line,
        column: place.column,
        kind: ClaimKind::Target,
        entity: event.entity,
        metric: format!("milestone.{}", event.verb),
        measure: claim::Measure::Event,
        metric_name: event.verb,
        deadline: Some(event.deadline),
        rule: "milestone".to_owned(),
        published: doc.published(),
        sentence,
        ..Claim::blank(&place.doc, place.span, &place.text)
    }
}

/// Whether a quantity can state a claim at all, judged from the words right around it.
fn could_be_claim(text: &str, q: &Quantity) -> bool {
    if q.unit.dimension == Dimension::Dimensionless {
        return false;
    }
    // Durations and repetitions describe how long or how often, not a figure of the entity.
    if q.unit.dimension == Dimension::Count
        && ["年", "个月", "月", "周", "天", "日", "小时", "次", "届"]
            .contains(&q.unit.base.as_str())
    {
        return false;
    }
    // `一批`, `两头`, `三支队伍`, `五条措施`: small counts in Chinese numerals are idiom and
    // programme names far more often than figures; statistics print digits.
    let digits = q.printed.chars().any(|c| c.is_ascii_digit());
    if q.unit.dimension == Dimension::Count && !digits && q.value <= Decimal::TEN {
        return false;
    }
    // A rank among the world's or the country's firms (`跃居全球第一`) is a company's boast,
    // not an indicator of the entity.
    let scope = q
        .rank
        .as_ref()
        .and_then(|r| r.scope.as_deref())
        .unwrap_or("");
    if ["全球", "国内", "全国", "世界"]
        .iter()
        .any(|w| scope.contains(w))
    {
        return false;
    }
    let before = &text[..q.range.start];
    let after = &text[q.range.end..];
    // `年产20万吨…`: a capacity that names a project or product line.
    if before.ends_with("年产") || before.ends_with("年产能") {
        return false;
    }
    // `1亿元以上项目`, `500万元以上项目`: a threshold that defines a class of projects.
    let threshold = q
        .qualifier
        .as_deref()
        .is_some_and(|w| w.ends_with("以上") || w.ends_with("以下"));
    if threshold && after.starts_with(|c: char| crate::normalize::is_cjk(c)) {
        return false;
    }
    // `200万元至500万元项目`, `10亿元企业`: an amount directly naming a class of things.
    if q.unit.dimension == Dimension::Money
        && ["项目", "企业", "以上", "以下", "至"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return false;
    }
    true
}

/// A qualifier without the verbs that only introduce the figure (`introducing_verbs` of
/// `rules/words.toml`): `达到…以上` is `以上`, `控制在…以内` is `以内`; `None` when nothing else
/// qualifies it.
fn essential_qualifier(qualifier: Option<&str>) -> Option<String> {
    let words: Vec<&str> = qualifier?
        .split('…')
        .filter(|w| !words::get().claim.introducing_verbs.contains(w))
        .collect();
    (!words.is_empty()).then(|| words.join("…"))
}

/// Whether a figure's only qualifier is a verb of reaching (`达到`).
fn only_reaches(q: &Quantity) -> bool {
    q.qualifier.as_deref() == Some("达到")
}

/// The figure after `达到`, read as printed: a report says what was reached, with the rounding
/// interval of the number, not a floor.
fn reached_figure(text: &str, q: &Quantity) -> Option<Quantity> {
    let start = q.range.start + q.printed.find("达到")? + "达到".len();
    let mut figure = crate::quantity::parse_at(text, start)?;
    if figure.range.end != q.range.end {
        return None;
    }
    figure.range.start = q.range.start;
    Some(figure)
}

/// Whether a reported figure quotes a goal (`实现了6.5%左右的预期目标`, `低于3%左右的目标`).
fn quotes_a_goal(text: &str, q: &Quantity) -> bool {
    let after = &text[q.range.end..];
    let before = text[..q.range.start].trim_end_matches([':', ',']);
    ["的预期目标", "预期目标", "的目标", "的年度目标", "目标"]
        .iter()
        .any(|w| after.starts_with(w))
        || ["预期目标", "目标为", "目标是"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// Whether an amount is the change of a figure stated earlier in its sentence in the same unit
/// (`城镇新增就业1244万人,比上年多增38万人`; `change_words` of `rules/words.toml`): it is not
/// another value of that figure.
fn is_change_of_an_earlier_figure(text: &str, sentence: &SentenceContext, q: &Quantity) -> bool {
    let relative = matches!(
        q.unit.dimension,
        Dimension::Percent | Dimension::Permille | Dimension::PercentagePoint
    );
    let before = text[..q.range.start].trim_end_matches('了');
    let change_words = &words::get().claim.change_words;
    if relative || !change_words.iter().any(|w| before.ends_with(w)) {
        return false;
    }
    sentence.has_quantity_in_unit_before(&q.unit.base, q.range.start)
}
