use app::accounts::service::{self, Viewer};
use app::accounts::AccountRole;
use app::error::{AppError, ErrorCode};
use app::second_factor::SessionStage;
use app::state::{AppState, RequestContext};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// The application state with this request's unit of work: whatever the handler and its
/// extractors do with the database shares one connection, taken once.
pub struct RequestState(pub AppState);

impl<S: Send + Sync> FromRequestParts<S> for RequestState {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        request_state(parts).map(RequestState)
    }
}

/// The state the request layer put on this request.
fn request_state(parts: &Parts) -> Result<AppState, AppError> {
    parts.extensions.get::<AppState>().cloned().ok_or_else(|| {
        tracing::error!("a request without a unit of work");
        AppError::new(ErrorCode::Internal)
    })
}

/// The request's facts for the audit trail.
pub struct Ctx(pub RequestContext);

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestContext>()
            .cloned()
            .map(Ctx)
            .ok_or(AppError::new(ErrorCode::Internal))
    }
}

/// A phone app's person, from `Authorization: Bearer …`. Its presence in a handler's
/// signature means "signed in"; anything else about the token answers 401.
pub struct ApiViewer(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for ApiViewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let state = request_state(parts)?;
        let token = bearer_token(parts)?;
        service::authenticate(&state, token).await.map(ApiViewer)
    }
}

/// A phone app's person also while the session waits for its second factor: only the
/// second-factor routes take this.
pub struct ApiSession(pub Viewer, pub SessionStage);

impl<S: Send + Sync> FromRequestParts<S> for ApiSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let state = request_state(parts)?;
        let token = bearer_token(parts)?;
        let (viewer, stage) = service::authenticate_any(&state, token).await?;
        Ok(ApiSession(viewer, stage))
    }
}

fn bearer_token(parts: &Parts) -> Result<&str, AppError> {
    parts
        .headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or(AppError::new(ErrorCode::Unauthenticated))
}

/// Only a coordinator gets past this extractor; others get 403 before the handler runs.
pub struct Coordinator(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for Coordinator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiViewer(viewer) = ApiViewer::from_request_parts(parts, state).await?;
        if viewer.role == AccountRole::Coordinator {
            Ok(Coordinator(viewer))
        } else {
            Err(AppError::new(ErrorCode::NotPermitted))
        }
    }
}

/// JSON bodies whose every failure is a clear, coded error rather than axum's plain text.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(AppError::new(match rejection {
                JsonRejection::MissingJsonContentType(_) => ErrorCode::UnsupportedMediaType,
                JsonRejection::JsonSyntaxError(_) => ErrorCode::MalformedJson,
                JsonRejection::JsonDataError(_) => ErrorCode::InvalidInput,
                JsonRejection::BytesRejection(ref bytes) if bytes.status() == http::StatusCode::PAYLOAD_TOO_LARGE => {
                    ErrorCode::PayloadTooLarge
                }
                _ => ErrorCode::MalformedJson,
            })),
        }
    }
}

/// Query strings whose failures are a coded error too.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| ApiQuery(value))
            .map_err(|_| AppError::new(ErrorCode::InvalidInput))
    }
}
