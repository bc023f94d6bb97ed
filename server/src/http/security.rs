use app::error::{AppError, ErrorCode};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method};

/// A policy for answers that did not set their own (everything but pages): no script at all.
const NO_SCRIPT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Whether a static file's name carries its content hash (`name.0123456789abcdef.ext`):
/// then its content never changes under that name.
fn is_fingerprinted(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    file.split('.')
        .any(|part| part.len() == 16 && part.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `https_only` is whether cookies are secure: then the site is served over HTTPS only,
/// and browsers are told to keep to it.
pub async fn security_headers(State(https_only): State<bool>, request: Request, next: Next) -> Response {
    // On a device marked as the person's own phone, the service worker may keep pages to
    // read offline; it keeps only what carries this mark.
    let own_phone = app::web::cookie(request.headers(), app::settings::OWN_PHONE_COOKIE) == Some("1");
    let path = request.uri().path();
    let is_static = path.starts_with("/pkg/") || path.starts_with("/style/");
    let shows_code = path == "/code";
    let cache = match (is_static, is_fingerprinted(path)) {
        // Pages and API answers carry personal data: never keep them in a shared phone's cache.
        (false, _) => "no-store",
        (true, true) => "public, max-age=31536000, immutable",
        // A file without a hash in its name may change: ask again each time (a 304 is cheap).
        (true, false) => "no-cache",
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(NO_SCRIPT_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // No page of another site that opened Brug (or that Brug opened) keeps a handle on
    // its window.
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if https_only {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A page that shows a one-time code is never kept.
    if own_phone && is_page && response.status().is_success() && !shows_code {
        response
            .headers_mut()
            .insert("brug-keep-offline", HeaderValue::from_static("1"));
    }
    response
}

/// Refuses a state-changing request that another site made a browser send, judged by
/// `Sec-Fetch-Site` and, for older browsers, by `Origin` against `Host`. Phone apps send
/// neither header and authenticate with a bearer token, which no other site can attach.
pub async fn refuse_cross_site_writes(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let cross_site = match fetch_site {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => match (
            headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
            headers.get(header::HOST).and_then(|v| v.to_str().ok()),
        ) {
            (Some("null"), _) => true,
            (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
            (Some(_), None) => true,
            (None, _) => false,
        },
    };
    if cross_site {
        tracing::warn!("refused a cross-site write");
        return AppError::new(ErrorCode::CrossSiteRequest).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::is_fingerprinted;

    #[test]
    fn only_names_with_a_content_hash_count_as_fingerprinted() {
        assert!(is_fingerprinted("/pkg/brug_bg.0123456789abcdef.wasm"));
        assert!(is_fingerprinted("/style/main.fedcba9876543210.css"));
        assert!(!is_fingerprinted("/pkg/brug_bg.wasm"));
        assert!(!is_fingerprinted("/pkg/brug.0123456789abcdeg.js"), "not hexadecimal");
    }
}
