//! The accounts service: the one place both doors (pages and `/api/v1`) call to sign in,
//! authenticate, sign out, and turn one-time codes into accounts or new passwords.

use super::codes::{digest, new_device_token, new_one_time_code, new_session_token, normalise_code};
use super::passwords::{self, NewPassword};
use super::storage::{self, NewCode, NewSession, NewUser, UserRow};
use super::throttle::{self, Limit};
use super::{AccountRole, DeviceList, DeviceSession, Me, Username};
use crate::access;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::db::{is_unique_violation, now, PendingWrite, Tx};
use crate::error::{AppError, ErrorCode};
use crate::i18n::Lang;
use crate::pagination::{Cursor, PageRequest};
use crate::second_factor::service::require_recent as require_recent_second_factor;
use crate::second_factor::SessionStage;
use crate::state::{AppState, RequestContext, SessionFacts};
use secrecy::SecretString;

const CODE_LIFETIME_SECS: i64 = 7 * 24 * 60 * 60;
/// Wrong one-time codes a minute from all addresses together.
const CODE_FAILURES_PER_MINUTE: i64 = 100;

/// An authenticated person and the session they came with. Only `authenticate` makes one.
#[derive(Clone, Debug)]
pub struct Viewer {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: AccountRole,
    pub organisation_id: Option<i64>,
    pub language: Option<Lang>,
    pub session_id: i64,
    /// Since when the person has a second factor; `None`: they have none.
    pub second_factor_since: Option<i64>,
    /// When this session last saw the second factor.
    pub second_factor_at: Option<i64>,
}

impl Viewer {
    fn from_row(user: UserRow, session_id: i64, second_factor_at: Option<i64>) -> Result<Viewer, AppError> {
        let role = AccountRole::parse(&user.role).ok_or_else(|| {
            tracing::error!(user_id = user.id, "account has an unknown role");
            AppError::new(ErrorCode::Internal)
        })?;
        Ok(Viewer {
            user_id: user.id,
            username: user.username,
            display_name: user.display_name,
            role,
            organisation_id: user.organisation_id,
            language: user.language.as_deref().and_then(Lang::parse),
            session_id,
            second_factor_since: user.second_factor_since,
            second_factor_at,
        })
    }
}

pub enum SessionKind {
    /// A browser; `name` says which ("Chrome on Android"), empty when unknown.
    Web {
        name: String,
    },
    Device {
        name: String,
    },
}

pub struct SignedIn {
    pub token: String,
    pub viewer: Viewer,
    /// What the session still needs before it lets its holder in.
    pub stage: SessionStage,
    /// Set when a reset code changed the password since the last sign-in.
    pub password_reset: Option<PasswordResetNote>,
}

/// "Your password was changed on … with a code from …": told once, at the first sign-in
/// after a reset code was used, so a person whose account was taken over hears of it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PasswordResetNote {
    /// Unix seconds.
    pub at: i64,
    /// Whose code it was: their name.
    pub code_from: String,
}

/// How long a session that waits for its second factor lasts.
const PENDING_SECS: i64 = 10 * 60;

#[tracing::instrument(skip_all, fields(kind = match kind { SessionKind::Web { .. } => "web", SessionKind::Device { .. } => "device" }))]
pub async fn sign_in(
    state: &AppState,
    ctx: &RequestContext,
    username: &str,
    password: SecretString,
    kind: SessionKind,
) -> Result<SignedIn, AppError> {
    let now = now();
    let normalised = username.trim().to_lowercase();
    let account_key = format!("account:{normalised}");
    let address_key = format!("address:{}", ctx.address);
    let mut tx = state.begin().await?;
    let attempt = throttle::begin_attempt(
        &mut tx,
        state.backend,
        &[Limit::per(&account_key), Limit::per(&address_key)],
        now,
    )
    .await?;
    let user = match Username::parse(&normalised) {
        Ok(name) => storage::user_by_username(&mut tx, name.as_str()).await?,
        Err(_) => None,
    };
    tx.commit().await?;
    // Always verify, against a dummy hash when the account is unknown: same answer, same time.
    let verified = passwords::verify(password, user.as_ref().map(|u| u.password_hash.clone())).await?;

    let mut tx = state.begin().await?;
    let user = match (user, verified) {
        // A disabled account gets the same answer as a wrong password.
        (Some(user), true) if user.disabled_at.is_none() => {
            throttle::succeeded(&mut tx, &attempt).await?;
            user
        }
        (maybe_user, _) => {
            // Already counted by `begin_attempt`.
            let actor = maybe_user.map(|u| u.id);
            audit::record(
                &mut tx,
                ctx,
                AuditEntry {
                    actor,
                    action: AuditAction::SignInFailed,
                    case_id: None,
                    object: None,
                },
            )
            .await?;
            tx.commit().await?;
            return Err(AppError::new(ErrorCode::InvalidCredentials));
        }
    };

    let password_reset = storage::take_password_reset_note(&mut tx, user.id)
        .await?
        .map(|(at, code_from)| PasswordResetNote { at, code_from });
    let role = AccountRole::parse(&user.role);
    let stage = SessionStage::at_sign_in(role, user.second_factor_since, state.staff_second_factor_required);
    let (token, kind_name, device_name, expires_at) = match kind {
        SessionKind::Web { name } => (new_session_token(), "web", name, now + state.sessions.absolute_secs),
        SessionKind::Device { name } => (
            new_device_token(),
            "device",
            name,
            now + state.sessions.device_token_secs,
        ),
    };
    let session_id = storage::insert_session(
        &mut tx,
        NewSession {
            token_hash: &digest(&token),
            user_id: user.id,
            kind: kind_name,
            device_name: &device_name,
            stage: stage.as_str(),
            now,
            expires_at: if stage == SessionStage::Full {
                expires_at
            } else {
                now + PENDING_SECS
            },
        },
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(user.id),
            action: AuditAction::SignIn,
            case_id: None,
            object: Some(("session", session_id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        token,
        viewer: Viewer::from_row(user, session_id, None)?,
        stage,
        password_reset,
    })
}

/// Turns a session cookie or bearer token into a `Viewer`, enforcing idle and absolute
/// timeouts. Anything wrong with it is simply "not signed in"; a session still waiting for
/// its second factor lets nobody in ("second_factor_required").
pub async fn authenticate(state: &AppState, token: &str) -> Result<Viewer, AppError> {
    match authenticate_any(state, token).await? {
        (viewer, SessionStage::Full) => Ok(viewer),
        _ => Err(AppError::new(ErrorCode::SecondFactorRequired)),
    }
}

/// Like [`authenticate`], but also a session that waits for its second factor: only the
/// second-factor doors use this.
pub async fn authenticate_any(state: &AppState, token: &str) -> Result<(Viewer, SessionStage), AppError> {
    let unauthenticated = || AppError::new(ErrorCode::Unauthenticated);
    if token.is_empty() || token.len() > 200 {
        return Err(unauthenticated());
    }
    let now = now();
    let mut tx = state.lookup().await?;
    let session = storage::session_by_token_hash(&mut tx, &digest(token)).await?;
    tx.commit().await?;
    let session = session.ok_or_else(unauthenticated)?;
    if session.ended_at.is_some() || now >= session.expires_at || session.user.disabled_at.is_some() {
        return Err(unauthenticated());
    }
    let stage = SessionStage::parse(&session.stage).ok_or_else(unauthenticated)?;
    let viewer = Viewer::from_row(session.user, session.id, session.second_factor_at)?;
    let facts = SessionFacts {
        kind: session.kind,
        role: Some(viewer.role),
        last_seen_at: session.last_seen_at,
        expires_at: session.expires_at,
        ended_at: session.ended_at,
    };
    if !state.sessions.holds(&facts, now) {
        let mut tx = state.begin().await?;
        storage::end_session(&mut tx, session.id, now).await?;
        tx.commit().await?;
        return Err(unauthenticated());
    }
    // One write a minute at most per session keeps the idle clock honest without
    // turning every read into a write; the group-commit writer takes it, and a crash
    // loses at most that minute.
    if now - session.last_seen_at >= 60 {
        state.db.database().write_later(vec![PendingWrite::TouchSession {
            session_id: session.id,
            at: now,
        }]);
    }
    Ok((viewer, stage))
}

pub async fn me(state: &AppState, viewer: &Viewer) -> Result<Me, AppError> {
    let organisation = match viewer.organisation_id {
        Some(id) => {
            let mut tx = state.read().await?;
            let name = storage::organisation_name(&mut tx, id).await?;
            tx.commit().await?;
            name
        }
        None => None,
    };
    Ok(Me {
        id: viewer.user_id,
        username: viewer.username.clone(),
        display_name: viewer.display_name.clone(),
        role: viewer.role,
        language: viewer.language,
        organisation,
    })
}

pub async fn sign_out(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    storage::end_session(&mut tx, viewer.session_id, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::SignOut,
            case_id: None,
            object: Some(("session", viewer.session_id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The viewer's sessions that still let them in, in the order they began: a page of them
/// (`after_id`, at most `limit`). The idle limits are those of the viewer's role.
async fn open_devices(
    state: &AppState,
    viewer: &Viewer,
    after_id: i64,
    limit: i64,
) -> Result<Vec<DeviceSession>, AppError> {
    let now = now();
    let idle = |kind| state.sessions.idle_secs(kind, Some(viewer.role));
    let seen_since = (now - idle("web"), now - idle("device"));
    let mut tx = state.read().await?;
    let rows = storage::open_sessions_page(&mut tx, viewer.user_id, now, seen_since, after_id, limit).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|(id, device_name, kind, created_at, last_seen_at)| DeviceSession {
            id,
            device_name,
            kind,
            created_at,
            last_seen_at,
            current: id == viewer.session_id,
        })
        .collect())
}

pub async fn devices(state: &AppState, viewer: &Viewer) -> Result<Vec<DeviceSession>, AppError> {
    let mut devices = open_devices(state, viewer, 0, i64::MAX).await?;
    // This device first; the others by when they were last used.
    devices.sort_by_key(|device| (!device.current, std::cmp::Reverse(device.last_seen_at)));
    Ok(devices)
}

/// The devices for the API, a page at a time in the order they signed in.
pub async fn device_page(state: &AppState, viewer: &Viewer, page: &PageRequest) -> Result<DeviceList, AppError> {
    let devices = open_devices(state, viewer, page.after_id(), page.one_more()).await?;
    let (devices, next_cursor) = page.cut(devices, |d| Cursor::by_id(d.id));
    Ok(DeviceList { devices, next_cursor })
}

/// Signs out one of the viewer's own devices. Someone else's session is "not found".
pub async fn revoke_device(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    session_id: i64,
) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    if storage::open_session_owner(&mut tx, session_id).await? != Some(viewer.user_id) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    storage::end_session(&mut tx, session_id, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::SessionRevoked,
            case_id: None,
            object: Some(("session", session_id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The person changes their own password. The current one is asked first, and a wrong
/// one counts against the same limit as failed sign-ins, so a phone left unlocked cannot
/// be used to guess it. Every other session and phone token ends (and with them their
/// streams and push notices); the one in hand stays signed in.
pub async fn change_password(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    current: SecretString,
    new: &str,
) -> Result<(), AppError> {
    let new = NewPassword::parse(new)?;
    let now = now();
    let account_key = format!("account:{}", viewer.username);
    let mut tx = state.begin().await?;
    let attempt = throttle::begin_attempt(&mut tx, state.backend, &[Limit::per(&account_key)], now).await?;
    let stored = storage::user_by_id(&mut tx, viewer.user_id)
        .await?
        .map(|u| u.password_hash);
    tx.commit().await?;
    let verified = passwords::verify(current, stored).await?;
    let mut tx = state.begin().await?;
    if !verified {
        let entry = own_entry(viewer, AuditAction::PasswordChangeRefused);
        audit::record(&mut tx, ctx, entry).await?;
        tx.commit().await?;
        return Err(AppError::new(ErrorCode::WrongPassword));
    }
    throttle::succeeded(&mut tx, &attempt).await?;
    tx.commit().await?;
    let hash = passwords::hash(new).await?;
    let mut tx = state.begin().await?;
    storage::set_password(&mut tx, viewer.user_id, &hash).await?;
    storage::end_other_sessions(&mut tx, viewer.user_id, viewer.session_id, now).await?;
    audit::record(&mut tx, ctx, own_entry(viewer, AuditAction::PasswordChanged)).await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator disables the account of someone in their reach who left: it cannot sign
/// in any more, and every session, token, stream and push notice of it ends at once. Its
/// history stays. Each case the person is in records it, so the participant sees it.
pub async fn disable_account(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    user_id: i64,
) -> Result<(), AppError> {
    access::require_coordinator(viewer)?;
    require_recent_second_factor(viewer)?;
    if user_id == viewer.user_id {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let now = now();
    let mut tx = state.begin().await?;
    // Someone who does not exist is in nobody's reach.
    if !crate::circle::storage::person_in_reach(&mut tx, viewer, user_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    close_account_in(&mut tx, ctx, viewer.user_id, user_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Closes an account in the caller's transaction (once): it can no longer sign in, every
/// session and token ends, its reset codes are void, and the access log of each case it is
/// part of says who closed it.
pub(crate) async fn close_account_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    closed_by: i64,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    if storage::disable_user(tx, user_id, now).await? {
        storage::end_all_sessions(tx, user_id, now).await?;
        storage::void_reset_codes(tx, user_id, now).await?;
        let mut cases: Vec<Option<i64>> = storage::cases_of_member(tx, user_id)
            .await?
            .into_iter()
            .map(Some)
            .collect();
        if cases.is_empty() {
            cases.push(None);
        }
        for case_id in cases {
            let entry = AuditEntry {
                actor: Some(closed_by),
                action: AuditAction::AccountDisabled,
                case_id,
                object: Some(("user", user_id)),
            };
            audit::record(tx, ctx, entry).await?;
        }
    }
    Ok(())
}

/// An entry about the viewer's own account.
fn own_entry(viewer: &Viewer, action: AuditAction) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: None,
        object: Some(("user", viewer.user_id)),
    }
}

pub async fn sign_out_everywhere(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    storage::end_all_sessions(&mut tx, viewer.user_id, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::SessionRevoked,
            case_id: None,
            object: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_language(state: &AppState, ctx: &RequestContext, viewer: &Viewer, lang: Lang) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    storage::set_language(&mut tx, viewer.user_id, lang.code()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::LanguageChanged,
            case_id: None,
            object: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Who an invitation is for.
#[derive(Clone, Debug)]
pub enum Invitee {
    Worker {
        organisation_id: i64,
        display_name: String,
    },
    Participant {
        case_id: i64,
        display_name: String,
    },
    Family {
        case_id: i64,
        display_name: String,
        relationship: Relationship,
    },
}

/// Creates a one-time invitation code. Coordinators invite workers; a worker of a case
/// invites that case's participant and family members.
pub async fn invite(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    invitee: Invitee,
) -> Result<String, AppError> {
    require_recent_second_factor(viewer)?;
    let display_name = match &invitee {
        Invitee::Worker { display_name, .. }
        | Invitee::Participant { display_name, .. }
        | Invitee::Family { display_name, .. } => display_name.trim().to_string(),
    };
    if display_name.is_empty() || display_name.chars().count() > 80 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let code = new_one_time_code();
    let now = now();
    let mut tx = state.begin().await?;
    let (role, organisation_id, case_id, relationship) = match &invitee {
        Invitee::Worker { organisation_id, .. } => {
            access::require_coordinator(viewer)?;
            (AccountRole::Worker, Some(*organisation_id), None, None)
        }
        Invitee::Participant { case_id, .. } => {
            // The coordinator who sets the case up, or a worker of the case; and only
            // while the case has no participant: a second one would share her powers.
            if viewer.role == AccountRole::Coordinator {
                if !crate::circle::storage::case_in_reach(&mut tx, viewer, *case_id).await? {
                    return Err(AppError::new(ErrorCode::NotFound));
                }
            } else {
                access::require_case_worker(&mut tx, viewer, *case_id).await?;
            }
            if crate::circle::storage::has_participant(&mut tx, *case_id).await? {
                return Err(AppError::new(ErrorCode::CaseHasParticipant));
            }
            (AccountRole::Participant, None, Some(*case_id), None)
        }
        Invitee::Family {
            case_id, relationship, ..
        } => {
            access::require_case_worker(&mut tx, viewer, *case_id).await?;
            (AccountRole::Family, None, Some(*case_id), Some(relationship.as_str()))
        }
    };
    let code_id = storage::insert_code(
        &mut tx,
        NewCode {
            code_hash: &digest(&normalise_code(&code)),
            purpose: "invitation",
            account_role: Some(role.as_str()),
            display_name: Some(&display_name),
            organisation_id,
            case_id,
            case_role: None,
            relationship,
            target_user_id: None,
            created_by: viewer.user_id,
            now,
            expires_at: now + CODE_LIFETIME_SECS,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::InvitationCreated,
            case_id,
            object: Some(("one_time_code", code_id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// Creates a code with which a person chooses a new password. A coordinator may issue it
/// for anyone but another coordinator; a worker for the participant and family of a case
/// they work on.
pub async fn issue_reset_code(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    target_user_id: i64,
) -> Result<String, AppError> {
    let mut tx = state.begin().await?;
    let target = storage::user_by_id(&mut tx, target_user_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let case_id = access::require_may_reset(&mut tx, viewer, target.id, &target.role).await?;
    require_recent_second_factor(viewer)?;
    if target.disabled_at.is_some() {
        return Err(AppError::new(ErrorCode::AccountClosed));
    }
    let code = new_one_time_code();
    let now = now();
    storage::insert_code(
        &mut tx,
        NewCode {
            code_hash: &digest(&normalise_code(&code)),
            purpose: "reset",
            account_role: None,
            display_name: None,
            organisation_id: None,
            case_id,
            case_role: None,
            relationship: None,
            target_user_id: Some(target.id),
            created_by: viewer.user_id,
            now,
            expires_at: now + CODE_LIFETIME_SECS,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::ResetCodeCreated,
            case_id,
            object: Some(("user", target.id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

pub enum Redeemed {
    AccountCreated,
    PasswordReset,
}

/// Uses a one-time code: an invitation becomes an account (and a place in the circle),
/// a reset code a new password with every old session ended.
#[tracing::instrument(skip_all)]
pub async fn redeem(
    state: &AppState,
    ctx: &RequestContext,
    code: &str,
    username: Option<&str>,
    password: &str,
) -> Result<Redeemed, AppError> {
    let now = now();
    let address_key = format!("code:{}", ctx.address);
    // Each address, and all addresses together: guessing codes from many addresses at
    // once is held to a rate at which the ~40 bits of a code take years.
    let limits = [
        Limit::per(&address_key),
        Limit {
            key: "code:any",
            max_failures: CODE_FAILURES_PER_MINUTE,
        },
    ];
    let password = NewPassword::parse(password)?;
    let username = username
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(Username::parse)
        .transpose()?;
    let mut tx = state.begin().await?;
    let attempt = throttle::begin_attempt(&mut tx, state.backend, &limits, now).await?;
    tx.commit().await?;
    let password_hash = passwords::hash(password).await?;

    let mut tx = state.begin().await?;
    let Some(claimed) = storage::claim_code(&mut tx, &digest(&normalise_code(code)), now).await? else {
        // Already counted by `begin_attempt`.
        return Err(AppError::new(ErrorCode::InvalidCode));
    };
    throttle::succeeded(&mut tx, &attempt).await?;

    if claimed.purpose == "reset" {
        let user_id = claimed.target_user_id.ok_or(AppError::new(ErrorCode::Internal))?;
        storage::set_password(&mut tx, user_id, &password_hash).await?;
        storage::end_all_sessions(&mut tx, user_id, now).await?;
        storage::note_password_reset(&mut tx, user_id, claimed.created_by, now).await?;
        audit::record(
            &mut tx,
            ctx,
            AuditEntry {
                actor: Some(user_id),
                action: AuditAction::PasswordReset,
                case_id: claimed.case_id,
                object: Some(("one_time_code", claimed.id)),
            },
        )
        .await?;
        tx.commit().await?;
        return Ok(Redeemed::PasswordReset);
    }

    let username = username.ok_or(AppError::new(ErrorCode::InvalidUsername))?;
    let role = claimed
        .account_role
        .as_deref()
        .and_then(AccountRole::parse)
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let display_name = claimed
        .display_name
        .clone()
        .unwrap_or_else(|| username.as_str().to_string());
    let user_id = match storage::insert_user(
        &mut tx,
        NewUser {
            username: username.as_str(),
            display_name: &display_name,
            password_hash: &password_hash,
            role: role.as_str(),
            organisation_id: claimed.organisation_id,
            now,
        },
    )
    .await
    {
        Ok(id) => id,
        Err(error) if is_unique_violation(&error) => return Err(AppError::new(ErrorCode::UsernameTaken)),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(user_id),
            action: AuditAction::InvitationRedeemed,
            case_id: claimed.case_id,
            object: Some(("one_time_code", claimed.id)),
        },
    )
    .await?;
    if let Some(case_id) = claimed.case_id {
        let kind = if role == AccountRole::Participant {
            MemberKind::Participant
        } else {
            MemberKind::Family
        };
        let relationship = claimed.relationship.as_deref().and_then(Relationship::parse);
        let case_role: Option<CaseRole> = claimed.case_role.as_deref().and_then(CaseRole::parse);
        crate::circle::service::add_member_in(
            &mut tx,
            ctx,
            Some(user_id),
            case_id,
            user_id,
            kind,
            case_role,
            relationship,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redeemed::AccountCreated)
}
