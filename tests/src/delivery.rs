//! What the fake records of the requests it received and the webhooks it delivered, and how
//! their headers are read.

/// One delivery the fake made: where it went, its headers and its exact body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    /// The webhook's URL.
    pub url: String,
    /// The event's name (`kustomer.conversation.update`).
    pub event: String,
    /// The headers sent: `x-kustomer-webhook-signature`, `x-kustomer-webhook-event`, the
    /// webhook's custom headers (names lower-cased).
    pub headers: Vec<(String, String)>,
    /// The body, exactly as signed.
    pub body: Vec<u8>,
}

impl WebhookDelivery {
    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// The first value of header `name` (any case) among `(lower-cased name, value)` pairs.
pub(crate) fn find_header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    let name = name.to_ascii_lowercase();
    headers
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.as_str())
}
