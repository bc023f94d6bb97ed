//! The preferences page's form. Check boxes come as repeated fields, so the body is read
//! as a list of pairs.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::{Ctx, RequestState};
use app::error::{AppError, ErrorCode};
use app::preferences::{service, ContactWay, DayPart, Preferences, WorkerGender};
use axum::extract::rejection::FormRejection;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;

fn preferences_from(fields: &[(String, String)]) -> Result<Preferences, AppError> {
    let invalid = || AppError::new(ErrorCode::InvalidInput);
    let one = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let day_parts = fields
        .iter()
        .filter(|(key, _)| key == "day_parts")
        .map(|(_, value)| DayPart::parse(value).ok_or_else(invalid))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Preferences {
        worker_gender: WorkerGender::parse(&one("worker_gender")).unwrap_or(WorkerGender::NoPreference),
        interpreter_language: one("interpreter_language"),
        day_parts,
        times_note: one("times_note"),
        contact_by: ContactWay::parse(&one("contact_by")).unwrap_or(ContactWay::NoPreference),
        what_helps: one("what_helps"),
        what_to_avoid: one("what_to_avoid"),
        shown_to_workers: fields.iter().any(|(key, _)| key == "shown_to_workers"),
    })
}

pub async fn save(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let typed = form.as_ref().ok().map(|Form(fields)| {
        let texts: Vec<(&str, &str)> = fields
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "day_parts" | "shown_to_workers"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Typed::new("preferences".into(), &texts, |_| None)
    });
    let result = async {
        let Form(fields) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::save_own(&state, &ctx, &viewer, preferences_from(&fields)?).await
    }
    .await;
    match (result, typed) {
        (Ok(_), _) => answer(&headers, Ok("/preferences?saved=preferences#page-title")),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, "/preferences#preferences")), typed),
        (Err(error), None) => answer(&headers, Err((error, "/preferences#preferences"))),
    }
}
