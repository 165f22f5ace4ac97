//! A corpus's claims spilled to temporary files, one file per bucket of entities, for `check`
//! on a corpus too large to hold: reconciliation compares a claim only with claims of its own
//! entity, so it can read back one bucket at a time and hold only that bucket's claims.
//!
//! A claim goes to bucket `fnv1a64(entity) % BUCKETS`: every claim of an entity is in one
//! bucket, and the buckets are about equal in size. Each is written compactly (see
//! [`super::codec`]; the repeated words are interned in a table kept in memory, a few thousand
//! words). The files are in a folder the caller owns (a temporary one, removed with it); each
//! is removed as soon as it has been read back.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::Claim;
use super::codec::{self, Interned, Reader, Writer};

/// How many buckets the claims are spread over: at 1 GB of text (some 7 million claims) a
/// bucket holds about 30,000 claims, a few tens of MB once read back, and the open files stay
/// well below the usual limit of 1,024.
pub const BUCKETS: usize = 256;

/// The bytes a bucket gathers before they are appended to its file. The files are not kept
/// open: some systems allow a process only 256 open files.
const BUFFERED: usize = 16 << 10;

/// Claims being spilled; see the module documentation.
#[derive(Debug)]
pub struct ClaimSpill {
    dir: PathBuf,
    words: Interned,
    /// Each bucket's claims not yet in its file.
    pending: Vec<Writer>,
    /// Whether each bucket has a file.
    started: Vec<bool>,
    scratch: Writer,
}

impl ClaimSpill {
    /// A spill writing its files in `dir`, an existing folder.
    pub fn new(dir: &Path) -> Self {
        ClaimSpill {
            dir: dir.to_owned(),
            words: Interned::default(),
            pending: (0..BUCKETS).map(|_| Writer::default()).collect(),
            started: vec![false; BUCKETS],
            scratch: Writer::default(),
        }
    }

    /// Writes `claim` to the bucket of its entity.
    pub fn push(&mut self, claim: &Claim) -> io::Result<()> {
        let bucket = bucket_of(&claim.entity);
        // The entity's number and the record's length first, so that a bucket read back can
        // be sorted by entity without decoding its claims.
        self.scratch.bytes.clear();
        codec::encode(claim, &mut self.words, &mut self.scratch);
        let entity = self.words.number(&claim.entity);
        let pending = &mut self.pending[bucket];
        pending.number(entity);
        pending.size(self.scratch.bytes.len());
        pending.bytes.extend_from_slice(&self.scratch.bytes);
        if self.pending[bucket].bytes.len() >= BUFFERED {
            self.append(bucket)?;
        }
        Ok(())
    }

    /// Appends what bucket `bucket` gathered to its file.
    fn append(&mut self, bucket: usize) -> io::Result<()> {
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(bucket_path(&self.dir, bucket))?;
        file.write_all(&self.pending[bucket].bytes)?;
        self.pending[bucket].bytes.clear();
        self.started[bucket] = true;
        Ok(())
    }

    /// Ends the writing: every file is complete once this returns.
    pub fn finish(mut self) -> io::Result<SpilledClaims> {
        let mut buckets = Vec::new();
        for bucket in 0..BUCKETS {
            if !self.pending[bucket].bytes.is_empty() {
                self.append(bucket)?;
            }
            if self.started[bucket] {
                buckets.push(bucket_path(&self.dir, bucket));
            }
        }
        Ok(SpilledClaims {
            words: self.words,
            buckets,
        })
    }
}

/// Spilled claims, ready to be read back one bucket at a time.
#[derive(Debug)]
pub struct SpilledClaims {
    words: Interned,
    /// The files of the buckets that received claims.
    pub buckets: Vec<PathBuf>,
}

impl SpilledClaims {
    /// The bucket in `file` (one of [`SpilledClaims::buckets`]), read back; the file is
    /// removed. Its claims stay encoded until [`Bucket::claims`] decodes an entity's.
    pub fn read(&self, file: &Path) -> io::Result<Bucket<'_>> {
        let bytes = std::fs::read(file)?;
        std::fs::remove_file(file)?;
        let mut entities: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
        let mut input = Reader::new(&bytes);
        while !input.is_empty() {
            let entity = self.words.word(input.number()?)?;
            let len = input.size()?;
            let start = bytes.len() - input.remaining();
            input.skip(len)?;
            entities.entry(entity).or_default().push(start..start + len);
        }
        Ok(Bucket {
            words: &self.words,
            bytes,
            entities,
        })
    }
}

/// One bucket read back: its claims encoded, and where each entity's are.
#[derive(Debug)]
pub struct Bucket<'s> {
    words: &'s Interned,
    bytes: Vec<u8>,
    /// Each entity's claims, by their place in `bytes`, in the order they were pushed.
    entities: BTreeMap<&'s str, Vec<Range<usize>>>,
}

impl Bucket<'_> {
    /// The entities of the bucket, in order.
    pub fn entities(&self) -> impl Iterator<Item = &str> {
        self.entities.keys().copied()
    }

    /// The claims of `entity`, in the order they were pushed.
    pub fn claims(&self, entity: &str) -> io::Result<Vec<Claim>> {
        let Some(records) = self.entities.get(entity) else {
            return Ok(Vec::new());
        };
        records
            .iter()
            .map(|record| codec::decode(self.words, &mut Reader::new(&self.bytes[record.clone()])))
            .collect()
    }
}

fn bucket_of(entity: &str) -> usize {
    (crate::hash::fnv1a64(entity) % BUCKETS as u64) as usize
}

fn bucket_path(dir: &Path, bucket: usize) -> PathBuf {
    dir.join(format!("claims-{bucket:03}.bin"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn each_entity_comes_back_whole_in_one_bucket_in_push_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = ClaimSpill::new(dir.path());
        let entities = ["云水县", "白石区", "青河镇", "北山县", "南湖区"];
        let mut pushed = Vec::new();
        // Enough that each bucket is appended to its file several times.
        for i in 0..2000 {
            let text = format!("完成{i}亿元");
            let mut claim = Claim::blank("corpus/a.txt", Span::new(i * 20, i * 20 + 10), &text);
            claim.entity = entities[i % entities.len()].to_owned();
            claim.metric = "economy.gdp".to_owned();
            spill.push(&claim).unwrap();
            pushed.push(claim);
        }
        let spilled = spill.finish().unwrap();
        let mut read = Vec::new();
        for file in &spilled.buckets {
            let bucket = spilled.read(file).unwrap();
            assert!(!file.exists(), "a bucket is removed once read");
            let mut claims = Vec::new();
            for entity in bucket.entities() {
                let of_entity = bucket.claims(entity).unwrap();
                assert!(of_entity.iter().all(|c| c.entity == entity));
                claims.extend(of_entity);
            }
            for entity in entities {
                let here = claims.iter().filter(|c| c.entity == entity).count();
                assert!(here == 0 || here == 400, "{entity} is split across buckets");
            }
            read.extend(claims);
        }
        for entity in entities {
            let of = |claims: &[Claim]| -> Vec<Claim> {
                claims
                    .iter()
                    .filter(|c| c.entity == entity)
                    .cloned()
                    .collect()
            };
            assert_eq!(of(&read), of(&pushed));
        }
    }
}
