//! The participant shapes her circle: she asks for someone to be invited (a family member
//! or a trusted person) or for a worker to be replaced, and says why; a worker of the case
//! answers. Requests and answers are kept, and she reads every answer.

mod page;

pub use page::CircleRequestsPage;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

plain_enum!(RequestKind {
    Invite => "invite", RequestInvite;
    ReplaceWorker => "replace_worker", RequestReplaceWorker;
});

plain_enum!(RequestStatus {
    Open => "open", RequestOpen;
    Accepted => "accepted", RequestAccepted;
    Declined => "declined", RequestDeclined;
});

/// What the participant asks: for `invite`, whom (`about`, in her words: "my aunt
/// Fatima"); for `replace_worker`, which worker (`worker_user_id`). Always why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCircleRequest {
    pub kind: RequestKind,
    #[serde(default)]
    pub about: String,
    pub worker_user_id: Option<i64>,
    pub reason: String,
}

/// A worker's answer. Saying no needs a reason she can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CircleRequestAnswer {
    pub accept: bool,
    #[serde(default)]
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CircleRequest {
    pub id: i64,
    pub kind: RequestKind,
    /// Whom it is about: the person to invite, or the worker to replace (by name).
    pub about: String,
    pub reason: String,
    pub requested_at: i64,
    pub status: RequestStatus,
    pub answer: Option<String>,
    /// The worker who answered, by name.
    pub answered_by: Option<String>,
    pub answered_at: Option<i64>,
}

/// The page: the case's requests, newest first, and what the viewer may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircleRequestsView {
    pub case_id: i64,
    pub participant_name: String,
    pub requests: Vec<CircleRequest>,
    /// The participant asks; workers answer.
    pub yours: bool,
    /// The case's workers, for "replace a worker": (user id, name).
    pub workers: Vec<(i64, String)>,
}

#[server(prefix = "/s", endpoint = "circle_requests")]
pub async fn load_circle_requests(case_id: i64) -> Result<CircleRequestsView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::view(&state, &ctx, &viewer, case_id).await
}
