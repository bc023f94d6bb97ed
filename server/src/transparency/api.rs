use crate::http::RequestState;
use crate::http::{ApiQuery, ApiViewer, Ctx};
use app::error::AppError;
use app::transparency::{service, AccessLog};
use axum::extract::Path;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// The `next_cursor` of the previous page.
    before: Option<i64>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

/// Every read and change of the case's data, newest first. For the participant and the
/// case's workers; reading it is recorded too.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/access-log", tag = "transparency", security(("bearer" = [])),
    params(("case_id" = i64, Path), Page),
    responses((status = 200, body = AccessLog), (status = 403, description = "not_permitted"), (status = 404)))]
pub async fn access_log(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<Json<AccessLog>, AppError> {
    let limit = page.limit.unwrap_or(service::PAGE_SIZE);
    Ok(Json(
        service::access_log(&state, &ctx, &viewer, case_id, page.before, limit).await?,
    ))
}
