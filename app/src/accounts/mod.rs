//! Accounts: who someone is, how they sign in, on which devices, and how they join
//! with a one-time code instead of an email address.

mod code_page;
mod devices_page;
mod join_page;
mod reset_note;
mod server_fns;
mod signin_page;
mod types;

pub use code_page::{CodePage, SHOWN_CODE_COOKIE};
pub use devices_page::{format_time, DevicesPage};
pub use join_page::JoinPage;
#[cfg(feature = "ssr")]
pub use reset_note::encode_reset_note;
pub use reset_note::{PasswordResetNotice, PASSWORD_RESET_COOKIE};
pub use server_fns::*;
pub use signin_page::SignInPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod browser_name;
#[cfg(feature = "ssr")]
pub mod codes;
#[cfg(feature = "ssr")]
pub mod first_coordinator;
#[cfg(feature = "ssr")]
pub mod passwords;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;
#[cfg(feature = "ssr")]
pub(crate) mod throttle;
