//! Installing Brug on a phone's home screen: the web app manifest, a neutral icon and the
//! service worker. Nothing here says what Brug is for: the name is "Brug", the icon a
//! plain shape.

use crate::http::RequestState;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

const MANIFEST: &str = r##"{
  "name": "Brug",
  "short_name": "Brug",
  "start_url": "/",
  "scope": "/",
  "display": "standalone",
  "background_color": "#f7f5f0",
  "theme_color": "#24566b",
  "icons": [
    { "src": "/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" }
  ]
}
"##;

/// A calm rounded square with an arc: no words, nothing that tells what Brug is for.
const ICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#24566b"/><path d="M96 352 Q256 160 416 352" fill="none" stroke="#f7f5f0" stroke-width="40" stroke-linecap="round"/><path d="M96 392 H416" stroke="#f7f5f0" stroke-width="32" stroke-linecap="round"/></svg>
"##;

const WORKER: &str = include_str!("../../../frontend/sw.js");

fn with_type(body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

pub async fn manifest() -> Response {
    with_type(MANIFEST.to_string(), "application/manifest+json")
}

pub async fn icon() -> Response {
    with_type(ICON.to_string(), "image/svg+xml")
}

/// The service worker, told which files make the app shell of this build.
pub async fn service_worker(RequestState(state): RequestState) -> Response {
    let assets = &state.assets;
    let shell = [
        "/offline",
        "/icon.svg",
        assets.stylesheet.as_str(),
        assets.loader.as_str(),
        assets.script.as_str(),
        assets.wasm.as_str(),
        assets.speech_loader.as_str(),
        assets.speech_script.as_str(),
        assets.speech_wasm.as_str(),
    ];
    let list = format!(
        "[{}]",
        shell.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ")
    );
    let version: String = assets
        .stylesheet
        .chars()
        .chain(assets.wasm.chars())
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let body = WORKER.replace("__SHELL__", &list).replace("__VERSION__", &version);
    let mut response = with_type(body, "text/javascript");
    // The worker fetches from this site only; the default policy for non-pages allows nothing.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'"),
    );
    response
}
