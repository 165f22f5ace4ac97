//! Reading rule files: TOML into spanned definitions, then cross-file validation, then the
//! compiled [`RuleSet`].

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Code, RuleDiagnostic};
use super::{
    Anaphora, Counterexample, Cue, CueScope, Direction, Entity, EntityLevel, Example, Measure,
    Metric, RuleSet, SectionCue, SectionPlace, SectionRole, Tables, matcher, span_of,
};
use crate::claim::ClaimKind;
use crate::quantity::Dimension;
use crate::toml_diag::{self, Problem, classify, toml_date, toml_date_opt};

/// One rule file's text and the path diagnostics show for it.
#[derive(Clone, Debug)]
pub(super) struct Source {
    path: String,
    text: Arc<str>,
}

impl Source {
    /// A file at display path `path` holding `text`.
    pub(super) fn new(path: &str, text: &str) -> Self {
        Source {
            path: path.to_owned(),
            text: Arc::from(text),
        }
    }
}

/// Everything read from a rules directory, plus the problems reading it.
#[derive(Debug)]
pub(super) struct Sources {
    /// `entities.toml`, when it could be read.
    pub entities: Option<Source>,
    /// `cues.toml`, when it could be read.
    pub cues: Option<Source>,
    /// `metrics/<family>.toml` with their families (file stems), sorted by file name.
    pub metrics: Vec<(String, Source)>,
    /// `units.toml`, when the directory has one (else the built-in table is used).
    pub units: Option<Source>,
    /// `periods.toml`, likewise.
    pub periods: Option<Source>,
    /// `rules::builtin-table` advice for each table the directory lacks.
    pub advice: Vec<RuleDiagnostic>,
    /// `rules::io` problems met while reading.
    pub problems: Vec<RuleDiagnostic>,
}

/// Reads the files of a rules directory; unreadable files become `rules::io` diagnostics so
/// the other files are still checked.
pub(super) fn read_dir(dir: &Path) -> Sources {
    let base = dir.to_string_lossy().replace('\\', "/");
    let base = base.trim_end_matches('/');
    let mut problems = Vec::new();
    let read = |name: &str, problems: &mut Vec<RuleDiagnostic>| {
        let path = format!("{base}/{name}");
        let limit = crate::input::DEFAULT_MAX_FILE_SIZE;
        match crate::input::read_bytes(&dir.join(name), limit) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(Source::new(&path, &text)),
                Err(_) => {
                    problems.push(
                        RuleDiagnostic::new(Code::Io, &path, "rule file is not UTF-8")
                            .with_help("save the file as UTF-8"),
                    );
                    None
                }
            },
            Err(error) => {
                // NotFound gets its own wording: the OS text differs between platforms.
                let message = match error {
                    crate::input::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        String::from("rule file not found")
                    }
                    crate::input::ReadError::Io(e) => format!("cannot read rule file: {e}"),
                    other => other.to_string(),
                };
                problems.push(RuleDiagnostic::new(Code::Io, &path, message).with_help(
                    "a rules directory holds entities.toml, cues.toml and metrics/*.toml",
                ));
                None
            }
        }
    };
    let entities = read("entities.toml", &mut problems);
    let cues = read("cues.toml", &mut problems);
    // The tables of the quantity and time parsers fall back to the built-in ones, with advice.
    let mut advice = Vec::new();
    let mut table = |name: &str, what: &str, problems: &mut Vec<RuleDiagnostic>| {
        if fs::symlink_metadata(dir.join(name)).is_err() {
            advice.push(
                RuleDiagnostic::new(
                    Code::BuiltinTable,
                    &format!("{base}/{name}"),
                    format!("no {name} here; the built-in {what} table is used"),
                )
                .with_help(format!(
                    "copy rules/{name} into this folder to edit the {what} table"
                )),
            );
            return None;
        }
        read(name, problems)
    };
    let units = table("units.toml", "unit", &mut problems);
    let periods = table("periods.toml", "period", &mut problems);
    let mut names: Vec<String> = Vec::new();
    match fs::read_dir(dir.join("metrics")) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".toml") && entry.path().is_file() {
                    names.push(name);
                }
            }
        }
        Err(error) => problems.push(RuleDiagnostic::new(
            Code::Io,
            &format!("{base}/metrics"),
            format!("cannot read the metrics directory: {error}"),
        )),
    }
    // Sorted so that diagnostics and metric order do not depend on the file system.
    names.sort();
    let metrics = names
        .into_iter()
        .filter_map(|name| {
            let family = name.trim_end_matches(".toml").to_owned();
            read(&format!("metrics/{name}"), &mut problems).map(|source| (family, source))
        })
        .collect();
    Sources {
        entities,
        cues,
        metrics,
        units,
        periods,
        advice,
        problems,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricDef {
    id: Spanned<String>,
    name: String,
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    dimension: Spanned<String>,
    measure: Measure,
    direction: Direction,
    description: String,
    #[serde(default)]
    tracks: Option<Spanned<String>>,
    #[serde(default)]
    accumulates: bool,
    #[serde(default)]
    of_works: bool,
    #[serde(default)]
    example: Vec<ExampleDef>,
    #[serde(default)]
    counterexample: Vec<CounterexampleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDef {
    text: String,
    #[serde(deserialize_with = "toml_date")]
    published: NaiveDate,
    kind: ClaimKind,
    value: Spanned<String>,
    unit: String,
    #[serde(default, deserialize_with = "toml_date_opt")]
    deadline: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    period_start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "toml_date_opt")]
    period_end: Option<NaiveDate>,
    #[serde(default)]
    entity: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CounterexampleDef {
    text: String,
    #[serde(deserialize_with = "toml_date")]
    published: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityDef {
    name: Spanned<String>,
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    level: EntityLevel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnaphoraDef {
    #[serde(default, rename = "self")]
    own: Vec<Spanned<String>>,
    #[serde(default)]
    parent: Vec<Spanned<String>>,
    #[serde(default)]
    province: Vec<Spanned<String>>,
    #[serde(default)]
    head: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    kind: ClaimKind,
    words: Vec<Spanned<String>>,
    scope: CueScope,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    estimate: bool,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDef {
    role: SectionRole,
    words: Vec<Spanned<String>>,
    #[serde(default)]
    place: Option<SectionPlace>,
    #[serde(default)]
    years: Option<u32>,
    /// For people reading the file; the engine needs the other fields.
    #[serde(default)]
    #[expect(dead_code, reason = "read by rule authors, not by the engine")]
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneDef {
    words: Vec<Spanned<String>>,
    /// For people reading the file; the engine needs only the words.
    #[serde(default)]
    #[expect(dead_code, reason = "read by rule authors, not by the engine")]
    description: Option<String>,
}

/// The files read so far and the diagnostics found, indexed by file number.
struct Checker {
    files: Vec<Source>,
    diagnostics: Vec<RuleDiagnostic>,
}

impl Checker {
    fn diagnostic(
        &self,
        file: usize,
        code: Code,
        message: impl std::fmt::Display,
    ) -> RuleDiagnostic {
        let source = &self.files[file];
        RuleDiagnostic::new(code, &source.path, message).with_source(Arc::clone(&source.text))
    }

    fn push(&mut self, diagnostic: RuleDiagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Parses file `file` into a spanned table, or reports `rules::syntax`.
    fn table<'i>(&mut self, file: usize, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(table) => Some(table.into_inner()),
            Err(error) => {
                let span = span_of(error.span().unwrap_or(0..0));
                let diagnostic = self
                    .diagnostic(file, Code::Syntax, "rule file is not valid TOML")
                    .with_label(span, error.message().trim())
                    .with_help("rule files are TOML: `key = value`, strings in double quotes, dates unquoted");
                self.push(diagnostic);
                None
            }
        }
    }

    /// The top-level entries of a file's table, reporting keys outside `known`.
    fn top_level<'i>(
        &mut self,
        file: usize,
        table: DeTable<'i>,
        known: &[&str],
    ) -> Vec<(String, Spanned<DeValue<'i>>)> {
        let mut entries = Vec::new();
        for (key, value) in table {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                entries.push((name.to_owned(), value));
            } else {
                let candidates: Vec<String> = known.iter().map(|k| (*k).to_owned()).collect();
                let diagnostic = self
                    .diagnostic(file, Code::UnknownKey, format!("unknown key `{name}`"))
                    .with_label(span_of(key.span()), "unknown key")
                    .with_help(toml_diag::did_you_mean(
                        name,
                        &candidates,
                        "the keys here are",
                    ));
                self.push(diagnostic);
            }
        }
        entries
    }

    /// Deserializes one spanned value, or reports why it does not fit `T`.
    fn value<'i, T: Deserialize<'i>>(
        &mut self,
        file: usize,
        value: Spanned<DeValue<'i>>,
    ) -> Option<T> {
        let fallback = value.span();
        match T::deserialize(value.into_deserializer()) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                let classified = classify(error.message());
                let span = span_of(error.span().unwrap_or(fallback));
                let code = match classified.problem {
                    Problem::UnknownKey => Code::UnknownKey,
                    Problem::MissingField => Code::MissingField,
                    Problem::Type => Code::Type,
                };
                let mut diagnostic = self
                    .diagnostic(file, code, classified.message)
                    .with_label(span, classified.label);
                if let Some(help) = classified.help {
                    diagnostic = diagnostic.with_help(help);
                }
                self.push(diagnostic);
                None
            }
        }
    }

    /// Deserializes every table of an array of tables (`[[key]]`) on its own, so that one bad
    /// entry does not hide the problems of the others.
    fn array<'i, T: Deserialize<'i>>(
        &mut self,
        file: usize,
        key: &str,
        value: Spanned<DeValue<'i>>,
    ) -> Vec<T> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| self.value(file, item))
                .collect(),
            other => {
                let diagnostic = self
                    .diagnostic(
                        file,
                        Code::Type,
                        format!("`{key}` must be an array of tables"),
                    )
                    .with_label(span_of(span), format!("found {}", other.type_str()))
                    .with_help(format!("declare each entry under a [[{key}]] header"));
                self.push(diagnostic);
                Vec::new()
            }
        }
    }
}

/// The whole of a table file, deserialized as `T` with labelled diagnostics.
fn whole_file<T: serde::de::DeserializeOwned>(
    checker: &mut Checker,
    source: Source,
) -> Option<(usize, T)> {
    let file = add(checker, source);
    let text = Arc::clone(&checker.files[file].text);
    let table = checker.table(file, &text)?;
    let whole = Spanned::new(0..text.len(), DeValue::Table(table));
    checker.value(file, whole).map(|def| (file, def))
}

/// `units.toml`, checked: TOML, keys and types labelled, then every word non-empty and
/// declared once.
fn units_table(checker: &mut Checker, source: Source) -> Option<crate::quantity::units::Table> {
    let (file, def) = whole_file(checker, source)?;
    match crate::quantity::units::Table::from_file(def) {
        Ok(table) => Some(table),
        Err(problem) => {
            let text = Arc::clone(&checker.files[file].text);
            // The problem names the word; its last quoted occurrence is the one declared again.
            let word = problem.split('`').nth(1).unwrap_or("");
            let at = text.rfind(&format!("\"{word}\"")).unwrap_or(0);
            let diagnostic = checker
                .diagnostic(file, Code::DuplicateId, format!("unit table: {problem}"))
                .with_label(span_of(at..at + word.len() + 2), "here")
                .with_help(
                    "each scale, unit, alias and tier word is declared once and is not empty",
                );
            checker.push(diagnostic);
            None
        }
    }
}

/// `periods.toml`, checked: TOML, keys and types (`"MM-DD"` dates) labelled.
fn periods_table(checker: &mut Checker, source: Source) -> Option<crate::time::named::Table> {
    whole_file(checker, source).map(|(_, table)| table)
}

/// A definition and the number of the file that declared it.
struct InFile<T> {
    file: usize,
    def: T,
}

/// Parses, validates and compiles `sources`; any problem anywhere means no rule set.
pub(super) fn compile(sources: Sources) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    let mut checker = Checker {
        files: Vec::new(),
        diagnostics: sources.problems,
    };
    let mut entities: Vec<InFile<EntityDef>> = Vec::new();
    let mut anaphora: Option<InFile<AnaphoraDef>> = None;
    let mut cues: Vec<InFile<CueDef>> = Vec::new();
    let mut milestones: Vec<InFile<MilestoneDef>> = Vec::new();
    let mut sections: Vec<InFile<SectionDef>> = Vec::new();
    let mut metrics: Vec<(String, InFile<MetricDef>)> = Vec::new();

    if let Some(source) = sources.entities {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in checker.top_level(file, table, &["entity", "anaphora"]) {
                if key == "entity" {
                    let defs: Vec<EntityDef> = checker.array(file, &key, value);
                    entities.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else if let Some(def) = checker.value(file, value) {
                    anaphora = Some(InFile { file, def });
                }
            }
        }
    }
    if let Some(source) = sources.cues {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in checker.top_level(file, table, &["cue", "milestone", "section"]) {
                if key == "cue" {
                    let defs: Vec<CueDef> = checker.array(file, &key, value);
                    cues.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else if key == "section" {
                    let defs: Vec<SectionDef> = checker.array(file, &key, value);
                    sections.extend(defs.into_iter().map(|def| InFile { file, def }));
                } else {
                    let defs: Vec<MilestoneDef> = checker.array(file, &key, value);
                    milestones.extend(defs.into_iter().map(|def| InFile { file, def }));
                }
            }
        }
    }
    for (family, source) in sources.metrics {
        let file = add(&mut checker, source);
        let text = Arc::clone(&checker.files[file].text);
        if let Some(table) = checker.table(file, &text) {
            for (key, value) in checker.top_level(file, table, &["metric"]) {
                let defs: Vec<MetricDef> = checker.array(file, &key, value);
                metrics.extend(
                    defs.into_iter()
                        .map(|def| (family.clone(), InFile { file, def })),
                );
            }
        }
    }

    check_entities(&mut checker, &entities, anaphora.as_ref());
    check_cues(&mut checker, &cues);
    for milestone in &milestones {
        check_words(
            &mut checker,
            milestone.file,
            &milestone.def.words,
            "milestone word",
        );
    }
    for section in &sections {
        check_words(
            &mut checker,
            section.file,
            &section.def.words,
            "section cue",
        );
    }
    let dimensions = check_metrics(&mut checker, &metrics, &entities);
    let tables = Tables {
        units: sources
            .units
            .and_then(|source| units_table(&mut checker, source)),
        periods: sources
            .periods
            .and_then(|source| periods_table(&mut checker, source)),
    };
    if !checker.diagnostics.is_empty() {
        return Err(checker.diagnostics);
    }

    let entities: Vec<Entity> = entities
        .into_iter()
        .map(|InFile { def, .. }| Entity {
            name: def.name.into_inner(),
            aliases: strings(def.aliases),
            parent: def.parent.map(Spanned::into_inner),
            level: def.level,
        })
        .collect();
    let anaphora = anaphora.map_or_else(Anaphora::default, |InFile { def, .. }| Anaphora {
        own: strings(def.own),
        parent: strings(def.parent),
        province: strings(def.province),
        head: strings(def.head),
    });
    let cues: Vec<Cue> = cues
        .into_iter()
        .map(|InFile { def, .. }| Cue {
            kind: def.kind,
            words: strings(def.words),
            scope: def.scope,
            weak: def.weak,
            estimate: def.estimate,
            description: def.description,
        })
        .collect();
    let sections: Vec<SectionCue> = sections
        .into_iter()
        .map(|InFile { def, .. }| SectionCue {
            role: def.role,
            words: strings(def.words),
            place: def.place.unwrap_or(SectionPlace::Lead),
            years: def.years.unwrap_or(1),
        })
        .collect();
    let milestones: Vec<String> = milestones
        .into_iter()
        .flat_map(|InFile { def, .. }| strings(def.words))
        .collect();
    let files = checker.files;
    let metrics: Vec<Metric> = metrics
        .into_iter()
        .zip(dimensions)
        .map(|((_, InFile { file, def }), dimension)| convert_metric(def, dimension, &files[file]))
        .collect();

    let lexicon = matcher::Lexicon::build(&metrics, &cues, &milestones, &entities, &anaphora);
    let patterns = matcher::Patterns::build(&metrics);
    match (lexicon, patterns) {
        (Ok(lexicon), Ok(patterns)) => Ok(RuleSet {
            metrics,
            entities,
            anaphora,
            cues,
            milestones,
            sections,
            lexicon,
            patterns,
            tables,
            advice: sources.advice,
        }),
        (lexicon, patterns) => {
            // Only size limits can fail here: every pattern compiled on its own above.
            let errors = [
                lexicon.err().map(|e| e.to_string()),
                patterns.err().map(|e| e.to_string()),
            ];
            Err(errors
                .into_iter()
                .flatten()
                .map(|error| {
                    RuleDiagnostic::new(
                        Code::Build,
                        "rules",
                        format!("the compiled rules are too large: {error}"),
                    )
                    .with_help("split long alternations in patterns, or drop unused aliases")
                })
                .collect())
        }
    }
}

fn add(checker: &mut Checker, source: Source) -> usize {
    checker.files.push(source);
    checker.files.len() - 1
}

fn strings(words: Vec<Spanned<String>>) -> Vec<String> {
    words.into_iter().map(Spanned::into_inner).collect()
}

fn convert_metric(def: MetricDef, dimension: Dimension, source: &Source) -> Metric {
    Metric {
        id: def.id.into_inner(),
        name: def.name,
        aliases: strings(def.aliases),
        patterns: strings(def.patterns),
        dimension,
        measure: def.measure,
        direction: def.direction,
        description: def.description,
        tracks: def.tracks.map(Spanned::into_inner),
        accumulates: def.accumulates,
        of_works: def.of_works,
        examples: def
            .example
            .into_iter()
            .map(|e| Example {
                text: e.text,
                published: e.published,
                kind: e.kind,
                // Validated by `check_metrics`; the default is never used.
                value: e.value.get_ref().trim().parse().unwrap_or_default(),
                unit: e.unit,
                deadline: e.deadline,
                period_start: e.period_start,
                period_end: e.period_end,
                entity: e.entity.map(Spanned::into_inner),
            })
            .collect(),
        counterexamples: def
            .counterexample
            .into_iter()
            .map(|c| Counterexample {
                text: c.text,
                published: c.published,
            })
            .collect(),
        file: source.path.clone(),
    }
}

/// Reports empty words (`rules::alias`): an empty literal would match between every two
/// characters of every document.
fn check_words(checker: &mut Checker, file: usize, words: &[Spanned<String>], what: &str) {
    for word in words {
        if word.get_ref().trim().is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Alias, format!("empty {what}"))
                .with_label(span_of(word.span()), format!("this {what} is empty"))
                .with_help(format!("remove the empty string or write the {what}"));
            checker.push(diagnostic);
        }
    }
}

fn check_entities(
    checker: &mut Checker,
    entities: &[InFile<EntityDef>],
    anaphora: Option<&InFile<AnaphoraDef>>,
) {
    let mut first: HashMap<&str, &InFile<EntityDef>> = HashMap::new();
    for entity in entities {
        check_words(checker, entity.file, &entity.def.aliases, "alias");
        let name = entity.def.name.get_ref().as_str();
        if let Some(earlier) = first.get(name) {
            let diagnostic = duplicate(
                checker,
                "entity",
                name,
                earlier.file,
                &earlier.def.name,
                entity.file,
                &entity.def.name,
            );
            checker.push(diagnostic);
        } else {
            first.insert(name, entity);
        }
    }
    for entity in entities {
        if let Some(parent) = &entity.def.parent
            && !first.contains_key(parent.get_ref().as_str())
        {
            let names: Vec<String> = first.keys().map(|k| (*k).to_owned()).collect();
            let diagnostic = checker
                .diagnostic(
                    entity.file,
                    Code::UnknownEntity,
                    format!("parent `{}` is not a declared entity", parent.get_ref()),
                )
                .with_label(span_of(parent.span()), "no [[entity]] has this name")
                .with_help(toml_diag::did_you_mean(
                    parent.get_ref(),
                    &sorted(names),
                    "the entities are",
                ));
            checker.push(diagnostic);
        }
    }
    if let Some(anaphora) = anaphora {
        for words in [
            &anaphora.def.own,
            &anaphora.def.parent,
            &anaphora.def.province,
            &anaphora.def.head,
        ] {
            check_words(checker, anaphora.file, words, "anaphor");
        }
    }
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

fn check_cues(checker: &mut Checker, cues: &[InFile<CueDef>]) {
    for cue in cues {
        check_words(checker, cue.file, &cue.def.words, "cue word");
    }
}

/// A `rules::duplicate-id` diagnostic: labelled on the second declaration, with the first
/// one as a second label (same file) or as a related note (another file).
fn duplicate(
    checker: &Checker,
    what: &str,
    id: &str,
    first_file: usize,
    first: &Spanned<String>,
    second_file: usize,
    second: &Spanned<String>,
) -> RuleDiagnostic {
    let diagnostic = checker
        .diagnostic(
            second_file,
            Code::DuplicateId,
            format!("{what} `{id}` is declared twice"),
        )
        .with_label(span_of(second.span()), "declared again here")
        .with_help(format!(
            "give each {what} a distinct id, or merge the two declarations"
        ));
    if first_file == second_file {
        diagnostic.with_label(span_of(first.span()), "first declared here")
    } else {
        diagnostic.with_related(
            checker
                .diagnostic(
                    first_file,
                    Code::Note,
                    format!("{what} `{id}` is first declared here"),
                )
                .with_label(span_of(first.span()), "first declared here"),
        )
    }
}

/// Checks every metric and returns the dimension of each (`Dimensionless` stands in for the
/// ones that failed, which is harmless since any failure means no rule set).
fn check_metrics(
    checker: &mut Checker,
    metrics: &[(String, InFile<MetricDef>)],
    entities: &[InFile<EntityDef>],
) -> Vec<Dimension> {
    let mut dimensions = Vec::with_capacity(metrics.len());
    let mut first: HashMap<&str, &InFile<MetricDef>> = HashMap::new();
    for (family, metric) in metrics {
        let (file, def) = (metric.file, &metric.def);
        let id = def.id.get_ref().as_str();
        let id_span = span_of(def.id.span());

        if let Some(earlier) = first.get(id) {
            let diagnostic = duplicate(
                checker,
                "metric",
                id,
                earlier.file,
                &earlier.def.id,
                file,
                &def.id,
            );
            checker.push(diagnostic);
        } else {
            first.insert(id, metric);
        }

        let prefix = format!("{family}.");
        let rest = id.strip_prefix(&prefix).unwrap_or("");
        if rest.is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Family, format!("metric id `{id}` is not in family `{family}`"))
                .with_label(id_span, format!("expected `{family}.<name>`"))
                .with_help(format!(
                    "ids in metrics/{family}.toml start with `{family}.`; move the metric to the file of its family"
                ));
            checker.push(diagnostic);
        }

        check_words(checker, file, &def.aliases, "alias");
        check_patterns(checker, file, &def.patterns);
        dimensions.push(check_dimension(checker, file, &def.dimension));

        if def.example.is_empty() || def.counterexample.is_empty() {
            let missing = match (def.example.is_empty(), def.counterexample.is_empty()) {
                (true, true) => "an example and a counterexample",
                (true, false) => "an example",
                _ => "a counterexample",
            };
            let diagnostic = checker
                .diagnostic(file, Code::Examples, format!("metric `{id}` has no {}", missing.trim_start_matches("an ").trim_start_matches("a ")))
                .with_label(id_span, format!("this metric needs {missing}"))
                .with_help("add a [[metric.example]] (a sentence and the claim it must give) and a [[metric.counterexample]] (a sentence that must not give this metric)");
            checker.push(diagnostic);
        }

        for example in &def.example {
            let value = example.value.get_ref().trim();
            if value.parse::<Decimal>().is_err() {
                let diagnostic = checker
                    .diagnostic(
                        file,
                        Code::Type,
                        format!("example value `{value}` is not a decimal number"),
                    )
                    .with_label(
                        span_of(example.value.span()),
                        "expected a decimal such as \"11\" or \"47.5\"",
                    )
                    .with_help("write the number in ASCII digits, in quotes: value = \"12.9\"");
                checker.push(diagnostic);
            }
            if let Some(entity) = &example.entity {
                let word = entity.get_ref().as_str();
                let known = entities.iter().any(|e| {
                    e.def.name.get_ref() == word
                        || e.def.aliases.iter().any(|a| a.get_ref() == word)
                });
                if !known {
                    let names = entities
                        .iter()
                        .map(|e| e.def.name.get_ref().clone())
                        .collect();
                    let diagnostic = checker
                        .diagnostic(
                            file,
                            Code::UnknownEntity,
                            format!("example entity `{word}` is not a declared entity"),
                        )
                        .with_label(
                            span_of(entity.span()),
                            "no [[entity]] has this name or alias",
                        )
                        .with_help(toml_diag::did_you_mean(
                            word,
                            &sorted(names),
                            "the entities are",
                        ));
                    checker.push(diagnostic);
                }
            }
        }
    }
    for (_, metric) in metrics {
        if let Some(tracks) = &metric.def.tracks
            && !first.contains_key(tracks.get_ref().as_str())
        {
            let diagnostic = checker
                .diagnostic(
                    metric.file,
                    Code::UnknownMetric,
                    format!("`tracks` names no metric: `{}`", tracks.get_ref()),
                )
                .with_label(span_of(tracks.span()), "no metric has this id")
                .with_help(
                    "write the id of the plan metric this progress share is measured against",
                );
            checker.push(diagnostic);
        }
    }
    dimensions
}

fn check_patterns(checker: &mut Checker, file: usize, patterns: &[Spanned<String>]) {
    for pattern in patterns {
        let span = span_of(pattern.span());
        if pattern.get_ref().is_empty() {
            let diagnostic = checker
                .diagnostic(file, Code::Regex, "empty pattern")
                .with_label(span, "an empty regex matches everywhere")
                .with_help("remove the empty pattern");
            checker.push(diagnostic);
            continue;
        }
        if let Err(error) = regex::Regex::new(pattern.get_ref()) {
            let (label, help) = regex_message(&error);
            let mut diagnostic = checker
                .diagnostic(file, Code::Regex, "invalid regex in `patterns`")
                .with_label(span, label);
            if let Some(help) = help {
                diagnostic = diagnostic.with_help(help);
            }
            checker.push(diagnostic);
        }
    }
}

/// The one-line reason of a regex error for the label, and the full caret drawing (which
/// points inside the pattern, after TOML unescaping) as help.
fn regex_message(error: &regex::Error) -> (String, Option<String>) {
    let text = error.to_string();
    let reason = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("error: "))
        .map(str::to_owned);
    match reason {
        Some(reason) => (reason, Some(text.trim().to_owned())),
        None => (text.trim().to_owned(), None),
    }
}

fn check_dimension(checker: &mut Checker, file: usize, dimension: &Spanned<String>) -> Dimension {
    let word = dimension.get_ref().as_str();
    let parsed: Result<Dimension, serde::de::value::Error> =
        Dimension::deserialize(word.into_deserializer());
    match parsed {
        Ok(dimension) => dimension,
        Err(error) => {
            // serde lists the variants in its message, so the suggestions follow `Dimension`.
            let known = toml_diag::expected_words(&error.to_string());
            let diagnostic = checker
                .diagnostic(
                    file,
                    Code::UnknownDimension,
                    format!("unknown dimension `{word}`"),
                )
                .with_label(span_of(dimension.span()), "not a quantity dimension")
                .with_help(toml_diag::did_you_mean(word, &known, "the dimensions are"));
            checker.push(diagnostic);
            Dimension::Dimensionless
        }
    }
}
