#![recursion_limit = "256"]
//! Brug's shared application: pages, islands, types, and (with the `ssr` feature) the
//! service layer that both the pages and the `/api/v1` routes call.

#[macro_use]
mod macros;

pub mod accounts;
pub mod admin;
pub mod appointments;
pub mod assets;
pub mod caseload;
pub mod changes;
pub mod circle;
pub mod circle_requests;
pub mod conferences;
pub mod contacts;
pub mod erasure;
pub mod error;
pub mod form_echo;
pub mod i18n;
pub mod layout;
pub mod local_time;
pub mod messaging;
pub mod pagination;
pub mod plans;
pub mod preferences;
pub mod push;
pub mod release;
pub mod reminders;
pub mod reunification;
pub mod second_factor;
pub mod settings;
pub mod sharing;
#[cfg(feature = "ssr")]
pub mod text;
pub mod trajectory;
pub mod translations;
pub mod transparency;

#[cfg(feature = "hydrate")]
mod enhance;
#[cfg(feature = "hydrate")]
mod live_client;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod scheduler;
#[cfg(feature = "ssr")]
pub mod sealing;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod web;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around every page, rendered on the server only.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let lang = request_language();
    provide_context(lang);
    #[cfg(feature = "ssr")]
    {
        leptos::nonce::provide_nonce();
        set_content_security_policy();
    }
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir() data-text-size=settings::request_text_size().as_str()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/icon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <meta name="theme-color" content="#24566b"/>
                <layout::QuickExitScript neutral_url=quick_exit_url()/>
                <link rel="stylesheet" href=assets::use_assets().stylesheet/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Where "Leave quickly" goes, from the server's configuration.
fn quick_exit_url() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<state::AppState>()
            .map(|s| s.quick_exit_url.to_string())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

fn request_language() -> i18n::Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|p| web::request_language(&p.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        i18n::Lang::default()
    }
}

/// A strict policy: scripts only from Brug itself or inline with this response's nonce,
/// WebAssembly allowed, nothing may frame Brug.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Every page is rendered whole on the server (`SsrMode::Async`), so it is useful before
/// any WebAssembly arrives. A page awaits its server function inside a `Suspend`, not
/// through a `Resource`: only islands run in the browser and they take no page data, so a
/// resource would only copy everything the page shows into a script at its end. The
/// `Suspend` is a value, not a closure: Leptos calls a closure once to look for resources
/// and once more to render, which would read everything twice.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=layout::NotFound>
                <Route path=path!("/") view=circle::HomePage ssr=SsrMode::Async/>
                <Route path=path!("/signin") view=accounts::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/signin/second-factor") view=second_factor::SecondFactorPage ssr=SsrMode::Async/>
                <Route path=path!("/signin/recovery-codes") view=second_factor::RecoveryCodesPage ssr=SsrMode::Async/>
                <Route path=path!("/join") view=accounts::JoinPage ssr=SsrMode::Async/>
                <Route path=path!("/devices") view=accounts::DevicesPage ssr=SsrMode::Async/>
                <Route path=path!("/code") view=accounts::CodePage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/trajectory") view=trajectory::TrajectoryPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/access-log") view=transparency::AccessLogPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/sharing") view=sharing::SharingPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/circle-requests") view=circle_requests::CircleRequestsPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/release") view=release::ReleasePage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/reunification") view=reunification::ReunificationPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/appointments") view=appointments::AppointmentsPage ssr=SsrMode::Async/>
                <Route path=path!("/messages") view=messaging::ConversationsPage ssr=SsrMode::Async/>
                <Route path=path!("/messages/:conversation_id") view=messaging::ThreadPage ssr=SsrMode::Async/>
                <Route path=path!("/caseload") view=caseload::CaseloadPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/contacts") view=contacts::ContactsPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/plans") view=plans::PlansPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/plans/:plan_id") view=plans::PlanPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:case_id/conferences/:conference_id") view=conferences::ConferencePage ssr=SsrMode::Async/>
                <Route path=path!("/admin") view=admin::AdminPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/erasure-requests") view=erasure::ErasureRequestsPage ssr=SsrMode::Async/>
                <Route path=path!("/settings") view=settings::SettingsPage ssr=SsrMode::Async/>
                <Route path=path!("/preferences") view=preferences::PreferencesPage ssr=SsrMode::Async/>
                <Route path=path!("/offline") view=settings::OfflinePage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
