//! What the client tells `tracing` about each call: one span per call, one event per retry
//! decision and per pacing pause. Nothing is built or measured when no subscriber listens.
//!
//! Never recorded: the API key, a request or response body, a lookup's key (an email, a phone)
//! or any path; a call is named by its operationId and the ID of the record it is about.

use std::cell::Cell;
use std::time::{Duration, Instant};

use tracing::field::Empty;

use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::rate_limit::RateLimit;
use crate::protocol::retry::Outcome;

/// One call's span, and what it gathers while the call runs.
pub(crate) struct Call {
    span: tracing::Span,
    started: Option<Instant>,
    attempts: Cell<u32>,
}

impl Call {
    /// The span of a call of `operation`, entered by the caller.
    pub(crate) fn start<O: Operation>(operation: &O, method: &http::Method) -> Self {
        let span = tracing::info_span!(
            "kustomer.call",
            operation = operation.operation_id(),
            resource = Empty,
            method = %method,
            attempts = Empty,
            status = Empty,
            outcome = Empty,
            elapsed_ms = Empty,
            waited_ms = Empty,
            ratelimit_remaining = Empty,
            ratelimit_reset = Empty,
        );
        let started = if span.is_disabled() {
            None
        } else {
            if let Some(id) = operation.resource_id() {
                span.record("resource", id);
            }
            Some(Instant::now())
        };
        Self {
            span,
            started,
            attempts: Cell::new(0),
        }
    }

    pub(crate) fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// An attempt goes out.
    pub(crate) fn attempt(&self, number: u32) {
        self.attempts.set(number);
    }

    /// A response's rate-limit headers: the span shows the last ones.
    pub(crate) fn observe(&self, rate_limit: &RateLimit) {
        if self.started.is_none() {
            return;
        }
        if let Some(remaining) = rate_limit.remaining {
            self.span.record("ratelimit_remaining", remaining);
        }
        if let Some(reset) = rate_limit.reset {
            self.span.record("ratelimit_reset", reset);
        }
    }

    /// The pacer held the call for `wait`.
    pub(crate) fn paced(&self, wait: Duration) {
        tracing::info!(
            parent: &self.span,
            wait_ms = millis(wait),
            reason = "pacing: the org's budget",
            "kustomer.pause"
        );
    }

    /// The policy's decision after a failed attempt: retry after `wait`, or stop.
    pub(crate) fn decided(&self, number: u32, outcome: &Outcome<'_>, wait: Option<Duration>) {
        let reason = Reason(outcome);
        match wait {
            Some(wait) => tracing::info!(
                parent: &self.span,
                attempt = number,
                reason = %reason,
                wait_ms = millis(wait),
                "kustomer.retry"
            ),
            None => tracing::debug!(
                parent: &self.span,
                attempt = number,
                reason = %reason,
                "kustomer.give_up"
            ),
        }
    }

    /// The call ended: with `status` on success, or with `error`, after waiting `waited` in all.
    pub(crate) fn finish(
        &self,
        status: Option<http::StatusCode>,
        error: Option<&Error>,
        waited: Duration,
    ) {
        let Some(started) = self.started else {
            return;
        };
        let span = &self.span;
        span.record("attempts", self.attempts.get());
        span.record("elapsed_ms", millis(started.elapsed()));
        span.record("waited_ms", millis(waited));
        if let Some(status) = status.or_else(|| error.and_then(Error::status)) {
            span.record("status", status.as_u16());
        }
        span.record("outcome", error.map_or("ok", label));
    }
}

/// Why an attempt failed, formatted only if a subscriber records it.
struct Reason<'a, 'b>(&'a Outcome<'b>);

impl std::fmt::Display for Reason<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Outcome::Status(status, _) if status.as_u16() == 429 => {
                f.write_str("rate limited (429)")
            }
            Outcome::Status(status, _) => write!(f, "status {}", status.as_u16()),
            Outcome::Transport(kind) => write!(f, "transport: {kind:?}"),
        }
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// What kind of failure, without its text (server text may hold personal data).
fn label(error: &Error) -> &'static str {
    match error {
        Error::InvalidInput(_) => "invalid_input",
        Error::NotFound(_) => "not_found",
        Error::Unauthorized(_) => "unauthorized",
        Error::Conflict(_) => "conflict",
        Error::RateLimited { .. } => "rate_limited",
        Error::Api(_) => "api_error",
        Error::Redirect { .. } => "redirect",
        Error::Decode(_) => "decode",
        Error::Transport(t) if t.is_timeout() => "timeout",
        Error::Transport(_) => "transport",
        Error::Pagination { .. } => "pagination",
        Error::JobUnfinished { .. } => "job_unfinished",
        Error::BadRecord(_) => "bad_record",
        Error::Throttled { .. } => "throttled",
        Error::Cancelled => "cancelled",
        Error::FlowEnded { .. } => "flow_ended",
        Error::RetriesExhausted { .. } => "retries_exhausted",
    }
}
