//! Co-decided plans: a worker drafts, the participant and the family members she shares
//! plans with comment and propose changes item by item, and everyone who must agree says
//! agree or disagree per item, with a reason, then signs. Every version and every
//! signature stays on record.

mod types;

pub use types::*;

#[cfg(feature = "ssr")]
pub mod agreement;
#[cfg(feature = "ssr")]
pub mod compare;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;
#[cfg(feature = "ssr")]
pub mod talk;
