//! A copy of one's own data: `GET /api/v1/me/export` for phone apps, and from the settings
//! page a printable page and the same JSON as a file.

pub mod api;
pub mod pages;

use app::error::{AppError, ErrorCode};
use app::export::service::{self, ExportWriter, OpenExport, Sink};
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use std::sync::{Arc, OnceLock};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

/// Copies written at once per process. Each holds a database connection while its reader
/// takes it in, so a few slow readers must not take the pool from everyone else.
const AT_ONCE: usize = 4;

/// A place among the copies being written, or 503 (with `Retry-After`) when all are taken.
pub fn place() -> Result<OwnedSemaphorePermit, AppError> {
    static PLACES: OnceLock<Arc<Semaphore>> = OnceLock::new();
    PLACES
        .get_or_init(|| Arc::new(Semaphore::new(AT_ONCE)))
        .clone()
        .try_acquire_owned()
        .map_err(|_| AppError::new(ErrorCode::ServiceUnavailable))
}

struct ChannelSink(mpsc::Sender<Result<Bytes, std::io::Error>>);

impl Sink for ChannelSink {
    async fn send(&mut self, text: String) -> bool {
        self.0.send(Ok(Bytes::from(text))).await.is_ok()
    }
}

/// Streams the copy as it is read. If reading fails half-way the body ends with an error,
/// so the client sees a broken transfer rather than a copy that looks whole but is short.
pub fn streamed<W: ExportWriter>(
    export: OpenExport,
    writer: W,
    place: OwnedSemaphorePermit,
    content_type: &'static str,
    disposition: Option<String>,
) -> Response {
    let (sender, receiver) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        let _place = place;
        if let Err(error) = service::write(export, writer, ChannelSink(sender.clone())).await {
            tracing::error!(code = error.code.as_str(), "a copy of someone's data broke off");
            let _ = sender.send(Err(std::io::Error::other("the copy broke off"))).await;
        }
    });
    // A receiver answers "ended" however often it is asked; the compression layer asks
    // again after the end (a stream built with `unfold` panicked there).
    let mut receiver = receiver;
    let chunks = futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    let mut response = Response::new(Body::from_stream(chunks));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(value) = disposition.and_then(|d| HeaderValue::from_str(&d).ok()) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The file name a downloaded copy gets.
pub fn file_name(export: &OpenExport) -> String {
    let day = app::local_time::local_date(export.exported_at());
    format!("attachment; filename=\"brug-{day}.json\"")
}
