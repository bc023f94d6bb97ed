use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Coordinator, Ctx, ListPage, Paging};
use app::accounts::service::{self, Invitee, PasswordResetNote, Redeemed, SessionKind};
use app::accounts::{DeviceList, Me};
use app::circle::Relationship;
use app::error::{AppError, ErrorCode};
use app::second_factor::SessionStage;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub username: String,
    #[schema(format = Password)]
    pub password: String,
    pub device_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Bearer token for this device. Shown once; stored only as a digest.
    pub token: String,
    pub user: Me,
    /// `full`: signed in. `second_factor`: the token works only for
    /// `POST /api/v1/auth/second-factor` until the code is given. `enrol`: it works only for
    /// setting up an authenticator app (`/api/v1/me/second-factor`).
    pub stage: SessionStage,
    /// Present once, at the first sign-in after a reset code set the password: tell the
    /// person when and whose code it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_reset: Option<PasswordResetNote>,
}

/// Signs in a phone app and returns a bearer token for that device.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, description = "invalid_credentials"), (status = 429, description = "too_many_attempts")))]
pub async fn login(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, AppError> {
    let device_name = body.device_name.trim();
    if device_name.is_empty() || device_name.chars().count() > 80 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let kind = SessionKind::Device {
        name: device_name.to_string(),
    };
    let signed_in = service::sign_in(&state, &ctx, &body.username, SecretString::from(body.password), kind).await?;
    let user = service::me(&state, &signed_in.viewer).await?;
    Ok(Json(LoginResponse {
        token: signed_in.token,
        user,
        stage: signed_in.stage,
        password_reset: signed_in.password_reset,
    }))
}

/// Ends this device's session; its token stops working at once.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("bearer" = [])), responses((status = 204), (status = 401)))]
pub async fn logout(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
) -> Result<StatusCode, AppError> {
    service::sign_out(&state, &ctx, &viewer).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordChange {
    #[schema(format = Password)]
    pub current_password: String,
    #[schema(format = Password)]
    pub new_password: String,
}

/// Changes the person's own password. The current one is asked first; a wrong one counts
/// against the sign-in limit. Every other device is signed out; this one stays.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "auth", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 401), (status = 403, description = "wrong_password"),
        (status = 422, description = "password_too_short, password_too_long or password_too_common"),
        (status = 429, description = "too_many_attempts")))]
pub async fn change_password(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, AppError> {
    let current = SecretString::from(body.current_password);
    service::change_password(&state, &ctx, &viewer, current, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Signs out every device of the person, this one too: every token, browser session,
/// live stream and push notice ends.
#[utoipa::path(post, path = "/api/v1/me/sign-out-everywhere", tag = "auth", security(("bearer" = [])),
    responses((status = 204), (status = 401)))]
pub async fn sign_out_everywhere(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
) -> Result<StatusCode, AppError> {
    service::sign_out_everywhere(&state, &ctx, &viewer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A coordinator closes the account of someone who left: it can no longer sign in, and
/// all its sessions, tokens, streams and push notices end. Its history stays.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "auth", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 204), (status = 401), (status = 403, description = "not_permitted: coordinators only"),
        (status = 404), (status = 422, description = "invalid_input: not your own account")))]
pub async fn disable_account(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    service::disable_account(&state, &ctx, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/me", tag = "auth", security(("bearer" = [])), responses((status = 200, body = Me), (status = 401)))]
pub async fn me(RequestState(state): RequestState, ApiViewer(viewer): ApiViewer) -> Result<Json<Me>, AppError> {
    Ok(Json(service::me(&state, &viewer).await?))
}

/// The devices signed in to this account, so a lost phone can be signed out.
#[utoipa::path(get, path = "/api/v1/me/devices", tag = "auth", security(("bearer" = [])), params(ListPage),
    responses((status = 200, body = DeviceList), (status = 401)))]
pub async fn devices(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    Paging(page): Paging,
) -> Result<Json<DeviceList>, AppError> {
    Ok(Json(service::device_page(&state, &viewer, &page).await?))
}

#[utoipa::path(delete, path = "/api/v1/me/devices/{id}", tag = "auth", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 204), (status = 404)))]
pub async fn revoke_device(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    service::revoke_device(&state, &ctx, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct JoinRequest {
    pub code: String,
    /// Required for an invitation, ignored for a password reset.
    pub username: Option<String>,
    #[schema(format = Password)]
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct JoinResponse {
    /// `account_created` or `password_reset`.
    pub result: String,
}

/// Uses a one-time code: creates the invited account, or sets a new password.
#[utoipa::path(post, path = "/api/v1/join", tag = "auth", request_body = JoinRequest,
    responses((status = 201, body = JoinResponse), (status = 409, description = "username_taken"), (status = 422, description = "invalid_code or a password rule")))]
pub async fn join(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<JoinRequest>,
) -> Result<(StatusCode, Json<JoinResponse>), AppError> {
    let result = match service::redeem(&state, &ctx, &body.code, body.username.as_deref(), &body.password).await? {
        Redeemed::AccountCreated => "account_created",
        Redeemed::PasswordReset => "password_reset",
    };
    Ok((StatusCode::CREATED, Json(JoinResponse { result: result.into() })))
}

#[derive(Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InvitationRequest {
    Worker {
        organisation_id: i64,
        display_name: String,
    },
    Participant {
        case_id: i64,
        display_name: String,
    },
    Family {
        case_id: i64,
        display_name: String,
        relationship: Relationship,
    },
}

#[derive(Serialize, ToSchema)]
pub struct CodeResponse {
    /// A one-time code such as `K7QM-3RXA`, valid for 7 days. Shown once.
    pub code: String,
    pub expires_in_days: u32,
}

/// Coordinators invite workers; a worker of a case invites its family, and its
/// participant (so may the coordinator who set the case up) while it has none.
#[utoipa::path(post, path = "/api/v1/invitations", tag = "accounts", security(("bearer" = [])), request_body = InvitationRequest,
    responses((status = 201, body = CodeResponse), (status = 403), (status = 409, description = "case_has_participant")))]
pub async fn invite(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> Result<(StatusCode, Json<CodeResponse>), AppError> {
    let invitee = match body {
        InvitationRequest::Worker {
            organisation_id,
            display_name,
        } => Invitee::Worker {
            organisation_id,
            display_name,
        },
        InvitationRequest::Participant { case_id, display_name } => Invitee::Participant { case_id, display_name },
        InvitationRequest::Family {
            case_id,
            display_name,
            relationship,
        } => Invitee::Family {
            case_id,
            display_name,
            relationship,
        },
    };
    let code = service::invite(&state, &ctx, &viewer, invitee).await?;
    Ok((
        StatusCode::CREATED,
        Json(CodeResponse {
            code,
            expires_in_days: 7,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ResetCodeRequest {
    pub user_id: i64,
}

/// A code with which someone chooses a new password, issued by their worker or a coordinator.
#[utoipa::path(post, path = "/api/v1/reset-codes", tag = "accounts", security(("bearer" = [])), request_body = ResetCodeRequest,
    responses((status = 201, body = CodeResponse), (status = 403), (status = 409, description = "account_closed")))]
pub async fn reset_code(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<ResetCodeRequest>,
) -> Result<(StatusCode, Json<CodeResponse>), AppError> {
    let code = service::issue_reset_code(&state, &ctx, &viewer, body.user_id).await?;
    Ok((
        StatusCode::CREATED,
        Json(CodeResponse {
            code,
            expires_in_days: 7,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct OrganisationRequest {
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "accounts", security(("bearer" = [])), request_body = OrganisationRequest,
    responses((status = 201, body = Created), (status = 403)))]
pub async fn create_organisation(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    ApiJson(body): ApiJson<OrganisationRequest>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let id = app::circle::service::create_organisation(&state, &ctx, &viewer, &body.name).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
