//! What the generic operations share: empty responses, and the trait impls, setters and
//! custom-attribute setters every operation or input type gets.

use http::Response;

use crate::protocol::error::Error;
use crate::protocol::response::error_for_status;

/// A success with nothing to read (204 on delete).
pub(crate) fn parse_empty<B: AsRef<[u8]>>(response: Response<B>) -> Result<(), Error> {
    error_for_status(&response).map_or(Ok(()), Err)
}

/// `Clone`, `PartialEq` and `Debug` for a generic operation, whatever its
/// family type, which it only names: derives would ask the model to be `Clone` and `Eq` too.
macro_rules! operation_traits {
    ($name:ident <$($lt:lifetime,)? $($param:ident $(: $bound:path)?),+> { $($field:ident),* }) => {
        impl<$($lt,)? $($param $(: $bound)?),+> Clone for $name<$($lt,)? $($param),+> {
            fn clone(&self) -> Self {
                Self { $($field: self.$field.clone(),)* family: std::marker::PhantomData }
            }
        }
        impl<$($lt,)? $($param $(: $bound)?),+> PartialEq for $name<$($lt,)? $($param),+> {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$field == other.$field)*
            }
        }
        impl<$($lt,)? $($param $(: $bound)?),+> std::fmt::Debug for $name<$($lt,)? $($param),+> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &self.$field))*
                    .finish()
            }
        }
    };
}

pub(crate) use operation_traits;

/// `From<&T>` and `From<T>` for `Cow<T>`, so that an operation takes an input borrowed or owned.
macro_rules! input_cow {
    ($($input:ty),+) => {$(
        impl<'a> From<&'a $input> for std::borrow::Cow<'a, $input> {
            fn from(input: &'a $input) -> Self {
                std::borrow::Cow::Borrowed(input)
            }
        }
        impl From<$input> for std::borrow::Cow<'_, $input> {
            fn from(input: $input) -> Self {
                std::borrow::Cow::Owned(input)
            }
        }
    )+};
}

pub(crate) use input_cow;

/// A setter for each named field of an input, so that `#[non_exhaustive]` inputs are still
/// built field by field: `opt` fields (`Option<T>`) take anything that converts into `T`, `set`
/// fields anything that converts into their type, and `num` and `val` fields (a number or a
/// flag, optional or not) the value itself, so that a literal needs no suffix.
macro_rules! setters {
    ($ty:ident { $( $(#[$doc:meta])* $field:ident : $kind:ident $inner:ty ),* $(,)? }) => {
        impl $ty {
            $( $crate::generic::ops::helpers::setters!(@one $(#[$doc])* $field $kind $inner); )*
        }
    };
    (@one $(#[$doc:meta])* $field:ident opt $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, value: impl Into<$inner>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@one $(#[$doc:meta])* $field:ident num $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, value: $inner) -> Self {
            self.$field = Some(value);
            self
        }
    };
    (@one $(#[$doc:meta])* $field:ident val $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, value: $inner) -> Self {
            self.$field = value;
            self
        }
    };
    (@one $(#[$doc:meta])* $field:ident at $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, at: impl $crate::protocol::date_time::IntoTimestamp) -> Self {
            self.$field = Some(at.into_timestamp());
            self
        }
    };
    (@one $(#[$doc:meta])* $field:ident list $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field<'l>(mut self, values: impl Into<$crate::protocol::str_list::StrList<'l>>) -> Self {
            self.$field = Some(values.into().into_cow().into_owned());
            self
        }
    };
    (@one $(#[$doc:meta])* $field:ident set $inner:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, value: impl Into<$inner>) -> Self {
            self.$field = value.into();
            self
        }
    };
}

pub(crate) use setters;

/// The typed setters of custom attributes, for every input with a `custom` map: one definition
/// for customers, companies, conversations, messages, custom objects and tracked visitors.
macro_rules! custom_setters {
    ($($ty:ident),+ $(,)?) => {$(
        impl $ty {
            /// Sets a text custom attribute (name ending in `Str`, `Txt` or `Url`).
            #[must_use]
            pub fn custom_str(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.custom.insert(name.into(), serde_json::Value::String(value.into()));
                self
            }

            /// Sets a number custom attribute (name ending in `Num`). NaN and infinities have
            /// no JSON form: validation refuses them rather than send `null`, which would clear
            /// the attribute.
            #[must_use]
            pub fn custom_num(mut self, name: impl Into<String>, value: f64) -> Self {
                self.custom.insert(
                    name.into(),
                    $crate::protocol::validation::custom_number(value),
                );
                self
            }

            /// Sets a boolean custom attribute (name ending in `Bool`).
            #[must_use]
            pub fn custom_bool(mut self, name: impl Into<String>, value: bool) -> Self {
                self.custom.insert(name.into(), serde_json::Value::Bool(value));
                self
            }

            /// Sets a date-time custom attribute (name ending in `At`), sent as RFC 3339 in UTC
            /// to the millisecond.
            #[must_use]
            pub fn custom_at(
                mut self,
                name: impl Into<String>,
                at: impl $crate::protocol::date_time::IntoTimestamp,
            ) -> Self {
                let at = $crate::protocol::date_time::wire(at.into_timestamp());
                self.custom.insert(name.into(), serde_json::Value::String(at));
                self
            }
        }
    )+};
}

pub(crate) use custom_setters;

/// The `Operation` methods of an enum whose every variant holds an operation with the same
/// output (an upsert's requests, a customer's lookups): each one passes to the variant's.
/// Written inside the enum's `impl Operation`, after its `type Output`.
macro_rules! delegate_operation {
    ($($variant:path),+ $(,)?) => {
        fn build(
            &self,
            config: &$crate::protocol::config::Config,
        ) -> Result<http::Request<Vec<u8>>, $crate::protocol::error::Error> {
            match self {
                $($variant(op) => op.build(config),)+
            }
        }

        fn parse<B: AsRef<[u8]>>(
            &self,
            response: http::Response<B>,
        ) -> Result<Self::Output, $crate::protocol::error::Error> {
            match self {
                $($variant(op) => op.parse(response),)+
            }
        }

        fn operation_id(&self) -> &'static str {
            match self {
                $($variant(op) => op.operation_id(),)+
            }
        }

        fn resource_id(&self) -> Option<&str> {
            match self {
                $($variant(op) => op.resource_id(),)+
            }
        }
    };
}

pub(crate) use delegate_operation;
