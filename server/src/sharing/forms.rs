//! The sharing page's forms: the participant's choices and a worker's limits.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::Ctx;
use crate::http::RequestState;
use app::error::{AppError, ErrorCode};
use app::sharing::{service, Category};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::collections::HashMap;

/// One checkbox per category, named `share_{category}`: a ticked box is present, an
/// unticked one absent. Read for every category there is, so a new category on the page
/// can never be ticked without effect.
fn ticked_categories(form: &HashMap<String, String>) -> Vec<Category> {
    Category::ALL
        .iter()
        .copied()
        .filter(|category| form.contains_key(&format!("share_{}", category.as_str())))
        .collect()
}

pub async fn share(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, member_id)): Path<(i64, i64)>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/sharing");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::set_shares(&state, &ctx, &viewer, case_id, member_id, &ticked_categories(&form)).await
    }
    .await;
    match result {
        Ok(_) => answer(&headers, Ok(&page)),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}

#[derive(Deserialize)]
pub struct RestrictForm {
    #[serde(default)]
    reason: String,
}

pub async fn restrict(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, member_id)): Path<(i64, i64)>,
    form: Result<Form<RestrictForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/sharing");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::restrict(&state, &ctx, &viewer, case_id, member_id, &form.reason).await
    }
    .await;
    match result {
        Ok(_) => answer(&headers, Ok(&page)),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}

pub async fn lift(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, member_id)): Path<(i64, i64)>,
) -> Response {
    let page = format!("/cases/{case_id}/sharing");
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::lift_restriction(&state, &ctx, &viewer, case_id, member_id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => answer(&headers, Ok(&page)),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}
