//! A failure of the transport, by kind.

use std::error::Error as StdError;
use std::fmt;

/// What kind of transport failure happened, so a caller (or a retry policy) can tell a timeout
/// from a refused connection without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made (refused, DNS, TLS handshake).
    Connect,
    /// The connect or overall timeout passed.
    Timeout,
    /// The response body was larger than the transport's cap.
    BodyTooLarge,
    /// The connection broke while sending or receiving.
    Io,
    /// Anything else.
    Other,
}

/// A failure of the transport: its kind and the transport's own error inside
/// ([`std::error::Error::source`] gives it back, ready to downcast).
///
/// Transports classify their errors with the constructors; a transport that returns any other
/// error type (a closure returning `std::io::Error`, say) gets [`TransportErrorKind::Other`], or the
/// kind read from an `std::io::Error`.
///
/// ```
/// use kustomer::{TransportError, TransportErrorKind};
///
/// let io = std::io::Error::new(std::io::ErrorKind::TimedOut, "slow");
/// let err = TransportError::new(TransportErrorKind::Timeout, io);
/// assert!(err.is_timeout());
/// assert_eq!(err.to_string(), "timed out: slow");
/// ```
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    source: Box<dyn StdError + Send + Sync + 'static>,
}

impl TransportError {
    /// Wraps a transport's error with its kind.
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn StdError + Send + Sync + 'static>>,
    ) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// The body was larger than `limit` bytes.
    pub fn body_too_large(limit: u64) -> Self {
        Self::new(
            TransportErrorKind::BodyTooLarge,
            format!("response body exceeds the limit of {limit} bytes"),
        )
    }

    /// Turns any transport's error into a `TransportError`, keeping the kind of one that already
    /// is one (or of an `std::io::Error`).
    pub fn from_any<E: StdError + Send + Sync + 'static>(err: E) -> Self {
        let boxed: Box<dyn StdError + Send + Sync + 'static> = Box::new(err);
        let boxed = match boxed.downcast::<TransportError>() {
            Ok(t) => return *t,
            Err(other) => other,
        };
        match boxed.downcast::<std::io::Error>() {
            Ok(io) => Self::from_io(*io),
            Err(other) => Self {
                kind: TransportErrorKind::Other,
                source: other,
            },
        }
    }

    /// Classifies an `std::io::Error` by its kind.
    pub fn from_io(err: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let kind = match err.kind() {
            K::TimedOut | K::WouldBlock => TransportErrorKind::Timeout,
            K::ConnectionRefused | K::AddrNotAvailable | K::NotFound => TransportErrorKind::Connect,
            _ => TransportErrorKind::Io,
        };
        Self::new(kind, err)
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether this was a timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::BodyTooLarge => "response too large",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Other => "transport error",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}
