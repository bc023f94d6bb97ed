//! A copy of everything Brug holds about a person and what they wrote (GDPR articles 15
//! and 20): as JSON for phone apps (`/api/v1/me/export`) and as a page to read and print.

mod json;
mod printable;
pub mod service;
mod storage;
mod types;

pub use json::JsonExport;
pub use printable::{PageFrame, PrintableExport};
pub use types::*;
