use app::error::{AppError, ErrorCode};
use app::state::{AppState, RequestContext};
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use tracing::Instrument;

/// What the request layer needs: the state, and which peers' word on the client's address
/// to take.
#[derive(Clone)]
pub struct RequestSetup {
    pub state: AppState,
    pub trusted_proxies: Arc<[IpAddr]>,
}

/// The client's address: the direct peer, unless the peer is a trusted proxy. Then it is
/// the nearest address in `X-Forwarded-For` that is not a trusted proxy: each proxy
/// appends the address it heard from, so only entries to the right of the client's own
/// are vouched for, and whatever the client wrote further left is never read. An entry
/// that is not an address stops the walk at the peer.
pub fn client_address(peer: IpAddr, headers: &http::HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for entry in entries.into_iter().rev() {
        match entry.parse::<IpAddr>() {
            Ok(address) if trusted.contains(&address) => continue,
            Ok(address) => return address,
            Err(_) => return peer,
        }
    }
    peer
}

/// Gives every request an id, a span that carries it on every log line, and the facts
/// the service layer records. An unexpected error's answer gets the id and nothing else.
pub async fn request_context(State(setup): State<RequestSetup>, mut request: Request, next: Next) -> Response {
    let state = setup.state;
    let request_id = hex::encode(rand::random::<[u8; 8]>());
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| client_address(c.0.ip(), request.headers(), &setup.trusted_proxies).to_string())
        .unwrap_or_else(|| "unknown".into());
    request.extensions_mut().insert(RequestContext {
        request_id: request_id.clone(),
        address,
    });
    // The request's unit of work: at most one database connection, taken when first
    // needed and given back when the request is done with it.
    request.extensions_mut().insert(state.with_new_unit());
    let span = tracing::info_span!("request", request_id = %request_id, method = %request.method(), path = %request.uri().path());
    async move {
        let started = std::time::Instant::now();
        let mut response = restore_server_fn_status(next.run(request).await).await;
        let status = response.status();
        if status.is_server_error() {
            // Whatever produced the 500, the person gets only a calm message and the id.
            let error = AppError {
                request_id: Some(request_id.clone()),
                ..AppError::new(ErrorCode::Internal)
            };
            let is_json = response
                .headers()
                .get(http::header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
            if status == http::StatusCode::INTERNAL_SERVER_ERROR
                && (is_json || response.extensions().get::<AppError>().is_some())
            {
                response = error.into_response();
            }
        }
        if status == http::StatusCode::SERVICE_UNAVAILABLE
            && !response.headers().contains_key(http::header::RETRY_AFTER)
        {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("1"));
        }
        if let Ok(value) = http::HeaderValue::from_str(&request_id) {
            response.headers_mut().insert("x-request-id", value);
        }
        tracing::info!(
            status = status.as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "answered"
        );
        response
    }
    .instrument(span)
    .await
}

/// Leptos answers every failed server function with 500. When the function failed with
/// one of our codes (not signed in, not shared, not found), the answer gets that code's
/// status, so a refusal is not reported (and sanitised) as an internal error.
async fn restore_server_fn_status(response: Response) -> Response {
    let failed_server_fn = response.status() == http::StatusCode::INTERNAL_SERVER_ERROR
        && response
            .headers()
            .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER);
    if !failed_server_fn {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return AppError::new(ErrorCode::Internal).into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = http::StatusCode::from_u16(error.code.status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::client_address;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(value: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn a_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let proxy = [ip("10.0.0.2")];
        let headers = forwarded("203.0.113.9");
        assert_eq!(client_address(ip("198.51.100.4"), &headers, &proxy), ip("198.51.100.4"));
        assert_eq!(client_address(ip("10.0.0.2"), &headers, &proxy), ip("203.0.113.9"));
        assert_eq!(client_address(ip("10.0.0.2"), &headers, &[]), ip("10.0.0.2"));
    }

    #[test]
    fn what_the_client_wrote_left_of_its_own_address_is_never_read() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        // The client sent "1.2.3.4" itself; the first proxy appended the client's real
        // address, the second the first proxy's.
        let headers = forwarded("1.2.3.4, 203.0.113.9, 10.0.0.2");
        assert_eq!(client_address(ip("10.0.0.3"), &headers, &proxies), ip("203.0.113.9"));
        let garbled = forwarded("1.2.3.4, not-an-address, 10.0.0.2");
        assert_eq!(client_address(ip("10.0.0.3"), &garbled, &proxies), ip("10.0.0.3"));
        assert_eq!(
            client_address(ip("10.0.0.3"), &http::HeaderMap::new(), &proxies),
            ip("10.0.0.3")
        );
    }
}
