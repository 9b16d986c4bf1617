//! Property tests: every parser of outside data, fed arbitrary bytes and mutations of valid
//! documents, returns a value or a typed error and never panics. 10,000 cases each.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};
use kustomer::customers::GetCustomer;
use kustomer::{ApiError, ApiKey, BaseUrl, Error, Operation, RateLimit, encode_path_segment};
use proptest::prelude::*;

const SPEC: &[u8] = include_bytes!("fixtures/customer_get_spec.json");
const QUIRKY: &[u8] = include_bytes!("fixtures/customer_get_quirky.json");

/// The other families' documents: spec examples and real-world shapes, single and listed.
const FAMILY_DOCS: [&[u8]; 12] = [
    include_bytes!("fixtures/conversation_get_quirky.json"),
    include_bytes!("fixtures/conversation_list_spec.json"),
    include_bytes!("fixtures/message_get_quirky.json"),
    include_bytes!("fixtures/message_list_spec.json"),
    include_bytes!("fixtures/note_get_spec.json"),
    include_bytes!("fixtures/notes_list_spec.json"),
    include_bytes!("fixtures/kobject_get_quirky.json"),
    include_bytes!("fixtures/kobject_list_spec.json"),
    include_bytes!("fixtures/company_list_spec.json"),
    include_bytes!("fixtures/metadata_get_spec.json"),
    include_bytes!("fixtures/brand_list_spec.json"),
    include_bytes!("fixtures/klass_get_spec.json"),
];

/// Every family parser, single and page, on one body: each returns a value or a typed error.
fn parse_every_family(body: &[u8]) -> Vec<Result<(), Error>> {
    use kustomer::conversations::{GetConversation, ListConversations};
    use kustomer::messages::{GetMessage, ListMessages};
    use kustomer::notes::{GetNote, ListNotes};
    use kustomer::{brands, companies, custom_objects, metadata, shortcuts, tags, teams, users};
    let response = || Response::builder().status(200).body(body.to_vec()).unwrap();
    vec![
        custom_objects::GetKObject::within("order", "x")
            .parse(response())
            .map(drop),
        custom_objects::ListKObjects::within("order")
            .parse(response())
            .map(drop),
        custom_objects::GetKlass::new("x")
            .parse(response())
            .map(drop),
        companies::ListCompanies::new().parse(response()).map(drop),
        metadata::GetMetadata::new("x").parse(response()).map(drop),
        brands::ListBrands::new().parse(response()).map(drop),
        users::ListUsers::new().parse(response()).map(drop),
        teams::GetTeam::new("x").parse(response()).map(drop),
        tags::ListTags::new().parse(response()).map(drop),
        shortcuts::GetShortcut::new("x").parse(response()).map(drop),
        GetConversation::new("x").parse(response()).map(drop),
        ListConversations::new().parse(response()).map(drop),
        GetMessage::new("x").parse(response()).map(drop),
        ListMessages::new().parse(response()).map(drop),
        GetNote::new("x").parse(response()).map(drop),
        ListNotes::new().parse(response()).map(drop),
    ]
}

const STATUSES: [u16; 12] = [200, 201, 204, 302, 400, 401, 403, 404, 409, 429, 500, 502];

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 10_000,
        // Integration tests have no source file proptest could persist failures beside.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn parse(status: u16, body: Vec<u8>) -> Result<kustomer::models::Customer, Error> {
    let response = Response::builder().status(status).body(body).unwrap();
    GetCustomer::new("58210c3db0f09110006b7953").parse(response)
}

/// One edit of a document: flip, insert, delete or cut bytes at a position.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'{'),
                    Just(b'}'),
                    Just(b'['),
                    Just(b']'),
                    Just(b'"'),
                    Just(b','),
                    Just(b':'),
                    Just(b'\\'),
                    Just(b'n'),
                    Just(b'0'),
                    any::<u8>()
                ],
                1..8
            )
        )
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(doc: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = doc.to_vec();
    for e in edits {
        let len = out.len().max(1);
        match e {
            Edit::Flip(at, b) => {
                if let Some(x) = out.get_mut(at % len) {
                    *x ^= b;
                }
            }
            Edit::Insert(at, bytes) => {
                let at = at % (out.len() + 1);
                out.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            Edit::Truncate(at) => out.truncate(at % len),
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic_the_customer_parser(
        status in prop::sample::select(&STATUSES[..]),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let result = parse(status, body);
        if status != 200 && status != 201 && status != 204 {
            prop_assert!(result.is_err());
        }
    }

    #[test]
    fn mutated_documents_never_panic_the_customer_parser(
        which in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let doc = if which { SPEC } else { QUIRKY };
        let mutated = apply(doc, &edits);
        match parse(200, mutated.clone()) {
            Ok(customer) => prop_assert_eq!(customer.raw_document().map(str::as_bytes), Some(&mutated[..])),
            Err(Error::Decode(e)) => prop_assert!(!e.excerpt.contains('\n')),
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    #[test]
    fn mutated_documents_never_panic_the_other_families_parsers(
        which in 0..FAMILY_DOCS.len(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let mutated = apply(FAMILY_DOCS[which], &edits);
        for result in parse_every_family(&mutated) {
            if let Err(e) = result {
                prop_assert!(matches!(e, Error::Decode(_)), "unexpected error {e:?}");
                prop_assert!(!e.to_string().contains('\n'));
            }
        }
    }

    #[test]
    fn every_cut_of_a_document_is_a_decode_error(which in any::<bool>(), at in any::<usize>()) {
        let doc = if which { SPEC } else { QUIRKY };
        let complete = doc.trim_ascii_end().len();
        let cut = at % complete;
        let result = parse(200, doc[..cut].to_vec());
        prop_assert!(matches!(result, Err(Error::Decode(_))), "cut at {cut}: {result:?}");
    }

    #[test]
    fn arbitrary_error_bodies_give_a_one_line_error(
        status in 400u16..600,
        body in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        let error = ApiError::from_body(StatusCode::from_u16(status).unwrap(), &body);
        let shown = error.to_string();
        prop_assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
        prop_assert!(error.body_excerpt.as_ref().is_none_or(|e| e.chars().count() <= 161));
    }

    #[test]
    fn mutated_error_documents_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let doc = br#"{"errors":[{"status":"400","code":"badparam","title":"Additional properties not allowed","detail":"/properties/custom","source":{"parameter":"x"}},{"code":"bad_request","message":"m","meta":{}}]}"#;
        let _ = ApiError::from_body(StatusCode::BAD_REQUEST, &apply(doc, &edits));
    }

    #[test]
    fn arbitrary_rate_limit_headers_never_panic(
        values in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 6),
        now in any::<u64>(),
    ) {
        let names = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
                     "x-ratelimit-object-limit", "x-ratelimit-object-remaining", "retry-after"];
        let mut headers = HeaderMap::new();
        for (name, value) in names.iter().zip(&values) {
            // Bytes a header value cannot hold become digits, which also makes numbers likelier.
            let value: Vec<u8> = value
                .iter()
                .map(|&b| if (b < 0x20 && b != b'\t') || b == 0x7f { b'0' + b % 10 } else { b })
                .collect();
            if let Ok(value) = HeaderValue::from_bytes(&value) {
                headers.insert(HeaderName::from_static(name), value);
            }
        }
        let limit = RateLimit::from_headers(&headers);
        let now = UNIX_EPOCH.checked_add(Duration::from_secs(now % (1 << 40))).unwrap_or(SystemTime::UNIX_EPOCH);
        let _ = limit.reset_after(now);
    }

    #[test]
    fn numeric_looking_headers_read_back(n in any::<u64>(), frac in 0u32..1000) {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-remaining", HeaderValue::from(n));
        headers.insert("retry-after", HeaderValue::from_str(&format!("1.{frac:03}")).unwrap());
        let limit = RateLimit::from_headers(&headers);
        prop_assert_eq!(limit.remaining, Some(n));
        let expected = if frac == 0 { 1 } else { 2 };
        prop_assert_eq!(limit.reset_after(UNIX_EPOCH), Some(Duration::from_secs(expected)));
    }

    #[test]
    fn no_value_leaves_its_path_segment(value in any::<String>()) {
        if let Ok(encoded) = encode_path_segment("id", &value) {
            let encoded = encoded.to_string();
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{encoded}");
            prop_assert!(encoded != "." && encoded != "..");
            let decoded = percent_encoding::percent_decode_str(&encoded).decode_utf8().unwrap();
            prop_assert_eq!(decoded, value);
        } else {
            prop_assert!(value.is_empty() || value == "." || value == ".." || value.chars().any(char::is_control) || value.len() > 1024);
        }
    }

    #[test]
    fn keys_and_base_urls_never_panic_and_keys_never_echo(rest in any::<String>()) {
        // A marker no message of ours contains: if it shows, the key was echoed.
        let key = format!("zq9SECRET{rest}");
        let shown = match ApiKey::new(key.clone()) {
            Ok(key) => format!("{key:?}"),
            Err(e) => format!("{e} {e:?}"),
        };
        prop_assert!(!shown.contains("zq9SECRET"), "{shown}");
        let _ = rest.parse::<BaseUrl>();
        let _ = BaseUrl::org(&rest);
    }
}
