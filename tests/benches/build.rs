//! Building requests: a get-customer and a search, timed, and their heap allocations counted;
//! and the allocations of one typed parse, the other half of a call.

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

use std::alloc::System;

use criterion::{Criterion, criterion_group, criterion_main};
use kustomer::customers::{GetCustomer, SearchCustomers};
use kustomer::search::{Criterion as Cond, SearchQuery, SortOrder};
use kustomer::{ApiKey, Config, Operation};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::hint::black_box;

/// Counts allocations, so each build can be charged for its own.
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations and bytes allocated per call of `f`, averaged over many calls.
fn per_call(mut f: impl FnMut()) -> (f64, f64) {
    const CALLS: usize = 10_000;
    let region = Region::new(GLOBAL);
    for _ in 0..CALLS {
        f();
    }
    let stats = region.change();
    (
        stats.allocations as f64 / CALLS as f64,
        stats.bytes_allocated as f64 / CALLS as f64,
    )
}

/// Allocations per call of `f`, averaged over many calls.
fn allocations_per_call(f: impl FnMut()) -> f64 {
    per_call(f).0
}

fn search_query() -> SearchQuery {
    SearchQuery::customers()
        .and(Cond::gte("customer_updated_at", "2024-01-01T00:00:00.000Z"))
        .and(Cond::equals(Cond::custom("tierStr"), "gold"))
        .not(Cond::contains("customer_email", "@example.com"))
        .sort("customer_updated_at", SortOrder::Asc)
}

fn build(c: &mut Criterion) {
    let config = Config::new(ApiKey::new("bench-key-0123456789").unwrap_or_else(|e| panic!("{e}")));
    let get = GetCustomer::new("58210c3db0f09110006b7953");
    let search = SearchCustomers::new(search_query()).page_size(500);
    eprintln!(
        "allocations per build: get_customer {:.1}, search {:.1}",
        allocations_per_call(|| drop(black_box(get.build(&config)))),
        allocations_per_call(|| drop(black_box(search.build(&config)))),
    );
    let spec = include_str!("../fixtures/customer_get_spec.json").trim_end();
    let (allocations, bytes) =
        per_call(|| drop(black_box(get.parse(http::Response::new(spec.as_bytes())))));
    eprintln!("allocations per parse: the spec's customer {allocations:.1} ({bytes:.0} bytes)");
    let mut g = c.benchmark_group("build_request");
    g.bench_function("get_customer", |b| {
        b.iter(|| black_box(&get).build(black_box(&config)))
    });
    g.bench_function("search", |b| {
        b.iter(|| black_box(&search).build(black_box(&config)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(3));
    targets = build
}
criterion_main!(benches);
