//! The translation form under a milestone or a reunification step. It answers with a
//! redirect back to the item, keeping what the worker typed when it is refused.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::{Ctx, RequestState};
use app::error::{AppError, ErrorCode};
use app::i18n::Lang;
use app::translations::{service, ItemKind, NewTranslation};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use std::collections::BTreeMap;

pub async fn translate(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, kind, item_id, lang)): Path<(i64, String, i64, String)>,
    form: Result<Form<BTreeMap<String, String>>, FormRejection>,
) -> Response {
    let (Some(kind), Some(lang)) = (ItemKind::parse(&kind), Lang::parse(&lang).filter(|l| l.code() == lang)) else {
        return answer(&headers, Err((AppError::new(ErrorCode::NotFound), "/")));
    };
    let (page, anchor) = match kind {
        ItemKind::Milestone => ("trajectory", format!("milestone-{item_id}")),
        ItemKind::ReunificationStep => ("reunification", format!("step-{item_id}")),
    };
    let page = format!("/cases/{case_id}/{page}");
    let form_id = format!("translate-{}-{item_id}-{}", kind.as_str(), lang.code());
    let typed = form.as_ref().ok().map(|Form(texts)| {
        let fields: Vec<(&str, &str)> = texts.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        Typed::new(form_id.clone(), &fields, |_| None)
    });
    let result = async {
        let Form(texts) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewTranslation { texts };
        service::translate(&state, &ctx, &viewer, case_id, (kind, item_id), lang, new).await
    }
    .await;
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(_), _) => answer(&headers, Ok(&format!("{page}?saved={form_id}#{anchor}"))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}
