//! Asking to be erased, a coordinator's answer, and the erasing when each retention period
//! ends (run by the hourly job of `retention`).

use super::{storage, ErasureDecline, ErasureRequest, ErasureStatus, NewErasureRequest};
use crate::access;
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{is_unique_violation, now};
use crate::error::{AppError, ErrorCode};
use crate::second_factor::service::require_recent as require_recent_second_factor;
use crate::state::{AppState, RequestContext};

const DAY: i64 = 86_400;

/// The person asks. One request at a time: another while one waits or is confirmed is
/// refused (`409 erasure_asked`).
pub async fn ask(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    new: NewErasureRequest,
) -> Result<ErasureRequest, AppError> {
    let reason = crate::text::cleaned(&new.reason, false, 2000)?;
    let mut tx = state.begin().await?;
    let id = match storage::insert(&mut tx, viewer.user_id, &reason, now()).await {
        Ok(id) => id,
        Err(error) if is_unique_violation(&error) => return Err(AppError::new(ErrorCode::ErasureAsked)),
        Err(error) => return Err(error.into()),
    };
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::ErasureRequested,
        case_id: None,
        object: Some(("erasure_request", id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    let request = storage::by_id(&mut tx, id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(request)
}

/// The person's own latest request and what became of it.
pub async fn own(state: &AppState, viewer: &Viewer) -> Result<Option<ErasureRequest>, AppError> {
    let mut tx = state.read().await?;
    let request = storage::latest_of(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(request)
}

/// For coordinators: the requests that wait for an answer from people in their reach,
/// oldest first.
pub async fn waiting(state: &AppState, viewer: &Viewer) -> Result<Vec<ErasureRequest>, AppError> {
    access::require_coordinator(viewer)?;
    let mut tx = state.read().await?;
    let requests = storage::waiting(&mut tx, viewer).await?;
    tx.commit().await?;
    Ok(requests)
}

/// A coordinator confirms: the account closes now, and the dates on which its data and
/// what the person wrote are erased follow from the retention settings of this moment. A
/// coordinator does not answer their own request.
pub async fn confirm(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    request_id: i64,
) -> Result<ErasureRequest, AppError> {
    let at = now();
    let keep = state.erasure_retention;
    let dates = (Some(at + keep.account_days * DAY), Some(at + keep.writings_days * DAY));
    answer(state, ctx, viewer, request_id, (ErasureStatus::Confirmed, ""), dates).await
}

/// A coordinator says no, and which legal duty keeps the data.
pub async fn decline(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    request_id: i64,
    decline: ErasureDecline,
) -> Result<ErasureRequest, AppError> {
    let explanation = crate::text::cleaned(&decline.explanation, true, 2000)?;
    let status = (ErasureStatus::Declined, explanation.as_str());
    answer(state, ctx, viewer, request_id, status, (None, None)).await
}

async fn answer(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    request_id: i64,
    (status, explanation): (ErasureStatus, &str),
    dates: (Option<i64>, Option<i64>),
) -> Result<ErasureRequest, AppError> {
    access::require_coordinator(viewer)?;
    require_recent_second_factor(viewer)?;
    let at = now();
    let mut tx = state.begin().await?;
    let request = storage::by_id(&mut tx, request_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    // Closing an account, or saying no to a person's right, is for a coordinator who
    // reaches them; anyone else's request is not revealed to exist.
    if !crate::circle::storage::person_in_reach(&mut tx, viewer, request.user_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    if request.user_id == viewer.user_id {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    if !storage::answer(&mut tx, request_id, status, viewer.user_id, at, explanation, dates).await? {
        return Err(AppError::new(ErrorCode::RequestAnswered));
    }
    let action = if status == ErasureStatus::Confirmed {
        crate::accounts::service::close_account_in(&mut tx, ctx, viewer.user_id, request.user_id, at).await?;
        AuditAction::ErasureConfirmed
    } else {
        AuditAction::ErasureDeclined
    };
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: None,
        object: Some(("user", request.user_id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    let answered = storage::by_id(&mut tx, request_id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(answered)
}

/// What one run erased: (accounts, people's writings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub accounts: u64,
    pub writings: u64,
}

/// Erases every part whose retention ended by `at`, one person per transaction.
pub async fn erase_due(state: &AppState, at: i64) -> Result<Erased, AppError> {
    let mut erased = Erased::default();
    let step = state.with_new_unit();
    for account in [true, false] {
        let mut tx = step.read().await?;
        let due = storage::due(&mut tx, account, at).await?;
        tx.commit().await?;
        for (request_id, user_id) in due {
            let mut tx = step.begin().await?;
            if account {
                storage::erase_account(&mut tx, request_id, user_id, at).await?;
                erased.accounts += 1;
            } else {
                storage::erase_writings(&mut tx, request_id, user_id, at).await?;
                erased.writings += 1;
            }
            let on_schedule = RequestContext {
                request_id: "erasure".into(),
                address: "scheduler".into(),
            };
            let entry = AuditEntry {
                actor: None,
                action: AuditAction::ErasureCarriedOut,
                case_id: None,
                object: Some((if account { "account" } else { "writings" }, user_id)),
            };
            audit::record(&mut tx, &on_schedule, entry).await?;
            tx.commit().await?;
        }
    }
    Ok(erased)
}
