//! What the plan pages read, in one transaction each, through the same checks as the API.

use super::service::{find_plan, history, version_view};
use super::storage;
use super::{compare, Comparison, Person, PlanPageView, PlanSummary, PlansView};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::circle::{storage as circle, MemberKind};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::pagination::PageRequest;
use crate::state::{AppState, RequestContext};

pub async fn plans_view(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<PlansView, AppError> {
    let plans = super::service::plans(state, ctx, viewer, case_id, &PageRequest::everything()).await?;
    let conferences = crate::conferences::service::conferences(state, ctx, viewer, case_id, &PageRequest::everything())
        .await?
        .conferences;
    let mut tx = state.read().await?;
    let may_edit = access::require_case_worker(&mut tx, viewer, case_id).await.is_ok();
    tx.commit().await?;
    Ok(PlansView {
        plans,
        may_edit,
        conferences,
    })
}

/// `number`: the version to show; the newest when absent.
pub async fn plan_page(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    number: Option<i64>,
) -> Result<PlanPageView, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    let versions = storage::versions(&mut tx, &plan).await?;
    let shown = match number {
        Some(n) => versions.iter().find(|v| v.number == n),
        None => versions.last(),
    }
    .cloned()
    .ok_or(AppError::new(ErrorCode::NotFound))?;
    let changes = match versions.iter().find(|v| v.number == shown.number - 1) {
        Some(before) => Some(Comparison {
            plan_id,
            from: before.number,
            to: shown.number,
            differences: compare::differences(
                &storage::items(&mut tx, before).await?,
                &storage::items(&mut tx, &shown).await?,
            ),
        }),
        None => None,
    };
    let members = circle::members(&mut tx, &case).await?;
    let person = |m: &crate::circle::CircleMember| Person {
        user_id: m.user_id,
        display_name: m.display_name.clone(),
    };
    let owners = match case.kind() {
        MemberKind::Worker => members
            .iter()
            .filter(|m| m.kind != MemberKind::Family)
            .map(person)
            .collect(),
        _ => Vec::new(),
    };
    let mut may_ask = Vec::new();
    if case.kind() == MemberKind::Participant {
        let asked = storage::extra_parties(&mut tx, &plan).await?;
        for member in members
            .iter()
            .filter(|m| m.kind == MemberKind::Family && !asked.contains(&m.user_id))
        {
            if access::family_member_may_read(&mut tx, case_id, member.user_id, Category::Plans).await? {
                may_ask.push(person(member));
            }
        }
    }
    let view = PlanPageView {
        shown: version_view(&mut tx, &case, &plan, &shown).await?,
        versions: history(&mut tx, &versions).await?,
        changes,
        owners,
        may_ask,
        viewer_id: viewer.user_id,
    };
    tx.commit().await?;
    Ok(view)
}

/// The case's plans whose newest version waits for the viewer's signature, for the home
/// page; `None` when the viewer may not read plans. Reading them is recorded.
pub async fn waiting_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Option<Vec<PlanSummary>>, AppError> {
    if !access::may_read(tx, viewer, case_id, Category::Plans).await? {
        return Ok(None);
    }
    let case = access::open_case(tx, ctx, viewer, case_id, Category::Plans).await?;
    let ids = storage::waiting_for_viewer(tx, &case).await?;
    let mut waiting = Vec::with_capacity(ids.len());
    for id in ids {
        let plan = find_plan(tx, &case, id).await?;
        waiting.push(super::service::summary(tx, viewer, &plan).await?);
    }
    Ok(Some(waiting))
}
