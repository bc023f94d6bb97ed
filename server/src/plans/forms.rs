//! The plan pages' forms. Each posts, calls the same service as the API, and answers with
//! a redirect back to the page (to the item it was about), or `?error=code`.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::{Ctx, RequestState};
use app::accounts::service::Viewer;
use app::error::{AppError, ErrorCode};
use app::plans::{
    agreement, service, talk, Decline, ItemChange, NewComment, NewItem, NewParty, NewPlan, NewProposal, NewResponse,
    PlanKind, ProposalKind, Stance, Submit,
};
use app::state::{AppState, RequestContext};
use app::trajectory::Date;
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::{Deserialize, Serialize};
use std::future::Future;

/// A form's fields, all text as browsers send them; each handler reads what it needs.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct PlanForm {
    kind: String,
    title: String,
    what: String,
    why: String,
    due_on: String,
    owner_user_id: String,
    item_key: String,
    body: String,
    reason: String,
    stance: String,
    number: String,
    user_id: String,
}

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

impl PlanForm {
    fn date(&self) -> Result<Option<Date>, AppError> {
        match self.due_on.trim() {
            "" => Ok(None),
            raw => Date::parse(raw).map(Some).map_err(AppError::new),
        }
    }

    fn id(raw: &str) -> Result<Option<i64>, AppError> {
        match raw.trim() {
            "" => Ok(None),
            raw => raw.parse().map(Some).map_err(|_| invalid()),
        }
    }

    fn item(&self) -> Result<NewItem, AppError> {
        Ok(NewItem {
            what: self.what.clone(),
            owner_user_id: Self::id(&self.owner_user_id)?,
            due_on: self.date()?,
            why: self.why.clone(),
            milestone_id: None,
            reunification_step_id: None,
        })
    }
}

/// Runs one form: the form and the viewer first, then `act`, which names where to go on
/// success; failures come back to the plan page (or the list) with their code.
async fn run<F, Fut>(
    state: AppState,
    ctx: RequestContext,
    headers: HeaderMap,
    back: String,
    form: Result<Form<PlanForm>, FormRejection>,
    act: F,
) -> Response
where
    F: FnOnce(AppState, RequestContext, Viewer, PlanForm) -> Fut,
    Fut: Future<Output = Result<String, AppError>>,
{
    let typed = form.as_ref().ok().map(|Form(form)| typed(form, &back));
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        act(state.clone(), ctx, viewer, form).await
    }
    .await;
    match (result, typed) {
        (Ok(target), _) => answer(&headers, Ok(&target)),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

/// What was typed, for the form the fragment of `back` names.
fn typed(form: &PlanForm, back: &str) -> Typed {
    let fields = match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter_map(|(key, value)| match value {
                serde_json::Value::String(text) if !text.is_empty() => Some((key, text)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Typed {
        form: back.split_once('#').map(|(_, id)| id.to_string()).unwrap_or_default(),
        fields,
        field_of: |code| match code {
            ErrorCode::ReasonRequired => Some("reason"),
            ErrorCode::InvalidDate => Some("due_on"),
            _ => None,
        },
    }
}

fn plan_page(case_id: i64, plan_id: i64) -> String {
    format!("/cases/{case_id}/plans/{plan_id}")
}

type Parts = (RequestState, Ctx, HeaderMap);

pub async fn start(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path(case_id): Path<i64>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    let back = format!("/cases/{case_id}/plans");
    run(state, ctx, headers, back, form, |state, ctx, viewer, form| async move {
        let kind = PlanKind::parse(&form.kind).ok_or_else(invalid)?;
        let new = NewPlan {
            kind,
            title: form.title,
            items: Vec::new(),
        };
        let plan = service::create(&state, &ctx, &viewer, case_id, new).await?;
        Ok(plan_page(case_id, plan.plan_id))
    })
    .await
}

pub async fn add_item(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            service::add_item(&state, &ctx, &viewer, case_id, plan_id, form.item()?).await?;
            Ok(format!("{}#add-item", plan_page(case_id, plan_id)))
        },
    )
    .await
}

pub async fn change_item(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            let item = form.item()?;
            let change = ItemChange {
                what: Some(item.what),
                owner_user_id: Some(item.owner_user_id),
                due_on: Some(item.due_on),
                why: Some(item.why),
            };
            service::change_item(&state, &ctx, &viewer, case_id, plan_id, key, change).await?;
            Ok(format!("{}#item-{key}", plan_page(case_id, plan_id)))
        },
    )
    .await
}

pub async fn remove_item(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, _| async move {
            service::remove_item(&state, &ctx, &viewer, case_id, plan_id, key).await?;
            Ok(plan_page(case_id, plan_id))
        },
    )
    .await
}

pub async fn comment(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            talk::comment(
                &state,
                &ctx,
                &viewer,
                case_id,
                plan_id,
                key,
                NewComment { body: form.body },
            )
            .await?;
            Ok(format!("{}#item-{key}", plan_page(case_id, plan_id)))
        },
    )
    .await
}

pub async fn propose(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            let kind = ProposalKind::parse(&form.kind).ok_or_else(invalid)?;
            let new = NewProposal {
                kind,
                item_key: PlanForm::id(&form.item_key)?,
                due_on: form.date()?,
                what: form.what,
                why: form.why,
                reason: form.reason,
            };
            let proposal = talk::propose(&state, &ctx, &viewer, case_id, plan_id, new).await?;
            Ok(format!("{}#proposal-{}", plan_page(case_id, plan_id), proposal.id))
        },
    )
    .await
}

pub async fn accept(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, proposal_id)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, _| async move {
            talk::accept(&state, &ctx, &viewer, case_id, plan_id, proposal_id).await?;
            Ok(format!("{}#proposal-{proposal_id}", plan_page(case_id, plan_id)))
        },
    )
    .await
}

pub async fn decline(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, proposal_id)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            let decline = Decline { reason: form.reason };
            talk::decline(&state, &ctx, &viewer, case_id, plan_id, proposal_id, decline).await?;
            Ok(format!("{}#proposal-{proposal_id}", plan_page(case_id, plan_id)))
        },
    )
    .await
}

pub async fn submit(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            let number = PlanForm::id(&form.number)?.ok_or_else(invalid)?;
            agreement::submit(&state, &ctx, &viewer, case_id, plan_id, Submit { number }).await?;
            Ok(plan_page(case_id, plan_id))
        },
    )
    .await
}

pub async fn ask_family(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, form| async move {
            let user_id = PlanForm::id(&form.user_id)?.ok_or_else(invalid)?;
            agreement::add_party(&state, &ctx, &viewer, case_id, plan_id, NewParty { user_id }).await?;
            Ok(plan_page(case_id, plan_id))
        },
    )
    .await
}

pub async fn respond(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, number, key)): Path<(i64, i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        format!("{}#item-{key}-answer", plan_page(case_id, plan_id)),
        form,
        |state, ctx, viewer, form| async move {
            let stance = Stance::parse(&form.stance).ok_or_else(invalid)?;
            let response = NewResponse {
                stance,
                reason: form.reason,
            };
            agreement::respond(&state, &ctx, &viewer, (case_id, plan_id, number), key, response).await?;
            Ok(format!(
                "{}?saved=item-{key}-answer#item-{key}-answer",
                plan_page(case_id, plan_id)
            ))
        },
    )
    .await
}

pub async fn sign(
    (RequestState(state), Ctx(ctx), headers): Parts,
    Path((case_id, plan_id, number)): Path<(i64, i64, i64)>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    run(
        state,
        ctx,
        headers,
        plan_page(case_id, plan_id),
        form,
        |state, ctx, viewer, _| async move {
            agreement::sign(&state, &ctx, &viewer, case_id, plan_id, number).await?;
            Ok(format!("{}#plan-state", plan_page(case_id, plan_id)))
        },
    )
    .await
}
