//! Messages between the people of a case and their workers: one conversation per pair by
//! default (what you tell one worker is not for another), group conversations the
//! participant starts, idempotent sending and read receipts one can switch off.

mod page;
mod settings_view;
mod types;

pub use page::{ConversationsPage, ThreadPage};
pub use types::*;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod away;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod inbox;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

/// The conversations page: every conversation, and who is looking (to leave them out of
/// "with whom").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationsView {
    pub list: ConversationList,
    pub viewer_id: i64,
    /// For workers: the same conversations as an inbox, and colleagues' overdue ones.
    pub inbox: Option<Inbox>,
    pub settings: MessageSettings,
}

/// What the viewer can set on the messages page: for workers an away period (with the
/// colleagues who may stand in), for others whether they send read receipts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSettings {
    pub colleagues: Vec<(i64, String)>,
    /// (last day away, the stand-in's name) while away.
    pub away: Option<(String, String)>,
    pub sends_read_receipts: bool,
}

#[server(prefix = "/s", endpoint = "conversations")]
pub async fn load_conversations() -> Result<ConversationsView, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let list = service::conversations(&state, &viewer, &crate::pagination::PageRequest::everything()).await?;
    let inbox = match viewer.role {
        crate::accounts::AccountRole::Worker => Some(inbox::inbox(&state, &viewer).await?),
        _ => None,
    };
    let settings = away::settings(&state, &viewer).await?;
    Ok(ConversationsView {
        list,
        viewer_id: viewer.user_id,
        inbox,
        settings,
    })
}

/// The thread page: the newest messages, the viewer's id (to tell their own messages
/// apart) and a fresh client id for the form, so a second press of "send" (or a reload
/// that posts again) cannot send the message twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub page: MessagePage,
    pub viewer_id: i64,
    pub client_id: String,
    /// For a worker: what the participant and family in this conversation asked for, when
    /// they show it to their workers.
    pub preferences: Vec<crate::preferences::MemberPreferences>,
}

/// How many messages wait unread for the signed-in person, for the navigation.
#[server(prefix = "/s", endpoint = "unread")]
pub async fn load_unread_total() -> Result<i64, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::unread_total(&state, &viewer).await
}

/// How many messages a conversation's page shows at once; earlier ones load on request.
pub const THREAD_PAGE_SIZE: i64 = 20;

/// The newest messages, or with `before` (a cursor from an earlier page) those before it.
/// Opening the newest page marks the thread read up to its newest message.
#[server(prefix = "/s", endpoint = "thread")]
pub async fn load_thread(conversation_id: i64, before: Option<String>) -> Result<ThreadView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let page = service::messages(
        &state,
        &ctx,
        &viewer,
        conversation_id,
        before.as_deref(),
        None,
        Some(THREAD_PAGE_SIZE),
    )
    .await?;
    if let (None, Some(newest)) = (&before, page.messages.last()) {
        service::mark_read(&state, &viewer, conversation_id, ReadUpTo { up_to: newest.id }).await?;
    }
    let preferences = if viewer.role == crate::accounts::AccountRole::Worker {
        let mut tx = state.read().await?;
        let case_id = page.conversation.case_id;
        // A stand-in may read a conversation of a case they do not work in: then nothing.
        let shown = match crate::preferences::service::shown_to_worker_in(&mut tx, &ctx, &viewer, case_id).await {
            Err(e)
                if matches!(
                    e.code,
                    crate::error::ErrorCode::NotPermitted | crate::error::ErrorCode::NotFound
                ) =>
            {
                Vec::new()
            }
            other => other?,
        };
        tx.commit().await?;
        let members = &page.conversation.members;
        shown
            .into_iter()
            .filter(|p| members.iter().any(|m| m.user_id == p.user_id))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ThreadView {
        page,
        viewer_id: viewer.user_id,
        client_id: hex::encode(rand::random::<[u8; 12]>()),
        preferences,
    })
}

#[cfg(feature = "ssr")]
pub(crate) fn hot_queries() -> Vec<crate::db::hot_queries::HotQuery> {
    storage::hot_queries()
}
