use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::error::{AppError, ErrorCode};
use app::i18n::Lang;
use app::translations::{service, ItemKind, NewTranslation, Translation};
use axum::extract::Path;
use axum::Json;

fn language(code: &str) -> Result<Lang, AppError> {
    Lang::parse(code)
        .filter(|lang| lang.code() == code)
        .ok_or(AppError::new(ErrorCode::InvalidInput))
}

/// A worker of the case gives a milestone's texts in another language (`nl`, `fr`, `en`,
/// `ar`); it replaces that language's earlier translation. Readers of that language see it,
/// with the original one tap away.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/milestones/{milestone_id}/translations/{lang}", tag = "trajectory",
    security(("bearer" = [])),
    params(("case_id" = i64, Path), ("milestone_id" = i64, Path), ("lang" = String, Path)), request_body = NewTranslation,
    responses((status = 200, body = Translation), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "invalid_input: an unknown text, a text the original does not have, nothing to \
            keep, or the language it was written in")))]
pub async fn translate_milestone(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, milestone_id, lang)): Path<(i64, i64, String)>,
    ApiJson(body): ApiJson<NewTranslation>,
) -> Result<Json<Translation>, AppError> {
    let item = (ItemKind::Milestone, milestone_id);
    Ok(Json(
        service::translate(&state, &ctx, &viewer, case_id, item, language(&lang)?, body).await?,
    ))
}

/// A worker of the case gives a reunification step's texts (`custom_title`,
/// `conditions`) in another language. When the conditions change later, their
/// translations are dropped until someone translates them again.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/reunification/steps/{step_id}/translations/{lang}", tag = "reunification",
    security(("bearer" = [])),
    params(("case_id" = i64, Path), ("step_id" = i64, Path), ("lang" = String, Path)), request_body = NewTranslation,
    responses((status = 200, body = Translation), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "invalid_input")))]
pub async fn translate_step(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, step_id, lang)): Path<(i64, i64, String)>,
    ApiJson(body): ApiJson<NewTranslation>,
) -> Result<Json<Translation>, AppError> {
    let item = (ItemKind::ReunificationStep, step_id);
    Ok(Json(
        service::translate(&state, &ctx, &viewer, case_id, item, language(&lang)?, body).await?,
    ))
}
