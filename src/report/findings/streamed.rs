//! The findings document and its lines written as they come, each chunk of findings
//! serialized on every core (rayon) and written in order.
//!
//! The JSON document is laid out by hand around its findings, in exactly the bytes
//! `serde_json::to_writer_pretty` gives the whole [`super::FindingsDocument`] (a test holds the
//! two together): a finding serialized pretty as the one item of an array in an array is the
//! same text as inside the document, between the arrays' brackets. That lets many findings be
//! serialized at once, which a single serializer walking the document cannot do.

use std::borrow::Borrow;
use std::io::{self, Write};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::{RecordRef, SCHEMA};
use crate::finding::{Finding, Level};
use crate::report::Context;

/// Findings serialized at once: enough to keep every core busy, few enough to hold.
const CHUNK: usize = 512;

/// Bytes written at once: the documents run to hundreds of MB, and a write call for every 8 KiB
/// (the default) was a good part of the time the main thread spends writing them.
const WRITE_BUFFER: usize = 256 * 1024;

/// Writes the JSON document of `context` with `findings` as its findings.
pub(super) fn write_document<F: Borrow<Finding> + Send + Sync>(
    out: &mut (impl Write + Send),
    context: &Context,
    findings: impl Iterator<Item = F>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, out);
    out.write_all(b"{\n  \"schema\": ")?;
    serde_json::to_writer(&mut out, SCHEMA)?;
    out.write_all(b",\n  \"as_of\": ")?;
    serde_json::to_writer(&mut out, &context.as_of)?;
    out.write_all(b",\n  \"findings\": [")?;
    let mut any = false;
    for_each_chunk(context, findings, pretty_item, |item| {
        out.write_all(if any { b",\n    " } else { b"\n    " })?;
        any = true;
        out.write_all(item)
    })?;
    out.write_all(if any { b"\n  ]" } else { b"]" })?;
    if !context.differences.is_empty() {
        out.write_all(b",\n  \"differences\": ")?;
        out.write_all(&nested_pretty(&[context.differences], 1)?)?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Writes one line per finding, then one per difference, each with `schema` and `as_of`.
pub(super) fn write_lines<F: Borrow<Finding> + Send + Sync>(
    out: &mut (impl Write + Send),
    context: &Context,
    findings: impl Iterator<Item = F>,
) -> io::Result<()> {
    let as_of = context.as_of;
    let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, out);
    for_each_chunk(
        context,
        findings,
        |record| line(record, as_of),
        |text| out.write_all(text),
    )?;
    for difference in context.differences {
        out.write_all(&line(difference, as_of)?)?;
    }
    out.flush()
}

/// Serializes `findings` a chunk at a time on every core with `serialize` and hands each
/// text to `write` in order. The next chunk is drawn from `findings` (which may be reading
/// and decoding them) while the workers serialize the one before and a thread of its own
/// writes the one before that: at hundreds of MB the write calls (the kernel copying into the
/// page cache, or waiting for it to be written back) take as long as the reading.
fn for_each_chunk<F: Borrow<Finding> + Send + Sync>(
    context: &Context,
    mut findings: impl Iterator<Item = F>,
    serialize: impl Fn(&RecordRef) -> io::Result<Vec<u8>> + Sync,
    mut write: impl FnMut(&[u8]) -> io::Result<()> + Send,
) -> io::Result<()> {
    let serialize = &serialize;
    std::thread::scope(|scope| {
        // One chunk's texts waiting beside the one being written: little to hold.
        let (to_writer, written) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(1);
        let writer = scope.spawn(move || -> io::Result<()> {
            for texts in written {
                for text in &texts {
                    write(text)?;
                }
            }
            Ok(())
        });
        let mut serializing: Option<std::thread::ScopedJoinHandle<_>> = None;
        let made = loop {
            // The level is read here, so that the context need not be shared with the workers.
            let chunk: Vec<(F, Level)> = findings
                .by_ref()
                .take(CHUNK)
                .map(|f| {
                    let level = context.level(f.borrow());
                    (f, level)
                })
                .collect();
            let done = serializing.take().map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            if !chunk.is_empty() {
                serializing = Some(scope.spawn(move || {
                    chunk
                        .par_iter()
                        .map(|(f, level)| serialize(&RecordRef::of(f.borrow(), *level)))
                        .collect::<io::Result<Vec<Vec<u8>>>>()
                }));
            }
            if let Some(texts) = done {
                match texts {
                    // The writer stopped on an error, which its join gives.
                    Ok(texts) => {
                        if to_writer.send(texts).is_err() {
                            break Ok(());
                        }
                    }
                    Err(e) => break Err(e),
                }
            }
            if serializing.is_none() {
                break Ok(());
            }
        };
        drop(to_writer);
        let wrote = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        made.and(wrote)
    })
}

/// A finding as the document shows it: pretty, indented as an item of `findings`.
fn pretty_item(record: &RecordRef) -> io::Result<Vec<u8>> {
    nested_pretty(&[[record]], 2)
}

/// `value` pretty as it shows `depth` levels down in a pretty document: serialized inside
/// `depth` arrays of one item each, which are then cut away.
fn nested_pretty<T: Serialize>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    // A finding takes a few KiB: room for most, so the text is not regrown a few times over.
    let mut text = Vec::with_capacity(4096);
    serde_json::to_writer_pretty(&mut text, value)?;
    // Each array opens with `[`, a line break and its items' indent, and closes with a line
    // break, its own indent and `]`.
    let opening: usize = (1..=depth).map(|level| 2 + 2 * level).sum();
    let closing: usize = (0..depth).map(|level| 2 + 2 * level).sum();
    text.truncate(text.len().saturating_sub(closing));
    text.drain(..opening.min(text.len()));
    Ok(text)
}

/// A record as a line of its own, `schema` and `as_of` in front of its fields.
fn line<T: Serialize>(record: &T, as_of: NaiveDate) -> io::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Line<'r, T> {
        schema: &'static str,
        as_of: NaiveDate,
        #[serde(flatten)]
        record: &'r T,
    }
    let mut text = serde_json::to_vec(&Line {
        schema: SCHEMA,
        as_of,
        record,
    })?;
    text.push(b'\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::sample_gdp_claim;
    use crate::difference::{Difference, Place};
    use crate::finding::{Code, Levels};
    use crate::report::articles::Articles;
    use crate::report::findings::{FindingRecord, FindingsDocument};
    use crate::span::Span;

    /// `count` findings on the sample claim, with evidence, numbers, help and a message that
    /// needs escaping.
    fn findings(count: usize) -> Vec<Finding> {
        (0..count)
            .map(|i| {
                let target = sample_gdp_claim("corpus/云水县.txt", 10 * i, "地区生产总值增长6%");
                let mut evidence = sample_gdp_claim("corpus/年报.txt", 7 * i, "增长6.2%");
                evidence.value = None;
                Finding::new(Code::Met, &target, format!("«目标» \"{i}\"\n已完成"))
                    .compute("target", "6%")
                    .compute("reported", "6.2%")
                    .help("核对年报")
                    .cite(&evidence, "reported 6.2% for 2023")
            })
            .collect()
    }

    fn difference() -> Difference {
        Difference {
            code: "dataset::changed".to_owned(),
            severity: Level::Deny,
            message: "expected met, now missed".to_owned(),
            locations: vec![Place {
                file: "expected.toml".to_owned(),
                span: Span::new(3, 9),
                line: 1,
                column: 4,
                end_line: 1,
                end_column: 10,
                label: "expected here".to_owned(),
                text: None,
            }],
            help: None,
        }
    }

    /// What serializing the whole document at once gives.
    fn whole(context: &Context) -> String {
        let document = FindingsDocument {
            schema: SCHEMA.to_owned(),
            as_of: context.as_of,
            findings: context
                .findings
                .iter()
                .map(|f| FindingRecord {
                    code: f.code,
                    severity: context.level(f),
                    message: f.message.clone(),
                    target: f.target.clone(),
                    evidence: f.evidence.clone(),
                    computation: f.computation.clone(),
                    help: f.help.clone(),
                })
                .collect(),
            differences: context.differences.to_vec(),
        };
        serde_json::to_string_pretty(&document).expect("serializable") + "\n"
    }

    #[test]
    fn the_document_is_the_bytes_of_serializing_it_whole() {
        let (levels, articles) = (Levels::default(), Articles::new());
        let as_of = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date");
        let differences = [difference()];
        // No finding, one, and more than a chunk; with and without differences.
        for count in [0, 1, CHUNK + 3] {
            let found = findings(count);
            for listed in [&differences[..], &[]] {
                let context =
                    Context::new(&found, &levels, &articles, as_of).with_differences(listed);
                let mut written = Vec::new();
                write_document(&mut written, &context, found.iter()).expect("written");
                assert_eq!(String::from_utf8(written).expect("UTF-8"), whole(&context));
            }
        }
    }

    #[test]
    fn lines_come_in_the_order_of_the_findings() {
        let (levels, articles) = (Levels::default(), Articles::new());
        let as_of = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date");
        let found = findings(CHUNK * 2 + 1);
        let differences = [difference()];
        let context =
            Context::new(&found, &levels, &articles, as_of).with_differences(&differences);
        let mut written = Vec::new();
        write_lines(&mut written, &context, found.iter()).expect("written");
        let text = String::from_utf8(written).expect("UTF-8");
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(lines.len(), found.len() + 1);
        for (line, finding) in lines.iter().zip(&found) {
            assert_eq!(line["message"], finding.message.as_str());
            assert_eq!(line["schema"], SCHEMA);
        }
        assert_eq!(lines[found.len()]["code"], "dataset::changed");
    }
}
