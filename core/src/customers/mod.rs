//! Customer operations.
//!
//! Each operation is a plain value implementing [`Operation`](crate::Operation); the
//! [`Customers`] handle from [`Client::customers`](crate::Client::customers) runs them.

mod facade;
mod get;

pub use facade::Customers;
pub use get::GetCustomer;
