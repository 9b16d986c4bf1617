//! Core's three layers are folders, and imports only go down: `protocol/` names nothing above it,
//! `generic/` (the family layer) names no family, and `families/` build on both. The crate's own
//! code names every item by its real path (`crate::protocol::error::Error`, not the re-export
//! `crate::Error`), so this check sees every import.

use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 3] = ["protocol", "generic", "families"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file: no comment lines, no unit-test module.
fn code(text: &str) -> String {
    let end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
    text[..end]
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each `crate::<first>` path in `code`, by its first segment.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `$crate::` and `kustomer_crate::` are not this crate's paths.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let first: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        found.push(first);
    }
    found
}

#[test]
fn imports_only_go_down_and_name_real_paths() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(
        files.len() > 100,
        "found {} files under {src:?}",
        files.len()
    );

    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default();
        // lib.rs and the prelude stand above the layers and only re-export.
        let Some(own) = LAYERS.iter().position(|l| *l == top) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable source");
        for first in crate_paths(&code(&text)) {
            match LAYERS.iter().position(|l| *l == first) {
                Some(named) if named > own => wrong.push(format!(
                    "{}: {} names crate::{first}, a higher layer",
                    relative.display(),
                    LAYERS[own]
                )),
                Some(_) => {}
                None => wrong.push(format!(
                    "{}: crate::{first} is a re-export; name the real path",
                    relative.display()
                )),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_what_it_must() {
    let text = "// crate::families in a comment\nuse crate::generic::family::Family;\nfn f() -> crate::Error { $crate::x }\n#[cfg(test)]\nmod tests { use crate::families; }";
    assert_eq!(crate_paths(&code(text)), ["generic", "Error"]);
}
