//! Findings sorted on disk, for `check` on a corpus whose findings are too many to hold: each
//! part of the work writes its findings, sorted, as a run (a temporary file), and [`Merge`]
//! reads every run at once and gives back all the findings in report order, one at a time.
//!
//! Report order is [`super::sort`]'s: the target's document and start, the code, the message.
//! That sort is stable, so findings equal in those keep the order they were made in; a
//! [`Key`] carries that too, as an [`Origin`], and two findings never have equal keys.
//! A record is written whole — code, message, every claim with its text — so that reading it
//! back needs nothing else (see [`crate::claim::codec`]).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::{Code, Evidence, Finding};
use crate::claim::codec::{self, Inline, Reader, Writer, corrupt};

/// Where a finding was made, which orders findings equal in everything else as the sort of
/// every finding at once did.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// The family of the work that made it, in the order the families ran.
    pub family: u8,
    /// The group it was made in (an entity, a document), in the order the groups ran.
    pub group: String,
    /// Its number among the findings of that group, in the order they were made.
    pub index: usize,
}

/// A finding's place in report order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    doc: String,
    start: usize,
    code: Code,
    message: String,
    origin: Origin,
}

/// A finding encoded for a run, with its key.
#[derive(Debug)]
pub struct Record {
    key: Key,
    body: Vec<u8>,
}

impl Record {
    /// Encodes `finding`, made at `origin`.
    pub fn of(finding: Finding, origin: Origin) -> Record {
        let mut out = Writer::default();
        codec::encode(&finding.target, &mut Inline, &mut out);
        out.size(finding.evidence.len());
        for evidence in &finding.evidence {
            out.text(&evidence.label);
            codec::encode(&evidence.claim, &mut Inline, &mut out);
        }
        out.size(finding.computation.len());
        for (name, value) in &finding.computation {
            out.text(name);
            out.text(value);
        }
        match &finding.help {
            Some(help) => {
                out.byte(1);
                out.text(help);
            }
            None => out.byte(0),
        }
        Record {
            key: Key {
                doc: finding.target.doc,
                start: finding.target.span.start,
                code: finding.code,
                message: finding.message,
                origin,
            },
            body: out.bytes,
        }
    }

    /// The bytes this record takes in memory, about.
    pub fn size(&self) -> usize {
        self.body.len() + self.key.doc.len() + self.key.message.len() + self.key.origin.group.len()
    }

    /// The finding back.
    fn finding(self) -> io::Result<Finding> {
        let mut input = Reader::new(&self.body);
        let target = codec::decode(&Inline, &mut input)?;
        let mut evidence = Vec::new();
        for _ in 0..input.size()? {
            let label = input.text()?;
            let claim = codec::decode(&Inline, &mut input)?;
            evidence.push(Evidence { label, claim });
        }
        let mut computation = BTreeMap::new();
        for _ in 0..input.size()? {
            let name = input.text()?;
            computation.insert(name, input.text()?);
        }
        let help = match input.byte()? {
            0 => None,
            1 => Some(input.text()?),
            _ => return Err(corrupt()),
        };
        if !input.is_empty() {
            return Err(corrupt());
        }
        Ok(Finding {
            code: self.key.code,
            message: self.key.message,
            target,
            evidence,
            computation,
            help,
        })
    }

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut head = Writer::default();
        head.text(&self.key.doc);
        head.size(self.key.start);
        head.size(code_number(self.key.code));
        head.text(&self.key.message);
        head.byte(self.key.origin.family);
        head.text(&self.key.origin.group);
        head.size(self.key.origin.index);
        head.size(self.body.len());
        out.write_all(&head.bytes)?;
        out.write_all(&self.body)
    }
}

/// Sorts `records` and writes them to a new file at `path`, a run for [`Merge`].
pub fn write_run(path: &Path, mut records: Vec<Record>) -> io::Result<()> {
    records.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    let mut out = BufWriter::new(File::create(path)?);
    for record in &records {
        record.write(&mut out)?;
    }
    out.flush()
}

/// Runs read at once: each is an open file, and some systems allow a process only 256.
const FAN_IN: usize = 64;

/// The findings of several runs, in report order; each run's file is removed once read to its
/// end.
#[derive(Debug)]
pub struct Merge {
    runs: Vec<Run>,
    /// The next record of each run that has one, smallest key first.
    heads: BinaryHeap<Reverse<(Key, usize)>>,
    bodies: Vec<Vec<u8>>,
}

#[derive(Debug)]
struct Run {
    path: PathBuf,
    input: BufReader<File>,
}

impl Merge {
    /// Opens the runs written at `paths` (by [`write_run`]). More than [`FAN_IN`] runs are
    /// first merged, [`FAN_IN`] at a time, into longer runs beside them.
    pub fn open(mut paths: Vec<PathBuf>) -> io::Result<Merge> {
        let mut merged = 0;
        while paths.len() > FAN_IN {
            let rest = paths.split_off(FAN_IN);
            let longer = paths[0].with_file_name(format!("findings-merged-{merged}.bin"));
            merged += 1;
            let mut group = Merge::open_few(paths)?;
            let mut out = BufWriter::new(File::create(&longer)?);
            while let Some(record) = group.next_record()? {
                record.write(&mut out)?;
            }
            out.flush()?;
            paths = rest;
            paths.push(longer);
        }
        Merge::open_few(paths)
    }

    fn open_few(paths: Vec<PathBuf>) -> io::Result<Merge> {
        let mut merge = Merge {
            runs: Vec::new(),
            heads: BinaryHeap::new(),
            bodies: Vec::new(),
        };
        for path in paths {
            let input = BufReader::new(File::open(&path)?);
            merge.runs.push(Run { path, input });
            merge.bodies.push(Vec::new());
            merge.advance(merge.runs.len() - 1)?;
        }
        Ok(merge)
    }

    /// Reads the next record of run `i` into the heads.
    fn advance(&mut self, i: usize) -> io::Result<()> {
        let run = &mut self.runs[i];
        if run.input.fill_buf()?.is_empty() {
            std::fs::remove_file(&run.path)?;
            return Ok(());
        }
        let doc = read_text(&mut run.input)?;
        let start = read_size(&mut run.input)?;
        let code = *Code::ALL
            .get(read_size(&mut run.input)?)
            .ok_or_else(corrupt)?;
        let message = read_text(&mut run.input)?;
        let mut family = [0];
        run.input.read_exact(&mut family)?;
        let origin = Origin {
            family: family[0],
            group: read_text(&mut run.input)?,
            index: read_size(&mut run.input)?,
        };
        let len = read_size(&mut run.input)?;
        let body = &mut self.bodies[i];
        body.resize(len, 0);
        run.input.read_exact(body)?;
        let key = Key {
            doc,
            start,
            code,
            message,
            origin,
        };
        self.heads.push(Reverse((key, i)));
        Ok(())
    }

    fn next_record(&mut self) -> io::Result<Option<Record>> {
        let Some(Reverse((key, i))) = self.heads.pop() else {
            return Ok(None);
        };
        let body = std::mem::take(&mut self.bodies[i]);
        self.advance(i)?;
        Ok(Some(Record { key, body }))
    }
}

impl Iterator for Merge {
    type Item = io::Result<Finding>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record()
            .and_then(|record| record.map(Record::finding).transpose())
            .transpose()
    }
}

fn code_number(code: Code) -> usize {
    Code::ALL
        .iter()
        .position(|&c| c == code)
        .expect("Code::ALL lists every code")
}

fn read_size(input: &mut impl Read) -> io::Result<usize> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let mut byte = [0];
        input.read_exact(&mut byte)?;
        n |= u64::from(byte[0] & 0x7f) << shift;
        if byte[0] & 0x80 == 0 {
            return usize::try_from(n).map_err(|_| corrupt());
        }
    }
    Err(corrupt())
}

fn read_text(input: &mut impl Read) -> io::Result<String> {
    let len = read_size(input)?;
    let mut bytes = vec![0; len];
    input.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map_err(|_| corrupt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Claim;
    use crate::span::Span;

    fn finding(doc: &str, start: usize, code: Code, message: &str) -> Finding {
        let target = Claim::blank(doc, Span::new(start, start + 9), "目标增长8%左右");
        let earlier = Claim::blank(doc, Span::new(3, 12), "实际增长7.5%");
        Finding::new(code, &target, message.to_owned())
            .cite(&earlier, "reported for 2021")
            .compute("target", "8")
            .compute("reported", "7.5")
            .help("a final figure for 2021 settles it")
    }

    #[test]
    fn runs_merge_into_the_order_of_the_stable_sort_of_every_finding() {
        let dir = tempfile::tempdir().unwrap();
        // Made in this order: entity groups first, then documents; some keys repeat.
        let made = [
            (0, "云水县", finding("b.txt", 40, Code::Missed, "same")),
            (0, "云水县", finding("a.txt", 90, Code::Met, "x")),
            (0, "白石区", finding("b.txt", 40, Code::Missed, "same")),
            (0, "白石区", finding("a.txt", 7, Code::Conflict, "y")),
            (1, "a.txt", finding("a.txt", 7, Code::Conflict, "y")),
            (1, "b.txt", finding("b.txt", 40, Code::Missed, "same")),
        ];
        let mut expected: Vec<Finding> = made.iter().map(|(_, _, f)| f.clone()).collect();
        // Another help tells the repeated keys apart once sorted.
        for (k, f) in expected.iter_mut().enumerate() {
            f.help = Some(format!("made {k}th"));
        }
        let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
        let records: Vec<(usize, Record)> = made
            .iter()
            .zip(&expected)
            .enumerate()
            .map(|(k, ((family, group, _), f))| {
                let index = counters.entry(group).or_default();
                *index += 1;
                let origin = Origin {
                    family: *family,
                    group: (*group).to_owned(),
                    index: *index,
                };
                (k % 3, Record::of(f.clone(), origin))
            })
            .collect();
        let mut paths = Vec::new();
        for run in 0..3 {
            let path = dir.path().join(format!("run-{run}"));
            let mine = records
                .iter()
                .filter(|(r, _)| *r == run)
                .map(|(_, rec)| Record {
                    key: rec.key.clone(),
                    body: rec.body.clone(),
                })
                .collect();
            write_run(&path, mine).unwrap();
            paths.push(path);
        }
        let merged: Vec<Finding> = Merge::open(paths.clone())
            .unwrap()
            .collect::<io::Result<_>>()
            .unwrap();
        super::super::sort(&mut expected);
        assert_eq!(merged, expected);
        assert!(
            paths.iter().all(|p| !p.exists()),
            "runs are removed once read"
        );
    }

    #[test]
    fn more_runs_than_are_read_at_once_merge_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let mut expected = Vec::new();
        let mut paths = Vec::new();
        for run in 0..FAN_IN * 2 + 3 {
            let f = finding(
                "a.txt",
                (run * 7919) % 1000,
                Code::Met,
                &format!("run {run}"),
            );
            expected.push(f.clone());
            let origin = Origin {
                family: 0,
                group: "云水县".to_owned(),
                index: run,
            };
            let path = dir.path().join(format!("run-{run}"));
            write_run(&path, vec![Record::of(f, origin)]).unwrap();
            paths.push(path);
        }
        let merged: Vec<Finding> = Merge::open(paths)
            .unwrap()
            .collect::<io::Result<_>>()
            .unwrap();
        super::super::sort(&mut expected);
        assert_eq!(merged, expected);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }

    #[test]
    fn a_damaged_run_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run");
        let origin = Origin {
            family: 0,
            group: "云水县".to_owned(),
            index: 0,
        };
        write_run(
            &path,
            vec![Record::of(finding("a.txt", 1, Code::Met, "m"), origin)],
        )
        .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        let merged = Merge::open(vec![path]).and_then(|m| m.collect::<io::Result<Vec<_>>>());
        assert!(merged.is_err());
    }
}
