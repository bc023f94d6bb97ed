use super::{file_name, place, streamed};
use crate::http::RequestState;
use crate::http::{ApiViewer, Ctx};
use app::error::AppError;
use app::export::{service, JsonExport, PersonalExport};
use axum::response::Response;

/// Everything Brug holds about the signed-in person and what they wrote (GDPR articles 15
/// and 20), streamed as it is read. For a participant it holds their whole case and its
/// access log; for a family member what is shared with them and their own conversations;
/// for staff their own account and the messages they wrote. Every copy is recorded in the
/// access log of each case it comes from. Staff give their second factor again first.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = PersonalExport), (status = 401, description = "unauthenticated"),
        (status = 403, description = "step_up_required"), (status = 503, description = "service_unavailable: too many copies are being written; try again")))]
pub async fn export_my_data(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
) -> Result<Response, AppError> {
    let place = place()?;
    let export = service::open(&state, &ctx, &viewer).await?;
    let disposition = file_name(&export);
    Ok(streamed(
        export,
        JsonExport::default(),
        place,
        "application/json",
        Some(disposition),
    ))
}
