//! `claimcheck check`: levels, the audit, the dataset and baseline files, the report, and the
//! exit status.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::baseline::Baseline;
use crate::dataset::{self, Expected};
use crate::difference::Difference;
use crate::finding::{Code, Level, Levels};
use crate::report::{self, articles};
use crate::{audit, config};

use super::args::{CheckArgs, CheckFormat};
use super::{drawing, load_rules, render};

mod audited;
mod kept;
use audited::{Audited, Failure};
use kept::Kept;

/// Runs `check`; a failed write to `out` is the error (the caller decides: a closed pipe
/// ends quietly, anything else is exit status 2).
pub(super) fn check(args: &CheckArgs, out: &mut (impl Write + Send)) -> std::io::Result<u8> {
    let Some(rules) = load_rules(args.rules.as_deref()) else {
        return Ok(2);
    };
    let Some((levels, settings)) = levels_and_settings(args) else {
        return Ok(2);
    };
    let expect = args.expect.as_deref().or(settings.expect.as_deref());
    let baseline = args.baseline.as_deref().or(settings.baseline.as_deref());
    let limit = settings.max_file_size;
    let paths = if args.paths.is_empty() && args.claims.is_empty() {
        vec![std::path::PathBuf::from("corpus")]
    } else {
        args.paths.clone()
    };
    if let Err(message) = writes_are_safe(args, &paths) {
        eprintln!("error: {message}");
        return Ok(2);
    }
    let expected = match expect.map(|p| Expected::read(p, limit)).transpose() {
        Ok(expected) => expected,
        Err(diagnostic) => {
            eprint!("{}", render(&diagnostic));
            return Ok(2);
        }
    };
    let baseline = match baseline.map(|p| Baseline::read(p, limit)).transpose() {
        Ok(baseline) => baseline,
        Err(diagnostic) => {
            eprint!("{}", render(&diagnostic));
            return Ok(2);
        }
    };
    let mut shard_claims = Vec::new();
    for path in &args.claims {
        match crate::shards::read(path, limit) {
            Ok(claims) => shard_claims.extend(claims),
            Err(diagnostic) => {
                eprint!("{}", render(&diagnostic));
                return Ok(2);
            }
        }
    }
    let judging = audit::Judging {
        as_of: args.as_of.or(expected.as_ref().and_then(|e| e.as_of)),
        tolerance: settings.tolerance,
    };
    // JSON and JSONL carry each claim's text, line and column: they draw nothing from the
    // files, which are read back only to anchor a dataset's quotes. With nothing to compare
    // or rewrite either, their findings are written one at a time as they come.
    let draws = !matches!(args.format, CheckFormat::Json | CheckFormat::Jsonl);
    let streams = !draws
        && expected.is_none()
        && baseline.is_none()
        && args.write_expected.is_none()
        && args.write_baseline.is_none();
    let audited = audited::audit(audited::Run {
        paths: &paths,
        shard_claims,
        every_claim: args.format == CheckFormat::Html,
        read_back: draws || expected.is_some(),
        max_file_size: limit,
        rules: &rules,
        quiet: args.quiet,
        judging,
    });
    let Audited {
        documents,
        input_errors: errors,
        as_of,
        after_cut_off,
        claim_count,
        claim_docs,
        claims,
        findings: made,
    } = match audited {
        Ok(audited) => audited,
        Err(Failure::Output(e)) => return Err(e),
        Err(Failure::Spill(folder, e)) => {
            eprintln!(
                "error: cannot write temporary files in {}: {e}",
                folder.display()
            );
            return Ok(2);
        }
    };
    // A temporary file that cannot be read back ends the findings; the run then fails.
    let mut unread_findings = None;
    let mut made = made.map_while(|found| found.map_err(|e| unread_findings = Some(e)).ok());
    let mut findings: Vec<crate::finding::Finding> = if streams {
        Vec::new()
    } else {
        made.by_ref().collect()
    };
    let cited = if draws || expected.is_some() {
        cited_documents(&findings, expected.is_some())
    } else {
        Some(std::collections::HashSet::new())
    };
    let claim_docs: std::collections::BTreeSet<&str> =
        claim_docs.iter().map(String::as_str).collect();
    let (articles, unread) = articles_for(
        &crate::project::Project::discover(),
        &documents.kept,
        &claim_docs,
        &cited,
        limit,
    );

    let mut input_errors = errors + unread;
    let mut differences = 0;
    // Dataset differences and stale baseline entries, for the machine formats; the human
    // report has them on stderr.
    let mut listed: Vec<Difference> = Vec::new();
    if let Some(expected) = &expected {
        let broken = expected.check_anchors(&articles);
        for diagnostic in &broken {
            eprint!("{}", render(diagnostic));
        }
        input_errors += broken.len();
        if broken.is_empty() {
            let found = expected.compare(&findings, &articles);
            for diagnostic in &found {
                eprint!("{}", render(diagnostic));
            }
            differences = found.len();
            listed.extend(found.iter().map(Difference::of));
        }
    }
    if let Some(path) = &args.write_expected
        && !write_file(path, &dataset::write(&findings, as_of))
    {
        input_errors += 1;
    }
    if let Some(path) = &args.write_baseline
        && !write_file(path, &crate::baseline::write(&findings, &levels))
    {
        input_errors += 1;
    }
    let mut suppressed = 0;
    if let Some(baseline) = &baseline {
        let applied = baseline.apply(findings);
        for diagnostic in &applied.stale {
            eprint!("{}", render(diagnostic));
        }
        listed.extend(applied.stale.iter().map(Difference::of));
        findings = applied.findings;
        suppressed = applied.suppressed;
    }

    if args.format == CheckFormat::Claimreview {
        let publisher = &settings.report;
        if publisher.url.is_none() || publisher.publisher.is_none() {
            eprintln!(
                "note: claimcheck.toml names no [report] url or publisher: the reviews have no \
                 `url` or no `author`, which fact-check aggregators expect"
            );
        }
    }
    let checked: Vec<String> = paths
        .iter()
        .map(|p| p.display().to_string())
        .chain(args.claims.iter().map(|p| p.display().to_string()))
        .collect();
    let checked = checked.join(", ");
    let stdout = std::io::stdout();
    let context = report::Context::new(&findings, &levels, &articles, as_of)
        .show_all(args.show_all)
        .with_claims(&claims)
        .with_differences(&listed)
        .with_settings(report::Settings {
            drawing: drawing(
                stdout.is_terminal(),
                terminal_size::terminal_size_of(&stdout),
            ),
            publication: report::claimreview::Publication {
                url: settings.report.url.as_deref(),
                publisher: settings.report.publisher.as_deref(),
                date: args.review_date.unwrap_or(as_of),
            },
            checked: &checked,
            documents: documents.count,
        });
    let text_renderer: fn(&report::Context) -> String = match args.format {
        // The machine documents are written as they are serialized, not built in memory.
        CheckFormat::Json | CheckFormat::Jsonl => |_| String::new(),
        CheckFormat::Github => report::github::github,
        CheckFormat::Ledger => report::ledger::markdown,
        CheckFormat::Csv => report::spreadsheet::findings,
        CheckFormat::Sarif => report::sarif::sarif,
        CheckFormat::Claimreview => report::claimreview::claimreview,
        CheckFormat::Html => report::html::html,
        CheckFormat::Human => report::findings::human,
    };
    let mut denied_streamed = 0;
    let mut counted = made.inspect(|f| {
        if levels.of(f.code) == Level::Deny {
            denied_streamed += 1;
        }
    });
    match args.format {
        CheckFormat::Json if streams => {
            report::findings::write_json_of(out, &context, counted.by_ref())?;
        }
        CheckFormat::Jsonl if streams => {
            report::findings::write_jsonl_of(out, &context, counted.by_ref())?;
        }
        CheckFormat::Json => report::findings::write_json(out, &context)?,
        CheckFormat::Jsonl => report::findings::write_jsonl(out, &context)?,
        _ => write!(out, "{}", text_renderer(&context))?,
    }
    drop(counted);
    if let Some(e) = unread_findings {
        eprintln!("error: cannot read back the temporary files of this run: {e}");
        return Ok(2);
    }
    let denied = if streams {
        denied_streamed
    } else {
        context.denied()
    };
    if args.format == CheckFormat::Human {
        let mut notes = Vec::new();
        if after_cut_off > 0 {
            notes.push(format!(
                "{after_cut_off} claims published after {as_of} left out"
            ));
        }
        if suppressed > 0 {
            notes.push(format!("{suppressed} baselined"));
        }
        match differences {
            0 => {}
            1 => notes.push("1 dataset difference".to_owned()),
            n => notes.push(format!("{n} dataset differences")),
        }
        match input_errors {
            0 => {}
            1 => notes.push("1 input error".to_owned()),
            n => notes.push(format!("{n} input errors")),
        }
        writeln!(
            out,
            "\nchecked {} document{}, {} claims, as of {as_of}{}",
            documents.count,
            if documents.count == 1 { "" } else { "s" },
            claim_count,
            notes.iter().map(|n| format!("; {n}")).collect::<String>()
        )?;
    }
    Ok(if input_errors > 0 {
        2
    } else if differences > 0 || denied > 0 {
        1
    } else {
        0
    })
}

/// The documents whose text the report needs: those a finding cites (its target and every
/// evidence claim), or every document (`None`) when a dataset anchors quotes in them.
fn cited_documents(
    findings: &[crate::finding::Finding],
    every: bool,
) -> Option<std::collections::HashSet<&str>> {
    (!every).then(|| {
        findings
            .iter()
            .flat_map(|f| {
                std::iter::once(f.target.doc.as_str())
                    .chain(f.evidence.iter().map(|e| e.claim.doc.as_str()))
            })
            .collect()
    })
}

/// The articles the findings point into: the loaded documents that `cited` names (every one
/// for `None`), read back from their files, and the files that claims read from shards name,
/// when they are in the project (they only give labels their text). Also returns the number of
/// documents that could not be read back unchanged.
fn articles_for(
    project: &crate::project::Project,
    documents: &[Kept],
    claim_docs: &std::collections::BTreeSet<&str>,
    cited: &Option<std::collections::HashSet<&str>>,
    max_file_size: u64,
) -> (articles::Articles, usize) {
    let wanted = |doc: &str| cited.as_ref().is_none_or(|cited| cited.contains(doc));
    let (mut all, unread) = kept::read_back(documents, wanted, max_file_size);
    let loaded: std::collections::HashSet<&str> =
        documents.iter().map(|d| d.name.as_str()).collect();
    let named: std::collections::BTreeSet<&str> = claim_docs
        .iter()
        .copied()
        .filter(|doc| !loaded.contains(doc) && wanted(doc) && project.resolve(doc).is_file())
        .collect();
    if !named.is_empty() {
        let paths: Vec<std::path::PathBuf> = named.iter().map(|doc| project.resolve(doc)).collect();
        all.extend(articles::of_documents(
            &crate::corpus::load_in(project, &paths, max_file_size).documents,
        ));
    }
    (all, unread)
}

/// The levels from `claimcheck.toml`, then the flags, with the file's other settings; `None`
/// after printing why not.
fn levels_and_settings(args: &CheckArgs) -> Option<(Levels, config::Settings)> {
    let settings = match config::settings() {
        Ok(settings) => settings,
        Err(diagnostic) => {
            eprint!("{}", render(diagnostic.as_ref()));
            return None;
        }
    };
    let mut levels = settings.levels.clone();
    for (codes, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for text in codes {
            let Some(code) = Code::parse(text) else {
                eprintln!(
                    "error: unknown finding code `{text}`; `claimcheck explain` lists the codes"
                );
                return None;
            };
            levels.set(code, level);
        }
    }
    Some((levels, settings))
}

/// Refuses, before anything is read or written, a `--write-expected` or `--write-baseline`
/// path that is an input of the run (an article under `paths`, a `--claims` shard) or that
/// both flags name: either would lose a file the user gave.
fn writes_are_safe(args: &CheckArgs, paths: &[std::path::PathBuf]) -> Result<(), String> {
    let targets: Vec<(&str, &Path)> = [
        ("--write-expected", args.write_expected.as_deref()),
        ("--write-baseline", args.write_baseline.as_deref()),
    ]
    .into_iter()
    .filter_map(|(flag, path)| path.map(|p| (flag, p)))
    .collect();
    if targets.is_empty() {
        return Ok(());
    }
    let (mut inputs, _) = crate::corpus::walk(paths);
    inputs.extend(args.claims.iter().cloned());
    let inputs: std::collections::HashSet<std::path::PathBuf> =
        inputs.iter().filter_map(|p| identity(p)).collect();
    let mut written = std::collections::HashMap::new();
    for (flag, path) in targets {
        let Some(id) = identity(path) else {
            continue;
        };
        if inputs.contains(&id) {
            return Err(format!(
                "{flag} {} would overwrite an input of this run; write it elsewhere",
                path.display()
            ));
        }
        if let Some(first) = written.insert(id, flag) {
            return Err(format!(
                "{first} and {flag} both name {}; give each its own file",
                path.display()
            ));
        }
    }
    Ok(())
}

/// What a path refers to, for telling two spellings of one file apart: the canonical path, or
/// for a file not written yet, its folder's canonical path and its name.
fn identity(path: &Path) -> Option<std::path::PathBuf> {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return Some(canonical);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok().map(|dir| dir.join(name))
}

/// Writes a file the user asked for, saying so on stderr; `false` after printing why not.
///
/// The text goes to a temporary file in the same folder, which is then renamed over the
/// target: the target is replaced whole or not at all, never left half written.
fn write_file(path: &Path, text: &str) -> bool {
    match write_atomically(path, text) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            true
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            false
        }
    }
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let _interrupted = crate::scratch::InterruptGuard::new(&temp);
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        // Nothing useful is left in a temporary file that was not renamed.
        std::fs::remove_file(&temp).ok();
    }
    written
}
