//! Temporary files that do not outlive the run. A large `check` spills gigabytes to a
//! temporary folder, and a written file is first written beside its target: both are removed
//! when the run ends, when it is interrupted (SIGINT, SIGTERM, SIGHUP: see [`on_interrupt`]),
//! and, for a run killed outright (SIGKILL, the out-of-memory killer), by the next run that
//! makes a temporary folder.
//!
//! A live folder holds a file named [`LOCK`] that its run keeps locked. An operating system
//! lets go of a process's locks however the process ends, so a `claimcheck-*` folder whose lock
//! can be taken belongs to no running claimcheck, on this machine or in another container
//! sharing the folder.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The start of the name of every temporary folder.
const PREFIX: &str = "claimcheck-";

/// The lock file of a live folder.
const LOCK: &str = "lock";

/// The exit status of an interrupted run: 128 + SIGINT, as shells report it.
pub const INTERRUPTED: u8 = 130;

/// Paths to remove if the run is interrupted.
static IN_USE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary folder of this run, removed with everything in it when dropped.
#[derive(Debug)]
pub struct ScratchDir {
    // Closed before the folder is removed (fields drop in order): some systems cannot remove
    // an open file.
    _lock: File,
    dir: tempfile::TempDir,
}

impl ScratchDir {
    /// A new folder in the system's temporary folder, after removing the folders of runs that
    /// were killed.
    pub fn new() -> io::Result<ScratchDir> {
        let parent = std::env::temp_dir();
        remove_abandoned(&parent);
        let dir = tempfile::Builder::new()
            .prefix(PREFIX)
            .tempdir_in(&parent)?;
        // Locked under another name and then renamed, so that no sweep ever finds an unlocked
        // `lock` in a live folder.
        let unlocked = dir.path().join(format!("{LOCK}.new"));
        let lock = File::create(&unlocked)?;
        lock.lock()?;
        fs::rename(&unlocked, dir.path().join(LOCK))?;
        remove_on_interrupt(dir.path());
        Ok(ScratchDir { _lock: lock, dir })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        forget(self.dir.path());
    }
}

/// A path removed if the run is interrupted, until the guard is dropped: for a file being
/// written under a temporary name.
#[derive(Debug)]
pub struct InterruptGuard(PathBuf);

impl InterruptGuard {
    /// Guards `path`.
    pub fn new(path: &Path) -> InterruptGuard {
        remove_on_interrupt(path);
        InterruptGuard(path.to_owned())
    }
}

impl Drop for InterruptGuard {
    fn drop(&mut self) {
        forget(&self.0);
    }
}

fn remove_on_interrupt(path: &Path) {
    in_use().push(path.to_owned());
}

fn forget(path: &Path) {
    in_use().retain(|p| p != path);
}

fn in_use() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A list of paths is whole whatever a panicking holder was doing.
    IN_USE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files in use, say so on stderr and
/// end the run with [`INTERRUPTED`]. Called once, before any work.
pub fn on_interrupt() {
    // Only fails if a handler is already set: then that one stands.
    ctrlc::set_handler(|| {
        let paths = std::mem::take(&mut *in_use());
        for path in &paths {
            if path.is_dir() {
                fs::remove_dir_all(path).ok();
            } else {
                fs::remove_file(path).ok();
            }
        }
        eprintln!("claimcheck: interrupted; its temporary files are removed");
        std::process::exit(i32::from(INTERRUPTED));
    })
    .ok();
}

/// Removes the `claimcheck-*` folders in `parent` whose lock no process holds. Folders of other
/// users, or without a lock (being made, or made by an older claimcheck), are left alone.
fn remove_abandoned(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let is_ours = entry.file_name().to_string_lossy().starts_with(PREFIX)
            && entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_ours {
            continue;
        }
        let Ok(lock) = File::open(entry.path().join(LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() {
            drop(lock);
            fs::remove_dir_all(entry.path()).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_kept_while_locked_and_removed_once_abandoned() {
        let parent = tempfile::tempdir().unwrap();
        let live = parent.path().join("claimcheck-live");
        let dead = parent.path().join("claimcheck-dead");
        let unlocked = parent.path().join("claimcheck-older");
        let other = parent.path().join("someone-else");
        for dir in [&live, &dead, &unlocked, &other] {
            fs::create_dir(dir).unwrap();
        }
        let held = File::create(live.join(LOCK)).unwrap();
        held.lock().unwrap();
        File::create(dead.join(LOCK)).unwrap();
        File::create(other.join(LOCK)).unwrap();
        remove_abandoned(parent.path());
        assert!(live.exists(), "a folder whose lock is held is in use");
        assert!(
            !dead.exists(),
            "a folder whose lock nobody holds is abandoned"
        );
        assert!(
            unlocked.exists(),
            "a folder without a lock is not known to be ours"
        );
        assert!(other.exists(), "only claimcheck's folders are looked at");
    }

    #[test]
    fn a_scratch_folder_is_removed_when_dropped_and_forgotten() {
        let scratch = ScratchDir::new().unwrap();
        let path = scratch.path().to_owned();
        assert!(path.join(LOCK).exists());
        assert!(in_use().contains(&path));
        drop(scratch);
        assert!(!path.exists());
        assert!(!in_use().contains(&path));
    }
}
