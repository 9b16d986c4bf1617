//! Runs the fake Kustomer API until stdin closes (or the process is stopped), for trying a client or
//! an example by hand, and for benchmarks that must measure the client in a process of its own:
//!
//! ```text
//! cargo run -p kustomer-fake --bin fake_kustomer                      # seeded customers
//! cargo run -p kustomer-fake --bin fake_kustomer -- --synthetic 100000 # GET /v1/customers lists 100,000
//! ```
//! It prints `KUSTOMER_BASE_URL=...` and `KUSTOMER_API_KEY=...` lines ready to `export`.

use std::io::{Read, Write};
use std::process::ExitCode;

use kustomer_fake::FakeKustomer;

fn main() -> ExitCode {
    let mut builder = FakeKustomer::builder();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [flag, count] if flag == "--synthetic" => match count.parse() {
            Ok(count) => builder = builder.synthetic_customers(count),
            Err(_) => return usage(),
        },
        _ => return usage(),
    }
    let server = match builder.start() {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: could not start the fake server: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Whoever started us may stop reading after the first line: never die of a closed pipe.
    let mut out = std::io::stdout();
    let _ = writeln!(out, "KUSTOMER_BASE_URL={}", server.base_url());
    let _ = writeln!(out, "KUSTOMER_API_KEY={}", server.api_key());
    let _ = out.flush();
    // Serve until whoever started us closes our stdin.
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: fake_kustomer [--synthetic COUNT]");
    ExitCode::FAILURE
}
