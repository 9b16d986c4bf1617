//! A sync job against an org's budget: every customer of a search exported from a fake whose
//! answers take 200 ms, with a budget of 600 requests a minute (10 a second, enforced by the fake
//! and kept by the client's pacer), sequentially (`search_all`) and in parallel (`export`).
//! Reports requests a minute used, records a second, wall time, and lost or repeated records.
//! A wall-clock run, not a criterion bench: `cargo bench -p kustomer-fake --bench export` (about a minute).
//! `EXPORT_CUSTOMERS` changes the count (50,000 by default), `EXPORT_LATENCY_MS` the latency,
//! `EXPORT_PAGE` the page size (500): smaller pages make more requests, so a run spans more of
//! the server's windows and the first window's budget weighs less in the figures.

// A bench may stop at the first failure: it reports figures, not a verdict.
#![allow(clippy::expect_used)]

use std::collections::HashSet;
use std::time::{Duration, Instant};

use kustomer::search::{Criterion, SearchQuery};
use kustomer::{Client, RatePacer};
use kustomer_fake::FakeKustomer;
use kustomer_ureq::UreqTransport;
use serde_json::json;

const LATENCY_MS: u64 = 200;
const PER_SECOND: u64 = 10;
const PAGE: u32 = 500;

fn main() {
    let count: usize = std::env::var("EXPORT_CUSTOMERS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(50_000);
    let page: u32 = std::env::var("EXPORT_PAGE")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(PAGE);
    let latency = Duration::from_millis(
        std::env::var("EXPORT_LATENCY_MS")
            .ok()
            .and_then(|l| l.parse().ok())
            .unwrap_or(LATENCY_MS),
    );
    let fake = FakeKustomer::builder()
        .latency(latency)
        .rate_limit(PER_SECOND, Duration::from_secs(1))
        .start()
        .expect("fake server");
    let documents: Vec<_> = (0..count)
        .map(|n| {
            let at = format!(
                "2024-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                n % 12 + 1,
                n % 28 + 1,
                n % 24,
                n / 24 % 60,
                n / 1440 % 60,
                n % 1000
            );
            json!({"data": {"type": "customer", "id": format!("77{n:022x}"),
                "attributes": {"name": format!("Synced {n}"), "updatedAt": at}}})
        })
        .collect();
    fake.insert_customers(&documents);
    let client = Client::builder(fake.config(), UreqTransport::new())
        .pacer(RatePacer::new(PER_SECOND as u32, Duration::from_secs(1)))
        .build();
    let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Synced"));
    println!(
        "{count} customers, pages of {page}, {} ms a request, budget {} requests a minute",
        latency.as_millis(),
        PER_SECOND * 60
    );

    let report = |name: &str, ids: Vec<String>, requests: u64, wall: Duration| {
        let unique: HashSet<&String> = ids.iter().collect();
        let per_minute = requests as f64 / wall.as_secs_f64() * 60.0;
        println!(
            "{name:<42} {requests:>4} requests in {:>6.1} s: {per_minute:>5.0} requests/min ({:>3.0} % of the budget), {:>6.0} records/s, {} lost, {} repeated",
            wall.as_secs_f64(),
            per_minute / (PER_SECOND as f64 * 60.0) * 100.0,
            ids.len() as f64 / wall.as_secs_f64(),
            count - unique.len().min(count),
            ids.len() - unique.len(),
        );
    };

    let before = fake.served();
    let started = Instant::now();
    let ids: Vec<String> = client
        .customers()
        .search_all(query.clone(), page)
        .map(|c| c.expect("sequential walk").id)
        .collect();
    report(
        "sequential search_all",
        ids,
        fake.served() - before,
        started.elapsed(),
    );

    // Before this pacer counted requests, the default spaced them and kept a tenth of the budget
    // for bursts (90 % sustained at most): that GCRA is still `with_burst(budget, window,
    // budget / 10)`, run here beside the default, interleaved, so that one run compares them.
    let spaced_tenth = Client::builder(fake.config(), UreqTransport::new())
        .pacer(RatePacer::with_burst(
            PER_SECOND as u32,
            Duration::from_secs(1),
            PER_SECOND as u32 / 10,
        ))
        .build();
    // The same 600 a minute counted in 6-second windows of 60, closer to Kustomer's per-minute
    // window.
    let wide = FakeKustomer::builder()
        .latency(latency)
        .rate_limit(PER_SECOND * 6, Duration::from_secs(6))
        .start()
        .expect("fake server");
    wide.insert_customers(&documents);
    let wide_client = |pacer: RatePacer| {
        Client::builder(wide.config(), UreqTransport::new())
            .pacer(pacer)
            .build()
    };
    let six = Duration::from_secs(6);
    let budget_6s = PER_SECOND as u32 * 6;
    let counted_6s = wide_client(RatePacer::new(budget_6s, six));
    let spaced_tenth_6s = wide_client(RatePacer::with_burst(budget_6s, six, budget_6s / 10));
    let burst_of_one = wide_client(RatePacer::with_burst(budget_6s, six, 1));
    let runs = [
        ("spaced, a tenth for bursts", &spaced_tenth, &fake, 4),
        ("default pacer", &client, &fake, 4),
        ("default pacer", &client, &fake, 2),
        ("default pacer", &client, &fake, 8),
        (
            "6 s windows, spaced, a tenth for bursts",
            &spaced_tenth_6s,
            &wide,
            4,
        ),
        ("6 s windows, default pacer", &counted_6s, &wide, 4),
        (
            "6 s windows, spaced, a tenth for bursts",
            &spaced_tenth_6s,
            &wide,
            8,
        ),
        ("6 s windows, default pacer", &counted_6s, &wide, 8),
        ("6 s windows, spaced, burst 1", &burst_of_one, &wide, 4),
    ];
    for (pacer, client, server, threads) in runs {
        // Every run starts with the whole budget: the last run's requests stop counting.
        std::thread::sleep(Duration::from_secs(7));
        let before = server.served();
        let started = Instant::now();
        // What was served once the first 6 s (a whole window of either fake) were over: the
        // first window's budget may go at once, and counting it would flatter a short run.
        let done = std::sync::atomic::AtomicBool::new(false);
        let (ids, after_first) = std::thread::scope(|scope| {
            let sampler = scope.spawn(|| {
                let at = started + Duration::from_secs(6);
                while Instant::now() < at && !done.load(std::sync::atomic::Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                (server.served(), Instant::now())
            });
            let ids: Vec<String> = client
                .customers()
                .export(query.clone(), page)
                .threads(threads)
                .start()
                .expect("export")
                .map(|c| c.expect("parallel export").id)
                .collect();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            (ids, sampler.join().expect("sampler"))
        });
        let wall = started.elapsed();
        let served = server.served();
        report(
            &format!("export, {threads} threads, {pacer}"),
            ids,
            served - before,
            wall,
        );
        let (at_six, six) = after_first;
        let rest = Instant::now().saturating_duration_since(six);
        if rest > Duration::from_secs(1) {
            let per_minute = (served - at_six) as f64 / rest.as_secs_f64() * 60.0;
            println!(
                "{:<42}   after the first 6 s: {per_minute:>5.0} requests/min ({:>3.0} % of the budget)",
                "",
                per_minute / (PER_SECOND as f64 * 60.0) * 100.0
            );
        }
    }
    println!(
        "429s from the fakes: {} (1 s windows), {} (6 s windows)",
        fake.rate_limited(),
        wide.rate_limited()
    );
}
