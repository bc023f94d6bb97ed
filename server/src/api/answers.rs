//! What every `/api/v1` operation may answer besides its own results, said once: in the
//! OpenAPI document (so a phone app generated from it knows every answer it can get) and
//! on the wire (every error is the same JSON, also when axum refuses a request before a
//! handler runs).

use app::error::{AppError, ErrorCode};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::Modify;

/// Turns an error axum made itself (a path segment that is not a number: 400 in plain
/// text; a method the route does not have: 405 with no body) into a coded JSON error.
pub async fn coded_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let code = match status {
        // A path that does not parse names nothing here.
        StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        status if status.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::InvalidInput,
    };
    AppError::new(code).into_response()
}

/// Adds the answers every operation may give, each with the error body, to the document.
pub struct CommonAnswers;

impl Modify for CommonAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components
            .schemas
            .insert("ApiError".into(), RefOr::T(error_schema().into()));
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                add_answers(operation);
            }
        }
    }
}

fn add_answers(operation: &mut Operation) {
    let has_body = operation.request_body.is_some();
    let has_parameters = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
    let mut common = vec![
        ("401", "not signed in, or the session or token has ended (`unauthenticated`), or the second factor is still to be given"),
        ("403", "not permitted for this person (`not_permitted`, `not_in_circle`, `not_shared`, `step_up_required`, …)"),
        ("500", "something went wrong on Brug's side (`internal`, with a `request_id` to quote)"),
        ("503", "every database connection is at work (`service_unavailable`); try again after `Retry-After`"),
    ];
    if has_parameters || has_body {
        common.push((
            "404",
            "nothing of that id here, or nothing this person may see (`not_found`)",
        ));
        common.push((
            "422",
            "a value is missing or not right (`invalid_input` and more specific codes)",
        ));
    }
    if has_body {
        common.push(("400", "the body is not JSON (`malformed_json`)"));
        common.push(("413", "the body is larger than 64 kB (`payload_too_large`)"));
        common.push((
            "415",
            "the body is not sent as `application/json` (`unsupported_media_type`)",
        ));
    }
    let responses = &mut operation.responses.responses;
    for (status, description) in common {
        responses
            .entry(status.to_string())
            .or_insert_with(|| ResponseBuilder::new().description(description).build().into());
    }
    for (status, response) in responses.iter_mut() {
        let is_error = status.starts_with('4') || status.starts_with('5');
        if let (true, RefOr::T(response)) = (is_error, response) {
            if response.content.is_empty() {
                let body = ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ApiError")))
                    .build();
                response.content.insert("application/json".into(), body);
            }
        }
    }
}

/// `{"error": {"code", "message", "request_id"?}}`.
fn error_schema() -> Object {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let error = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("code", text().description(Some("a stable snake_case code")))
        .property("message", text().description(Some("a readable sentence, in English")))
        .property(
            "request_id",
            text().description(Some("on unexpected errors: quote it, and the log has the cause")),
        )
        .required("code")
        .required("message");
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("error", error)
        .required("error")
        .build()
}
