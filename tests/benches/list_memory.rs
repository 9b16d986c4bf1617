//! Memory at scale: iterate 10,000 and 100,000 customers (pages of 100) through the list iterator
//! and report the client process's peak RSS. The fake server runs in a process of its own
//! (`fake_kustomer --synthetic N`), so only the client is measured; each count runs in a fresh
//! child process, since peak RSS only grows.
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some(count) = args
        .iter()
        .position(|a| a == "--child")
        .and_then(|i| args.get(i + 1))
    {
        return match count.parse().map_err(|e| format!("{e}")).and_then(child) {
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
    for count in [10_000u64, 100_000] {
        let output = std::env::current_exe()
            .map_err(|e| e.to_string())
            .and_then(|exe| {
                Command::new(exe)
                    .args(["--child", &count.to_string()])
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

fn child(count: u64) -> Result<(), String> {
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
    for customer in client.customers().list(ListCustomers::new().page_size(100)) {
        let customer = customer.map_err(|e| e.to_string())?;
        // Touch the data so nothing is optimized away.
        seen += u64::from(!customer.id.is_empty());
    }
    let seconds = started.elapsed().as_secs_f64();
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
    println!(
        "{count:>7} customers, {:>5} pages, {seconds:>6.2} s, peak RSS {peak}",
        count / 100
    );
    Ok(())
}
