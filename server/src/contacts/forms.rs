//! Workers' forms on the contacts page: add a contact, change one. They answer with a
//! redirect back to the page, with `?error=code` when something needs correcting, and
//! the form shown again with what was typed.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::contacts::{service, ContactChange, ContactKind, NewContact};
use app::error::{AppError, ErrorCode};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ContactForm {
    kind: String,
    name: String,
    #[serde(default)]
    organisation: String,
    role: String,
    why_involved: String,
    #[serde(default)]
    decides: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    office_hours: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    stand_in: String,
}

impl ContactForm {
    /// What was typed, kept for the form `form` if it is refused.
    fn typed(&self, form: String) -> Typed {
        let fields = [
            ("kind", self.kind.as_str()),
            ("name", &self.name),
            ("organisation", &self.organisation),
            ("role", &self.role),
            ("why_involved", &self.why_involved),
            ("decides", &self.decides),
            ("phone", &self.phone),
            ("office_hours", &self.office_hours),
            ("languages", &self.languages),
            ("stand_in", &self.stand_in),
        ];
        Typed::new(form, &fields, |_| None)
    }

    fn into_new(self) -> Result<NewContact, AppError> {
        Ok(NewContact {
            member_user_id: None,
            kind: ContactKind::parse(&self.kind).ok_or(AppError::new(ErrorCode::InvalidInput))?,
            name: self.name,
            organisation: self.organisation,
            role: self.role,
            why_involved: self.why_involved,
            decides: self.decides,
            phone: self.phone,
            office_hours: self.office_hours,
            languages: self.languages,
            stand_in: self.stand_in,
        })
    }
}

pub async fn add(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<ContactForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/contacts");
    let typed = form.as_ref().ok().map(|Form(f)| f.typed("new-contact-form".into()));
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::add(&state, &ctx, &viewer, case_id, form.into_new()?).await
    }
    .await;
    let back = format!("{page}#new-contact-form");
    match (result, typed) {
        (Ok(contact), _) => answer(&headers, Ok(&format!("{page}#contact-{}", contact.id))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

pub async fn change(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, contact_id)): Path<(i64, i64)>,
    form: Result<Form<ContactForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/contacts");
    let form_id = format!("contact-{contact_id}-form");
    let typed = form.as_ref().ok().map(|Form(f)| f.typed(form_id.clone()));
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = form.into_new()?;
        let change = ContactChange {
            kind: Some(new.kind),
            name: Some(new.name),
            organisation: Some(new.organisation),
            role: Some(new.role),
            why_involved: Some(new.why_involved),
            decides: Some(new.decides),
            phone: Some(new.phone),
            office_hours: Some(new.office_hours),
            languages: Some(new.languages),
            stand_in: Some(new.stand_in),
        };
        service::change(&state, &ctx, &viewer, case_id, contact_id, change).await
    }
    .await;
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(_), _) => answer(&headers, Ok(&format!("{page}?saved={form_id}#contact-{contact_id}"))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}
