//! The customer and conversation parse of an older commit (`before`) against this tree's
//! (`kustomer`), on the same bytes, interleaved: one call of each per round, the order rotating,
//! so that both see the same machine at the same moments. Built and run by `run.sh`.

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::cell::Cell;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::Response;

#[path = "../support/in_turns.rs"]
mod in_turns;
use in_turns::in_turns;

const CUSTOMER: &str = include_str!("../../fixtures/customer_get_spec.json");
const CONVERSATION: &str = include_str!("../../fixtures/conversation_get_quirky.json");

/// Times `before` and `after` on `bytes`, interleaved, and prints after / before.
fn compare(
    c: &mut Criterion,
    group: &str,
    bytes: &[u8],
    before: &dyn Fn(&[u8]),
    after: &dyn Fn(&[u8]),
) {
    let parsers: [&dyn Fn(&[u8]); 2] = [before, after];
    let totals = Cell::new([Duration::ZERO; 2]);
    let run = |iters: u64, report: usize| in_turns(&parsers, bytes, iters, &totals, report);
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    for (index, name) in ["before", "after"].iter().enumerate() {
        g.bench_function(*name, |b| b.iter_custom(|iters| run(iters, index)));
    }
    g.finish();
    let [before, after] = totals.get().map(|d| d.as_secs_f64());
    println!(
        "{group}: after / before = {:.3} ({} bytes)",
        after / before,
        bytes.len()
    );
}

fn parse(c: &mut Criterion) {
    let one = CUSTOMER.trim_end().as_bytes().to_vec();
    let page = kustomer_fake::synthetic_page(0, 100).into_bytes();
    let conversation = CONVERSATION.trim_end().as_bytes().to_vec();
    {
        use before::Operation;
        before::customers::GetCustomer::new("x")
            .parse(Response::new(&one))
            .unwrap();
        before::customers::ListCustomers::new()
            .parse(Response::new(&page))
            .unwrap();
        before::conversations::GetConversation::new("x")
            .parse(Response::new(&conversation))
            .unwrap();
    }
    {
        use kustomer::Operation;
        kustomer::customers::GetCustomer::new("x")
            .parse(Response::new(&one))
            .unwrap();
        kustomer::customers::ListCustomers::new()
            .parse(Response::new(&page))
            .unwrap();
        kustomer::conversations::GetConversation::new("x")
            .parse(Response::new(&conversation))
            .unwrap();
    }
    compare(
        c,
        "one_customer",
        &one,
        &|b| {
            use before::Operation;
            let parsed = before::customers::GetCustomer::new("x").parse(Response::new(b));
            black_box(parsed.map(|c| c.attributes.rev)).ok();
        },
        &|b| {
            use kustomer::Operation;
            let parsed = kustomer::customers::GetCustomer::new("x").parse(Response::new(b));
            black_box(parsed.map(|c| c.attributes.rev)).ok();
        },
    );
    compare(
        c,
        "page_100_customers",
        &page,
        &|b| {
            use before::Operation;
            let parsed = before::customers::ListCustomers::new().parse(Response::new(b));
            black_box(parsed.map(|p| p.items.len())).ok();
        },
        &|b| {
            use kustomer::Operation;
            let parsed = kustomer::customers::ListCustomers::new().parse(Response::new(b));
            black_box(parsed.map(|p| p.items.len())).ok();
        },
    );
    compare(
        c,
        "one_conversation",
        &conversation,
        &|b| {
            use before::Operation;
            let parsed = before::conversations::GetConversation::new("x").parse(Response::new(b));
            black_box(parsed.map(|c| c.attributes.tags.len())).ok();
        },
        &|b| {
            use kustomer::Operation;
            let parsed = kustomer::conversations::GetConversation::new("x").parse(Response::new(b));
            black_box(parsed.map(|c| c.attributes.tags.len())).ok();
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(4));
    targets = parse
}
criterion_main!(benches);
