//! Which metric a quantity measures.
//!
//! In order of confidence:
//! 1. a rule pattern whose `value` group is this number (`完成投资(?P<value>…)`);
//! 2. the nearest metric alias — in the quantity's clause before it, then after it, then in
//!    earlier clauses of the sentence — with a metric whose measure and dimension fit the number
//!    (`地区生产总值完成47亿元,同比增长12.9%`: the alias gives the level, then the growth);
//! 3. a metric derived from a rule metric found nearby when the number is its growth or rank
//!    (`技术合同成交额…增长103.43%` → `技术合同成交额增速`);
//! 4. a name made from the words before the number, following the naming of statistical
//!    bulletins: counts end in `数` (`办结企业诉求187件` → `办结企业诉求数`), growth in `增速`,
//!    ranks in `<scope>排名`, shares are `A占B比重`. Such metrics have the id
//!    `text.<name>` and rule `derived`: they are matched across articles by their name only.
//!
//! The words that say what a percentage measures and the words stripped from a derived name are
//! `[metric]` of `rules/words.toml`.

use std::ops::Range;

use crate::quantity::{Dimension, Quantity};
use crate::rules::{Direction, Measure, Metric, PatternMatch, Term, TermMatch};

use super::context::{DocumentContext, SentenceContext, last_inside};
use super::words;

mod counted;
mod naming;

pub(super) use naming::strip_repeatedly;
use naming::*;

/// The metric chosen for a quantity.
#[derive(Clone, Debug)]
pub(super) struct MetricChoice {
    /// Metric id: a rule id, or a derived one.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// The rule that decided it (metric id, `<id>#pattern<N>`, or `derived`).
    pub rule: String,
    /// Where the metric words start in the normalized text, when they are in the same clause.
    pub anchor: Option<usize>,
    /// Which way is better.
    pub direction: Direction,
    /// What the number measures: the rule's measure, or one read from the wording.
    pub measure: Measure,
    /// The noun phrase this figure counts or measures, for facets later in the sentence.
    pub subject: Option<String>,
    /// The claim's own entity, when the figure describes a named thing.
    pub entity: Option<String>,
}

/// What the earlier figures of a sentence tell the later ones.
#[derive(Clone, Debug, Default)]
pub(super) struct Memory {
    /// The noun phrase an earlier figure counted, for facets (`列入市重点项目24个,总投资…`).
    pub subject: Option<String>,
    /// The name of the last amount, count or level stated, for a growth rate that follows it
    /// without naming it (`园区营业收入完成210亿元,同比增长6.5%`).
    pub level: Option<String>,
}

/// Chooses the metric of `q`; `None` when nothing names what the number measures.
pub(super) fn choose(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    clause: usize,
    q: &Quantity,
    memory: &Memory,
) -> Option<MetricChoice> {
    let text = doc.text();
    let clause_range = list_item(doc, sentence, sentence.clause(clause), q);
    if let Some(choice) = descriptor(text, q) {
        return Some(choice);
    }
    let measure = infer_measure(doc, sentence, clause_range.clone(), q);
    let pinned = pinning_patterns(doc, q);
    if let Some((m, p)) = pinned.iter().find(|(_, p)| p.value.is_some()) {
        return Some(pattern_choice(text, m, p, p.span.start, &clause_range, q));
    }
    let follows = pinned.first();
    // `等4个项目已签约`: the things counted and what they did name the figure; a catalogue
    // alias among them (`推动30家规模以上企业开展…`) names only the whole they are part of.
    let counted = counted_noun(text, &clause_range, q);
    if follows.is_none()
        && counted.as_ref().is_some_and(|c| c.predicate.is_some())
        && let Some(words) =
            name_from_words(doc, sentence, clause, q, measure, memory, counted.as_ref())
    {
        return Some(derived_choice(words, measure, q));
    }
    // A count with a noun of its own, after it (`下辖7个街道`) or before it (`新增智能车间企业3家`),
    // names itself: an alias of an earlier clause is not its.
    let names_itself = counted.is_some()
        || (q.unit.dimension == Dimension::Count && {
            let start = words_start(doc, sentence, clause_range.clone(), q);
            let left = trim_links(trim_opening(&text[start..q.range.start]));
            let generic = words::get().metric.generic_count_words.contains(left);
            !generic
                && left
                    .chars()
                    .filter(|&c| crate::normalize::is_cjk(c))
                    .count()
                    >= 2
        });
    let nearby = nearest_alias(doc, sentence, clause, q, measure, !names_itself);
    if let Some((metric, alias)) = nearby.fitting {
        let anchor = alias.start;
        // A pattern that reaches across a list (`新增国家高新技术企业3家、省级工程技术研究中心
        // 2家`: 新增 governs both) names the metric; the alias in the item still places it.
        if let Some((m, p)) = follows
            && m.id != metric.id
        {
            return Some(pattern_choice(text, m, p, anchor, &clause_range, q));
        }
        let mut choice = rule_choice(metric, metric.id.clone(), anchor, &clause_range);
        choice.name = surface_name(metric, &text[alias.clone()], q);
        // `实施三化改造项目36个,总投资额255.2亿元`: the counted things are what the later
        // facets of the sentence are about.
        if metric.dimension == Dimension::Count && metric.measure.is_magnitude() {
            choice.subject = Some(subject_of(&text[alias]));
        }
        if measure == Measure::Rank {
            add_rank_scope(&mut choice, q);
        }
        return Some(choice);
    }
    if let Some((m, p)) = follows {
        let anchor = p.span.start.max(clause_range.start);
        return Some(pattern_choice(text, m, p, anchor, &clause_range, q));
    }
    if let Some((base, alias)) = nearby.any
        && let Some(name) = derived_from(text, &clause_range, q, measure, &base.name)
    {
        let mut choice = rule_choice(base, format!("text.{name}"), alias.start, &clause_range);
        choice.measure = worded_measure(measure, q, &name);
        choice.name = name;
        choice.rule = format!("{}+derived", base.id);
        return Some(choice);
    }
    let words = name_from_words(doc, sentence, clause, q, measure, memory, counted.as_ref())?;
    Some(derived_choice(words, measure, q))
}

/// The choice of a metric named from the article's words.
fn derived_choice(words: Words, measure: Measure, q: &Quantity) -> MetricChoice {
    MetricChoice {
        id: format!("text.{}", words.name),
        measure: worded_measure(measure, q, &words.name),
        name: words.name,
        rule: "derived".to_owned(),
        anchor: words.anchor,
        direction: Direction::Higher,
        subject: words.subject,
        entity: None,
    }
}

/// A descriptor of a named thing (`投资2.1亿元的红砂岭生态园`): a claim about that thing, with
/// the thing as its entity.
fn descriptor(text: &str, q: &Quantity) -> Option<MetricChoice> {
    let after = text[q.range.end..].strip_prefix('的')?;
    let before = &text[..q.range.start];
    let (word, metric) = words::get()
        .metric
        .descriptors
        .iter()
        .map(|d| (d.word.as_str(), d.metric.as_str()))
        .find(|(w, _)| before.ends_with(w))?;
    let name_end = after
        .char_indices()
        .find(|&(_, c)| matches!(c, ',' | '。' | ';' | '、' | ':' | '\n'))
        .map_or(after.len(), |(i, _)| i);
    let mut name = &after[..name_end];
    for stop in [
        "即将", "等", "正在", "已经", "已", "开工", "建成", "顺利", "全面", "年底", "将",
    ] {
        if let Some(i) = name.find(stop)
            && i > 0
        {
            name = &name[..i];
        }
    }
    let name = name.trim();
    if name.chars().count() < 2 {
        return None;
    }
    // `19个总投资31.2亿元的重点项目` (a count before it) and `总投资5亿元的山阳路桥、龙源路…` (a
    // list after it) describe a set of works: the figure is the set's total, and the place's.
    let counted_before = before[..before.len() - word.len()]
        .trim_end_matches(['个', '家', '项', '批', '条', '所', '座'])
        .ends_with(|c: char| c.is_ascii_digit());
    let next_item = after[name_end..].strip_prefix('、').map(|rest| {
        let end = rest.find(['、', ',', ';', '。']).unwrap_or(rest.len());
        &rest[..end]
    });
    // …but `投资3亿元的A、投资2亿元的B` lists things with figures of their own.
    let listed_after = next_item.is_some_and(|item| !item.contains(|c: char| c.is_ascii_digit()));
    let entity = (!counted_before && !listed_after).then(|| name.to_owned());
    Some(MetricChoice {
        id: format!("text.{metric}"),
        name: (*metric).to_owned(),
        rule: "descriptor".to_owned(),
        anchor: Some(q.range.start - word.len()),
        direction: Direction::Higher,
        measure: Measure::Level,
        subject: None,
        entity,
    })
}

/// The item of an enumeration inside a clause that holds `q` (`65家高新技术企业、183家科技型
/// 中小企业`): the words of one item never name another item's number.
///
/// Figures paired by `分别` with a list of names share the clause: its names and its `占` are
/// theirs.
fn list_item(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    clause: Range<usize>,
    q: &Quantity,
) -> Range<usize> {
    if sentence.has_word_in(doc, "分别", clause.start..q.range.start) {
        return clause;
    }
    let start = sentence
        .last_word_in(doc, "、", clause.start..q.range.start)
        .map_or(clause.start, |i| i + '、'.len_utf8());
    let end = sentence
        .first_word_in(doc, "、", q.range.end..clause.end)
        .unwrap_or(clause.end);
    start..end
}

/// The metric's name as the article words it (`农民人均纯收入增速` where the rule's name is
/// `农村居民人均收入增速`): quoting the article is what a fact-checker cites, and the rule id
/// still groups the calibres. The measure's ending comes from the rule's name; an alias that is
/// only an abbreviation (`GDP`) or a bare facet (`总投资`) keeps the rule's name.
fn surface_name(metric: &Metric, alias: &str, q: &Quantity) -> String {
    let alias: String = alias.chars().filter(|c| !c.is_whitespace()).collect();
    let generic = alias.is_ascii()
        || alias.chars().count() < 3
        || words::get().metric.facet_words.contains(&alias);
    if generic || metric.name.contains(alias.as_str()) {
        return metric.name.clone();
    }
    let ending = match metric.measure {
        Measure::Growth => "增速",
        m if m.is_magnitude() && q.unit.dimension == Dimension::Count => {
            return count_name(&alias, q);
        }
        Measure::Level | Measure::Amount | Measure::Count | Measure::Rate => "",
        // A share's alias that names the share whole (`研发经费投入强度`, `…占GDP比重`) is its
        // name as the article words it.
        Measure::Share if ["比重", "强度", "率"].iter().any(|e| alias.ends_with(e)) => "",
        // A share or a plan's completion names two things, the alias one; a rank's name
        // is built with its scope; an event has no number to name.
        Measure::Share | Measure::Progress | Measure::Rank | Measure::Event => {
            return metric.name.clone();
        }
    };
    if alias.ends_with(ending) {
        alias
    } else {
        format!("{alias}{ending}")
    }
}

/// A choice made from a rule metric; `anchor` counts only inside the quantity's clause.
fn rule_choice(metric: &Metric, id: String, anchor: usize, clause: &Range<usize>) -> MetricChoice {
    MetricChoice {
        id,
        name: metric.name.clone(),
        rule: metric.id.clone(),
        anchor: clause.contains(&anchor).then_some(anchor),
        direction: metric.direction,
        measure: metric.measure,
        subject: None,
        entity: None,
    }
}

/// The measure of a derived metric, from its number and its wording: money reported by
/// governments is a flow over a period (output, revenue, investment) unless the name says it is
/// a balance; a count is a number at a date unless its words count what happened.
fn worded_measure(measure: Measure, q: &Quantity, name: &str) -> Measure {
    if !measure.is_magnitude() {
        return measure;
    }
    let flow_words = &words::get().metric.flow_words;
    let flow = flow_words.iter().any(|w| name.starts_with(w));
    match q.unit.dimension {
        Dimension::Money if name.contains("余额") || name.contains("总投资") => Measure::Level,
        Dimension::Money => Measure::Amount,
        Dimension::Count if flow => Measure::Amount,
        Dimension::Count => Measure::Count,
        _ => Measure::Level,
    }
}

/// What the number says about its metric, from its unit and the words before it.
fn infer_measure(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    clause: Range<usize>,
    q: &Quantity,
) -> Measure {
    let before = &doc.text()[clause.start..q.range.start];
    let words = &words::get().metric;
    // Looked up in the sentence's index of each word (none of these words overlaps itself),
    // not searched for in the words before each figure of a long clause.
    let has_words = |list: &'static words::List| {
        list.iter()
            .any(|w| sentence.has_word_in(doc, w, clause.start..q.range.start))
    };
    match q.unit.dimension {
        Dimension::Rank | Dimension::Tier => Measure::Rank,
        Dimension::Percent
        | Dimension::Permille
        | Dimension::PercentagePoint
        | Dimension::RatioTimes => {
            // Trimmed once: the growth words are compared with its end.
            let linked = trim_links(before);
            if has_words(&words.progress_words) {
                Measure::Progress
            } else if has_words(&words.share_words) {
                Measure::Share
            } else if words.growth_words.iter().any(|w| linked.ends_with(w))
                && !words.rate_names.iter().any(|w| linked.ends_with(w))
            {
                Measure::Growth
            } else {
                Measure::Rate
            }
        }
        _ => Measure::Level,
    }
}

/// Whether a metric can take a number of this dimension with this measure.
fn fits(metric: &Metric, measure: Measure, dimension: Dimension) -> bool {
    let dimension_fits = metric.dimension == dimension
        || matches!(
            (metric.dimension, dimension),
            (Dimension::Rank, Dimension::Tier) | (Dimension::Tier, Dimension::Rank)
        );
    let magnitude_or_rate = |m: Measure| m.is_magnitude() || m == Measure::Rate;
    let measure_fits = metric.measure == measure
        || (metric.measure.is_magnitude() && measure.is_magnitude())
        || (magnitude_or_rate(metric.measure)
            && magnitude_or_rate(measure)
            && (metric.measure == Measure::Rate) != (measure == Measure::Rate));
    dimension_fits && measure_fits
}

/// The metric patterns that pin `q`: by their `value` group, or, without one, by ending
/// right before it. Metrics whose dimension is not the number's are left out.
fn pinning_patterns<'d>(doc: &'d DocumentContext, q: &Quantity) -> Vec<(&'d Metric, PatternMatch)> {
    let metrics = doc.rules().metrics();
    doc.patterns_pinning(q.range.start)
        .filter_map(|p| metrics.get(p.metric).map(|m| (m, *p)))
        .filter(|(m, _)| m.dimension == q.unit.dimension)
        .collect()
}

/// The choice a pattern makes, placed at `anchor`. A count pinned by a pattern names what the
/// sentence's later facets are about (`列入市重点(A类)项目24个,…占年度计划的96.32%`).
fn pattern_choice(
    text: &str,
    m: &Metric,
    p: &PatternMatch,
    anchor: usize,
    clause: &Range<usize>,
    q: &Quantity,
) -> MetricChoice {
    let mut choice = rule_choice(m, m.id.clone(), anchor, clause);
    choice.rule = format!("{}#pattern{}", m.id, p.pattern + 1);
    // The article's words, when the match holds one of the rule's aliases
    // (`研发经费投入强度达到2.6%` is named as written, not as the rule names it).
    let matched = &text[p.span.start..p.span.end.min(q.range.start).max(p.span.start)];
    if let Some(alias) = m
        .aliases
        .iter()
        .filter(|a| matched.contains(a.as_str()))
        .max_by_key(|a| a.len())
    {
        choice.name = surface_name(m, alias, q);
    }
    if m.dimension == Dimension::Count && m.measure.is_magnitude() && anchor < p.span.end {
        choice.subject = Some(subject_of(&text[anchor..p.span.end]));
    }
    if m.measure == Measure::Rank {
        add_rank_scope(&mut choice, q);
    }
    choice
}

/// A rank's name and id with the ranking's scope (`空气质量全市排名`, `<id>@全市`), however the
/// metric was chosen.
fn add_rank_scope(choice: &mut MetricChoice, q: &Quantity) {
    choice.name = scoped_rank(&choice.name, q);
    choice.id = format!("{}@{}", choice.id, rank_scope(q));
}

/// The metric aliases near a quantity: the first that fits it, and the first of any kind.
struct Nearby<'r> {
    fitting: Option<(&'r Metric, Range<usize>)>,
    any: Option<(&'r Metric, Range<usize>)>,
}

/// Looks for metric aliases in the quantity's clause (before it, then after it), then in the
/// earlier clauses of its sentence, nearest first.
fn nearest_alias<'d>(
    doc: &'d DocumentContext,
    sentence: &SentenceContext,
    clause: usize,
    q: &Quantity,
    measure: Measure,
    earlier_clauses: bool,
) -> Nearby<'d> {
    let metrics = doc.rules().metrics();
    let clause_range = list_item(doc, sentence, sentence.clause(clause), q);
    let clause_start = sentence.clause(clause).start;
    let terms = sentence.terms(doc);
    let after_in_clause = sentence
        .terms_in(doc, q.range.end..clause_range.end)
        .iter()
        .filter(|t| t.span.end <= clause_range.end)
        .take(1);
    // In the earlier clauses, nearest first, only two words can matter: the nearest alias that
    // fits, and the nearest magnitude alias when it is nearer still. Both are looked up in the
    // sentence's indexes.
    let dimension = q.unit.dimension;
    let lookups = sentence.lookups();
    let start = |t: &TermMatch| t.span.start;
    let is_fitting = |t: &TermMatch| aliased(metrics, t).any(|m| fits(m, measure, dimension));
    let is_magnitude = |t: &TermMatch| aliased(metrics, t).any(|m| m.measure.is_magnitude());
    // One look at each index gives the nearest word of its kind before the number in its
    // clause, and the nearest in the clauses before that.
    let before_number = clause_range.start..q.range.start;
    let nearest = |marks: &[usize]| {
        let in_earlier_clauses = marks.partition_point(|&i| terms[i].span.start < clause_start);
        (
            last_inside(terms, marks, &before_number),
            marks[..in_earlier_clauses].last().copied(),
        )
    };
    let (fitting_in_clause, fitting_before) = lookups.fitting_aliases.before(
        (dimension, measure),
        terms,
        start,
        q.range.start,
        is_fitting,
        nearest,
    );
    let (magnitude_in_clause, magnitude_before) =
        lookups
            .magnitude_aliases
            .before((), terms, start, q.range.start, is_magnitude, nearest);
    let nearer_magnitude =
        magnitude_before.filter(|&m| fitting_before.is_none_or(|fitting| m > fitting));
    // Before the number in its clause, nearest first, the same two words decide: the nearest
    // that fits ends the search, and a magnitude alias counts only if no farther than it.
    let nearer_magnitude_in_clause =
        magnitude_in_clause.filter(|&m| fitting_in_clause.is_none_or(|fitting| m > fitting));
    let before_in_clause = nearer_magnitude_in_clause
        .into_iter()
        .chain(fitting_in_clause)
        .filter_map(|i| terms.get(i));
    let earlier = nearer_magnitude
        .into_iter()
        .chain(fitting_before)
        .filter(|_| earlier_clauses)
        .filter_map(|i| terms.get(i));
    let mut nearby = Nearby {
        fitting: None,
        any: None,
    };
    let paired = respective(doc, sentence, terms, sentence.clause(clause), q);
    for t in paired
        .into_iter()
        .chain(before_in_clause)
        .chain(after_in_clause)
        .chain(earlier)
    {
        // Of one word's metrics, the one of the number's own dimension first: a tier
        // (`进入全省优秀梯队`) goes to the word's tier metric, a position to its rank metric.
        let fitting = aliased(metrics, t)
            .filter(|m| fits(m, measure, dimension))
            .min_by_key(|m| m.dimension != dimension);
        if nearby.fitting.is_none()
            && let Some(metric) = fitting
        {
            nearby.fitting = Some((metric, t.span.range()));
        }
        if nearby.any.is_none()
            && let Some(metric) = aliased(metrics, t).find(|m| m.measure.is_magnitude())
        {
            nearby.any = Some((metric, t.span.range()));
        }
        if nearby.fitting.is_some() {
            break;
        }
    }
    nearby
}

/// The metrics a rule word is an alias of, in declaration order.
fn aliased<'m>(metrics: &'m [Metric], t: &TermMatch<'m>) -> impl Iterator<Item = &'m Metric> {
    t.terms.iter().filter_map(|term| match term {
        Term::Metric(i) => metrics.get(*i),
        _ => None,
    })
}

/// The name a figure is paired with by `分别` (`高新技术企业产业、战略性新兴产业增加值分别占
/// 规上工业增加值的95.3%、60.7%`): the k-th figure after `分别` belongs to the k-th item of the
/// list of names before it, not to the name nearest to it.
fn respective<'t, 'd>(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    terms: &'t [TermMatch<'d>],
    clause: Range<usize>,
    q: &Quantity,
) -> Option<&'t TermMatch<'d>> {
    let at = sentence.last_word_in(doc, "分别", clause.start..q.range.start)?;
    let position = sentence.count_word_in(doc, "、", at..q.range.start);
    // The list of names before `分别`, split at `、`: the `position`-th item is the figure's.
    let names = clause.start..at;
    let separators = sentence.count_word_in(doc, "、", names.clone());
    if separators == 0 || position > separators {
        return None;
    }
    let item_start = match position.checked_sub(1) {
        None => clause.start,
        Some(before) => sentence.nth_word_in(doc, "、", names.clone(), before)? + '、'.len_utf8(),
    };
    let item_end = if position == separators {
        at
    } else {
        sentence.nth_word_in(doc, "、", names, position)?
    };
    let item = item_start..item_end;
    let first = terms.partition_point(|t| t.span.start < item.start);
    terms[first..]
        .iter()
        .take_while(|t| t.span.start < item.end)
        .find(|t| {
            t.span.end <= item.end && t.terms.iter().any(|term| matches!(term, Term::Metric(_)))
        })
}
