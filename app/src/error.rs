//! The one error type of the service layer. Each error has a stable snake_case code
//! that phone apps match on and the pages translate; internals never leave the server.

use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

/// Each code once: its name on the wire, its HTTP status and the page's translated text.
macro_rules! error_codes {
    ($($variant:ident => $code:literal, $status:literal, $message:ident;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant),*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            pub fn status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status),* }
            }

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code),* }
            }

            /// The translated, calm text a page shows for this error.
            pub fn message(self) -> Msg {
                match self { $(ErrorCode::$variant => Msg::$message),* }
            }

            pub fn parse(code: &str) -> Option<ErrorCode> {
                ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code)
            }
        }
    };
}

error_codes! {
    MalformedJson => "malformed_json", 400, ErrInvalidInput;
    InvalidInput => "invalid_input", 422, ErrInvalidInput;
    InvalidUsername => "invalid_username", 422, ErrInvalidUsername;
    PasswordTooShort => "password_too_short", 422, ErrPasswordTooShort;
    PasswordTooLong => "password_too_long", 422, ErrPasswordTooLong;
    PasswordTooCommon => "password_too_common", 422, ErrPasswordTooCommon;
    InvalidCode => "invalid_code", 422, ErrInvalidCode;
    PasskeyRefused => "passkey_refused", 422, ErrPasskeyRefused;
    InvalidDate => "invalid_date", 422, ErrInvalidDate;
    InvalidTime => "invalid_time", 422, ErrInvalidTime;
    InvalidCursor => "invalid_cursor", 422, ErrInvalidCursor;
    ReasonRequired => "reason_required", 422, ErrReasonRequired;
    ClosingNeedsNotice => "closing_needs_notice", 422, ErrClosingNeedsNotice;
    TimeAgainstPreferences => "time_against_preferences", 409, ErrTimeAgainstPreferences;
    InvalidCredentials => "invalid_credentials", 401, ErrInvalidCredentials;
    WrongPassword => "wrong_password", 403, ErrWrongPassword;
    Unauthenticated => "unauthenticated", 401, ErrUnauthenticated;
    SecondFactorRequired => "second_factor_required", 401, ErrSecondFactorRequired;
    StepUpRequired => "step_up_required", 403, ErrStepUpRequired;
    SecondFactorExists => "second_factor_exists", 409, ErrSecondFactorExists;
    SecondCoordinatorNeeded => "second_coordinator_needed", 409, ErrSecondCoordinatorNeeded;
    NotPermitted => "not_permitted", 403, ErrForbidden;
    NotInCircle => "not_in_circle", 403, ErrNotInCircle;
    NotShared => "not_shared", 403, ErrNotShared;
    CrossSiteRequest => "cross_site_request", 403, ErrCrossSite;
    NotFound => "not_found", 404, ErrNotFound;
    UsernameTaken => "username_taken", 409, ErrUsernameTaken;
    StaleVersion => "stale_version", 409, ErrStaleVersion;
    AlreadySigned => "already_signed", 409, ErrAlreadySigned;
    ItemsUnanswered => "items_unanswered", 409, ErrItemsUnanswered;
    NotOpenForAgreement => "not_open_for_agreement", 409, ErrNotOpenForAgreement;
    ProposalDecided => "proposal_decided", 409, ErrProposalDecided;
    RequestAnswered => "request_answered", 409, ErrRequestAnswered;
    ErasureAsked => "erasure_asked", 409, ErrErasureAsked;
    NoBuddy => "no_buddy", 409, ErrNoBuddy;
    BuddyMeetingPlanned => "buddy_meeting_planned", 409, ErrBuddyMeetingPlanned;
    MeetingAfterRelease => "meeting_after_release", 422, ErrMeetingAfterRelease;
    NotAParty => "not_a_party", 403, ErrNotAParty;
    PlanEmpty => "plan_empty", 422, ErrPlanEmpty;
    ConferenceHeld => "conference_held", 409, ErrConferenceHeld;
    AppointmentCancelled => "appointment_cancelled", 409, ErrAppointmentCancelled;
    CaseHasParticipant => "case_has_participant", 409, ErrCaseHasParticipant;
    AccountClosed => "account_closed", 409, ErrAccountClosed;
    LastWorker => "last_worker", 409, ErrLastWorker;
    ParticipantStays => "participant_stays", 409, ErrParticipantStays;
    PayloadTooLarge => "payload_too_large", 413, ErrInvalidInput;
    MethodNotAllowed => "method_not_allowed", 405, ErrInvalidInput;
    UnsupportedMediaType => "unsupported_media_type", 415, ErrInvalidInput;
    TooManyAttempts => "too_many_attempts", 429, ErrTooManyAttempts;
    TooManyStreams => "too_many_streams", 429, ErrTooManyStreams;
    Internal => "internal", 500, ErrInternal;
    ServiceUnavailable => "service_unavailable", 503, ErrUnavailable;
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
            if matches!(error, sqlx::Error::PoolTimedOut) {
                // Every connection is at work: answer at once and say when to come back,
                // rather than keep the person waiting on a queue with no end in sight.
                tracing::warn!("no database connection came free in time");
                return AppError {
                    retry_after: Some(1),
                    ..AppError::new(ErrorCode::ServiceUnavailable)
                };
            }
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

    #[cfg(feature = "ssr")]
    #[test]
    fn a_full_pool_is_a_calm_503_that_says_when_to_come_back() {
        let error = AppError::from(sqlx::Error::PoolTimedOut);
        assert_eq!(error.code.status(), 503);
        assert_eq!(error.retry_after, Some(1));
        let other = AppError::from(sqlx::Error::RowNotFound);
        assert_eq!((other.code, other.retry_after), (ErrorCode::Internal, None));
    }

    #[test]
    fn every_code_round_trips_through_its_name() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
