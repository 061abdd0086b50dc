//! The core's folders follow the flow (docs/ARCHITECTURE.md, "Crates and folders"): each
//! step uses only the steps before it, and no two files use each other, directly or round
//! a circle. Read from the sources as text (every `crate::…` and `super::…` path), so a
//! new arrow back up the layers fails here with the files that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The core's steps, lowest first; a file may use its own step and those listed before it.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["limits", "number"],
    &["data"],
    &["select", "text"],
    &["scene"],
    &["render"],
    &["chart"],
];

fn rank(unit: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&unit))
        .unwrap_or_else(|| panic!("src/{unit}: not in LAYERS (tests/layers.rs)"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file's module path: `scene/axis.rs` → ["scene", "axis"], `scene/mod.rs` → ["scene"].
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut m: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if m.last().is_some_and(|l| l == "mod" || l == "lib") {
        m.pop();
    }
    m
}

/// The code of a file without its comments and its `#[cfg(test)]` module (tests may
/// reach anywhere).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a file names from `crate::` or `super::`, as module segments (up to the
/// first segment that is not a lower-case name, or a `{`): `crate::scene::axis::y_axis`
/// → ["scene", "axis", "y_axis"]; `super::cells::{at, Cx}` in `import/sheet.rs` →
/// ["cells"].
fn paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (start, prefix) in [("crate::", None), ("super::", Some(()))] {
        let mut rest = code;
        while let Some(i) = rest.find(start) {
            let before = rest[..i].chars().last();
            rest = &rest[i + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // e.g. `trade_chart::` is not `crate::`
            }
            let mut segs: Vec<String> = match prefix {
                None => Vec::new(),
                Some(()) => here[..here.len().saturating_sub(1)].to_vec(),
            };
            let mut s = rest;
            loop {
                let n = s
                    .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                    .unwrap_or(s.len());
                if n == 0 {
                    break;
                }
                segs.push(s[..n].to_string());
                if s[n..].starts_with("::") {
                    s = &s[n + 2..];
                } else {
                    break;
                }
            }
            out.push(segs);
        }
    }
    out
}

/// The arrows between the files under `root`: from a file's module to the longest module
/// of a path it names (a name re-exported by a folder's mod.rs counts as the folder's, so
/// a file that takes its folder's re-exports while the folder uses it is a circle).
fn arrows(root: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(root, f)).collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let here = module_of(root, f);
        if here.is_empty() {
            continue; // lib.rs: the re-export hub
        }
        let text = fs::read_to_string(f).unwrap();
        let mut to = BTreeSet::new();
        let code = code(&text);
        // A folder's mod.rs names its own files without `self::` (`axis::y_axis`).
        for child in modules
            .iter()
            .filter(|m| m.len() == here.len() + 1 && m.starts_with(&here))
        {
            let name = format!("{}::", child[here.len()]);
            let named = code.match_indices(&name).any(|(i, _)| {
                !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
            });
            if named {
                to.insert(child.clone());
            }
        }
        for p in paths(&code, &here) {
            let target = (1..=p.len())
                .rev()
                .map(|k| p[..k].to_vec())
                .find(|m| modules.contains(m));
            if let Some(t) = target {
                if t != here {
                    to.insert(t);
                }
            }
        }
        graph.insert(here, to);
    }
    graph
}

/// Every circle in `graph`, as the modules round it.
fn circles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    fn visit(
        n: &Vec<String>,
        g: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        found: &mut Vec<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let names: Vec<String> = stack[i..].iter().map(|m| m.join("::")).collect();
            found.push(format!("{} -> {}", names.join(" -> "), n.join("::")));
            return;
        }
        if !done.insert(n.clone()) {
            return;
        }
        stack.push(n.clone());
        for m in g.get(n).into_iter().flatten() {
            visit(m, g, stack, done, found);
        }
        stack.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        visit(n, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn the_cores_files_use_each_other_in_no_circle() {
    let g = arrows(&dir("src"));
    assert!(g.len() > 30, "{} files: not the core's sources", g.len());
    assert_eq!(circles(&g), Vec::<String>::new());
}

#[test]
fn each_step_of_the_core_uses_only_the_steps_before_it() {
    let g = arrows(&dir("src"));
    let mut back = Vec::new();
    for (from, tos) in &g {
        for to in tos {
            let (a, b) = (&from[0], &to[0]);
            if a != b && rank(a) <= rank(b) {
                back.push(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert_eq!(back, Vec::<String>::new());
}

#[test]
fn the_importers_files_use_each_other_in_no_circle() {
    let g = arrows(&dir("crates/import/src"));
    assert!(g.len() >= 10, "{} files", g.len());
    assert_eq!(circles(&g), Vec::<String>::new());
}

/// The check itself: a circle and an arrow back up the layers, made up, are found.
#[test]
fn a_circle_and_a_back_arrow_are_found() {
    let m = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    let mut g = BTreeMap::new();
    g.insert(m("scene::axis"), BTreeSet::from([m("scene::marks")]));
    g.insert(m("scene::marks"), BTreeSet::from([m("chart::present")]));
    g.insert(m("chart::present"), BTreeSet::from([m("scene::axis")]));
    assert_eq!(
        circles(&g),
        ["chart::present -> scene::axis -> scene::marks -> chart::present"]
    );
    assert!(rank("scene") <= rank("chart"));
    let here = m("scene::marks");
    assert_eq!(
        paths("use crate::chart::present::{badge, X};", &here),
        [m("chart::present")]
    );
    assert_eq!(
        paths("use super::axis::y_axis;", &here),
        [m("scene::axis::y_axis")]
    );
}
