//! Metrics for operators: Prometheus text at `/metrics`, served only when
//! `BRUG_METRICS_TOKEN` is set and only to a request that bears it (`Authorization: Bearer`);
//! without the setting there is no such page. Counted through the `metrics` facade, so
//! the service layer records without knowing who reads: requests by route and status,
//! their latency, waits for a database connection, audit batch sizes and commit times,
//! reminder lag, push results; the pool's use and the open streams are read at each scrape.

use app::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use secrecy::{ExposeSecret, SecretString};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

static RECORDER: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process's one recorder, installed the first time a server with metrics starts.
fn recorder() -> Option<&'static PrometheusHandle> {
    RECORDER
        .get_or_init(|| {
            let seconds = [
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ];
            let sizes = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];
            let lag = [1.0, 5.0, 15.0, 30.0, 60.0, 300.0, 900.0, 3600.0];
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &seconds)
                .and_then(|b| b.set_buckets_for_metric(Matcher::Full("brug_audit_batch_size".into()), &sizes))
                .and_then(|b| b.set_buckets_for_metric(Matcher::Full("brug_reminder_lag_seconds".into()), &lag))
                .and_then(|b| b.install_recorder())
                .map_err(|error| tracing::warn!(%error, "metrics could not be set up"))
                .ok()
        })
        .as_ref()
}

/// What `/metrics` needs: the token it asks for and the state whose pool and streams it
/// reads.
#[derive(Clone)]
pub struct MetricsDoor {
    token: Arc<SecretString>,
    state: AppState,
}

/// The door when a token is set: the recorder is installed and requests are counted.
pub fn door(token: Option<&SecretString>, state: &AppState) -> Option<MetricsDoor> {
    let token = token?;
    recorder()?;
    Some(MetricsDoor {
        token: Arc::new(token.clone()),
        state: state.detached(),
    })
}

/// Counts each request by its route (the pattern, never the path with its ids) and status.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "page".to_string());
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("brug_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("brug_request_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

pub async fn serve(State(door): State<MetricsDoor>, headers: HeaderMap) -> Response {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let expected = door.token.expose_secret();
    let same = given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    // Without the token, the page is not there.
    let Some(recorder) = recorder().filter(|_| same) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (size, idle) = door.state.db.database().pool_use();
    metrics::gauge!("brug_db_connections").set(size as f64);
    metrics::gauge!("brug_db_connections_idle").set(idle as f64);
    metrics::gauge!("brug_open_streams").set(door.state.streams.open_streams() as f64);
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        recorder.render(),
    )
        .into_response()
}
