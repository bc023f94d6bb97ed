use crate::http::{ApiJson, ApiSession, Coordinator, Ctx, RequestState};
use app::error::AppError;
use app::second_factor::service::{self, ResetOutcome};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct SecondFactorCode {
    /// Six digits from the authenticator app, or a recovery code.
    pub code: String,
}

/// Gives the second factor: finishes a sign-in that answered `"stage": "second_factor"`,
/// or renews the step-up a sensitive action asks for (`step_up_required`).
#[utoipa::path(post, path = "/api/v1/auth/second-factor", tag = "auth", security(("bearer" = [])),
    request_body = SecondFactorCode,
    responses((status = 204), (status = 401), (status = 404, description = "not_found: no second factor set up"),
        (status = 422, description = "invalid_code"), (status = 429, description = "too_many_attempts")))]
pub async fn verify(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiSession(viewer, stage): ApiSession,
    ApiJson(body): ApiJson<SecondFactorCode>,
) -> Result<StatusCode, AppError> {
    service::verify(&state, &ctx, &viewer, stage, &body.code).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct EnrolmentStart {
    /// The secret to type into an authenticator app: base32 in groups of four.
    pub key: String,
    /// The `otpauth://` address to show as a QR code.
    pub uri: String,
}

/// Starts setting up an authenticator app (staff only): the secret to put into it.
/// Asking again before confirming gives the same secret.
#[utoipa::path(post, path = "/api/v1/me/second-factor", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = EnrolmentStart), (status = 401), (status = 403),
        (status = 409, description = "second_factor_exists")))]
pub async fn start_enrolment(
    RequestState(state): RequestState,
    ApiSession(viewer, stage): ApiSession,
) -> Result<Json<EnrolmentStart>, AppError> {
    let enrolment = service::enrolment(&state, &viewer, stage).await?;
    Ok(Json(EnrolmentStart {
        key: enrolment.key,
        uri: enrolment.uri,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Ten codes, each good for one sign-in without the app. Shown once.
    pub recovery_codes: Vec<String>,
}

/// Confirms the new app with the first code it shows; the second factor is on from now,
/// and this session is signed in.
#[utoipa::path(post, path = "/api/v1/me/second-factor/confirm", tag = "auth", security(("bearer" = [])),
    request_body = SecondFactorCode,
    responses((status = 200, body = RecoveryCodes), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "second_factor_exists"), (status = 422, description = "invalid_code"),
        (status = 429, description = "too_many_attempts")))]
pub async fn confirm_enrolment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiSession(viewer, stage): ApiSession,
    ApiJson(body): ApiJson<SecondFactorCode>,
) -> Result<Json<RecoveryCodes>, AppError> {
    let recovery_codes = service::confirm_enrolment(&state, &ctx, &viewer, stage, &body.code).await?;
    Ok(Json(RecoveryCodes { recovery_codes }))
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResetStatus {
    /// Asked; another coordinator has to confirm it within a day.
    AwaitingSecondCoordinator,
    /// Done: the person's second factor is gone, their sessions ended; they set up a new one.
    Reset,
}

#[derive(Serialize, ToSchema)]
pub struct ResetAnswer {
    pub status: ResetStatus,
}

/// Resets a lost second factor. Two coordinators: the first call asks, a call by another
/// coordinator confirms.
#[utoipa::path(post, path = "/api/v1/users/{id}/second-factor/reset", tag = "admin", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = ResetAnswer), (status = 401), (status = 403, description = "not_permitted or step_up_required"),
        (status = 404), (status = 409, description = "second_coordinator_needed"), (status = 422)))]
pub async fn reset(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    Path(user_id): Path<i64>,
) -> Result<Json<ResetAnswer>, AppError> {
    let status = match service::reset(&state, &ctx, &viewer, user_id).await? {
        ResetOutcome::AwaitingSecondCoordinator => ResetStatus::AwaitingSecondCoordinator,
        ResetOutcome::Reset => ResetStatus::Reset,
    };
    Ok(Json(ResetAnswer { status }))
}
