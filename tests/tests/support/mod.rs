//! Helpers shared by the integration tests; each test binary uses part of them.
#![allow(dead_code)]

pub mod conformance;
pub mod exported;
pub mod spec_check;
