//! Reminders that always arrive: each person chooses when (the evening before, the
//! morning of, or not at all); a reminder reaches each person concerned once, in their
//! language and without content, also after a crash and with two servers on one database.

use integration::{error_code, Phone, PushReceiver, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

const SOMETHING_NEW: [&str; 2] = ["Je hebt iets nieuws", "Vous avez du nouveau"];

async fn spawn() -> TestApp {
    TestApp::spawn_with(&[("BRUG_PUSH_ALLOW_LOOPBACK", "true")]).await
}

/// A local start time `days` days after the server's today, at 10:00. The tests plan
/// theirs 40 days ahead and more, after the demo's own appointments.
fn days_ahead(app: &TestApp, days: i64) -> String {
    format!("{}T10:00", app::local_time::local_date(app.clock.now() + days * 86_400))
}

/// Moves the server's clock to one minute after the local moment `days` days from
/// `starts_at`'s day, at `hour`:00.
fn move_clock_past(app: &TestApp, starts_at: &str, days: i32, hour: i8) {
    let due = app::local_time::shifted_instant(starts_at, days, Some((hour, 0))).unwrap();
    app.clock.advance(due + 60 - app.clock.now());
}

async fn subscribe(app: &TestApp, receiver: &PushReceiver, who: &str) -> Phone {
    let phone = Phone::new();
    let token = app.token(who).await;
    let subscribed = app
        .post_json(
            "/api/v1/push/subscriptions",
            Some(&token),
            phone.subscription(&receiver.endpoint(who)),
        )
        .await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    phone
}

/// What the phone showed, leaving out the "something new" notices of the changes.
fn reminders_shown(receiver: &PushReceiver, phone: &Phone, who: &str) -> Vec<String> {
    receiver
        .all_to(who)
        .iter()
        .map(|delivery| phone.read(&delivery.body)["body"].as_str().unwrap().to_string())
        .filter(|body| !SOMETHING_NEW.contains(&body.as_str()))
        .collect()
}

/// Waits up to five seconds for `count` reminders on the phone.
async fn wait_for_reminders(receiver: &PushReceiver, phone: &Phone, who: &str, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let shown = reminders_shown(receiver, phone, who);
        if shown.len() >= count {
            return shown;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    reminders_shown(receiver, phone, who)
}

async fn plan(app: &TestApp, lotte: &str, case: i64, starts_at: &str) -> i64 {
    let planned: Value = app
        .post_json(
            &format!("/api/v1/cases/{case}/appointments"),
            Some(lotte),
            json!({ "starts_at": starts_at, "duration_minutes": 45, "mode": "in_person",
                    "place": "Justitiehuis", "with_whom": "Lotte", "purpose": "Opvolging" }),
        )
        .await
        .json()
        .await
        .unwrap();
    planned["id"].as_i64().expect("the appointment is planned")
}

#[tokio::test]
async fn sarah_is_reminded_the_evening_before_and_marleen_that_morning_each_once_in_her_language() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let sarah_phone = subscribe(&app, &receiver, "sarah").await;
    let marleen_phone = subscribe(&app, &receiver, "marleen").await;
    let yusuf_phone = subscribe(&app, &receiver, "yusuf").await;
    let marleen = app.token("marleen").await;
    let chosen = app
        .call(
            Method::PUT,
            "/api/v1/me/reminders",
            &marleen,
            Some(json!({ "when": "morning_of" })),
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::OK);
    sqlx::query("UPDATE users SET language = 'fr' WHERE username = 'marleen'")
        .execute(&app.db)
        .await
        .unwrap();

    let (case, lotte) = (app.case_of("Sarah").await, app.token("lotte").await);
    let starts_at = days_ahead(&app, 40);
    plan(&app, &lotte, case, &starts_at).await;
    app::scheduler::run_due(&app.state).await;
    assert!(
        reminders_shown(&receiver, &sarah_phone, "sarah").is_empty(),
        "nothing is due yet"
    );

    move_clock_past(&app, &starts_at, -1, 18);
    app::scheduler::run_due(&app.state).await;
    assert_eq!(
        wait_for_reminders(&receiver, &sarah_phone, "sarah", 1).await,
        ["Een herinnering voor morgen"]
    );
    let delivery = receiver.all_to("sarah").pop().unwrap();
    assert!(
        delivery.headers["topic"].to_str().unwrap().starts_with("reminder-"),
        "a second copy would replace the first at the push service"
    );
    assert!(reminders_shown(&receiver, &marleen_phone, "marleen").is_empty());

    move_clock_past(&app, &starts_at, 0, 7);
    app::scheduler::run_due(&app.state).await;
    assert_eq!(
        wait_for_reminders(&receiver, &marleen_phone, "marleen", 1).await,
        ["Un rappel pour aujourd'hui"]
    );
    app::scheduler::run_due(&app.state).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        reminders_shown(&receiver, &sarah_phone, "sarah").len(),
        1,
        "once for sarah"
    );
    assert_eq!(
        reminders_shown(&receiver, &marleen_phone, "marleen").len(),
        1,
        "once for marleen"
    );
    assert!(
        receiver.all_to("yusuf").is_empty() && reminders_shown(&receiver, &yusuf_phone, "yusuf").is_empty(),
        "yusuf, with nothing shared, hears nothing"
    );
}

#[tokio::test]
async fn a_moved_appointment_is_reminded_at_its_new_time_and_one_called_off_not_at_all() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let phone = subscribe(&app, &receiver, "sarah").await;
    let (case, lotte) = (app.case_of("Sarah").await, app.token("lotte").await);
    let first = days_ahead(&app, 40);
    let moved = plan(&app, &lotte, case, &first).await;
    let called_off = plan(&app, &lotte, case, &days_ahead(&app, 41)).await;
    let later = days_ahead(&app, 43);
    let answer = app
        .call(
            Method::PATCH,
            &format!("/api/v1/cases/{case}/appointments/{moved}"),
            &lotte,
            Some(json!({ "starts_at": later, "reason": "De zaal is bezet." })),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::OK);
    let answer = app
        .post_json(
            &format!("/api/v1/cases/{case}/appointments/{called_off}/cancel"),
            Some(&lotte),
            json!({ "reason": "Lotte is ziek." }),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::OK);

    // The evenings before the old time and before the one called off pass in silence.
    move_clock_past(&app, &days_ahead(&app, 41), -1, 18);
    app::scheduler::run_due(&app.state).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(reminders_shown(&receiver, &phone, "sarah").is_empty());

    move_clock_past(&app, &later, -1, 18);
    app::scheduler::run_due(&app.state).await;
    assert_eq!(
        wait_for_reminders(&receiver, &phone, "sarah", 1).await,
        ["Een herinnering voor morgen"]
    );
}

#[tokio::test]
async fn a_reminder_survives_a_crash_and_two_servers_on_one_database_send_it_once() {
    let first = spawn().await;
    let receiver = PushReceiver::start().await;
    let phone = subscribe(&first, &receiver, "sarah").await;
    let (case, lotte) = (first.case_of("Sarah").await, first.token("lotte").await);
    let starts_at = days_ahead(&first, 40);
    plan(&first, &lotte, case, &starts_at).await;
    first.kill();

    // Two new processes on the same database, each with its scheduler looking every second.
    let settings = [("BRUG_PUSH_ALLOW_LOOPBACK", "true"), ("BRUG_SCHEDULER_SECONDS", "1")];
    let second = first.spawn_second_with(&settings).await;
    let third = first.spawn_second_with(&settings).await;
    for app in [&second, &third] {
        move_clock_past(app, &starts_at, -1, 18);
    }
    // Both also try at the same moment, several times over, besides their loops.
    let attempts = (0..4)
        .flat_map(|_| [&second, &third])
        .map(|app| app::scheduler::run_due(&app.state));
    futures_util::future::join_all(attempts).await;
    assert_eq!(
        wait_for_reminders(&receiver, &phone, "sarah", 1).await,
        ["Een herinnering voor morgen"]
    );
    // Long enough for each loop to look again twice.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(reminders_shown(&receiver, &phone, "sarah").len(), 1, "sent once");
    let fresh_client = reqwest::Client::new();
    assert!(
        fresh_client.get(first.url("/healthz")).send().await.is_err(),
        "the first server takes no new connection"
    );
}

#[tokio::test]
async fn she_chooses_when_on_the_settings_page_or_in_the_api_and_her_calendar_follows() {
    let app = spawn().await;
    let sarah = app.token("sarah").await;
    let shown: Value = app.get("/api/v1/me/reminders", &sarah).await.json().await.unwrap();
    assert_eq!(
        shown,
        json!({ "when": "day_before" }),
        "the evening before unless she chooses"
    );
    let refused = app
        .call(
            Method::PUT,
            "/api/v1/me/reminders",
            &sarah,
            Some(json!({ "when": "sometimes" })),
        )
        .await;
    assert_eq!(error_code(refused).await.1, "invalid_input");
    let lotte = app.token("lotte").await;
    assert_eq!(
        error_code(app.get("/api/v1/me/reminders", &lotte).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".to_string())
    );

    let session = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let page = app.page_text("/settings", &session).await;
    assert!(page.contains("Reminders of appointments"));
    assert!(page.contains(r#"id="remind-day_before" name="remind_appointments" value="day_before" checked"#));
    let saved = app
        .form(
            "/settings",
            &session,
            &[("text_size", "normal"), ("remind_appointments", "never")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let shown: Value = app.get("/api/v1/me/reminders", &sarah).await.json().await.unwrap();
    assert_eq!(shown["when"], "never");
    assert!(app
        .page_text("/settings", &session)
        .await
        .contains(r#"value="never" checked"#));

    // Her calendar file now has no alarm; the morning of gives one at 7:00.
    let case = app.case_of("Sarah").await;
    let id = plan(&app, &lotte, case, "2030-01-10T10:00").await;
    let calendar = format!("/api/v1/cases/{case}/appointments/{id}/calendar.ics");
    let file = app.get(&calendar, &sarah).await.text().await.unwrap();
    assert!(file.contains("BEGIN:VEVENT") && !file.contains("VALARM"));
    app.call(
        Method::PUT,
        "/api/v1/me/reminders",
        &sarah,
        Some(json!({ "when": "morning_of" })),
    )
    .await;
    let file = app.get(&calendar, &sarah).await.text().await.unwrap();
    assert!(file.contains("TRIGGER;VALUE=DATE-TIME:20300110T060000Z\r\n"));
    assert!(file.contains("\r\nDESCRIPTION:Vandaag: Opvolging"));

    // A choice that does not exist changes nothing; staff are not offered one.
    let refused = app
        .form("/settings", &session, &[("remind_appointments", "hourly")])
        .await;
    assert_ne!(refused.status(), StatusCode::OK);
    let shown: Value = app.get("/api/v1/me/reminders", &sarah).await.json().await.unwrap();
    assert_eq!(shown["when"], "morning_of");
    let lotte_page = app.page_text("/settings", &app.web_session("lotte").await).await;
    assert!(lotte_page.contains("id=\"page-title\"") && !lotte_page.contains("remind_appointments"));
}
