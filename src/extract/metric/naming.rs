//! Metric names made from the article's words when no rule names a figure: counts end in `数`,
//! growth in `增速`, ranks in `<scope>排名`, shares are `A占B比重`, a plan's completion is
//! `<subject>年度计划完成率`; the words start after the clause's last time, entity or number.

use super::*;

/// The name of a growth rate or a rank of a metric that has no rule of its own for it.
pub(super) fn derived_from(
    text: &str,
    clause: &Range<usize>,
    q: &Quantity,
    measure: Measure,
    base: &str,
) -> Option<String> {
    match measure {
        Measure::Growth => Some(format!("{base}增速")),
        Measure::Rank => Some(rank_name(text, clause, q, base)),
        _ => None,
    }
}

/// A rank metric's name with the ranking's scope in it (`地区生产总值增速排名` ranked within
/// 四城区 → `地区生产总值增速四城区排名`): a position means nothing without what it is among.
pub(super) fn scoped_rank(name: &str, q: &Quantity) -> String {
    let scope = rank_scope(q);
    if scope.is_empty() || name.contains(scope.as_str()) {
        return name.to_owned();
    }
    match name.strip_suffix("排名") {
        Some(base) => format!("{base}{scope}排名"),
        None => format!("{name}{scope}排名"),
    }
}

/// The scope of a ranking as a name part: `焦作市` and `市` read as `全市`.
pub(super) fn rank_scope(q: &Quantity) -> String {
    let scope = q
        .rank
        .as_ref()
        .and_then(|r| r.scope.as_deref())
        .unwrap_or_default();
    let scope = scope.trim_start_matches("焦作");
    if scope == "市" {
        "全市".to_owned()
    } else {
        scope.to_owned()
    }
}

/// `<base>[增速]<scope>排名`: the rank of a growth (`增幅居四城区第一位`) or of a level.
pub(super) fn rank_name(text: &str, clause: &Range<usize>, q: &Quantity, base: &str) -> String {
    let before = &text[clause.start..q.range.start];
    let of_growth = ["增幅", "增速"].iter().any(|w| before.contains(w)) && !base.ends_with("增速");
    format!(
        "{base}{}{}排名",
        if of_growth { "增速" } else { "" },
        rank_scope(q)
    )
}

/// A name made from words, where they start, and the subject they name.
pub(super) struct Words {
    pub(super) name: String,
    pub(super) anchor: Option<usize>,
    pub(super) subject: Option<String>,
}

/// A metric name made from the words around the number when no rule names it; `counted` is
/// the noun after a count, when it has one ([`counted_noun`]).
pub(super) fn name_from_words(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    clause: usize,
    q: &Quantity,
    measure: Measure,
    memory: &Memory,
    counted: Option<&counted::Counted>,
) -> Option<Words> {
    let subject = memory.subject.as_deref();
    let text = doc.text();
    let clause_range = list_item(doc, sentence, sentence.clause(clause), q);
    let start = words_start(doc, sentence, clause_range.clone(), q);
    let left = trim_links(crate::extract::base::without_base(trim_opening(
        &text[start..q.range.start],
    )));
    // `…完成210亿元,同比增长6.5%`: a growth rate with no name of its own is the growth of the
    // figure stated before it.
    if measure == Measure::Growth {
        let growth_words = crate::extract::words::get().metric.growth_words.words();
        let bare = strip_repeatedly(left, growth_words, str::strip_suffix);
        let bare = trim_links(bare.trim_end_matches(|c: char| !crate::normalize::is_cjk(c)));
        if bare.chars().count() < 2
            && let Some(level) = &memory.level
        {
            return Some(Words {
                name: format!("{level}增速"),
                anchor: Some(start),
                subject: None,
            });
        }
    }
    if let Some(name) = rank_move_name(text, start, q) {
        return Some(Words {
            name,
            anchor: Some(start),
            subject: None,
        });
    }
    // `下辖7个街道`, `建设的720套人才公寓`: a noun after the classifier is what is counted; the
    // words before the number are a verb or a scope, so only a verb of coming-to-be stays.
    if let Some(counted) = counted {
        let raw_left = text[start..q.range.start].trim_end_matches(|c: char| !c.is_alphanumeric());
        let verb = counted::verb_before(raw_left);
        let name = counted.name(verb);
        return Some(Words {
            subject: Some(name.trim_end_matches('数').to_owned()),
            anchor: verb.map(|v| start + raw_left.len() - v.len()),
            name,
        });
    }
    // `实施氟化石墨等产学研合作项目24项`: the names before `等` are examples of what is counted.
    let left = left.rsplit_once('等').map_or(left, |(_, counted)| counted);
    if left.contains('、') {
        // A list of names (`龙蟒佰利联…、多氟多4GWh`) is not a metric.
        return None;
    }
    let (phrase, anchor) = match measure {
        Measure::Rank => {
            let scope = q
                .rank
                .as_ref()
                .and_then(|r| r.scope.as_deref())
                .unwrap_or("");
            (
                trim_links(left.strip_suffix(scope).unwrap_or(left)).to_owned(),
                Some(start),
            )
        }
        Measure::Share => {
            let (part, whole) = left.split_once('占')?;
            let whole = whole
                .trim_end_matches("的比重")
                .trim_end_matches("比重")
                .trim_end_matches('的');
            let whole = ["全市", "全区", "全省"]
                .iter()
                .find(|w| whole.starts_with(*w))
                .map_or(whole, |w| *w);
            let part = trim_links(part);
            let part = if part.chars().count() < 2 {
                subject?
            } else {
                part
            };
            // `非公有制经济增加值占比`: the share of a whole the words leave unsaid.
            let name = if whole.is_empty() || whole == "比" {
                format!("{part}占比")
            } else {
                format!("{part}占{whole}比重")
            };
            return Some(Words {
                name,
                anchor: Some(start),
                subject: None,
            });
        }
        Measure::Progress => {
            let base = subject?;
            // `城镇新增就业…完成年度计划的114%` is a plan of jobs, not of investment.
            let plan = if text[start..q.range.start].contains("投资") || base.contains("项目") {
                "年度投资计划"
            } else {
                "年度计划"
            };
            return Some(Words {
                name: format!("{base}{plan}完成率"),
                anchor: Some(start),
                subject: None,
            });
        }
        _ if left.chars().count() >= 2 => (left.to_owned(), Some(start)),
        _ => return None,
    };
    let is_facet = crate::extract::words::get()
        .metric
        .facet_words
        .contains(&phrase)
        || (measure == Measure::Rate && phrase.chars().count() <= 3);
    let phrase = match subject {
        Some(subject) if is_facet => format!("{subject}{}", facet_name(&phrase)),
        _ => phrase,
    };
    let length = phrase.chars().count();
    if !(2..=24).contains(&length) {
        return None;
    }
    let own_subject = (measure == Measure::Level && !is_facet).then(|| subject_of(&phrase));
    let name = match measure {
        Measure::Rank => rank_name(text, &clause_range, q, &phrase),
        Measure::Growth => format!("{phrase}增速"),
        Measure::Level if q.unit.dimension == Dimension::Count => count_name(&phrase, q),
        // `项目占地15200平方米`, `地下消防泵房260平方米`: an area is named by its noun, `面积`.
        Measure::Level if q.unit.dimension == Dimension::Area && !phrase.ends_with("面积") => {
            format!("{phrase}面积")
        }
        _ => phrase,
    };
    Some(Words {
        name,
        anchor,
        subject: own_subject,
    })
}

/// Characters, the number's own included, that may come between a number and the word after it.
const MAX_GAP_TO_WORD: usize = 32;

/// The name of a number of places a rank moved up (`综合排名较上年前进6位` →
/// `综合排名提升位次`): a change of a ranking, not a count of anything.
fn rank_move_name(text: &str, start: usize, q: &Quantity) -> Option<String> {
    // The word after the number and any spacing (`上升 3 位`); the look ahead is bounded, so
    // that a long run of figures without a word among them is not walked for each of them.
    let after = &text[q.range.start..];
    let word_at = after
        .char_indices()
        .take(MAX_GAP_TO_WORD)
        .find(|&(_, c)| crate::normalize::is_cjk(c))
        .map_or(after.len(), |(at, _)| at);
    let places = ["位", "个位次", "名"]
        .iter()
        .any(|u| after[word_at..].starts_with(u))
        || q.unit.printed.starts_with('位');
    if !places || q.unit.dimension == Dimension::Rank {
        return None;
    }
    let before =
        text[start..q.range.start].trim_end_matches(|c: char| !crate::normalize::is_cjk(c));
    let before = before.strip_suffix("分别").unwrap_or(before);
    let words = &crate::extract::words::get().metric;
    let ranking = words
        .rank_moves
        .iter()
        .find_map(|m| before.strip_suffix(m))?;
    let ranking = strip_repeatedly(ranking, &["分别"], str::strip_suffix);
    let ranking = words
        .rank_move_bases
        .iter()
        .find_map(|b| ranking.strip_suffix(b))
        .unwrap_or(ranking);
    let ranking = trim_opening(ranking);
    let ranking = match ranking {
        r if r.ends_with("排名") => r.to_owned(),
        r if r.chars().count() >= 2 && r.chars().all(crate::normalize::is_cjk) => {
            format!("{r}排名")
        }
        _ => "排名".to_owned(),
    };
    Some(format!("{ranking}提升位次"))
}

/// The standard name of a facet: the plan for the year is `年度计划投资` however it is phrased.
pub(super) fn facet_name(facet: &str) -> &str {
    match facet {
        "年度计划完成投资" | "计划完成年度投资" => "年度计划投资",
        "总投资额" => "总投资",
        "投资" => "总投资",
        other => other,
    }
}

/// The subject a counted phrase names, without the verb that introduced it.
pub(super) fn subject_of(phrase: &str) -> String {
    let mut s = phrase;
    for verb in crate::extract::words::get().metric.subject_verbs.iter() {
        if let Some(rest) = s.strip_prefix(verb) {
            s = rest;
        }
    }
    s.to_owned()
}

/// `<phrase>数`, or `<phrase>人数` for a head count of something that is not already people.
pub(super) fn count_name(phrase: &str, q: &Quantity) -> String {
    if phrase.ends_with('数') || phrase.ends_with('量') {
        return phrase.to_owned();
    }
    let people_nouns = &crate::extract::words::get().metric.people_nouns;
    if q.unit.base == "人" && !people_nouns.iter().any(|n| phrase.ends_with(n)) {
        return format!("{phrase}人数");
    }
    format!("{phrase}数")
}

/// Where the words naming the number begin: after the last time expression, entity word or
/// other number before it in its clause.
pub(super) fn words_start(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    clause: Range<usize>,
    q: &Quantity,
) -> usize {
    let mut start = clause.start;
    let before = clause.start..q.range.start;
    if let Some(end) = sentence.entity_word_end_within(doc, before.clone()) {
        start = start.max(end);
    }
    if let Some(end) = sentence.quantity_end_within(before) {
        start = start.max(end);
    }
    // Time expressions name when, not what: the words start after the last one.
    if let Some(end) = sentence.time_end_within(start..q.range.start) {
        start = start.max(end);
    }
    start
}

/// The noun a count counts when it follows the number: only counts have one.
pub(super) fn counted_noun(
    text: &str,
    clause: &Range<usize>,
    q: &Quantity,
) -> Option<counted::Counted> {
    (q.unit.dimension == Dimension::Count)
        .then(|| counted::after(text, clause, q))
        .flatten()
}

/// Strips verbs and particles from the end of `s`, repeatedly.
pub(super) fn trim_links(s: &str) -> &str {
    let s = s.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    let links = crate::extract::words::get().metric.link_words.words();
    strip_repeatedly(s, links, str::strip_suffix)
}

/// Strips clause openers from the start of `s`, repeatedly.
pub(super) fn trim_opening(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    let openings = crate::extract::words::get().metric.opening_words.words();
    strip_repeatedly(s, openings, str::strip_prefix)
}

/// Applies `strip` with each of `words`, in order, until none applies.
pub(in crate::extract) fn strip_repeatedly<'s, W: AsRef<str>>(
    mut s: &'s str,
    words: &'static [W],
    strip: impl Fn(&'s str, &'static str) -> Option<&'s str>,
) -> &'s str {
    while let Some(rest) = words.iter().find_map(|w| strip(s, w.as_ref())) {
        s = rest;
    }
    s
}
