//! Parsing: our typed models against `serde_json::Value` and the `IgnoredAny` scan, on the same
//! bytes, in the same run: one customer (the spec's example), a 100-customer list page, and one
//! conversation (a real-world-shaped body); the page again with `keep_raw(false)`.

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::Response;
use kustomer::Operation;
use kustomer::conversations::GetConversation;
use kustomer::customers::{GetCustomer, ListCustomers};
use serde::de::IgnoredAny;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "support/strict_model.rs"]
mod strict_model;

const SPEC: &str = include_str!("../fixtures/customer_get_spec.json");
const CONVERSATION: &str = include_str!("../fixtures/conversation_get_quirky.json");

/// Times the three parsers interleaved, one call of each per round in rotating order, so that
/// all three see the same machine at the same moments: criterion reports each, and the ratios of
/// their totals are printed as measured in this one run.
fn compare(
    c: &mut Criterion,
    group: &str,
    bytes: &[u8],
    typed: impl Fn(&[u8]),
    strict: Option<&dyn Fn(&[u8])>,
) {
    // Without a twin, the fourth slot parses to `Value` again, so the rotation stays the same.
    let has_twin = strict.is_some();
    let strict = strict.unwrap_or(&no_twin);
    let value = |b: &[u8]| {
        black_box(serde_json::from_slice::<serde_json::Value>(b).map(|v| v.is_object())).ok();
    };
    let ignored = |b: &[u8]| {
        black_box(serde_json::from_slice::<IgnoredAny>(b)).ok();
    };
    let parsers: [&dyn Fn(&[u8]); 4] = [&typed, &value, &ignored, strict];
    let totals = std::cell::Cell::new([Duration::ZERO; 4]);
    let run = |iters: u64, report: usize| {
        let mut spent = [Duration::ZERO; 4];
        for i in 0..iters {
            for k in 0..4 {
                let which = (k + i as usize) % 4;
                let start = Instant::now();
                parsers[which](black_box(bytes));
                spent[which] += start.elapsed();
            }
        }
        let mut all = totals.get();
        for (sum, add) in all.iter_mut().zip(spent) {
            *sum += add;
        }
        totals.set(all);
        spent[report]
    };
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    for (index, name) in ["kustomer_typed", "serde_json_value", "ignored_any"]
        .iter()
        .enumerate()
    {
        g.bench_function(*name, |b| b.iter_custom(|iters| run(iters, index)));
    }
    g.finish();
    let [typed, value, ignored, strict] = totals.get().map(|d| d.as_secs_f64());
    let twin = if has_twin {
        format!("{:.2}", typed / strict)
    } else {
        "none".to_owned()
    };
    println!(
        "{group}: serde_json::Value / typed = {:.2}, typed / IgnoredAny = {:.2}, typed / strict twin = {twin} ({} bytes)",
        value / typed,
        typed / ignored,
        bytes.len()
    );
}

/// The fourth slot of a comparison without a strict twin.
fn no_twin(bytes: &[u8]) {
    black_box(serde_json::from_slice::<serde_json::Value>(bytes).map(|v| v.is_object())).ok();
}

fn parse(c: &mut Criterion) {
    let one = SPEC.trim_end().as_bytes().to_vec();
    compare(
        c,
        "parse_one_customer",
        &one,
        |bytes| {
            let customer = GetCustomer::new("58210c3db0f09110006b7953").parse(Response::new(bytes));
            black_box(customer.map(|c| c.attributes.rev)).ok();
        },
        Some(&|bytes: &[u8]| {
            black_box(
                serde_json::from_slice::<strict_model::Document>(bytes).map(|d| d.data.id.len()),
            )
            .ok();
        }),
    );
    let page = kustomer_fake::synthetic_page(0, 100).into_bytes();
    compare(
        c,
        "parse_page_100_customers",
        &page,
        |bytes| {
            let page = ListCustomers::new().parse(Response::new(bytes));
            black_box(page.map(|p| p.items.len())).ok();
        },
        Some(&|bytes: &[u8]| {
            black_box(serde_json::from_slice::<strict_model::Page>(bytes).map(|p| p.data.len()))
                .ok();
        }),
    );
    // The same page with no item keeping its JSON: what `keep_raw` costs.
    compare(
        c,
        "parse_page_100_customers_without_raw",
        &page,
        |bytes| {
            let page = ListCustomers::new()
                .keep_raw(false)
                .parse(Response::new(bytes));
            black_box(page.map(|p| p.items.len())).ok();
        },
        Some(&|bytes: &[u8]| {
            black_box(serde_json::from_slice::<strict_model::Page>(bytes).map(|p| p.data.len()))
                .ok();
        }),
    );
}

fn parse_conversation(c: &mut Criterion) {
    let one = CONVERSATION.trim_end().as_bytes().to_vec();
    compare(
        c,
        "parse_one_conversation",
        &one,
        |bytes| {
            let conversation =
                GetConversation::new("5f3c0d0e2f1a4b0012ab0001").parse(Response::new(bytes));
            black_box(conversation.map(|c| c.attributes.tags.len())).ok();
        },
        None,
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(4));
    targets = parse, parse_conversation
}
criterion_main!(benches);
