//! End to end over loopback with kept-alive connections against the fake server: our `Client`
//! over each transport against the raw HTTP crate doing the same GET and the same typed parse.
//!
//! The fake server runs in a process of its own, pinned to the last CPU when `taskset` exists;
//! run the bench pinned to the others so that client and server do not share a core:
//! `taskset -c 0 cargo bench -p kustomer-fake --bench end_to_end`.

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::Response;
use kustomer::customers::GetCustomer;
use kustomer::{ApiKey, BaseUrl, Config};
use kustomer::{Client, Operation, RetryPolicy};
use kustomer_fake::{FAKE_API_KEY, SPEC_CUSTOMER_ID};
use std::hint::black_box;

/// The fake server in its own process; stops when its stdin closes (on drop).
struct Server {
    child: Child,
    base_url: String,
}

impl Server {
    fn start() -> Self {
        let exe = env!("CARGO_BIN_EXE_fake_kustomer");
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut command = if cpus > 1 && Command::new("taskset").arg("-V").output().is_ok() {
            let mut c = Command::new("taskset");
            c.args(["-c", &(cpus - 1).to_string(), exe]);
            c
        } else {
            Command::new(exe)
        };
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("starting the fake server: {e}"));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next();
        let _key = lines.next();
        let base_url = match first {
            Some(Ok(line)) => line.trim_start_matches("KUSTOMER_BASE_URL=").to_owned(),
            other => panic!("the fake server said {other:?}"),
        };
        Self { child, base_url }
    }

    fn config(&self) -> Config {
        let base: BaseUrl = self.base_url.parse().unwrap_or_else(|e| panic!("{e}"));
        Config::new(ApiKey::new(FAKE_API_KEY).unwrap_or_else(|e| panic!("{e}"))).with_base_url(base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// Times `ours` and `raw` interleaved, request by request (alternating which goes first), so
/// both see the same machine at the same moments: criterion reports each side, and the ratio of
/// their totals over every pair is printed as measured in this one run.
fn pair(c: &mut Criterion, name: &str, mut ours: impl FnMut(), mut raw: impl FnMut()) {
    let totals = std::cell::Cell::new((Duration::ZERO, Duration::ZERO, 0u64));
    let mut run = |iters: u64, report_ours: bool| {
        let (mut mine, mut theirs) = (Duration::ZERO, Duration::ZERO);
        for i in 0..iters {
            let time = |f: &mut dyn FnMut()| {
                let start = Instant::now();
                f();
                start.elapsed()
            };
            if i % 2 == 0 {
                mine += time(&mut ours);
                theirs += time(&mut raw);
            } else {
                theirs += time(&mut raw);
                mine += time(&mut ours);
            }
        }
        let (m, t, n) = totals.get();
        totals.set((m + mine, t + theirs, n + iters));
        if report_ours { mine } else { theirs }
    };
    let mut g = c.benchmark_group("get_customer_loopback");
    g.throughput(Throughput::Elements(1));
    g.bench_function(format!("{name}_client"), |b| {
        b.iter_custom(|iters| run(iters, true))
    });
    g.bench_function(format!("{name}_raw"), |b| {
        b.iter_custom(|iters| run(iters, false))
    });
    g.finish();
    let (mine, theirs, n) = totals.get();
    println!(
        "{name}: client / raw = {:.3} ({:.1} µs vs {:.1} µs per request, {n} interleaved pairs)",
        mine.as_secs_f64() / theirs.as_secs_f64(),
        mine.as_secs_f64() * 1e6 / n as f64,
        theirs.as_secs_f64() * 1e6 / n as f64,
    );
}

fn end_to_end(c: &mut Criterion) {
    let server = Server::start();
    let url = format!("{}/v1/customers/{SPEC_CUSTOMER_ID}", server.base_url);
    let bearer = format!("Bearer {FAKE_API_KEY}");
    let parse = |body: Vec<u8>| {
        GetCustomer::new(SPEC_CUSTOMER_ID)
            .parse(Response::new(body))
            .unwrap_or_else(|e| panic!("{e}"))
    };

    // ureq: our client (default retry policy on) against a raw Agent.
    let ours = Client::builder(server.config(), kustomer_ureq::UreqTransport::new())
        .retry_policy(RetryPolicy::default())
        .build();
    // The raw side uses an agent configured as ours is (same timeouts), in a pool of its own:
    // the difference is what the core adds. A second pair uses ureq's defaults.
    let same_config = kustomer_ureq::UreqTransport::new().agent().clone();
    let default_agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    for (name, agent) in [
        ("ureq", same_config),
        ("ureq_vs_default_agent", default_agent),
    ] {
        pair(
            c,
            name,
            || {
                drop(black_box(
                    ours.customers()
                        .get(SPEC_CUSTOMER_ID)
                        .unwrap_or_else(|e| panic!("{e}")),
                ))
            },
            || {
                let mut response = agent
                    .get(&url)
                    .header("Authorization", &bearer)
                    .header("Accept", "application/json")
                    .call()
                    .unwrap_or_else(|e| panic!("{e}"));
                let body = response
                    .body_mut()
                    .read_to_vec()
                    .unwrap_or_else(|e| panic!("{e}"));
                drop(black_box(parse(body)));
            },
        );
    }

    // isahc: the same pair.
    let ours = Client::new(
        server.config(),
        kustomer_isahc::IsahcTransport::new().unwrap_or_else(|e| panic!("{e}")),
    );
    let same_config = kustomer_isahc::IsahcTransport::new()
        .unwrap_or_else(|e| panic!("{e}"))
        .client()
        .clone();
    let default_client = isahc::HttpClient::new().unwrap_or_else(|e| panic!("{e}"));
    for (name, raw) in [
        ("isahc", same_config),
        ("isahc_vs_default_client", default_client),
    ] {
        pair(
            c,
            name,
            || {
                drop(black_box(
                    ours.customers()
                        .get(SPEC_CUSTOMER_ID)
                        .unwrap_or_else(|e| panic!("{e}")),
                ))
            },
            || {
                let request = http::Request::get(&url)
                    .header("Authorization", &bearer)
                    .header("Accept", "application/json")
                    .body(())
                    .unwrap_or_else(|e| panic!("{e}"));
                let mut response = raw.send(request).unwrap_or_else(|e| panic!("{e}"));
                let mut body = Vec::new();
                response
                    .body_mut()
                    .read_to_end(&mut body)
                    .unwrap_or_else(|e| panic!("{e}"));
                drop(black_box(parse(body)));
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(6));
    targets = end_to_end
}
criterion_main!(benches);
