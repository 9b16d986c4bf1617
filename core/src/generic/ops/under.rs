//! `GET` and `DELETE {Parent::PATH}/{id}/{SEGMENT}/{child id}`: one record under another.

use std::borrow::Cow;
use std::marker::PhantomData;

use http::{Method, Request, Response};

use crate::generic::family::{
    DeletableUnder, Family, GettableUnder, OperationKind, child_collection,
};
use crate::generic::ops::helpers::parse_empty;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;

/// The path of record `child` under record `parent`.
fn child_path<P: Family, R: crate::generic::family::ChildOf<P>>(
    parent: &str,
    child: &str,
) -> Result<String, Error> {
    let parent = segment(P::ID, parent)?;
    let collection = child_collection::<P, R>(&R::Scope::default())?;
    let child = segment(R::ID, child)?;
    Ok(format!("{}/{parent}/{collection}/{child}", P::PATH))
}

macro_rules! under_op {
    ($(#[$doc:meta])* $name:ident, $bound:ident, $kind:ident, $method:ident, $output:ty, $parse:path) => {
        $(#[$doc])*
        pub struct $name<'a, P: Family, R: $bound<P>> {
            parent: Cow<'a, str>,
            id: Cow<'a, str>,
            family: PhantomData<fn() -> (P, R)>,
        }

        impl<'a, P: Family, R: $bound<P>> $name<'a, P, R> {
            /// Record `id` under record `parent`.
            pub fn new(parent: impl Into<Cow<'a, str>>, id: impl Into<Cow<'a, str>>) -> Self {
                Self {
                    parent: parent.into(),
                    id: id.into(),
                    family: PhantomData,
                }
            }
        }

        crate::generic::ops::helpers::operation_traits!($name<'a, P: Family, R: $bound<P>> { parent, id });

        impl<P: Family, R: $bound<P>> Operation for $name<'_, P, R> {
            type Output = $output;

            fn operation_id(&self) -> &'static str {
                R::operation_id(OperationKind::$kind(P::PATH))
            }

            fn resource_id(&self) -> Option<&str> {
                Some(&self.id)
            }

            fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
                let path = child_path::<P, R>(&self.parent, &self.id)?;
                config.request(Method::$method, &path, None)
            }

            fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<$output, Error> {
                $parse(response)
            }
        }
    };
}

under_op!(
    /// Get one record under a record of another family
    /// (`GET {Parent::PATH}/{id}/{SEGMENT}/{child id}`): a draft's attachment, a customer's
    /// event. Both IDs are encoded into their own segments.
    GetUnder,
    GettableUnder,
    GetUnder,
    GET,
    R,
    parse_one
);

under_op!(
    /// Delete one record under a record of another family
    /// (`DELETE {Parent::PATH}/{id}/{SEGMENT}/{child id}`; 204): a draft's attachment.
    DeleteUnder,
    DeletableUnder,
    DeleteUnder,
    DELETE,
    (),
    parse_empty
);
