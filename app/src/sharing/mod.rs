//! Consent and sharing: the participant decides, per family member and per category,
//! what that person sees, and can take it back at once. A worker may limit a family
//! member's view of reunification for a child's safety, with a reason the participant reads.

mod page;
mod types;

pub use page::SharingPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingView {
    pub sharing: Sharing,
    /// The participant may change shares; a worker may set limits.
    pub may_share: bool,
    pub may_restrict: bool,
}

#[server(prefix = "/s", endpoint = "sharing")]
pub async fn load_sharing(case_id: i64) -> Result<SharingView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let (sharing, kind) = service::sharing(
        &state,
        &ctx,
        &viewer,
        case_id,
        &crate::pagination::PageRequest::everything(),
    )
    .await?;
    Ok(SharingView {
        sharing,
        may_share: kind == crate::circle::MemberKind::Participant,
        may_restrict: kind == crate::circle::MemberKind::Worker,
    })
}
