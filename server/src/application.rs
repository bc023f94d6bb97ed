//! The application: built from settings, bound to a port (0 in tests), served until
//! stopped.

use crate::config::Settings;
use crate::{
    accounts, admin, api, appointments, circle, circle_requests, conferences, contacts, http, install, messaging,
    metrics, plans, preferences, push, release, reunification, second_factor, settings, sharing, trajectory,
    translations,
};
use app::db::{connect_and_migrate, Backend, DbError, Scope};
use app::demo;
use app::messaging::hub::StreamHub;
use app::messaging::live::EventBus;
use app::push::service::Push;
use app::state::{AppState, SessionPolicy};
use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::{middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

#[derive(Clone)]
struct ServerState {
    leptos: LeptosOptions,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] DbError),
    #[error("could not listen: {0}")]
    Listen(#[from] std::io::Error),
    #[error("demo data: {0}")]
    Demo(String),
    #[error("push notifications: {0}")]
    Push(String),
    #[error(
        "production mode refuses a database whose demo accounts still have the demo password \
         (they are public): {0}. Remove these accounts or give them passwords of their own"
    )]
    PublicPasswords(String),
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: AppState,
    pub address: SocketAddr,
    /// Stops the scheduler's loop, as a crash of the process would (for tests).
    pub scheduler: tokio::task::AbortHandle,
}

/// Brings every sealed value to the current `BRUG_SECRET_KEY` (after a rotation, or text
/// written before sealing), while the server already answers.
fn reseal_in_background(state: &AppState) {
    let unit = state.db.fresh();
    let sealing = state.sealing.clone();
    tokio::spawn(async move {
        match app::second_factor::service::reseal_secrets(&unit, &sealing).await {
            Ok(0) => {}
            Ok(moved) => tracing::info!(moved, "authenticator secrets sealed with the current key"),
            Err(error) => tracing::error!(code = error.code.as_str(), "authenticator secrets not resealed"),
        }
        match app::sealing::reseal::reseal_text(&unit.fresh()).await {
            Ok(done) if done.values > 0 => tracing::info!(
                values = done.values,
                key = unit.database().text_keys().current_id(),
                "text at rest sealed with the current key"
            ),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "text at rest not resealed; the next start tries again"),
        }
    });
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Application, StartError> {
        let database = connect_and_migrate(settings.database_url(), Some(settings.pool())).await?;
        let db = Scope::root(database.with_text_keys(settings.text_keys()));
        let backend = db.backend();
        let vapid = settings.vapid_private_key.as_ref().map(|k| k.expose_secret());
        // Validated with the settings; pages write times in this zone from now on.
        app::local_time::set_zone(&settings.time_zone);
        let sealing = settings.sealing_key();
        let push = Push::load(&db.fresh(), vapid, &sealing, settings.push_allow_loopback)
            .await
            .map_err(|e| StartError::Push(e.code.as_str().into()))?;
        let state = AppState {
            db,
            backend,
            sessions: Arc::new(SessionPolicy {
                idle_private_secs: settings.idle_minutes_private * 60,
                idle_staff_secs: settings.idle_minutes_staff * 60,
                absolute_secs: settings.absolute_hours * 3600,
                ..SessionPolicy::default()
            }),
            secure_cookies: settings.uses_secure_cookies(),
            events: EventBus::polling_every(Duration::from_secs(settings.live_poll_seconds as u64)),
            streams: StreamHub::default(),
            clock: Default::default(),
            quick_exit_url: settings.quick_exit_url.as_str().into(),
            public_origin: settings.public_origin().map(Into::into),
            assets: Arc::new(read_assets(&settings.site_root)),
            push,
            sealing,
            staff_second_factor_required: settings.requires_staff_second_factor(),
            erasure_retention: settings.erasure_retention,
        };
        if settings.production {
            let public = demo::accounts_with_public_password(&state.with_new_unit())
                .await
                .map_err(|e| StartError::Demo(e.code.as_str().into()))?;
            if !public.is_empty() {
                return Err(StartError::PublicPasswords(public.join(", ")));
            }
        }
        state.streams.start(state.detached());
        if backend == Backend::Postgres {
            messaging::wakeups::listen_across_processes(settings.database_url().to_string(), state.events.clone());
        }
        if settings.demo_data
            && demo::load_if_empty(&state.with_new_unit())
                .await
                .map_err(|e| StartError::Demo(e.code.as_str().into()))?
        {
            tracing::info!("loaded the demo circle");
        }
        reseal_in_background(&state);
        let listener = TcpListener::bind(settings.addr).await?;
        let scheduler = app::scheduler::start(state.detached(), Duration::from_secs(settings.scheduler_seconds as u64));
        let address = listener.local_addr()?;
        let router = router(&settings, state.clone(), address);
        Ok(Application {
            listener,
            router,
            state,
            address,
            scheduler: scheduler.abort_handle(),
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub async fn run_until_stopped(self) -> Result<(), StartError> {
        let events = self.state.events.clone();
        tracing::info!(address = %self.address, "Brug is listening");
        // Without no-delay, a response written in two parts waits ~40 ms for Nagle.
        let listener = self.listener.tap_io(|socket| {
            let _ = socket.set_nodelay(true);
        });
        axum::serve(
            listener,
            self.router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            events.close();
        })
        .await?;
        Ok(())
    }
}

fn router(settings: &Settings, state: AppState, address: SocketAddr) -> Router {
    let site_root = settings.site_root.to_string_lossy().to_string();
    let state_for_requests = http::RequestSetup {
        state: state.clone(),
        trusted_proxies: settings.trusted_proxies.clone().into(),
    };
    let secure_cookies = state.secure_cookies;
    let leptos = LeptosOptions::builder()
        .output_name("brug")
        .site_root(site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(address)
        .build();
    // Handlers get the state with their request's unit of work (`RequestState`), never
    // the application-wide one: the router itself carries only Leptos's options.
    let server_state = ServerState { leptos: leptos.clone() };
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let shell = {
        let leptos = leptos.clone();
        move || app::shell(leptos.clone())
    };
    let pages = Router::new()
        .leptos_routes_with_context(&server_state, generate_route_list(app::App), context.clone(), shell)
        .route("/signin", post(accounts::forms::sign_in))
        .route("/signout", post(accounts::forms::sign_out))
        .route("/signin/second-factor", post(second_factor::forms::verify))
        .route("/signin/enrol", post(second_factor::forms::enrol))
        .route(
            "/signin/passkey/challenge",
            post(second_factor::passkeys::sign_in_challenge),
        )
        .route("/signin/passkey", post(second_factor::passkeys::sign_in))
        .route(
            "/settings/passkeys/challenge",
            post(second_factor::passkeys::add_challenge),
        )
        .route("/settings/passkeys", post(second_factor::passkeys::add))
        .route("/settings/passkeys/{id}/remove", post(second_factor::passkeys::remove))
        .route(
            "/admin/users/{id}/second-factor/reset",
            post(second_factor::forms::reset),
        )
        .route(
            "/leave",
            get(settings::forms::leave_link).post(settings::forms::leave_beacon),
        )
        .route("/settings", post(settings::forms::save))
        .route("/settings/my-data", get(crate::export::pages::printable))
        .route("/settings/erasure", post(crate::erasure::forms::ask))
        .route(
            "/admin/erasure-requests/{id}/confirm",
            post(crate::erasure::forms::confirm),
        )
        .route(
            "/admin/erasure-requests/{id}/decline",
            post(crate::erasure::forms::decline),
        )
        .route("/settings/my-data.json", get(crate::export::pages::download))
        .route("/preferences", post(preferences::forms::save))
        .route("/cases/{case_id}/circle-requests", post(circle_requests::forms::ask))
        .route("/cases/{case_id}/release", post(release::forms::set_date))
        .route(
            "/cases/{case_id}/release/items/{topic}",
            post(release::forms::change_item),
        )
        .route(
            "/cases/{case_id}/release/items/{topic}/comments",
            post(release::forms::comment),
        )
        .route(
            "/cases/{case_id}/release/buddy-meeting",
            post(release::forms::plan_buddy_meeting),
        )
        .route(
            "/cases/{case_id}/circle-requests/{request_id}/answer",
            post(circle_requests::forms::answer_request),
        )
        .route("/push/subscriptions", post(push::api::subscribe_page))
        .route("/language", post(accounts::forms::set_language))
        .route("/join", post(accounts::forms::join))
        .route("/devices/{id}/signout", post(accounts::forms::revoke_device))
        .route("/devices/signout-all", post(accounts::forms::sign_out_everywhere))
        .route("/settings/password", post(accounts::forms::change_password))
        .route("/invitations", post(accounts::forms::invite))
        .route("/reset-codes", post(accounts::forms::reset_code))
        .route("/admin/organisations", post(admin::forms::create_organisation))
        .route("/admin/workers", post(admin::forms::invite_worker))
        .route("/admin/cases", post(admin::forms::create_case))
        .route("/admin/assignments", post(admin::forms::assign_worker))
        .route("/admin/users/{id}/disable", post(admin::forms::disable_account))
        .route("/admin/handovers", post(admin::forms::hand_over))
        .route(
            "/cases/{case_id}/members/{user_id}/end",
            post(circle::forms::end_membership),
        )
        .route("/cases/{case_id}/milestones", post(trajectory::forms::add))
        .route("/cases/{case_id}/phase", post(trajectory::forms::change_phase))
        .route(
            "/cases/{case_id}/milestones/{milestone_id}/responses",
            post(trajectory::forms::respond),
        )
        .route("/cases/{case_id}/contacts/new", post(contacts::forms::add))
        .route("/messages/{conversation_id}/send", post(messaging::forms::send))
        .route("/messages/{conversation_id}/read", post(messaging::forms::read))
        .route("/messages/away", post(messaging::forms::set_away))
        .route("/messages/away/end", post(messaging::forms::end_away))
        .route("/messages/read-receipts", post(messaging::forms::set_read_receipts))
        .route("/events", get(messaging::events::page_events))
        .route("/cases/{case_id}/appointments/new", post(appointments::forms::plan))
        .route(
            "/cases/{case_id}/reunification/children",
            post(reunification::forms::add_child),
        )
        .route(
            "/cases/{case_id}/reunification/children/{child_id}/steps",
            post(reunification::forms::add_step),
        )
        .route(
            "/cases/{case_id}/reunification/steps/{step_id}",
            post(reunification::forms::change_step),
        )
        .route("/cases/{case_id}/contacts/{contact_id}", post(contacts::forms::change))
        .route("/cases/{case_id}/plans/new", post(plans::forms::start))
        .route("/cases/{case_id}/conferences/new", post(conferences::forms::schedule))
        .route(
            "/cases/{case_id}/conferences/{conference_id}/input",
            post(conferences::forms::give_input),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}/decisions",
            post(conferences::forms::record_decision),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}/decisions/{decision_id}/responses",
            post(conferences::forms::respond),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/new",
            post(plans::forms::add_item),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/{item_key}",
            post(plans::forms::change_item),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/{item_key}/remove",
            post(plans::forms::remove_item),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/{item_key}/comments",
            post(plans::forms::comment),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/proposals",
            post(plans::forms::propose),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/accept",
            post(plans::forms::accept),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/decline",
            post(plans::forms::decline),
        )
        .route("/cases/{case_id}/plans/{plan_id}/submit", post(plans::forms::submit))
        .route(
            "/cases/{case_id}/plans/{plan_id}/parties",
            post(plans::forms::ask_family),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/versions/{number}/items/{item_key}/response",
            post(plans::forms::respond),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/versions/{number}/sign",
            post(plans::forms::sign),
        )
        .route(
            "/cases/{case_id}/appointments/{file}",
            get(appointments::files::calendar).post(appointments::forms::move_appointment),
        )
        .route(
            "/cases/{case_id}/appointments/{file}/cancel",
            post(appointments::forms::cancel),
        )
        .route(
            "/cases/{case_id}/appointments/{file}/cannot-come",
            post(appointments::forms::cannot_come),
        )
        .route("/cases/{case_id}/sharing/{member_id}", post(sharing::forms::share))
        .route(
            "/cases/{case_id}/sharing/{member_id}/restrict",
            post(sharing::forms::restrict),
        )
        .route("/cases/{case_id}/sharing/{member_id}/lift", post(sharing::forms::lift))
        .route(
            "/cases/{case_id}/milestones/{milestone_id}",
            post(trajectory::forms::change),
        )
        .route(
            "/cases/{case_id}/translations/{kind}/{item_id}/{lang}",
            post(translations::forms::translate),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<ServerState, _>(
            context,
            app::shell,
        ));
    let router = Router::new()
        .nest("/api/v1", api::routes())
        .route("/healthz", get(api::health))
        .route("/manifest.webmanifest", get(install::manifest))
        .route("/icon.svg", get(install::icon))
        .route("/sw.js", get(install::service_worker))
        .nest_service("/pkg", static_files(format!("{site_root}/pkg")))
        .nest_service("/style", static_files(format!("{site_root}/style")))
        .merge(pages.with_state(server_state));
    let router = match metrics::door(settings.metrics_token.as_ref(), &state) {
        Some(door) => router
            .merge(Router::new().route("/metrics", get(metrics::serve)).with_state(door))
            .layer(middleware::from_fn(metrics::track)),
        None => router,
    };
    router
        .layer(middleware::from_fn(http::refuse_cross_site_writes))
        .layer(middleware::from_fn_with_state(secure_cookies, http::security_headers))
        // Pages and API answers are compressed as they go (brotli or gzip, as the client
        // accepts); static files come compressed ahead of time. Event streams are not
        // compressed, so that each event leaves at once.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state_for_requests,
            http::request_context,
        ))
}

/// The file names of the built site (`assets.txt`, written by `scripts/build.sh`); the
/// unhashed names when the site was built without it.
fn read_assets(site_root: &std::path::Path) -> app::assets::Assets {
    match std::fs::read_to_string(site_root.join("assets.txt")) {
        Ok(listing) => app::assets::Assets::parse(&listing),
        Err(_) => app::assets::Assets::default(),
    }
}

/// The built site's files, sent as the `.br` or `.gz` copy that the build made when the
/// client accepts it.
fn static_files(folder: String) -> ServeDir {
    ServeDir::new(folder).precompressed_br().precompressed_gzip()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
