//! The live event stream (server-sent events), one per signed-in client, for pages (with
//! the session cookie) and phones (with the bearer token). It resumes after the client's
//! `Last-Event-ID`, and ends within a second when the session ends or when the person is
//! taken out of a circle or loses a share.

use crate::accounts::forms::web_viewer;
use crate::http::RequestState;
use crate::http::{ApiQuery, ApiViewer, Ctx};
use app::accounts::service::Viewer;
use app::error::AppError;
use app::messaging::hub::StreamTicket;
use app::messaging::live::{self, LiveEvent};
use app::state::{AppState, RequestContext};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::collections::VecDeque;
use std::convert::Infallible;
use utoipa::IntoParams;

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
    responses((status = 200, content_type = "text/event-stream", body = LiveEvent), (status = 401), (status = 429, description = "too_many_streams: ten streams are open for this person already")))]
pub async fn api_events(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    open(state, ctx, viewer, &headers, resume.after).await
}

/// The same stream for pages, with the session cookie.
pub async fn page_events(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let viewer = web_viewer(&state, &headers).await?;
    open(state, ctx, viewer, &headers, resume.after).await
}

struct Listener {
    /// Detached: each read takes a unit of work of its own and holds none while waiting.
    state: AppState,
    /// The request that opened the stream: where each delivery is recorded as from.
    ctx: RequestContext,
    viewer: Viewer,
    ticket: StreamTicket,
    last: i64,
    pending: VecDeque<LiveEvent>,
}

async fn open(
    state: AppState,
    ctx: RequestContext,
    viewer: Viewer,
    headers: &HeaderMap,
    after: Option<i64>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
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
    // Registered after reading where to start: the ticket starts as told of new events,
    // so whatever arrived in between is read at once.
    let ticket = state.streams.register(viewer.clone(), fingerprint)?;
    let listener = Listener {
        state: state.detached(),
        ctx,
        viewer,
        ticket,
        last,
        pending: VecDeque::new(),
    };
    Ok(Sse::new(stream::unfold(listener, next_event)).keep_alive(KeepAlive::default()))
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
        if listener.ticket.is_closed() || listener.state.events.is_closing() {
            return None;
        }
        if listener.ticket.take_new_events() {
            let step = listener.state.with_new_unit();
            match live::events_after(&step, &listener.ctx, &listener.viewer, listener.last, BATCH).await {
                Ok((events, last)) => {
                    // A full batch may have more behind it: read on before waiting.
                    if events.len() as i64 == BATCH {
                        listener.ticket.mark_new_events();
                    }
                    listener.last = last;
                    listener.pending.extend(events);
                    continue;
                }
                Err(error) => {
                    tracing::warn!(code = error.code.as_str(), "event stream could not read events");
                    return None;
                }
            }
        }
        if !listener.ticket.wait().await {
            return None;
        }
    }
}
