//! Messages between the people of a case and their workers: one conversation per pair by
//! default (what you tell one worker is not for another), group conversations the
//! participant starts, idempotent sending and read receipts one can switch off.

mod types;

pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;
