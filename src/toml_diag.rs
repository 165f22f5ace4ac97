//! Turning toml/serde errors into labelled diagnostics.
//!
//! These helpers know nothing about the rule schema: they read the fixed wording of serde's
//! errors (`unknown field`, `missing field`, `unknown variant`, fixed by `serde::de::Error`'s
//! provided methods) and toml's spans, so any strict TOML format can use them.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, Unexpected};

/// What kind of schema problem a serde error reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A key the schema does not define.
    UnknownKey,
    /// A required key is absent.
    MissingField,
    /// A value of the wrong type, or not one of the allowed words.
    Type,
}

/// A deserialization error sorted into a problem kind, with the label and help to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Classified {
    /// What kind of problem it is; each format maps it to its own code.
    pub problem: Problem,
    /// The one-line message.
    pub message: String,
    /// The label for the error's span.
    pub label: String,
    /// What would fix it.
    pub help: Option<String>,
}

/// Sorts one serde error message from toml into a problem kind with a message, label and help.
pub(crate) fn classify(message: &str) -> Classified {
    let quoted = backticked(message);
    let expected = expected_words(message);
    if let Some(rest) = message.strip_prefix("unknown field") {
        let key = quoted
            .first()
            .cloned()
            .unwrap_or_else(|| rest.trim().to_owned());
        return Classified {
            problem: Problem::UnknownKey,
            message: format!("unknown key `{key}`"),
            label: "unknown key".into(),
            help: Some(did_you_mean(&key, &expected, "the keys here are")),
        };
    }
    if message.starts_with("missing field") {
        let key = quoted.first().cloned().unwrap_or_default();
        return Classified {
            problem: Problem::MissingField,
            message: format!("missing key `{key}`"),
            label: format!("this table has no `{key}`"),
            help: Some(format!("add `{key} = …` to this table")),
        };
    }
    if message.starts_with("unknown variant") {
        let word = quoted.first().cloned().unwrap_or_default();
        return Classified {
            problem: Problem::Type,
            message: format!("`{word}` is not an allowed value"),
            label: format!("expected one of {}", expected.join(", ")),
            help: Some(did_you_mean(&word, &expected, "the values are")),
        };
    }
    Classified {
        problem: Problem::Type,
        message: "a value has the wrong type".into(),
        label: message.trim().to_owned(),
        help: None,
    }
}

/// Every `` `word` `` in a message, in order.
pub(crate) fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The words after "expected" in a serde message (`expected one of `a`, `b``,
/// `expected `a` or `b``), for suggestions.
pub(crate) fn expected_words(message: &str) -> Vec<String> {
    message
        .find("expected")
        .map(|at| backticked(&message[at..]))
        .unwrap_or_default()
}

/// "did you mean `x`?" when a candidate is close to `word`, otherwise the full list.
pub(crate) fn did_you_mean(word: &str, candidates: &[String], list_intro: &str) -> String {
    match suggest(word, candidates) {
        Some(known) => format!("did you mean `{known}`?"),
        None => format!("{list_intro} {}", candidates.join(", ")),
    }
}

/// The candidate closest to `word`, if it is close enough to be a typo: at most two edits
/// (Levenshtein over chars, by strsim), and fewer than `word` has characters. The one
/// spelling suggestion of every input format (front matter, rules, settings, datasets).
pub(crate) fn suggest<'a, S: AsRef<str>>(word: &str, candidates: &'a [S]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|known| (strsim::levenshtein(word, known.as_ref()), known.as_ref()))
        .filter(|&(distance, _)| distance <= 2 && distance < word.chars().count())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// Reads a date from a TOML date (`published = 2014-02-15`).
///
/// chrono's own `Deserialize` wants a string, and a TOML date reaches serde as a map, so the
/// field goes through toml's `Datetime`; a quoted string is therefore a type error.
pub(crate) fn toml_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let datetime = toml::value::Datetime::deserialize(deserializer)?;
    let date = match (datetime.date, datetime.time, datetime.offset) {
        (Some(date), None, None) => date,
        (Some(_), _, _) => {
            return Err(D::Error::invalid_type(
                Unexpected::Other("date-time"),
                &"a date",
            ));
        }
        (None, _, _) => return Err(D::Error::invalid_type(Unexpected::Other("time"), &"a date")),
    };
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .ok_or_else(|| D::Error::invalid_value(Unexpected::Other("date"), &"a calendar date"))
}

/// [`toml_date`] for an optional key.
pub(crate) fn toml_date_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    toml_date(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_serde_wording() {
        let c = classify("unknown field `aliass`, expected one of `id`, `aliases`");
        assert_eq!(c.problem, Problem::UnknownKey);
        assert_eq!(c.help.as_deref(), Some("did you mean `aliases`?"));
        let c = classify("unknown variant `levle`, expected `level` or `growth`");
        assert_eq!(c.problem, Problem::Type);
        assert_eq!(c.help.as_deref(), Some("did you mean `level`?"));
        assert_eq!(
            classify("missing field `name`").problem,
            Problem::MissingField
        );
        assert_eq!(classify("invalid type: integer `3`").problem, Problem::Type);
    }

    #[test]
    fn suggestions_are_close_spellings_only() {
        assert_eq!(suggest("measur", &["measure", "metric"]), Some("measure"));
        assert_eq!(suggest("中站", &["中站区"]), Some("中站区"));
        assert_eq!(suggest("ab", &["xyz"]), None);
        assert_eq!(suggest("u", &["url"]), None);
    }
}
