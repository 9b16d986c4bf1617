//! Shortcut operations: the saved replies agents insert, and their categories. Not in
//! Kustomer's spec: paths and shapes from its API reference. Shortcuts are made in the app;
//! the API reads and deletes them.
//!
//! Roles: reads need only `org.user.shortcut.read` / `org.permission.shortcut.read`; a delete
//! `org.user.shortcut.write` / `org.permission.shortcut.delete`.

use crate::families::models::{Shortcut, ShortcutCategory};
use crate::generic::family::{Deletable, Gettable, Listable};

crate::generic::declare::family! {
    impl Family for Shortcut {
        type Scope = ();
        const PATH: &'static str = "/shortcuts";
        const NAME: &'static str = "shortcut";
        const ID: &'static str = "shortcut id";
    }

    handle {
        /// Shortcut operations through a [`Client`](crate::Client); from
        /// [`Client::shortcuts`](crate::Client::shortcuts).
        pub type Shortcuts;
        /// Shortcut operations: get, list, delete, and [`categories`](crate::Handle::categories).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::shortcuts::ListShortcuts;
        ///
        /// for shortcut in client.shortcuts().list(ListShortcuts::new()) {
        ///     let shortcut = shortcut?;
        ///     println!("{:?}: {:?}", shortcut.attributes.name, shortcut.text());
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn shortcuts;
    }

    /// Get a shortcut by ID (`GET /v1/shortcuts/{id}`).
    ///
    /// Roles: `org.user.shortcut.read` or `org.permission.shortcut.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, shortcuts::GetShortcut};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetShortcut::new("5e0f779ed95b430019b57716").build(&config)?.uri().path(), "/v1/shortcuts/5e0f779ed95b430019b57716");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetShortcut<'a> = crate::generic::ops::Get<'a, Shortcut> { Get => "GetShortcut" };

    /// List the org's shortcuts (`GET /v1/shortcuts`), one page at a time.
    ///
    /// Roles: `org.user.shortcut.read` or `org.permission.shortcut.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, shortcuts::ListShortcuts};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListShortcuts::new().build(&config)?.uri().path(), "/v1/shortcuts");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListShortcuts = crate::generic::ops::List<Shortcut> { List => "GetShortcuts" };

    /// Delete a shortcut (`DELETE /v1/shortcuts/{id}`; 204).
    ///
    /// Roles: `org.user.shortcut.write` or `org.permission.shortcut.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, shortcuts::DeleteShortcut};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteShortcut::new("5e0f779ed95b430019b57716").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteShortcut<'a> = crate::generic::ops::Delete<'a, Shortcut> {
        Delete => "DeleteShortcut"
    };
}
impl Gettable for Shortcut {}
impl Listable for Shortcut {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Deletable for Shortcut {}

crate::generic::declare::family! {
    impl Family for ShortcutCategory {
        type Scope = ();
        const PATH: &'static str = "/shortcuts/categories";
        const NAME: &'static str = "shortcut category";
        const ID: &'static str = "shortcut category id";
    }

    /// List the shortcut categories (`GET /v1/shortcuts/categories`).
    ///
    /// Roles: `org.user.shortcut.read` or `org.permission.shortcut.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, shortcuts::ListShortcutCategories};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListShortcutCategories::new().build(&config)?.uri().path(), "/v1/shortcuts/categories");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListShortcutCategories = crate::generic::ops::List<ShortcutCategory> {
        List => "GetShortcutCategories"
    };
}
impl Listable for ShortcutCategory {
    const MAX_PAGE_SIZE: u32 = 100;
}

impl<'c, T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'c, T, Shortcut> {
    /// Every shortcut category; see [`ListShortcutCategories`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let names: Vec<_> = client.shortcuts().categories().filter_map(|c| c.ok()?.attributes.name).collect();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn categories(
        &self,
    ) -> crate::generic::paginated::Paginated<'c, T, ListShortcutCategories> {
        crate::generic::paginated::Paginated::new(self.client(), ListShortcutCategories::new())
    }
}
