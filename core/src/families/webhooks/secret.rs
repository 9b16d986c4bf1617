//! The webhooks' name for a secret.

/// A webhook secret: the signing `token` of an outbound webhook, or the value of a custom header
/// (the older shared-secret scheme). The crate's one secret type, [`Secret`](crate::Secret).
#[deprecated(since = "0.1.0", note = "use kustomer::Secret, the one secret type")]
pub type WebhookSecret = crate::protocol::secret::Secret;
