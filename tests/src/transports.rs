//! Both real transports behind one type, so a test or benchmark can run the same code through each.

use kustomer::{BoxTransport, Client, ClientBuilder, Config, TransportError, TransportOptions};
use kustomer_isahc::IsahcTransport;
use kustomer_ureq::UreqTransport;

/// Any transport, boxed.
#[deprecated(
    since = "0.1.0",
    note = "use kustomer::BoxTransport, the client's default transport"
)]
pub type DynTransport = BoxTransport;

/// The ureq and the isahc transport with the same options, named.
///
/// # Errors
/// If libcurl cannot be initialised.
pub fn both_transports(
    options: TransportOptions,
) -> Result<Vec<(&'static str, BoxTransport)>, TransportError> {
    let ureq = UreqTransport::with_options(options);
    let isahc = IsahcTransport::with_options(options)?;
    Ok(vec![
        ("ureq", BoxTransport::new(ureq)),
        ("isahc", BoxTransport::new(isahc)),
    ])
}

/// A client over each transport, from `config`, each set up by `setup` (retry policy, clock...).
///
/// # Errors
/// If libcurl cannot be initialised.
pub fn clients_with(
    config: &Config,
    options: TransportOptions,
    setup: impl Fn(ClientBuilder) -> ClientBuilder,
) -> Result<Vec<(&'static str, Client)>, TransportError> {
    Ok(both_transports(options)?
        .into_iter()
        .map(|(name, transport)| {
            (
                name,
                setup(Client::builder(config.clone(), transport)).build(),
            )
        })
        .collect())
}
