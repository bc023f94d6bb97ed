//! `/api/v1`: the versioned JSON API for phone apps, its OpenAPI document, and health.

mod answers;

use crate::messaging::events::StreamEventShape;
use answers::CommonAnswers;

use crate::accounts::api as accounts;
use crate::appointments::api as appointments;
use crate::changes::api as changes;
use crate::circle::api as circle;
use crate::circle_requests::api as circle_requests;
use crate::conferences::api as conferences;
use crate::contacts::api as contacts;
use crate::erasure::api as erasure;
use crate::export::api as export;
use crate::http::RequestState;
use crate::messaging::api as messaging;
use crate::plans::agreement_api as agreement;
use crate::plans::api as plans;
use crate::preferences::api as preferences;
use crate::push::api as push;
use crate::release::api as release;
use crate::reminders::api as reminders;
use crate::reunification::api as reunification;
use crate::second_factor::api as second_factor;
use crate::sharing::api as sharing;
use crate::trajectory::api as trajectory;
use crate::translations::api as translations;
use crate::transparency::api as transparency;
use app::error::{AppError, ErrorCode};
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{delete, get, patch, post, put};
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Phone apps send small JSON bodies; anything larger is refused with 413.
const BODY_LIMIT: usize = 64 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(title = "Brug API", version = "1", description = "The JSON API that Brug's phone apps use. Errors are `{\"error\": {\"code\", \"message\"}}` with stable snake_case codes."),
    paths(
        accounts::login, accounts::logout, accounts::me, accounts::devices, accounts::revoke_device,
        accounts::change_password, accounts::sign_out_everywhere, accounts::disable_account,
        accounts::join, accounts::invite, accounts::reset_code, accounts::create_organisation,
        circle::my_cases, circle::create_case, circle::assign_worker, circle::end_membership,
        circle_requests::list, circle_requests::ask, circle_requests::answer,
        trajectory::list_milestones, trajectory::create_milestone, trajectory::update_milestone, trajectory::change_phase,
        trajectory::respond, translations::translate_milestone, translations::translate_step,
        transparency::access_log,
        reunification::show_reunification, reunification::add_child, reunification::add_step, reunification::update_step,
        changes::changes_since,
        messaging::list_conversations, messaging::start_group, messaging::list_messages, messaging::send_message,
        messaging::mark_read, messaging::set_read_receipts, messaging::inbox, messaging::overdue, messaging::set_away, messaging::end_away, messaging::add_member, messaging::set_response_promise, crate::messaging::events::api_events,
        contacts::list_contacts, contacts::create_contact, contacts::update_contact,
        appointments::list_appointments, appointments::create_appointment, appointments::appointment_calendar,
        appointments::move_appointment, appointments::cancel_appointment, appointments::cannot_come,
        sharing::list_consents, sharing::set_consents, sharing::restrict, sharing::lift_restriction,
        plans::list_plans, plans::create_plan, plans::show_plan, plans::show_version, plans::compare_versions,
        plans::add_item, plans::change_item, plans::remove_item, plans::comment, plans::propose,
        plans::accept_proposal, plans::decline_proposal,
        agreement::submit, agreement::add_party, agreement::respond, agreement::sign,
        conferences::list_conferences, conferences::create_conference, conferences::show_conference,
        conferences::give_input, conferences::record_decision, conferences::respond,
        push::key, push::subscribe, push::unsubscribe,
        release::show_release, release::set_release_date, release::change_release_item, release::comment_release_item,
        release::plan_buddy_meeting,
        preferences::show, preferences::save, reminders::reminder_choice, reminders::choose_reminders,
        export::export_my_data, erasure::ask_erasure, erasure::my_erasure, erasure::waiting_erasures,
        erasure::confirm_erasure, erasure::decline_erasure,
        second_factor::verify, second_factor::start_enrolment, second_factor::confirm_enrolment, second_factor::reset,
    ),
    modifiers(&BearerAuth, &CommonAnswers, &StreamEventShape),
    components(schemas(app::messaging::live::LiveEvent))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn routes() -> Router {
    Router::new()
        .route("/auth/login", post(accounts::login))
        .route("/auth/logout", post(accounts::logout))
        .route("/me", get(accounts::me))
        .route("/me/devices", get(accounts::devices))
        .route("/me/devices/{id}", delete(accounts::revoke_device))
        .route("/me/password", post(accounts::change_password))
        .route("/me/sign-out-everywhere", post(accounts::sign_out_everywhere))
        .route("/users/{id}/disable", post(accounts::disable_account))
        .route("/auth/second-factor", post(second_factor::verify))
        .route("/me/second-factor", post(second_factor::start_enrolment))
        .route("/me/second-factor/confirm", post(second_factor::confirm_enrolment))
        .route("/users/{id}/second-factor/reset", post(second_factor::reset))
        .route("/join", post(accounts::join))
        .route("/invitations", post(accounts::invite))
        .route("/reset-codes", post(accounts::reset_code))
        .route("/organisations", post(accounts::create_organisation))
        .route("/cases", get(circle::my_cases).post(circle::create_case))
        .route("/cases/{case_id}/workers", post(circle::assign_worker))
        .route("/cases/{case_id}/members/{user_id}/end", post(circle::end_membership))
        .route("/me/preferences", get(preferences::show).put(preferences::save))
        .route(
            "/cases/{case_id}/release",
            get(release::show_release).put(release::set_release_date),
        )
        .route(
            "/cases/{case_id}/release/items/{topic}",
            put(release::change_release_item),
        )
        .route(
            "/cases/{case_id}/release/items/{topic}/comments",
            post(release::comment_release_item),
        )
        .route(
            "/cases/{case_id}/release/buddy-meeting",
            post(release::plan_buddy_meeting),
        )
        .route("/me/export", get(export::export_my_data))
        .route("/me/erasure", get(erasure::my_erasure).post(erasure::ask_erasure))
        .route("/erasure-requests", get(erasure::waiting_erasures))
        .route("/erasure-requests/{id}/confirm", post(erasure::confirm_erasure))
        .route("/erasure-requests/{id}/decline", post(erasure::decline_erasure))
        .route(
            "/me/reminders",
            get(reminders::reminder_choice).put(reminders::choose_reminders),
        )
        .route("/push/key", get(push::key))
        .route("/push/subscriptions", post(push::subscribe).delete(push::unsubscribe))
        .route(
            "/cases/{case_id}/milestones",
            get(trajectory::list_milestones).post(trajectory::create_milestone),
        )
        .route("/cases/{case_id}/phase", post(trajectory::change_phase))
        .route(
            "/cases/{case_id}/milestones/{milestone_id}/responses",
            post(trajectory::respond),
        )
        .route(
            "/cases/{case_id}/milestones/{milestone_id}",
            patch(trajectory::update_milestone),
        )
        .route(
            "/cases/{case_id}/milestones/{milestone_id}/translations/{lang}",
            put(translations::translate_milestone),
        )
        .route(
            "/cases/{case_id}/reunification/steps/{step_id}/translations/{lang}",
            put(translations::translate_step),
        )
        .route("/cases/{case_id}/changes", get(changes::changes_since))
        .route(
            "/cases/{case_id}/circle-requests",
            get(circle_requests::list).post(circle_requests::ask),
        )
        .route(
            "/cases/{case_id}/circle-requests/{request_id}/answer",
            post(circle_requests::answer),
        )
        .route("/cases/{case_id}/access-log", get(transparency::access_log))
        .route("/cases/{case_id}/consents", get(sharing::list_consents))
        .route(
            "/cases/{case_id}/appointments",
            get(appointments::list_appointments).post(appointments::create_appointment),
        )
        .route(
            "/cases/{case_id}/appointments/{appointment_id}/calendar.ics",
            get(appointments::appointment_calendar),
        )
        .route(
            "/cases/{case_id}/appointments/{appointment_id}",
            patch(appointments::move_appointment),
        )
        .route(
            "/cases/{case_id}/appointments/{appointment_id}/cancel",
            post(appointments::cancel_appointment),
        )
        .route(
            "/cases/{case_id}/appointments/{appointment_id}/cannot-come",
            post(appointments::cannot_come),
        )
        .route(
            "/cases/{case_id}/contacts",
            get(contacts::list_contacts).post(contacts::create_contact),
        )
        .route(
            "/cases/{case_id}/contacts/{contact_id}",
            patch(contacts::update_contact),
        )
        .route("/cases/{case_id}/reunification", get(reunification::show_reunification))
        .route(
            "/cases/{case_id}/reunification/children",
            post(reunification::add_child),
        )
        .route(
            "/cases/{case_id}/reunification/children/{child_id}/steps",
            post(reunification::add_step),
        )
        .route(
            "/cases/{case_id}/reunification/steps/{step_id}",
            patch(reunification::update_step),
        )
        .route("/cases/{case_id}/consents/{member_id}", put(sharing::set_consents))
        .route(
            "/cases/{case_id}/conferences",
            get(conferences::list_conferences).post(conferences::create_conference),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}",
            get(conferences::show_conference),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}/input",
            put(conferences::give_input),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}/decisions",
            post(conferences::record_decision),
        )
        .route(
            "/cases/{case_id}/conferences/{conference_id}/decisions/{decision_id}/responses",
            post(conferences::respond),
        )
        .route(
            "/cases/{case_id}/plans",
            get(plans::list_plans).post(plans::create_plan),
        )
        .route("/cases/{case_id}/plans/{plan_id}", get(plans::show_plan))
        .route(
            "/cases/{case_id}/plans/{plan_id}/versions/{number}",
            get(plans::show_version),
        )
        .route("/cases/{case_id}/plans/{plan_id}/compare", get(plans::compare_versions))
        .route("/cases/{case_id}/plans/{plan_id}/items", post(plans::add_item))
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/{item_key}",
            patch(plans::change_item).delete(plans::remove_item),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/items/{item_key}/comments",
            post(plans::comment),
        )
        .route("/cases/{case_id}/plans/{plan_id}/proposals", post(plans::propose))
        .route(
            "/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/accept",
            post(plans::accept_proposal),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/decline",
            post(plans::decline_proposal),
        )
        .route("/cases/{case_id}/plans/{plan_id}/submit", post(agreement::submit))
        .route("/cases/{case_id}/plans/{plan_id}/parties", post(agreement::add_party))
        .route(
            "/cases/{case_id}/plans/{plan_id}/versions/{number}/items/{item_key}/response",
            put(agreement::respond),
        )
        .route(
            "/cases/{case_id}/plans/{plan_id}/versions/{number}/signatures",
            post(agreement::sign),
        )
        .route(
            "/cases/{case_id}/restrictions/{member_id}",
            put(sharing::restrict).delete(sharing::lift_restriction),
        )
        .route(
            "/conversations",
            get(messaging::list_conversations).post(messaging::start_group),
        )
        .route(
            "/conversations/{conversation_id}/messages",
            get(messaging::list_messages).post(messaging::send_message),
        )
        .route("/conversations/{conversation_id}/read", post(messaging::mark_read))
        .route("/conversations/{conversation_id}/members", post(messaging::add_member))
        .route(
            "/organisations/{organisation_id}/response-promise",
            put(messaging::set_response_promise),
        )
        .route("/me/read-receipts", put(messaging::set_read_receipts))
        .route("/inbox", get(messaging::inbox))
        .route("/me/away", put(messaging::set_away).delete(messaging::end_away))
        .route("/overdue", get(messaging::overdue))
        .route("/events", get(crate::messaging::events::api_events))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .layer(axum::middleware::map_response(answers::coded_errors))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

async fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// 200 when the database answers, 503 otherwise. Under load it does not queue for a
/// connection: a pool with every connection at work is a database that answers.
pub async fn health(RequestState(state): RequestState) -> (StatusCode, &'static str) {
    if state.db.database().is_reachable().await {
        (StatusCode::OK, "ok")
    } else {
        tracing::warn!("health check: database did not answer");
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
