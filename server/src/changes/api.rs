use crate::http::RequestState;
use crate::http::{ApiQuery, ApiViewer, Ctx};
use app::changes::{service, Changes};
use app::error::AppError;
use axum::extract::Path;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Since {
    /// The `cursor` of the previous answer; 0 or absent for everything.
    since: Option<i64>,
    /// At most 100, which is also the default.
    limit: Option<i64>,
}

/// What changed in the case after `since`, oldest first, limited to the categories the
/// viewer may see now. A phone fetches the lists of the categories named again.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/changes", tag = "sync", security(("bearer" = [])),
    params(("case_id" = i64, Path), Since),
    responses((status = 200, body = Changes), (status = 404)))]
pub async fn changes_since(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiQuery(query): ApiQuery<Since>,
) -> Result<Json<Changes>, AppError> {
    let since = query.since.unwrap_or(0);
    let limit = query.limit.unwrap_or(service::PAGE_SIZE);
    Ok(Json(
        service::changes_since(&state, &ctx, &viewer, case_id, since, limit).await?,
    ))
}
