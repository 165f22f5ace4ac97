//! The engine sits below the renderers: no module outside `report` and `cli` names them, and
//! the modules every input family uses (paths, diagnostics, the wire types) form no loop.

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src can be listed") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The code of a file without its unit tests and without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file can be read");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate modules a file names (`crate::corpus::…` → `corpus`).
fn uses(path: &Path) -> Vec<String> {
    let code = code(path);
    let mut used: Vec<String> = code
        .match_indices("crate::")
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    used.sort();
    used.dedup();
    used
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_engine_module_imports_a_renderer_or_the_command_line() {
    let src = src();
    let mut checked = 0;
    for file in sources(&src) {
        let relative = file.strip_prefix(&src).expect("below src");
        let top = relative.components().next().expect("a first component");
        let top = top
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if ["report", "cli", "lib", "main"].contains(&top.as_str()) {
            continue;
        }
        checked += 1;
        let used = uses(&file);
        assert!(
            !used.iter().any(|m| m == "report" || m == "cli"),
            "{} imports {used:?}",
            relative.display()
        );
    }
    assert!(checked > 30, "only {checked} engine files found");
}

#[test]
fn paths_diagnostics_and_wire_types_form_no_loop() {
    let src = src();
    // Each module with the modules it may use: each only those listed before it.
    let order = ["span", "input", "project", "diagnostic", "corpus"];
    for (i, module) in order.iter().enumerate() {
        let mut files = vec![src.join(format!("{module}.rs"))];
        let folder = src.join(module);
        if folder.is_dir() {
            files.extend(sources(&folder));
        }
        for file in files {
            for used in uses(&file) {
                assert!(
                    used == *module
                        || order[..i].contains(&used.as_str())
                        || used == "normalize"
                        || used == "toml_diag",
                    "{} uses crate::{used}, above it",
                    file.display()
                );
            }
        }
    }
    for file in sources(&src.join("wire")) {
        assert!(
            !uses(&file)
                .iter()
                .any(|m| m == "report" || m == "cli" || m == "shards" || m == "dataset"),
            "{}",
            file.display()
        );
    }
}
