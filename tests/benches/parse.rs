//! Parsing: our typed models against `serde_json::Value` and the `IgnoredAny` scan, on the same
//! bytes, in the same run: one customer (the spec's example) and a 100-customer list page.

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::Response;
use kustomer::Operation;
use kustomer::customers::{GetCustomer, ListCustomers};
use serde::de::IgnoredAny;
use std::hint::black_box;

const SPEC: &str = include_str!("../fixtures/customer_get_spec.json");

fn compare(c: &mut Criterion, group: &str, bytes: &[u8], typed: impl Fn(&[u8])) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("kustomer_typed", |b| b.iter(|| typed(black_box(bytes))));
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            serde_json::from_slice::<serde_json::Value>(black_box(bytes))
                .map(|v| black_box(v).is_object())
        })
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(bytes)).map(black_box))
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let one = SPEC.trim_end().as_bytes().to_vec();
    compare(c, "parse_one_customer", &one, |bytes| {
        let customer = GetCustomer::new("58210c3db0f09110006b7953").parse(Response::new(bytes));
        black_box(customer.map(|c| c.attributes.rev)).ok();
    });
    let page = kustomer_tests::synthetic_page(0, 100).into_bytes();
    compare(c, "parse_page_100_customers", &page, |bytes| {
        let page = ListCustomers::new().parse(Response::new(bytes));
        black_box(page.map(|p| p.items.len())).ok();
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(4));
    targets = parse
}
criterion_main!(benches);
