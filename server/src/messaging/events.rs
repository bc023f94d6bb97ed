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

/// The document's shape of one event on the stream, as OpenAPI describes server-sent
/// events: the fields of the event (`id`, `event`, `data`), the data a JSON `LiveEvent`.
/// (utoipa describes a body, not the events it is cut into.)
pub struct StreamEventShape;

impl utoipa::Modify for StreamEventShape {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        use utoipa::openapi::RefOr;
        let Some(operation) = openapi
            .paths
            .paths
            .get_mut("/api/v1/events")
            .and_then(|item| item.get.as_mut())
        else {
            return;
        };
        let Some(RefOr::T(ok)) = operation.responses.responses.get_mut("200") else {
            return;
        };
        let Some(content) = ok.content.get_mut("text/event-stream") else {
            return;
        };
        let text = || ObjectBuilder::new().schema_type(Type::String);
        let event = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "id",
                text().description(Some("send back as `Last-Event-ID` (or `after`) to resume")),
            )
            .property("event", text().enum_values(Some(["message", "read"])))
            .property(
                "data",
                text()
                    .content_media_type("application/json")
                    .description(Some("a `LiveEvent` (see the schemas), as JSON")),
            )
            .required("data");
        content.schema = Some(RefOr::T(event.build().into()));
    }
}

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

/// JSON with the characters that some clients take for line ends (NEL, and the Unicode
/// line and paragraph separators, which JSON may leave raw) written as escapes, so that
/// every client reads one event's data as one line. Found by fuzzing: a message holding
/// one broke the event in two for a client that splits lines the way Python does.
fn one_line(json: String) -> String {
    if !json.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return json;
    }
    json.replace('\u{85}', "\\u0085")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

async fn next_event(mut listener: Listener) -> Option<(Result<Event, Infallible>, Listener)> {
    loop {
        if let Some(event) = listener.pending.pop_front() {
            let sse = match serde_json::to_string(&event) {
                Ok(json) => Event::default()
                    .id(event.id.to_string())
                    .event(event.kind.clone())
                    .data(one_line(json)),
                Err(_) => Event::default().comment("unreadable event"),
            };
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
