//! Reading the files a user names — articles, datasets, baselines, claims shards, settings —
//! so that no path can hang or exhaust the tool: only regular files are opened, never one
//! larger than a limit, and never more than the limit is read.
//!
//! A FIFO, socket or device (a symbolic link to `/dev/zero` in a corpus folder, a named pipe
//! given as `--expect`) is refused from its metadata, before anything opens it, because
//! opening a FIFO blocks until a writer comes. Symbolic links are followed by the operating
//! system, which stops at a loop (`ELOOP`) and reports it as such.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The size limit of one input file unless `claimcheck.toml` sets `max_file_size`: 64 MiB,
/// far above any article, dataset or shard, far below what would exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The path is not a regular file; the text says what it is (`a FIFO`, `a directory`…).
    NotAFile(&'static str),
    /// The path is a chain of symbolic links that loops.
    LinkLoop,
    /// The file holds more than the limit (`size` is at least `limit + 1`).
    TooLarge { size: u64, limit: u64 },
    /// The file could not be opened or read.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotAFile(what) => write!(f, "not a regular file: {what}"),
            ReadError::LinkLoop => f.write_str("symbolic links loop"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "{} is over the limit of {} per input file",
                human_size(*size),
                human_size(*limit)
            ),
            ReadError::Io(error) => write!(f, "cannot read: {error}"),
        }
    }
}

/// Reads the regular file at `path`, at most `limit` bytes of it.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let size = regular_size(path, limit)?;
    let file = fs::File::open(path).map_err(classify)?;
    // Room for the whole file and the byte past the limit: one read, no regrowing. (A file
    // that changed since its metadata was read is still read whole, up to the limit.)
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // One byte more than the limit tells a file that grew after the check from one that fits.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// Refuses, from its metadata alone, a path that is not a regular file or is over `limit`;
/// gives the size of one that is (so that reading it needs no second look at its metadata).
fn regular_size(path: &Path, limit: u64) -> Result<u64, ReadError> {
    let meta = fs::metadata(path).map_err(classify)?;
    let file_type = meta.file_type();
    if !file_type.is_file() {
        return Err(ReadError::NotAFile(describe(&file_type)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok(meta.len())
}

/// `ELOOP`, "too many levels of symbolic links" (`io::ErrorKind::FilesystemLoop` is not
/// stable yet).
#[cfg(any(target_os = "linux", target_os = "android"))]
const ELOOP: Option<i32> = Some(40);
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
const ELOOP: Option<i32> = Some(62);
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd"
)))]
const ELOOP: Option<i32> = None;

/// An I/O error, with a symbolic-link loop told apart.
fn classify(error: io::Error) -> ReadError {
    if ELOOP.is_some() && error.raw_os_error() == ELOOP {
        ReadError::LinkLoop
    } else {
        ReadError::Io(error)
    }
}

/// What a file that is not a regular file is, in words.
fn describe(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// A byte count the way people read it: `64 MiB`, `1.5 KiB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(DEFAULT_MAX_FILE_SIZE), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(12), "12 bytes");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_before_opening() {
        let error = read_bytes(Path::new("/dev/zero"), DEFAULT_MAX_FILE_SIZE).unwrap_err();
        assert!(
            matches!(error, ReadError::NotAFile("a character device")),
            "{error}"
        );
    }
}
