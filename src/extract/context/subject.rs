//! Subject: the entity a figure is about — the article's own, another place named at the start
//! of a clause, or the place an anaphor (`全市`, `该集聚区`) stands for.

use crate::quantity::{Dimension, Quantity};
use crate::rules::{AnaphorKind, EntityLevel, RuleSet, Term, TermMatch};

use super::{DocumentContext, SentenceContext};

/// How many rule words before a `;` item are weighed for the list's subject.
const LIST_SUBJECT_LOOKBACK: usize = 64;

/// Whether a word at `pos` opens an item or clause of a list starting at `list_start`: only
/// filler words (`leading_fillers` of `rules/words.toml`) stand between the last clause mark
/// and it.
fn opens_an_item(text: &str, list_start: usize, pos: usize) -> bool {
    let before = &text[list_start..pos];
    let gap = before
        .rfind([',', ';', ':', '。'])
        .map_or(before, |i| &before[i + 1..]);
    gap.is_empty()
        || crate::extract::words::get()
            .subject
            .leading_fillers
            .iter()
            .any(|w| *w == *gap)
}

/// The entity of `level` that holds `own` or is `own` (`全市` in a city's article is the city
/// itself, in a district's its parent city). A place the rules do not know is read by its
/// name's ending (`某某市` is a city).
fn enclosing(rules: &RuleSet, own: &str, level: EntityLevel) -> Option<String> {
    let Some(mut at) = rules.entity_index(own) else {
        let suffixes: &[&str] = match level {
            EntityLevel::City => &["市", "州", "盟"],
            EntityLevel::Province => &["省", "自治区"],
            _ => &[],
        };
        return suffixes
            .iter()
            .any(|s| own.ends_with(s))
            .then(|| own.to_owned());
    };
    loop {
        let entity = rules.entities().get(at)?;
        if entity.level == level {
            return Some(entity.name.clone());
        }
        at = rules.parent_of(at)?;
    }
}

/// The zone a head noun stands for (`该集聚区` → `西部产业集聚区`): the document's entity if its
/// name ends so, else its one child zone whose name does; none when two would fit.
fn zone_by_head(rules: &RuleSet, own: &str, word: &str) -> Option<String> {
    let head = word.strip_prefix('该').unwrap_or(word);
    if own.ends_with(head) {
        return Some(own.to_owned());
    }
    let mut zones = rules
        .entities()
        .iter()
        .filter(|e| e.parent.as_deref() == Some(own) && e.name.ends_with(head));
    let zone = zones.next()?;
    zones.next().is_none().then(|| zone.name.clone())
}

impl<'a> SentenceContext<'a> {
    /// Who the figure is about: the last entity that is the subject of a clause up to the
    /// quantity's, else the document's entity. A ranking never ranks the city within itself,
    /// so an anaphor (`全市`) before a rank is its scope, not its subject.
    pub(in crate::extract) fn entity(
        &self,
        doc: &DocumentContext,
        clause: usize,
        q: &Quantity,
    ) -> String {
        let text = doc.text();
        let rules = doc.rules;
        let own = doc.analyzed.doc.meta.entity.clone().unwrap_or_default();
        let is_rank = matches!(q.unit.dimension, Dimension::Rank | Dimension::Tier);
        let clause_range = self.clause(clause);
        let name_of = |t: &TermMatch, term: &Term| match *term {
            // `高新区` in an article about `鹤鸣高新区` is the article's own zone.
            Term::Entity(_) if !own.is_empty() && own.ends_with(&text[t.span.range()]) => {
                Some(own.clone())
            }
            Term::Entity(i) => rules.entities().get(i).map(|e| e.name.clone()),
            Term::Anaphor(_) if is_rank => None,
            Term::Anaphor(AnaphorKind::Own) => Some(own.clone()),
            Term::Anaphor(AnaphorKind::Parent) => enclosing(rules, &own, EntityLevel::City),
            Term::Anaphor(AnaphorKind::Province) => enclosing(rules, &own, EntityLevel::Province),
            Term::Anaphor(AnaphorKind::Head) => zone_by_head(rules, &own, &text[t.span.range()]),
            _ => None,
        };
        // The last entity word before the figure that opens its clause is the subject.
        let terms = self.terms(doc);
        let names_a_subject = |t: &TermMatch| {
            t.terms.iter().any(|term| name_of(t, term).is_some())
                && self.is_subject_position(text, t.span.start)
                && !(t.terms.iter().any(|term| matches!(term, Term::Anaphor(_)))
                    && self.compares_within(text, t.span.end))
        };
        let subject = self
            .lookups
            .subjects
            .last_before(
                is_rank,
                terms,
                |t| t.span.start,
                q.range.start,
                names_a_subject,
            )
            .and_then(|i| terms.get(i))
            .and_then(|t| t.terms.iter().find_map(|term| name_of(t, term)));
        // The document's own entity named in the figure's clause is its subject, whatever
        // opened the clause (`河南省…活动中,高新区集中开工项目5个`).
        if self.names_own_in(doc, clause_range.start..q.range.start) {
            return own;
        }
        // `经开区完成工业投资12亿元;规上企业实现营业收入64亿元`: the items of a
        // `;` list share the subject that opened an earlier item, unless they name their own.
        subject
            .or_else(|| {
                let earlier = self.list_start..self.range.start;
                let terms = &doc.terms;
                let end = terms.partition_point(|t| t.span.start < earlier.end);
                let begin = terms.partition_point(|t| t.span.start < earlier.start);
                // Only the nearest words are weighed: a list can be as long as a pasted page.
                terms[begin..end]
                    .iter()
                    .rev()
                    .take(LIST_SUBJECT_LOOKBACK)
                    .filter(|t| opens_an_item(text, earlier.start, t.span.start))
                    .find_map(|t| t.terms.iter().find_map(|term| name_of(t, term)))
            })
            .unwrap_or(own)
    }

    /// Whether the clause goes on from `pos` to compare with the rest of a place (`全市体量
    /// 最大`, `全省领先`; `comparisons` of `rules/words.toml`): the anaphor before it is the
    /// field of comparison, not a subject.
    fn compares_within(&self, text: &str, pos: usize) -> bool {
        let clause = self.clause(self.clause_of(pos));
        let rest = &text[pos..clause.end.max(pos)];
        let comparisons = &crate::extract::words::get().subject.comparisons;
        comparisons.iter().any(|w| rest.contains(w))
    }

    /// Whether a word at `pos` opens its clause: nothing but time expressions and filler words
    /// (`leading_fillers` of `rules/words.toml`) stand between the clause's start and it.
    fn is_subject_position(&self, text: &str, pos: usize) -> bool {
        let clause = self.clause(self.clause_of(pos));
        let last_time = self
            .times_in(clause.start..clause.end.min(pos))
            .rev()
            .find(|t| t.range.end <= pos);
        let gap = &text[last_time.map_or(clause.start, |t| t.range.end.max(clause.start))..pos];
        let gap = gap.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        gap.is_empty()
            || crate::extract::words::get()
                .subject
                .leading_fillers
                .contains(gap)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, with_context};

    fn subject_of(text: &str, figure: &str) -> String {
        let mut found = String::new();
        with_context(text, (2025, 9, 1), "桐林区", |doc, sentences| {
            let pos = at(doc, figure);
            let sentence = sentences.iter().find(|s| s.range.contains(&pos)).unwrap();
            let q = sentence
                .quantities()
                .iter()
                .find(|q| q.item.range.start == pos)
                .expect("a quantity at the figure");
            found = sentence.entity(doc, sentence.clause_of(pos), &q.item);
        });
        found
    }

    #[test]
    fn the_articles_entity_is_the_default_subject() {
        assert_eq!(subject_of("新建5G基站320个。", "320个"), "桐林区");
    }

    #[test]
    fn the_items_of_a_semicolon_list_share_the_subject_that_opened_it() {
        let text = "上半年,河南省地区生产总值增长5.1%;规上工业增加值增长6.0%。新建5G基站320个。";
        assert_eq!(subject_of(text, "6.0%"), "河南省");
        // A full stop ends the list.
        assert_eq!(subject_of(text, "320个"), "桐林区");
    }

    #[test]
    fn a_place_compared_with_is_not_the_subject() {
        let text = "园区建成楼宇6栋,全市体量最大,入驻企业210家。";
        assert_eq!(subject_of(text, "210家"), "桐林区");
    }
}
