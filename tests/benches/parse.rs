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
use std::time::Duration;

#[path = "support/strict_model.rs"]
mod strict_model;

#[path = "support/in_turns.rs"]
mod in_turns;
use in_turns::in_turns;

const SPEC: &str = include_str!("../fixtures/customer_get_spec.json");
const CONVERSATION: &str = include_str!("../fixtures/conversation_get_quirky.json");

/// The model's two plain-derive twins (`support/strict_model.rs`): strict and owned, and the
/// floor, which allocates no string and builds no free-form value. The floor checks UTF-8 once
/// and then reads from `&str`, as our parse does, which is faster than `from_slice`'s check of
/// each string: it is the cheapest read through serde derives there is.
struct Twins<'a> {
    strict: &'a dyn Fn(&[u8]),
    floor: &'a dyn Fn(&[u8]),
}

/// Times the parsers interleaved, one call of each per round in rotating order, so that all of
/// them see the same machine at the same moments: criterion reports each, and the ratios of their
/// totals are printed as measured in this one run.
fn compare(
    c: &mut Criterion,
    group: &str,
    bytes: &[u8],
    typed: impl Fn(&[u8]),
    twins: Option<Twins<'_>>,
) {
    let value = |b: &[u8]| {
        black_box(serde_json::from_slice::<serde_json::Value>(b).map(|v| v.is_object())).ok();
    };
    let ignored = |b: &[u8]| {
        black_box(serde_json::from_slice::<IgnoredAny>(b)).ok();
    };
    // Without twins, their slots parse to `Value` again, so the rotation stays the same.
    let has_twins = twins.is_some();
    let (strict, floor) = twins.map_or((&value as &dyn Fn(&[u8]), &value as &dyn Fn(&[u8])), |t| {
        (t.strict, t.floor)
    });
    let parsers: [&dyn Fn(&[u8]); 5] = [&typed, &value, &ignored, strict, floor];
    let totals = std::cell::Cell::new([Duration::ZERO; 5]);
    let run = |iters: u64, report: usize| in_turns(&parsers, bytes, iters, &totals, report);
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    let names = [
        "kustomer_typed",
        "serde_json_value",
        "ignored_any",
        "strict_twin",
        "derive_floor",
    ];
    let reported = if has_twins { 5 } else { 3 };
    for (index, name) in names.iter().enumerate().take(reported) {
        g.bench_function(*name, |b| b.iter_custom(|iters| run(iters, index)));
    }
    g.finish();
    let [typed, value, ignored, strict, floor] = totals.get().map(|d| d.as_secs_f64());
    let twins = if has_twins {
        format!(
            ", typed / strict twin = {:.2}, typed / derive floor = {:.2}, derive floor / IgnoredAny = {:.2}",
            typed / strict,
            typed / floor,
            floor / ignored
        )
    } else {
        String::new()
    };
    println!(
        "{group}: serde_json::Value / typed = {:.2}, typed / IgnoredAny = {:.2}{twins} ({} bytes)",
        value / typed,
        typed / ignored,
        bytes.len()
    );
}

/// The twins for a customer document.
fn document_twins() -> Twins<'static> {
    Twins {
        strict: &|bytes: &[u8]| {
            black_box(
                serde_json::from_slice::<strict_model::OwnedDocument>(bytes)
                    .map(|d| d.data.id.len()),
            )
            .ok();
        },
        floor: &|bytes: &[u8]| {
            let document = std::str::from_utf8(bytes).ok().and_then(|text| {
                serde_json::from_str::<strict_model::BorrowedDocument<'_>>(text).ok()
            });
            black_box(document.map(|d| d.data.id.len()));
        },
    }
}

/// The twins for a customers page.
fn page_twins() -> Twins<'static> {
    Twins {
        strict: &|bytes: &[u8]| {
            black_box(
                serde_json::from_slice::<strict_model::OwnedPage>(bytes).map(|p| p.data.len()),
            )
            .ok();
        },
        floor: &|bytes: &[u8]| {
            let page = std::str::from_utf8(bytes)
                .ok()
                .and_then(|text| serde_json::from_str::<strict_model::BorrowedPage<'_>>(text).ok());
            black_box(page.map(|p| p.data.len()));
        },
    }
}

fn parse(c: &mut Criterion) {
    let one = SPEC.trim_end().as_bytes().to_vec();
    let page = kustomer_fake::synthetic_page(0, 100).into_bytes();
    // A twin that failed would time its error path: each must read both bodies.
    serde_json::from_slice::<strict_model::OwnedDocument>(&one).unwrap();
    serde_json::from_slice::<strict_model::BorrowedDocument<'_>>(&one).unwrap();
    serde_json::from_slice::<strict_model::OwnedPage>(&page).unwrap();
    serde_json::from_slice::<strict_model::BorrowedPage<'_>>(&page).unwrap();
    compare(
        c,
        "parse_one_customer",
        &one,
        |bytes| {
            let customer = GetCustomer::new("58210c3db0f09110006b7953").parse(Response::new(bytes));
            black_box(customer.map(|c| c.attributes.rev)).ok();
        },
        Some(document_twins()),
    );
    compare(
        c,
        "parse_page_100_customers",
        &page,
        |bytes| {
            let page = ListCustomers::new().parse(Response::new(bytes));
            black_box(page.map(|p| p.items.len())).ok();
        },
        Some(page_twins()),
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
        Some(page_twins()),
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
