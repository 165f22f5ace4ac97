//! The `claimcheck` binary: parse arguments, run, turn the outcome into an exit status.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes and drops many small strings and
/// vectors for every sentence, and glibc's malloc and free took about a fifth of its time.
/// Without transparent huge pages (`no_thp`): with them each of its 2 MiB pages was resident
/// whole, which nearly doubled `check`'s peak memory (see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    claimcheck::cli::main()
}
