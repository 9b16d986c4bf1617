//! Dropping repeated deliveries, in bounded memory.

use std::collections::{HashSet, VecDeque};

/// Remembers the last `capacity` event IDs, to drop the deliveries Kustomer repeats (delivery is
/// at least once, retried for about an hour). Memory is bounded: the oldest ID is forgotten when
/// a new one comes past capacity, so size it for the deliveries of an hour or more.
///
/// ```
/// use kustomer::webhooks::Deduplicator;
///
/// let mut seen = Deduplicator::new(10_000);
/// assert!(seen.first_time("evt-1"));
/// assert!(!seen.first_time("evt-1")); // a repeat: acknowledge it, do nothing
/// assert!(seen.first_time("evt-2"));
/// ```
#[derive(Debug, Clone)]
pub struct Deduplicator {
    capacity: usize,
    seen: HashSet<Box<str>>,
    order: VecDeque<Box<str>>,
}

impl Deduplicator {
    /// One remembering the last `capacity` IDs (at least one).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            capacity,
            seen: HashSet::new(),
            order: VecDeque::new(),
        }
    }

    /// Whether `id` is new (and remembers it), or a repeat of one of the last `capacity`.
    pub fn first_time(&mut self, id: &str) -> bool {
        if self.seen.contains(id) {
            return false;
        }
        if self.order.len() >= self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.seen.remove(&oldest);
        }
        let id: Box<str> = id.into();
        self.order.push_back(id.clone());
        self.seen.insert(id);
        true
    }

    /// How many IDs it remembers.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether it remembers none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Deduplicator;

    #[test]
    fn memory_stays_within_capacity_and_the_oldest_is_forgotten_first() {
        let mut seen = Deduplicator::new(3);
        for id in ["a", "b", "c"] {
            assert!(seen.first_time(id));
        }
        assert!(!seen.first_time("a"));
        assert!(seen.first_time("d"), "new");
        assert_eq!(seen.len(), 3);
        assert!(seen.first_time("a"), "forgotten: the oldest went first");
        assert!(!seen.first_time("d"));
        let mut tiny = Deduplicator::new(0);
        assert!(tiny.first_time("x") && !tiny.first_time("x"));
        for n in 0..10_000 {
            tiny.first_time(&n.to_string());
        }
        assert_eq!(tiny.len(), 1);
    }
}
