//! The project a run belongs to, and the stable names it gives files.
//!
//! Claim ids, finding fingerprints, dataset anchors and every `doc` field are derived from a
//! document's **name**, never from the path as typed, so that `check corpus`, `check ./corpus`
//! and `check "$PWD/corpus"` give the same bytes and the same `--expect` and `--baseline`
//! files hold for all three.
//!
//! # The project root
//!
//! The folder of the nearest `claimcheck.toml` in the working directory or above it, else the
//! working directory itself.
//!
//! # Document names
//!
//! - A file inside the project root is named by its path relative to the root, lexically
//!   normalised: no `.` components, `..` resolved against the component before it, `/`
//!   separators on every platform (`corpus/2022-02-21-wutongxian.txt`). When the path as
//!   typed does not lie under the root (a symbolic link on the way), the real paths of the
//!   file and the root are compared too.
//! - A file outside the project root is named by its path relative to the root all the same,
//!   climbing out with `..` (`../news/a.txt` for `/srv/news/a.txt` from a project in
//!   `/srv/audit`): the name is computed from the absolute, normalised paths, so it does not
//!   depend on how the path was typed, and it still opens from the project root.
//!
//! Names written in dataset and baseline files (`doc = "./corpus/a.txt"`) are read as names
//! relative to the project root and normalised the same way.
//!
//! Other files the user names (a dataset, a baseline, a claims shard) are shown in
//! diagnostics by their path relative to the project root when they are inside it, else by
//! the path as typed, normalised.

use std::path::{Component, Path, PathBuf};

/// The project root and the working directory, both absolute and normalised.
#[derive(Clone, Debug)]
pub struct Project {
    root: PathBuf,
    cwd: PathBuf,
    /// The root with symbolic links resolved, when it can be.
    real_root: Option<PathBuf>,
}

impl Project {
    /// The project of the working directory: the folder of the nearest `claimcheck.toml`,
    /// else the working directory.
    pub fn discover() -> Project {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = settings_file(&cwd)
            .and_then(|file| file.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| cwd.clone());
        Project::with_root(&cwd, &root)
    }

    /// A project rooted at `root`, relative paths being relative to `cwd`.
    pub fn with_root(cwd: &Path, root: &Path) -> Project {
        let cwd = normalize(cwd);
        let root = normalize(&cwd.join(root));
        let real_root = std::fs::canonicalize(&root).ok();
        Project {
            root,
            cwd,
            real_root,
        }
    }

    /// The project root, absolute.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where a name relative to the project root is on disk.
    pub fn resolve(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// The name of a corpus file (see the module documentation). `given`, the paths on the
    /// command line, do not change it: a name depends on the file and the project alone.
    pub fn document_name(&self, file: &Path, _given: &[PathBuf]) -> String {
        if let Some(name) = self.inside(file) {
            return name;
        }
        slashed(&relative_to(&self.root, &self.absolute(file)))
    }

    /// How a file the user named (a dataset, a baseline, settings, a shard) is shown: relative
    /// to the project root inside it, else as typed, normalised.
    pub fn file_name(&self, path: &Path) -> String {
        self.inside(path)
            .unwrap_or_else(|| slashed(&normalize(path)))
    }

    /// The name of `path` relative to the project root, when it is inside it.
    fn inside(&self, path: &Path) -> Option<String> {
        let absolute = self.absolute(path);
        if let Ok(relative) = absolute.strip_prefix(&self.root) {
            return Some(slashed(relative));
        }
        let real = std::fs::canonicalize(&absolute).ok()?;
        let relative = real.strip_prefix(self.real_root.as_ref()?).ok()?;
        Some(slashed(relative))
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        normalize(&self.cwd.join(path))
    }
}

/// `path` without `.` components and with each `..` resolved against the normal component
/// before it, without looking at the file system; a `..` with nothing before it to remove
/// stays (`../a`), and one right after the root goes (`/..` is `/`).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            _ => out.push(component),
        }
    }
    out.iter().collect()
}

/// A name written in a dataset or baseline file, normalised as document names are:
/// `\` read as `/`, no `.` components, `..` resolved where it can be.
pub fn normalize_name(name: &str) -> String {
    slashed(&normalize(Path::new(&name.replace('\\', "/"))))
}

/// The path from `base` to `path`, both absolute and normalised, climbing out with `..`.
fn relative_to(base: &Path, path: &Path) -> PathBuf {
    let base: Vec<Component> = base.components().collect();
    let target: Vec<Component> = path.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for component in &target[common..] {
        out.push(component);
    }
    out
}

/// `path` with `/` separators on every platform.
fn slashed(path: &Path) -> String {
    display_path(path)
}

/// `path` for display: as given, with `/` separators on every platform. Every path a user
/// sees (document names, diagnostics) goes through it.
pub fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        shown.into_owned()
    } else {
        shown.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// The name of the settings file whose folder is the project root.
pub const SETTINGS_FILE: &str = "claimcheck.toml";

/// The nearest [`SETTINGS_FILE`] in `dir` or above it. Any kind of file counts, so that a
/// FIFO or device by that name is reported rather than skipped.
pub fn settings_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(SETTINGS_FILE))
        .find(|p| p.exists() && !p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_dots_and_resolves_parents() {
        let n = |p: &str| slashed(&normalize(Path::new(p)));
        assert_eq!(n("./corpus/a.txt"), "corpus/a.txt");
        assert_eq!(n("corpus/./sub/../a.txt"), "corpus/a.txt");
        assert_eq!(n("../other/a.txt"), "../other/a.txt");
        assert_eq!(n("/srv/./x/../corpus"), "/srv/corpus");
        assert_eq!(n("/../a"), "/a");
        assert_eq!(normalize_name("./corpus\\a.txt"), "corpus/a.txt");
    }

    #[test]
    fn names_inside_the_root_do_not_depend_on_how_the_path_is_typed() {
        let project = Project::with_root(Path::new("/srv/news"), Path::new("."));
        let given = |p: &str| vec![PathBuf::from(p)];
        for (file, arg) in [
            ("corpus/a.txt", "corpus"),
            ("./corpus/a.txt", "./corpus"),
            ("/srv/news/corpus/a.txt", "/srv/news/corpus"),
            ("corpus/../corpus/a.txt", "corpus/.."),
        ] {
            assert_eq!(
                project.document_name(Path::new(file), &given(arg)),
                "corpus/a.txt",
                "{file}"
            );
        }
    }

    #[test]
    fn a_subfolder_working_directory_still_names_from_the_root() {
        let project = Project::with_root(Path::new("/srv/news/corpus"), Path::new(".."));
        let name = project.document_name(Path::new("a.txt"), &[PathBuf::from(".")]);
        assert_eq!(name, "corpus/a.txt");
    }

    #[test]
    fn files_outside_the_root_climb_out_of_it() {
        let project = Project::with_root(Path::new("/srv/news"), Path::new("."));
        let given = [PathBuf::from("/tmp/review")];
        assert_eq!(
            project.document_name(Path::new("/tmp/review/sub/b.txt"), &given),
            "../../tmp/review/sub/b.txt"
        );
        let typed = [PathBuf::from("../elsewhere/./c.txt")];
        assert_eq!(
            project.document_name(&typed[0], &typed),
            "../elsewhere/c.txt"
        );
        assert_eq!(
            project.document_name(Path::new("/srv/elsewhere/c.txt"), &typed),
            "../elsewhere/c.txt"
        );
        assert_eq!(
            project.file_name(Path::new("./../elsewhere/expected.toml")),
            "../elsewhere/expected.toml"
        );
    }
}
