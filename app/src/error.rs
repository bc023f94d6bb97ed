//! The one error type of the service layer. Each error has a stable snake_case code
//! that phone apps match on and the pages translate; internals never leave the server.

use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    MalformedJson,
    InvalidInput,
    InvalidUsername,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    InvalidCode,
    InvalidDate,
    InvalidTime,
    ReasonRequired,
    InvalidCredentials,
    Unauthenticated,
    NotPermitted,
    NotInCircle,
    NotShared,
    CrossSiteRequest,
    NotFound,
    UsernameTaken,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyAttempts,
    Internal,
    ServiceUnavailable,
}

impl ErrorCode {
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            MalformedJson => 400,
            InvalidCredentials | Unauthenticated => 401,
            NotPermitted | NotInCircle | NotShared | CrossSiteRequest => 403,
            NotFound => 404,
            UsernameTaken => 409,
            PayloadTooLarge => 413,
            UnsupportedMediaType => 415,
            InvalidInput | InvalidUsername | PasswordTooShort | PasswordTooLong | PasswordTooCommon | InvalidCode
            | InvalidDate | InvalidTime | ReasonRequired => 422,
            TooManyAttempts => 429,
            Internal => 500,
            ServiceUnavailable => 503,
        }
    }

    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            MalformedJson => "malformed_json",
            InvalidInput => "invalid_input",
            InvalidUsername => "invalid_username",
            PasswordTooShort => "password_too_short",
            PasswordTooLong => "password_too_long",
            PasswordTooCommon => "password_too_common",
            InvalidCode => "invalid_code",
            InvalidDate => "invalid_date",
            InvalidTime => "invalid_time",
            ReasonRequired => "reason_required",
            InvalidCredentials => "invalid_credentials",
            Unauthenticated => "unauthenticated",
            NotPermitted => "not_permitted",
            NotInCircle => "not_in_circle",
            NotShared => "not_shared",
            CrossSiteRequest => "cross_site_request",
            NotFound => "not_found",
            UsernameTaken => "username_taken",
            PayloadTooLarge => "payload_too_large",
            UnsupportedMediaType => "unsupported_media_type",
            TooManyAttempts => "too_many_attempts",
            Internal => "internal",
            ServiceUnavailable => "service_unavailable",
        }
    }

    pub fn parse(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    pub const ALL: &'static [ErrorCode] = {
        use ErrorCode::*;
        &[
            MalformedJson,
            InvalidInput,
            InvalidUsername,
            PasswordTooShort,
            PasswordTooLong,
            PasswordTooCommon,
            InvalidCode,
            InvalidDate,
            InvalidTime,
            ReasonRequired,
            InvalidCredentials,
            Unauthenticated,
            NotPermitted,
            NotInCircle,
            NotShared,
            CrossSiteRequest,
            NotFound,
            UsernameTaken,
            PayloadTooLarge,
            UnsupportedMediaType,
            TooManyAttempts,
            Internal,
            ServiceUnavailable,
        ]
    };

    /// The translated, calm text a page shows for this error.
    pub fn message(self) -> Msg {
        use ErrorCode::*;
        match self {
            MalformedJson | InvalidInput | PayloadTooLarge | UnsupportedMediaType => Msg::ErrInvalidInput,
            InvalidUsername => Msg::ErrInvalidUsername,
            PasswordTooShort => Msg::ErrPasswordTooShort,
            PasswordTooLong => Msg::ErrPasswordTooLong,
            PasswordTooCommon => Msg::ErrPasswordTooCommon,
            InvalidCode => Msg::ErrInvalidCode,
            InvalidDate => Msg::ErrInvalidDate,
            InvalidTime => Msg::ErrInvalidTime,
            ReasonRequired => Msg::ErrReasonRequired,
            InvalidCredentials => Msg::ErrInvalidCredentials,
            Unauthenticated => Msg::ErrUnauthenticated,
            NotPermitted => Msg::ErrForbidden,
            NotInCircle => Msg::ErrNotInCircle,
            NotShared => Msg::ErrNotShared,
            CrossSiteRequest => Msg::ErrCrossSite,
            NotFound => Msg::ErrNotFound,
            UsernameTaken => Msg::ErrUsernameTaken,
            TooManyAttempts => Msg::ErrTooManyAttempts,
            Internal => Msg::ErrInternal,
            ServiceUnavailable => Msg::ErrUnavailable,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", .code.as_str())]
pub struct AppError {
    pub code: ErrorCode,
    /// Seconds until a throttled request may be tried again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Set on unexpected errors so a person can quote it and we can find the logged cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        AppError {
            code,
            retry_after: None,
            request_id: None,
        }
    }

    pub fn too_many_attempts(retry_after: u64) -> Self {
        AppError {
            retry_after: Some(retry_after),
            ..AppError::new(ErrorCode::TooManyAttempts)
        }
    }

    pub fn text(&self, lang: Lang) -> &'static str {
        lang.t(self.code.message())
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError::new(code)
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::Deserialization(_) | E::MissingArg(_) => AppError::new(ErrorCode::InvalidInput),
            _ => AppError::new(ErrorCode::Internal),
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{AppError, ErrorCode};

    /// English text for API answers; the pages use the translated text instead.
    pub fn api_message(code: ErrorCode) -> &'static str {
        code.message().text(crate::i18n::Lang::En)
    }

    impl From<sqlx::Error> for AppError {
        fn from(error: sqlx::Error) -> Self {
            tracing::error!(%error, "database error");
            AppError::new(ErrorCode::Internal)
        }
    }

    impl From<tokio::task::JoinError> for AppError {
        fn from(error: tokio::task::JoinError) -> Self {
            tracing::error!(%error, "background task failed");
            AppError::new(ErrorCode::Internal)
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            use axum::http::{header, HeaderValue, StatusCode};
            let status = StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut error = serde_json::json!({
                "code": self.code.as_str(),
                "message": api_message(self.code),
            });
            if let Some(request_id) = &self.request_id {
                error["request_id"] = serde_json::Value::from(request_id.as_str());
            }
            let mut response = (status, axum::Json(serde_json::json!({ "error": error }))).into_response();
            if let Some(seconds) = self.retry_after {
                if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            // The error rides on the response so the request-id layer can add its id to 500s.
            response.extensions_mut().insert(self);
            response
        }
    }
}

#[cfg(feature = "ssr")]
pub use ssr::api_message;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_name() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
