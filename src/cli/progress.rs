//! The progress bar of long runs (`check`, `extract`): files done out of files found, on
//! stderr, drawn only when stderr is a terminal — never into a pipe, a file or a CI log — and
//! not with `--quiet`. Diagnostics printed meanwhile go through [`Progress::print`], which
//! lifts the bar, prints and draws it again below.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over the files of a run, or nothing.
pub(super) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `files` files, drawn if stderr is a terminal, `CI` is unset and `quiet` is
    /// not given; otherwise hidden (every call does nothing).
    pub(super) fn new(files: usize, quiet: bool) -> Progress {
        let shown = !quiet
            && std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none_or(|v| v.is_empty());
        let target = if shown {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(files as u64), target);
        bar.set_style(
            ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} files, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        if shown {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Progress { bar }
    }

    /// Counts one more file done; safe from any thread.
    pub(super) fn file_done(&self) {
        self.bar.inc(1);
    }

    /// Prints `text` to stderr above the bar.
    pub(super) fn print(&self, text: &str) {
        self.bar.suspend(|| eprint!("{text}"));
    }

    /// Removes the bar before the output that follows the run.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
