//! The fake server's response bodies: whole, streamed without a declared length, or cut off.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};

/// Bytes of filler for streamed bodies, shared by every chunk.
static FILLER: [u8; 64 * 1024] = [b'a'; 64 * 1024];

/// A response body.
#[derive(Debug)]
pub(crate) enum FakeBody {
    /// The whole body, its length declared.
    Whole(Option<Bytes>),
    /// A JSON string of `left` more bytes, streamed in chunks; `declared` says whether its length
    /// was declared up front (otherwise it goes chunked).
    Filler {
        left: usize,
        declared: Option<u64>,
        started: bool,
    },
    /// These bytes, a pause (so that they leave the server), then an error: the server drops the
    /// connection in the middle of the body.
    Cut {
        head: Option<Bytes>,
        pause: Option<Pin<Box<tokio::time::Sleep>>>,
    },
}

impl FakeBody {
    pub(crate) fn cut(head: impl Into<Bytes>) -> Self {
        FakeBody::Cut {
            head: Some(head.into()),
            pause: None,
        }
    }

    pub(crate) fn whole(bytes: impl Into<Bytes>) -> Self {
        FakeBody::Whole(Some(bytes.into()))
    }

    /// A JSON string body (`"aaa…"`) of exactly `len` bytes.
    pub(crate) fn filler(len: usize, declare_length: bool) -> Self {
        FakeBody::Filler {
            left: len,
            declared: declare_length.then_some(len as u64),
            started: false,
        }
    }
}

impl Body for FakeBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        Poll::Ready(match this {
            FakeBody::Whole(bytes) => bytes.take().map(|b| Ok(Frame::data(b))),
            FakeBody::Cut { head, pause } => {
                if let Some(b) = head.take() {
                    return Poll::Ready(Some(Ok(Frame::data(b))));
                }
                // Without the pause hyper could drop the connection before writing anything,
                // and a client would take that for a stale kept-alive connection and resend.
                let pause = pause
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(Duration::from_millis(50))));
                if pause.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                Some(Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "the fake server cuts this response short",
                )))
            }
            FakeBody::Filler { left, started, .. } => {
                if *left == 0 {
                    None
                } else {
                    // Opening quote, filler, closing quote: valid JSON of the exact length.
                    let chunk = if !*started {
                        *started = true;
                        Bytes::from_static(b"\"")
                    } else if *left == 1 {
                        Bytes::from_static(b"\"")
                    } else {
                        let n = (*left - 1).min(FILLER.len());
                        Bytes::from_static(FILLER.get(..n).unwrap_or(&FILLER))
                    };
                    *left -= chunk.len();
                    Some(Ok(Frame::data(chunk)))
                }
            }
        })
    }

    fn is_end_stream(&self) -> bool {
        match self {
            FakeBody::Whole(bytes) => bytes.is_none(),
            FakeBody::Filler { left, .. } => *left == 0,
            FakeBody::Cut { .. } => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            FakeBody::Whole(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            FakeBody::Whole(None) => SizeHint::with_exact(0),
            FakeBody::Filler {
                declared: Some(len),
                ..
            } => SizeHint::with_exact(*len),
            _ => SizeHint::default(),
        }
    }
}
