//! Eight threads sharing one client against a fake Kustomer whose rate limit is well under their
//! load: every request completes, no 429 reaches a caller, and the server's counts show that the
//! pacer (or the retries) stayed within their bounds. Real clock, real sockets.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use kustomer::{Client, RatePacer, RetryPolicy, TransportOptions};
use kustomer_fake::{FakeKustomer, SPEC_CUSTOMER_ID, clients_with};

const THREADS: usize = 8;
const PER_THREAD: usize = 200;
/// The fake's budget per window: far below what 8 threads on loopback can send.
const LIMIT: u64 = 400;
const WINDOW: Duration = Duration::from_secs(1);
const MAX_ATTEMPTS: u32 = 10;

/// Runs the load through `client`; returns the number of attempts of every request.
fn load(client: Client) -> Vec<u32> {
    let client = Arc::new(client);
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let client = Arc::clone(&client);
            thread::spawn(move || {
                (0..PER_THREAD)
                    .map(|_| {
                        let reply = client
                            .execute_reply(&kustomer::customers::GetCustomer::new(SPEC_CUSTOMER_ID))
                            .unwrap_or_else(|e| panic!("a request failed: {e}"));
                        reply.attempts
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect()
}

#[test]
fn paced_threads_never_meet_a_429() {
    for transport in 0..2 {
        let server = FakeKustomer::builder()
            .rate_limit(LIMIT, WINDOW)
            .start()
            .unwrap();
        // A budget 10% under the org's, as a deployment would set it.
        let (name, client) = clients_with(&server.config(), TransportOptions::default(), |b| {
            b.pacer(RatePacer::new(360, WINDOW))
        })
        .unwrap()
        .swap_remove(transport);
        let attempts = load(client);
        assert_eq!(attempts.len(), THREADS * PER_THREAD, "{name}");
        assert!(
            attempts.iter().all(|&a| a == 1),
            "{name}: a request needed a retry"
        );
        assert_eq!(
            server.rate_limited(),
            0,
            "{name}: the server refused requests"
        );
        assert_eq!(server.served(), (THREADS * PER_THREAD) as u64, "{name}");
        // At most the pacer's budget per window, give or take a request per thread in flight.
        assert!(
            server.busiest_window() <= 360 + THREADS as u64,
            "{name}: {}",
            server.busiest_window()
        );
    }
}

#[test]
fn unpaced_threads_ride_out_429s_with_retries() {
    for transport in 0..2 {
        let server = FakeKustomer::builder()
            .rate_limit(LIMIT, WINDOW)
            .start()
            .unwrap();
        // A bulk job expects contention: more attempts than the default four.
        let (name, client) = clients_with(&server.config(), TransportOptions::default(), |b| {
            b.retry_policy(RetryPolicy::default().max_attempts(MAX_ATTEMPTS))
        })
        .unwrap()
        .swap_remove(transport);
        let attempts = load(client);
        assert_eq!(attempts.len(), THREADS * PER_THREAD, "{name}");
        let retries: u64 = attempts.iter().map(|&a| u64::from(a - 1)).sum();
        // The load is several times the budget: the server did refuse, and each refusal cost
        // exactly one more attempt, never a failure.
        assert!(server.rate_limited() > 0, "{name}: the limit never bit");
        assert_eq!(retries, server.rate_limited(), "{name}");
        assert_eq!(
            server.served(),
            (THREADS * PER_THREAD) as u64 + retries,
            "{name}"
        );
        assert!(server.busiest_window() <= LIMIT, "{name}");
    }
}
