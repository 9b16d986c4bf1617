//! Where the examples send their requests.

use kustomer::Config;

use crate::FakeKustomer;

/// Your org when `KUSTOMER_API_KEY` is set (read by [`Config::from_env`]), else a fake server
/// started here and given to `seed` first. Keep the returned server alive while the
/// configuration is in use: dropping it stops the server.
///
/// # Errors
/// An invalid environment, or a fake server that cannot start.
///
/// ```
/// if std::env::var_os("KUSTOMER_API_KEY").is_none() {
///     let (config, fake) = kustomer_fake::env_or_fake(|_| {})?;
///     assert_eq!(config.base_url().as_str(), fake.unwrap().base_url());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn env_or_fake(
    seed: impl FnOnce(&FakeKustomer),
) -> Result<(Config, Option<FakeKustomer>), Box<dyn std::error::Error>> {
    if std::env::var_os("KUSTOMER_API_KEY").is_some() {
        return Ok((Config::from_env()?, None));
    }
    let fake = FakeKustomer::start()?;
    seed(&fake);
    Ok((fake.config(), Some(fake)))
}
