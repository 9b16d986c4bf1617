//! Both real transports behind one type, so a test or benchmark can run the same code through each.

use std::time::Duration;

use http::{Request, Response};
use kustomer::{Client, ClientBuilder, Config, Transport, TransportError};
use kustomer_isahc::IsahcTransport;
use kustomer_ureq::UreqTransport;

/// Any transport, boxed: a closure is a [`Transport`] through the core's blanket impl.
pub type DynTransport = Box<
    dyn Fn(Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> + Send + Sync + 'static,
>;

/// Timeouts and body cap for [`both_transports`].
#[derive(Debug, Clone, Copy)]
pub struct TransportSettings {
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Overall timeout.
    pub timeout: Duration,
    /// Body cap in bytes.
    pub max_body_size: u64,
}

impl Default for TransportSettings {
    fn default() -> Self {
        Self {
            connect_timeout: kustomer_ureq::DEFAULT_CONNECT_TIMEOUT,
            timeout: Duration::from_secs(20),
            max_body_size: kustomer_ureq::DEFAULT_MAX_BODY_SIZE,
        }
    }
}

/// The ureq and the isahc transport with the same settings, named.
///
/// # Errors
/// If libcurl cannot be initialised.
pub fn both_transports(
    settings: TransportSettings,
) -> Result<Vec<(&'static str, DynTransport)>, TransportError> {
    let ureq = UreqTransport::builder()
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .max_body_size(settings.max_body_size)
        .build();
    let isahc = IsahcTransport::builder()
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .max_body_size(settings.max_body_size)
        .build()?;
    Ok(vec![
        ("ureq", Box::new(move |r| ureq.send(r)) as DynTransport),
        ("isahc", Box::new(move |r| isahc.send(r)) as DynTransport),
    ])
}

/// A client over each transport, from `config`, each set up by `setup` (retry policy, clock...).
///
/// # Errors
/// If libcurl cannot be initialised.
pub fn clients_with(
    config: &Config,
    settings: TransportSettings,
    setup: impl Fn(ClientBuilder<DynTransport>) -> ClientBuilder<DynTransport>,
) -> Result<Vec<(&'static str, Client<DynTransport>)>, TransportError> {
    Ok(both_transports(settings)?
        .into_iter()
        .map(|(name, transport)| {
            (
                name,
                setup(Client::builder(config.clone(), transport)).build(),
            )
        })
        .collect())
}
