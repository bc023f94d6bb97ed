use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::contacts::{service, Contact, ContactChange, Contacts, NewContact};
use app::error::AppError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
/// Everyone involved in the case: organisation, role, why, what they decide, how and
/// when to reach them. Family members need the `circle` share.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/contacts", tag = "contacts", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage),
    responses((status = 200, body = Contacts), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn list_contacts(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Contacts>, AppError> {
    Ok(Json(service::contacts(&state, &ctx, &viewer, case_id, &page).await?))
}

/// A worker of the case adds a contact point.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/contacts", tag = "contacts", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewContact,
    responses((status = 201, body = Contact), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn create_contact(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewContact>,
) -> Result<(StatusCode, Json<Contact>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::add(&state, &ctx, &viewer, case_id, body).await?),
    ))
}

/// A worker of the case changes a contact point; fields left out stay as they are.
#[utoipa::path(patch, path = "/api/v1/cases/{case_id}/contacts/{contact_id}", tag = "contacts", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("contact_id" = i64, Path)), request_body = ContactChange,
    responses((status = 200, body = Contact), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn update_contact(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, contact_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ContactChange>,
) -> Result<Json<Contact>, AppError> {
    Ok(Json(
        service::change(&state, &ctx, &viewer, case_id, contact_id, body).await?,
    ))
}
