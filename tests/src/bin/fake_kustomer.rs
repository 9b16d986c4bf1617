//! Runs the fake Kustomer API until stdin closes (or the process is stopped), for trying a client or
//! an example by hand:
//!
//! ```text
//! cargo run -p kustomer-tests --bin fake_kustomer
//! ```
//! It prints `KUSTOMER_BASE_URL=...` and `KUSTOMER_API_KEY=...` lines ready to `export`.

use std::io::Read;
use std::process::ExitCode;

use kustomer_tests::FakeKustomer;

fn main() -> ExitCode {
    let server = match FakeKustomer::start() {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: could not start the fake server: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("KUSTOMER_BASE_URL={}", server.base_url());
    println!("KUSTOMER_API_KEY={}", server.api_key());
    // Serve until whoever started us closes our stdin.
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    ExitCode::SUCCESS
}
