//! Coordinator forms on `/admin`. Each answers with a redirect back to the page, with
//! `?saved` or `?error=code`, or with the page that shows a new worker's code (which
//! travels in a cookie, not the URL).

use crate::accounts::forms::{answer, show_code, web_viewer};
use crate::http::Ctx;
use crate::http::RequestState;
use app::accounts::service::{self as accounts, Invitee, Viewer};
use app::circle::{leaving, service as circle, CaseRole};
use app::error::{AppError, ErrorCode};
use app::state::{AppState, RequestContext};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

const PAGE: &str = "/admin";

async fn run<T, F, Fut>(
    state: AppState,
    ctx: RequestContext,
    headers: HeaderMap,
    form: Result<Form<T>, FormRejection>,
    action: F,
) -> Response
where
    F: FnOnce(AppState, RequestContext, Viewer, T) -> Fut,
    Fut: std::future::Future<Output = Result<String, AppError>>,
{
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), PAGE)));
    };
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => action(state, ctx, viewer, form).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(target) => answer(&headers, Ok(&target)),
        Err(error) => answer(&headers, Err((error, PAGE))),
    }
}

#[derive(Deserialize)]
pub struct OrganisationForm {
    name: String,
}

pub async fn create_organisation(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<OrganisationForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        form,
        |state, ctx, viewer, form: OrganisationForm| async move {
            circle::create_organisation(&state, &ctx, &viewer, &form.name)
                .await
                .map(|_| format!("{PAGE}?saved"))
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct WorkerForm {
    organisation_id: i64,
    display_name: String,
}

pub async fn invite_worker(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<WorkerForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), PAGE)));
    };
    let invitee = Invitee::Worker {
        organisation_id: form.organisation_id,
        display_name: form.display_name,
    };
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => accounts::invite(&state, &ctx, &viewer, invitee).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(code) => show_code(&state, &headers, &code),
        Err(error) => answer(&headers, Err((error, PAGE))),
    }
}

#[derive(Deserialize)]
pub struct CaseForm {
    participant_name: String,
}

pub async fn create_case(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<CaseForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        form,
        |state, ctx, viewer, form: CaseForm| async move {
            circle::create_case(&state, &ctx, &viewer, &form.participant_name)
                .await
                .map(|_| format!("{PAGE}?saved"))
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct AssignmentForm {
    case_id: i64,
    user_id: i64,
    case_role: String,
}

pub async fn assign_worker(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<AssignmentForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        form,
        |state, ctx, viewer, form: AssignmentForm| async move {
            let role = CaseRole::parse(&form.case_role).ok_or(AppError::new(ErrorCode::InvalidInput))?;
            circle::assign_worker(&state, &ctx, &viewer, form.case_id, form.user_id, role)
                .await
                .map(|_| format!("{PAGE}?saved"))
        },
    )
    .await
}

/// Closes the account of someone who left (a button beside each worker).
pub async fn disable_account(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(user_id): Path<i64>,
) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => accounts::disable_account(&state, &ctx, &viewer, user_id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => answer(&headers, Ok(&format!("{PAGE}?saved"))),
        Err(error) => answer(&headers, Err((error, PAGE))),
    }
}

#[derive(Deserialize)]
pub struct HandOverForm {
    case_id: i64,
    user_id: i64,
    /// Empty when nobody takes over (another worker stays on the case).
    #[serde(default)]
    successor_user_id: String,
}

/// A worker leaves a case: the coordinator takes them off, or hands the case to a
/// successor with its conversations and places in plans.
pub async fn hand_over(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<HandOverForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        form,
        |state, ctx, viewer, form: HandOverForm| async move {
            let successor = match form.successor_user_id.trim() {
                "" => None,
                id => Some(id.parse().map_err(|_| AppError::new(ErrorCode::InvalidInput))?),
            };
            leaving::end_membership(&state, &ctx, &viewer, form.case_id, form.user_id, successor)
                .await
                .map(|_| format!("{PAGE}?saved"))
        },
    )
    .await
}
