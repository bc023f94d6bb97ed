//! The live event stream (server-sent events), one per signed-in client, for pages (with
//! the session cookie) and phones (with the bearer token). It resumes after the client's
//! `Last-Event-ID`, and ends within a second when the session ends or when the person is
//! taken out of a circle or loses a share.

use crate::accounts::forms::web_viewer;
use crate::http::RequestState;
use crate::http::{ApiQuery, ApiViewer};
use app::accounts::service::{session_is_live, Viewer};
use app::error::AppError;
use app::messaging::live::{self, LiveEvent};
use app::state::AppState;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;
use utoipa::IntoParams;

/// How often a stream checks that its person may still listen (so that taking access
/// away ends the stream within a second).
const CHECK_EVERY: Duration = Duration::from_millis(800);
const BATCH: i64 = 100;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Resume {
    /// The id of the last event received; the `Last-Event-ID` header does the same.
    after: Option<i64>,
}

/// The live stream of new messages, read receipts and unread counts for all of the
/// person's conversations, as server-sent events (`event: message` or `event: read`,
/// `data:` a JSON LiveEvent, `id:` to resume from).
#[utoipa::path(get, path = "/api/v1/events", tag = "messaging", security(("bearer" = [])), params(Resume),
    responses((status = 200, content_type = "text/event-stream", body = LiveEvent), (status = 401)))]
pub async fn api_events(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    open(state, viewer, &headers, resume.after).await
}

/// The same stream for pages, with the session cookie.
pub async fn page_events(
    RequestState(state): RequestState,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let viewer = web_viewer(&state, &headers).await?;
    open(state, viewer, &headers, resume.after).await
}

struct Listener {
    state: AppState,
    viewer: Viewer,
    wake: broadcast::Receiver<i64>,
    last: i64,
    pending: VecDeque<LiveEvent>,
    fingerprint: Vec<String>,
    checked: Instant,
    polled: Option<Instant>,
}

async fn open(
    state: AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    after: Option<i64>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    // Subscribe before reading where to start, so nothing slips in between.
    let wake = state.events.subscribe();
    let resume_from = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(after);
    let last = match resume_from {
        Some(id) => id,
        None => live::latest_event_id(&state, viewer.user_id).await?,
    };
    let fingerprint = live::access_fingerprint(&state, viewer.user_id).await?;
    let listener = Listener {
        // A stream outlives its request: each of its steps takes a unit of work (and a
        // connection) of its own, and holds none while it waits.
        state: state.detached(),
        viewer,
        wake,
        last,
        pending: VecDeque::new(),
        fingerprint,
        checked: Instant::now(),
        polled: None,
    };
    Ok(Sse::new(stream::unfold(listener, next_event)).keep_alive(KeepAlive::default()))
}

/// Whether the person may still listen: a live session and nothing taken away.
async fn still_allowed(listener: &Listener) -> bool {
    let step = listener.state.with_new_unit();
    let live = session_is_live(&step, &listener.viewer).await.unwrap_or(false);
    let now = live::access_fingerprint(&step, listener.viewer.user_id)
        .await
        .unwrap_or_default();
    live && listener.fingerprint.iter().all(|grant| now.contains(grant))
}

async fn next_event(mut listener: Listener) -> Option<(Result<Event, Infallible>, Listener)> {
    loop {
        if let Some(event) = listener.pending.pop_front() {
            let sse = Event::default()
                .id(event.id.to_string())
                .event(event.kind.clone())
                .json_data(&event)
                .unwrap_or_else(|_| Event::default().comment("unreadable event"));
            return Some((Ok(sse), listener));
        }
        if listener.state.events.is_closing() {
            return None;
        }
        if listener.checked.elapsed() >= CHECK_EVERY {
            if !still_allowed(&listener).await {
                return None;
            }
            listener.checked = Instant::now();
        }
        // Reading without a wake-up is the safety net for one that got lost (say, while
        // the connection that listens for other processes reconnects).
        let poll_every = listener.state.events.poll_every();
        if listener.polled.is_none_or(|at| at.elapsed() >= poll_every) {
            let step = listener.state.with_new_unit();
            match live::events_after(&step, &listener.viewer, listener.last, BATCH).await {
                Ok((events, last)) => {
                    listener.polled = Some(Instant::now());
                    listener.last = last;
                    listener.pending.extend(events);
                    if !listener.pending.is_empty() {
                        continue;
                    }
                }
                Err(error) => {
                    tracing::warn!(code = error.code.as_str(), "event stream could not read events");
                    return None;
                }
            }
        }
        if wait_for_wake(&mut listener).await {
            listener.polled = None;
        }
    }
}

/// Waits until someone wakes this person (true) or it is time for the next check
/// (false). A lagging receiver counts as a wake-up: the database, not the channel, says
/// what is new.
async fn wait_for_wake(listener: &mut Listener) -> bool {
    let deadline = listener.checked + CHECK_EVERY;
    loop {
        match tokio::time::timeout_at(deadline, listener.wake.recv()).await {
            Err(_) => return false,
            Ok(Ok(user)) if user != listener.viewer.user_id => continue,
            Ok(Ok(_)) | Ok(Err(RecvError::Lagged(_))) => return true,
            Ok(Err(RecvError::Closed)) => {
                tokio::time::sleep_until(deadline).await;
                return false;
            }
        }
    }
}
