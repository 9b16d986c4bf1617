//! One declaration per family: its [`Family`](crate::generic::family::Family) impl, its handle
//! and the client's accessor for it, and the type alias of each of its generic operations with
//! the operationIds Kustomer gives them. Each operationId is written once, beside its alias:
//! the macro puts it in the family's `OPERATION_IDS` (what traces and logs read) and at the end
//! of the alias's docs (what the coverage test reads).
//!
//! ```text
//! family! {
//!     impl Family for Tag { type Scope = (); const PATH: &'static str = "/tags"; ... }
//!
//!     handle {
//!         /// Tag operations through a Client.
//!         pub type Tags;
//!         /// Tag operations: get, list, ...
//!         pub fn tags;
//!     }
//!
//!     /// Get a tag by ID (`GET /v1/tags/{id}`).
//!     pub type GetTag<'a> = crate::generic::ops::Get<'a, Tag> { Get => "GetTag" };
//!     /// Update a conversation.
//!     pub type UpdateConversation<'a> = crate::generic::ops::Update<'a, Conversation> {
//!         Put => "UpdateConversation", Patch => "UpdateConversationAttributes"
//!     };
//! }
//! ```

/// Declares a family; see the module's docs.
macro_rules! family {
    (
        impl Family for $family:ty { $($item:tt)* }
        $(handle {
            $(#[$handle_meta:meta])*
            pub type $handle:ident;
            $(#[$accessor_meta:meta])*
            pub fn $accessor:ident;
        })?
        $(
            $(#[$meta:meta])*
            pub type $alias:ident $(<$($lt:lifetime),+>)? = $target:ty {
                $($kind:ident $(($($arg:tt)+))? => $id:literal),* $(,)?
            };
        )*
    ) => {
        impl $crate::generic::family::Family for $family {
            $($item)*
            const OPERATION_IDS: &'static [($crate::generic::family::OperationKind, &'static str)] = &[
                $($(($crate::generic::declare::family!(@kind $kind $(($($arg)+))?), $id),)*)*
            ];
        }
        $(
            $(#[$handle_meta])*
            pub type $handle<'c, T> = $crate::generic::handle::Handle<'c, T, $family>;

            impl<T> $crate::generic::client::Client<T> {
                $(#[$accessor_meta])*
                pub fn $accessor(&self) -> $handle<'_, T> {
                    $crate::generic::handle::Handle::new(self)
                }
            }
        )?
        $(
            $crate::generic::declare::family! {
                @alias [$(#[$meta])*] [$($kind $(($($arg)+))? => $id),*]
                $alias [$(<$($lt),+>)?] $target
            }
        )*
    };

    (@kind $kind:ident($alias:literal)) => {
        $crate::generic::family::OperationKind::$kind($alias)
    };
    (@kind $kind:ident($parent:ty)) => {
        $crate::generic::family::OperationKind::$kind(
            <$parent as $crate::generic::family::Family>::PATH,
        )
    };
    (@kind $kind:ident) => {
        $crate::generic::family::OperationKind::$kind
    };

    // The docs end with the operationIds, each with what it names when there are several.
    (@alias [$($meta:tt)*] [] $alias:ident [$($generics:tt)*] $target:ty) => {
        $($meta)*
        pub type $alias $($generics)* = $target;
    };
    (@alias [$($meta:tt)*] [$kind:ident $(($($arg:tt)+))? => $id:literal]
        $alias:ident [$($generics:tt)*] $target:ty) => {
        $($meta)*
        #[doc = ""]
        #[doc = concat!("Kustomer's operationId: `", $id, "`.")]
        pub type $alias $($generics)* = $target;
    };
    (@alias [$($meta:tt)*]
        [$kind0:ident $(($($arg0:tt)+))? => $id0:literal $(, $kind:ident $(($($arg:tt)+))? => $id:literal)+]
        $alias:ident [$($generics:tt)*] $target:ty) => {
        $($meta)*
        #[doc = ""]
        #[doc = concat!(
            "Kustomer's operationIds: `", $id0, "` (", $crate::generic::declare::family!(@label $kind0 $(($($arg0)+))?), ")",
            $(", `", $id, "` (", $crate::generic::declare::family!(@label $kind $(($($arg)+))?), ")",)+
            "."
        )]
        pub type $alias $($generics)* = $target;
    };
    (@label Get) => { "by ID" };
    (@label GetAlias($alias:literal)) => { concat!("`", $alias, "`") };
    (@label PutAlias($alias:literal)) => { concat!("PUT `", $alias, "`") };
    (@label DeleteAlias($alias:literal)) => { concat!("DELETE `", $alias, "`") };
    (@label Put) => { "PUT" };
    (@label Patch) => { "PATCH" };
    (@label BulkCreate) => { "create" };
    (@label BulkUpdate) => { "update" };
    (@label BulkDelete) => { "delete" };
    (@label $kind:ident $($arg:tt)*) => { stringify!($kind) };
}

pub(crate) use family;
