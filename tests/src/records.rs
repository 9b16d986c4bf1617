//! One collection of the fake's records (customers, conversations, a klass's objects, ...): in
//! creation order, found by ID through an index, and read by `updatedAt` through another, built
//! on the first search that needs it and dropped by every change.

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::OnceLock;

use serde_json::{Value, json};

/// A stored record: its `data` object, and the exact bytes to serve while it is unchanged (a
/// fixture's, a document a test inserted).
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub(crate) data: Value,
    pub(crate) raw: Option<String>,
}

impl Stored {
    /// A record served as the fake writes JSON.
    pub(crate) fn new(data: Value) -> Self {
        Self { data, raw: None }
    }

    /// The `{"data": ...}` document to serve.
    pub(crate) fn document(&self) -> String {
        self.raw
            .clone()
            .unwrap_or_else(|| json!({"data": self.data}).to_string())
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&Value> {
        self.data.get("attributes")?.get(name)
    }

    pub(crate) fn id(&self) -> Option<&str> {
        self.data.get("id")?.as_str()
    }
}

/// A collection's records.
#[derive(Debug, Default)]
pub(crate) struct Records {
    items: Vec<Stored>,
    /// Each record's position in `items`, by ID.
    positions: HashMap<String, usize>,
    /// `(updatedAt, position)` sorted: a search within an `updatedAt` window reads that window,
    /// not every record (an export of 50,000 makes a hundred such searches).
    by_updated: OnceLock<Vec<(String, usize)>>,
}

impl Records {
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The records in creation order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Stored> {
        self.items.iter()
    }

    /// The records' `data` in creation order.
    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + Clone {
        self.items.iter().map(|s| &s.data)
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Stored> {
        self.items.get(*self.positions.get(id)?)
    }

    /// Record `id` to change: its served bytes and the `updatedAt` index go.
    pub(crate) fn get_mut(&mut self, id: &str) -> Option<&mut Value> {
        let at = *self.positions.get(id)?;
        self.by_updated = OnceLock::new();
        let stored = self.items.get_mut(at)?;
        stored.raw = None;
        Some(&mut stored.data)
    }

    /// The first record `find` picks, to change.
    pub(crate) fn find_mut(&mut self, find: impl Fn(&Value) -> bool) -> Option<&mut Value> {
        let id = self
            .values()
            .find(|v| find(v))?
            .get("id")?
            .as_str()?
            .to_owned();
        self.get_mut(&id)
    }

    /// Adds a record, or replaces the one with its ID in place. A record without an ID (some
    /// families' items have none) is always added.
    pub(crate) fn put(&mut self, stored: Stored) {
        self.by_updated = OnceLock::new();
        let id = stored.id().map(str::to_owned);
        match id.as_ref().and_then(|id| self.positions.get(id)) {
            Some(&at) => {
                if let Some(slot) = self.items.get_mut(at) {
                    *slot = stored;
                }
            }
            None => {
                if let Some(id) = id {
                    self.positions.insert(id, self.items.len());
                }
                self.items.push(stored);
            }
        }
    }

    pub(crate) fn remove(&mut self, id: &str) -> bool {
        let Some(at) = self.positions.remove(id) else {
            return false;
        };
        self.by_updated = OnceLock::new();
        self.items.remove(at);
        for position in self.positions.values_mut() {
            if *position > at {
                *position -= 1;
            }
        }
        true
    }

    /// The records whose `updatedAt` lies within the bounds (each as `clock::instant_key`
    /// writes it), in creation order.
    pub(crate) fn updated_within(&self, lower: Bound<&str>, upper: Bound<&str>) -> Vec<&Stored> {
        let index = self.by_updated.get_or_init(|| {
            let mut index: Vec<(String, usize)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(at, s)| {
                    let text = s.attr("updatedAt")?.as_str()?;
                    let key = crate::clock::instant_key(text).unwrap_or_else(|| text.to_owned());
                    Some((key, at))
                })
                .collect();
            index.sort_unstable();
            index
        });
        let key = |at: &str| crate::clock::instant_key(at).unwrap_or_else(|| at.to_owned());
        let (lower, upper) = (lower.map(key), upper.map(key));
        let (lower, upper) = (
            lower.as_ref().map(String::as_str),
            upper.as_ref().map(String::as_str),
        );
        let start = match lower {
            Bound::Included(at) => index.partition_point(|(u, _)| u.as_str() < at),
            Bound::Excluded(at) => index.partition_point(|(u, _)| u.as_str() <= at),
            Bound::Unbounded => 0,
        };
        let end = match upper {
            Bound::Included(at) => index.partition_point(|(u, _)| u.as_str() <= at),
            Bound::Excluded(at) => index.partition_point(|(u, _)| u.as_str() < at),
            Bound::Unbounded => index.len(),
        };
        let mut within: Vec<usize> = index
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .map(|(_, at)| *at)
            .collect();
        within.sort_unstable();
        within
            .into_iter()
            .filter_map(|at| self.items.get(at))
            .collect()
    }
}
