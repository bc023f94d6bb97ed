//! Being forgotten (GDPR article 17). A person asks for their account to be erased; a
//! coordinator confirms, or explains which legal duty keeps the data. On confirmation the
//! account closes at once. After the retention period of each kind of data (set in
//! configuration), the person's name and account data, and later what they wrote, are
//! replaced by a neutral placeholder. The audit trail keeps every row: its actor is then a
//! pseudonym, an account without a name.

mod page;

pub use page::{ErasureChoice, ErasureRequestsPage};

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What takes the place of an erased name or text.
pub const ERASED: &str = "—";

plain_enum!(ErasureStatus {
    Asked => "asked", ErasureAsked;
    Confirmed => "confirmed", ErasureConfirmed;
    Declined => "declined", ErasureDeclined;
    Done => "done", ErasureDone;
});

/// How long each kind of a person's data is kept after their erasure is confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// Name, sign-in, preferences, devices, second factor.
    pub account_days: i64,
    /// What they wrote: messages, answers to steps and plans, comments, conference input.
    pub writings_days: i64,
}

impl Default for RetentionPolicy {
    /// A month for each: time to take back a request made by mistake, and for the
    /// organisation to note what the law asks it to keep elsewhere.
    fn default() -> Self {
        RetentionPolicy {
            account_days: 30,
            writings_days: 30,
        }
    }
}

/// The person's reason, if they want to give one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewErasureRequest {
    #[serde(default)]
    pub reason: String,
}

/// A coordinator's no: which legal duty keeps the data, in words the person reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ErasureDecline {
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ErasureRequest {
    pub id: i64,
    pub user_id: i64,
    /// The person, by name (until the name itself is erased).
    pub display_name: String,
    /// `participant`, `family`, `worker` or `coordinator`.
    pub account_role: String,
    pub reason: String,
    pub requested_at: i64,
    pub status: ErasureStatus,
    pub answered_at: Option<i64>,
    /// For a no: the legal duty that keeps the data.
    pub explanation: String,
    /// When the name and account data are (or were) erased.
    pub erase_account_at: Option<i64>,
    /// When what the person wrote is (or was) replaced.
    pub erase_writings_at: Option<i64>,
}

/// The requests that wait for a coordinator, oldest first.
#[server(prefix = "/s", endpoint = "erasure_requests")]
pub async fn load_erasure_requests() -> Result<Vec<ErasureRequest>, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::waiting(&state, &viewer).await
}
