//! A request that must not be repeated is sent exactly once by either transport, even when the
//! kept-alive connection it went out on dies after the server read it. libcurl, left alone,
//! resends such a request on a fresh connection without telling anyone: a duplicate customer.
//!
//! The server here is raw TCP on 127.0.0.1, so that it can do what no HTTP library would: answer
//! GETs with keep-alive, then read a write request in full and close the connection unanswered.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use kustomer::customers::{BulkCustomers, CustomerBulkUpdate, CustomerInput};
use kustomer::ops::UpdateMode;
use kustomer::{
    ApiKey, BaseUrl, Client, Config, Error, Operation, RetryPolicy, TransportErrorKind,
    TransportOptions,
};
use kustomer_fake::both_transports;

const CUSTOMER: &str =
    r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#;

/// Answers GETs (keep-alive); reads any other request in full, records it, and closes the
/// connection without a byte of answer. Every connection is treated alike, so a resend on a
/// fresh connection is seen and recorded too.
struct DroppingServer {
    base: String,
    writes: Arc<Mutex<Vec<(String, usize)>>>,
    stop: Arc<AtomicBool>,
}

impl DroppingServer {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let writes = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let writes = Arc::clone(&writes);
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let writes = Arc::clone(&writes);
                    thread::spawn(move || serve(stream, &writes));
                }
            });
        }
        Self { base, writes, stop }
    }

    fn writes(&self) -> Vec<(String, usize)> {
        self.writes.lock().unwrap().clone()
    }
}

impl Drop for DroppingServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

fn serve(stream: TcpStream, writes: &Mutex<Vec<(String, usize)>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0usize;
        let mut chunked = false;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                chunked = true;
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if chunked {
            // An empty chunked body: "0\r\n\r\n".
            let mut end = String::new();
            let _ = reader.read_line(&mut end);
            let _ = reader.read_line(&mut end);
        }
        let mut words = request_line.split_whitespace();
        let method = words.next().unwrap_or_default().to_owned();
        let target = words.next().unwrap_or_default().to_owned();
        if method == "GET" {
            let answer = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: keep-alive\r\n\r\n{CUSTOMER}",
                CUSTOMER.len()
            );
            if stream.write_all(answer.as_bytes()).is_err() {
                return;
            }
            continue;
        }
        writes
            .lock()
            .unwrap()
            .push((format!("{method} {target}"), body.len()));
        // Read in full, never answered: the connection dies under the request.
        let _ = stream.shutdown(std::net::Shutdown::Both);
        return;
    }
}

fn clients(base: &str) -> Vec<(&'static str, Client)> {
    let base: BaseUrl = base.parse().unwrap();
    let config = Config::new(ApiKey::new("key").unwrap()).with_base_url(base);
    let options = TransportOptions::default().timeout(Duration::from_secs(10));
    both_transports(options)
        .unwrap()
        .into_iter()
        .map(|(name, transport)| {
            // The default policy: whatever the transport does, the core must not resend these.
            let client = Client::builder(config.clone(), transport)
                .retry_policy(RetryPolicy::default())
                .build();
            (name, client)
        })
        .collect()
}

/// Sends a GET (which leaves a kept-alive connection in the pool), then `write` on it.
fn once<T>(
    name: &str,
    client: &Client,
    server: &DroppingServer,
    what: &str,
    write: impl FnOnce(&Client) -> Result<T, Error>,
) {
    client.customers().get("58210c3db0f09110006b7953").unwrap();
    let before = server.writes().len();
    let result = write(client);
    let writes = server.writes();
    let sent: Vec<_> = writes.get(before..).unwrap_or_default().to_vec();
    assert_eq!(sent.len(), 1, "{name} {what}: reached the server {sent:?}");
    match result {
        Err(e) => assert_eq!(
            e.transport_kind(),
            Some(TransportErrorKind::Io),
            "{name} {what}: {e:?}"
        ),
        Ok(_) => panic!("{name} {what}: succeeded although no answer was sent"),
    }
}

#[test]
fn creates_patches_and_bulk_writes_reach_the_server_once() {
    let server = DroppingServer::start();
    let input = CustomerInput::new().name("Ada");
    let updates = [CustomerBulkUpdate::new(
        "58210c3db0f09110006b7953",
        input.clone(),
    )];
    let ids = ["58210c3db0f09110006b7953".to_owned()];
    for (name, client) in clients(&server.base) {
        once(name, &client, &server, "POST create", |c| {
            c.customers().create(&input)
        });
        once(name, &client, &server, "PATCH", |c| {
            c.customers()
                .update("58210c3db0f09110006b7953", &input, UpdateMode::Patch)
        });
        once(name, &client, &server, "POST bulk", |c| {
            c.execute(&BulkCustomers::create(std::slice::from_ref(&input)))
        });
        once(name, &client, &server, "PUT bulk", |c| {
            c.execute(&BulkCustomers::update(&updates[..]))
        });
        // No body at all: nothing for libcurl to fail to rewind.
        once(name, &client, &server, "DELETE bulk", |c| {
            c.execute(&BulkCustomers::delete(&ids[..]))
        });
    }
}

#[test]
fn the_built_request_says_whether_it_may_be_repeated() {
    use kustomer::Idempotency;
    let config = Config::new(ApiKey::new("key").unwrap());
    let ids = ["a1".to_owned()];
    let bulk_delete = BulkCustomers::delete(&ids[..]).build(&config).unwrap();
    assert_eq!(bulk_delete.method(), http::Method::DELETE);
    assert_eq!(
        Idempotency::of(&bulk_delete),
        Idempotency::NotIdempotent,
        "a bulk DELETE starts a job each time"
    );
    let get = kustomer::customers::GetCustomer::new("a1")
        .build(&config)
        .unwrap();
    assert_eq!(Idempotency::of(&get), Idempotency::Idempotent);
    let create = kustomer::customers::CreateCustomer::new(CustomerInput::new())
        .build(&config)
        .unwrap();
    assert_eq!(Idempotency::of(&create), Idempotency::NotIdempotent);
    // A search is a POST that only reads: its operation marks it, so the client's policy and
    // both transports read the same answer.
    let search = kustomer::customers::SearchCustomers::new(Default::default())
        .build(&config)
        .unwrap();
    assert_eq!(search.method(), http::Method::POST);
    assert_eq!(Idempotency::of(&search), Idempotency::Idempotent);
}
