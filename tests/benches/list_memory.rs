//! Memory at scale: iterate 10,000 and 100,000 customers (pages of 100) through the list iterator
//! and report the client process's peak RSS. The fake server runs in a process of its own
//! (`fake_kustomer --synthetic N`), so only the client is measured; each count runs in a fresh
//! child process, since peak RSS only grows.
//!
//! Then what kept items cost: list 10,000 customers, keep the first of each page, and count the
//! heap bytes they hold (allocated minus freed while they live), with each item's raw JSON kept
//! (the default) and without (`keep_raw(false)`).
//!
//! `cargo bench -p kustomer-fake --bench list_memory`

// A benchmark that cannot set up has nothing to measure: it stops loudly.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use kustomer::customers::ListCustomers;
use kustomer::{ApiKey, BaseUrl, Client, Config};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

// Counts allocations (a few atomic adds each): what kept items hold is read from it.
#[global_allocator]
static GLOBAL: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// The child's modes: every item dropped as read, or the first of each page kept.
#[derive(Clone, Copy)]
enum Mode {
    Walk,
    Keep { raw: bool },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some((flag, count)) = args
        .iter()
        .position(|a| a.starts_with("--child"))
        .and_then(|i| Some((args.get(i)?, args.get(i + 1)?)))
    {
        let mode = match flag.as_str() {
            "--child-keep-raw" => Mode::Keep { raw: true },
            "--child-keep" => Mode::Keep { raw: false },
            _ => Mode::Walk,
        };
        return match count
            .parse()
            .map_err(|e| format!("{e}"))
            .and_then(|count| child(count, mode))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    // `cargo bench` passes its own flags; only run when benchmarking (not for `--list` etc.).
    if args.iter().any(|a| a == "--list") {
        return ExitCode::SUCCESS;
    }
    println!("list_memory: customers, pages, seconds, peak RSS of the client process");
    let runs = [
        ("--child", 10_000u64),
        ("--child", 100_000),
        ("--child-keep-raw", 10_000),
        ("--child-keep", 10_000),
    ];
    for (flag, count) in runs {
        let output = std::env::current_exe()
            .map_err(|e| e.to_string())
            .and_then(|exe| {
                Command::new(exe)
                    .args([flag, &count.to_string()])
                    .output()
                    .map_err(|e| e.to_string())
            });
        match output {
            Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
            Ok(out) => {
                eprintln!(
                    "child for {count} failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("could not run the child for {count}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn child(count: u64, mode: Mode) -> Result<(), String> {
    let mut server = Command::new(env!("CARGO_BIN_EXE_fake_kustomer"))
        .args(["--synthetic", &count.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("starting the fake server: {e}"))?;
    let stdout = server.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let mut var = |name: &str| -> Result<String, String> {
        let line = lines
            .next()
            .ok_or("the fake server said nothing")?
            .map_err(|e| e.to_string())?;
        line.strip_prefix(&format!("{name}="))
            .map(str::to_owned)
            .ok_or(format!("expected {name}, got {line}"))
    };
    let base: BaseUrl = var("KUSTOMER_BASE_URL")?
        .parse()
        .map_err(|e| format!("{e}"))?;
    let key = ApiKey::new(var("KUSTOMER_API_KEY")?).map_err(|e| e.to_string())?;
    let client = Client::new(
        Config::new(key).with_base_url(base),
        kustomer_ureq::UreqTransport::new(),
    );

    let started = Instant::now();
    let mut seen = 0u64;
    let first = match mode {
        Mode::Keep { raw } => ListCustomers::new().page_size(100).keep_raw(raw),
        Mode::Walk => ListCustomers::new().page_size(100),
    };
    let mut kept = Vec::new();
    let region = Region::new(GLOBAL);
    for customer in client.customers().list(first) {
        let customer = customer.map_err(|e| e.to_string())?;
        // Touch the data so nothing is optimized away.
        seen += u64::from(!customer.id.is_empty());
        if matches!(mode, Mode::Keep { .. }) && seen % 100 == 1 {
            kept.push(customer);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let live =
        |stats: stats_alloc::Stats| stats.bytes_allocated as i64 - stats.bytes_deallocated as i64;
    let with_kept = live(region.change());
    let kept_items = kept.len();
    let raw_bytes: usize = kept
        .iter()
        .filter_map(|c| c.raw_document())
        .map(str::len)
        .sum();
    drop(kept);
    let held = with_kept - live(region.change());
    drop(server.stdin.take());
    let _ = server.wait();
    if seen != count {
        return Err(format!("listed {seen} customers, expected {count}"));
    }
    let status = std::fs::read_to_string("/proc/self/status").map_err(|e| e.to_string())?;
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().to_owned())
        .ok_or("no VmHWM in /proc/self/status")?;
    match mode {
        Mode::Walk => println!(
            "{count:>7} customers, {:>5} pages, {seconds:>6.2} s, peak RSS {peak}",
            count / 100
        ),
        Mode::Keep { raw } => println!(
            "{count:>7} customers, first of each page kept, keep_raw({raw}): {kept_items} items hold {held} heap bytes ({} per item, {raw_bytes} bytes of raw JSON)",
            held / kept_items.max(1) as i64
        ),
    }
    Ok(())
}
