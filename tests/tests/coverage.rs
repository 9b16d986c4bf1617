//! The README's coverage table against the spec, the TypeScript client's operations and the code:
//! every operation of the TypeScript client (the spec's 133 and the access-management API's 33)
//! has a row, named by the spec's operationId where the spec has it and otherwise by the
//! TypeScript client's name (`getAuthSettings` as `GetAuthSettings`); a row marked ✓ names typed
//! operations that exist and name it in their docs;
//! a row marked `later` has none yet (so the table cannot lag behind the code either), and only
//! an operation on the allow-list below, with its reason, may be left untyped.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const README: &str = include_str!("../../README.md");

/// Spec operations the client does not type, each with the reason a user would accept. Empty:
/// every operation of the spec is typed. Add one only with its reason.
const UNTYPED: &[(&str, &str)] = &[];
const SPEC: &str = include_str!("../fixtures/spec_operations.json");
const TS_CLIENT: &str = include_str!("../fixtures/ts_client_operations.tsv");

/// Every operation of the TypeScript client, by the name its row has.
fn ts_client_operations() -> BTreeSet<String> {
    TS_CLIENT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            match cells[3] {
                "-" => {
                    let mut name = cells[0].chars();
                    let first = name.next().unwrap().to_ascii_uppercase();
                    std::iter::once(first).chain(name).collect()
                }
                spec => spec.to_owned(),
            }
        })
        .collect()
}

/// `(operationId, typed operations, status)` of each row between the markers.
fn rows() -> Vec<(String, Vec<String>, String)> {
    let start = README.find("<!-- coverage:start -->").unwrap();
    let end = README.find("<!-- coverage:end -->").unwrap();
    README[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| group"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = cells[2].trim_matches('`').to_owned();
            let names = cells[4]
                .split(',')
                .map(|n| n.trim().trim_matches('`').to_owned())
                .filter(|n| !n.is_empty())
                .collect();
            (id, names, cells[5].to_owned())
        })
        .collect()
}

/// Every public type of the core (and each name a macro declares on a line of its own), with
/// the doc comment above it.
fn documented_types() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let mut doc = String::new();
                // Inside an attribute written over several lines (`#[deprecated(\n ...\n)]`).
                let mut in_attribute = false;
                let mut declaring: Option<String> = None;
                for line in text.lines().map(str::trim) {
                    if in_attribute {
                        in_attribute = !line.ends_with(']');
                        continue;
                    }
                    if line.starts_with("#[") && !line.ends_with(']') {
                        in_attribute = true;
                        continue;
                    }
                    if let Some(d) = line.strip_prefix("///") {
                        doc.push_str(d);
                        doc.push(' ');
                        continue;
                    }
                    let name = ["pub type ", "pub struct ", "pub enum "]
                        .iter()
                        .find_map(|p| line.strip_prefix(p))
                        .map(|rest| rest.split(['<', ' ', '=', ';', '(']).next().unwrap())
                        .or_else(|| {
                            line.strip_suffix(',')
                                .filter(|n| !doc.is_empty() && n.chars().all(char::is_alphanumeric))
                        });
                    if let Some(name) = name {
                        out.entry(name.to_owned()).or_default().push_str(&doc);
                        declaring = line.starts_with("pub type ").then(|| name.to_owned());
                    }
                    // A declaration in `family!` names its operationIds after the type:
                    // `pub type GetTag<'a> = Get<'a, Tag> { Get => "GetTag" };`, perhaps over
                    // several lines. The macro writes them into the docs.
                    if let Some(declared) = &declaring {
                        out.entry(declared.clone())
                            .or_default()
                            .push_str(&line.replace('"', "`"));
                        if line.ends_with(';') {
                            declaring = None;
                        }
                    }
                    if !line.starts_with('#') {
                        doc.clear();
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src"),
        &mut out,
    );
    out
}

#[test]
fn every_spec_operation_has_a_row_and_each_row_tells_the_truth() {
    let spec: Value = serde_json::from_str(SPEC).unwrap();
    let ids: BTreeSet<String> = spec["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| op["operationId"].as_str().unwrap().to_owned())
        .collect();
    let ts_client = ts_client_operations();
    assert_eq!(ts_client.len(), 166, "the TypeScript client's operations");
    assert_eq!(
        ids.difference(&ts_client).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "spec operations the TypeScript client lacks"
    );
    let ids = ts_client;
    let rows = rows();
    let listed: BTreeSet<String> = rows.iter().map(|(id, _, _)| id.clone()).collect();
    assert_eq!(listed.len(), rows.len(), "an operation has two rows");
    assert_eq!(
        ids.difference(&listed).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "operations without a row"
    );
    assert_eq!(
        listed.difference(&ids).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "rows for operations neither the spec nor the TypeScript client has"
    );

    let types = documented_types();
    let names_id = |doc: &str, id: &str| doc.contains(&format!("`{id}`"));
    for (id, names, status) in &rows {
        match status.as_str() {
            "✓" => {
                assert!(!names.is_empty(), "{id}: typed, but by what?");
                for name in names {
                    let doc = types
                        .get(name)
                        .unwrap_or_else(|| panic!("{id}: no public type `{name}` in core"));
                    assert!(
                        names_id(doc, id),
                        "{id}: the docs of `{name}` do not name it"
                    );
                }
            }
            "later" => {
                assert!(
                    UNTYPED.iter().any(|(untyped, _)| untyped == id),
                    "{id} is not typed and not on the allow-list"
                );
                let typed: Vec<&String> = types
                    .iter()
                    .filter(|(_, doc)| names_id(doc, id))
                    .map(|(name, _)| name)
                    .collect();
                assert!(
                    typed.is_empty(),
                    "{id} is typed by {typed:?}: mark its row ✓"
                );
            }
            other => panic!("{id}: unknown status {other:?}"),
        }
    }
}
