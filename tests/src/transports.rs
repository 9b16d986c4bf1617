//! Both real transports behind one type, so a test or benchmark can run the same code through each.

use http::{Request, Response};
use kustomer::{Client, ClientBuilder, Config, Transport, TransportError, TransportOptions};
use kustomer_isahc::IsahcTransport;
use kustomer_ureq::UreqTransport;

/// Any transport, boxed: a closure is a [`Transport`] through the core's blanket impl.
pub type DynTransport = Box<
    dyn Fn(Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> + Send + Sync + 'static,
>;

/// The ureq and the isahc transport with the same options, named.
///
/// # Errors
/// If libcurl cannot be initialised.
pub fn both_transports(
    options: TransportOptions,
) -> Result<Vec<(&'static str, DynTransport)>, TransportError> {
    let ureq = UreqTransport::with_options(options);
    let isahc = IsahcTransport::with_options(options)?;
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
    options: TransportOptions,
    setup: impl Fn(ClientBuilder<DynTransport>) -> ClientBuilder<DynTransport>,
) -> Result<Vec<(&'static str, Client<DynTransport>)>, TransportError> {
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
