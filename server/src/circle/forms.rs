//! The circle's page forms: leaving a circle, or taking a family member out of it.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::{Ctx, RequestState};
use app::circle::leaving;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;

/// A button beside a family member (for the participant and the case's workers) or
/// beside yourself. Back to the home page, which says it was done.
pub async fn end_membership(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, user_id)): Path<(i64, i64)>,
) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => leaving::end_membership(&state, &ctx, &viewer, case_id, user_id, None).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => answer(&headers, Ok("/?saved")),
        Err(error) => answer(&headers, Err((error, &format!("/#circle-{case_id}")))),
    }
}
