//! Being forgotten: a person asks to be erased, a coordinator confirms (the account closes
//! at once) or explains which legal duty keeps the data; when each retention period ends,
//! the name and account data, then the person's words, are replaced by a placeholder,
//! while every audit row stays, its actor nameless.

use app::db::now;
use app::erasure::service::erase_due;
use app::erasure::ERASED;
use integration::{error_code, success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

async fn ask(app: &TestApp, token: &str, reason: &str) -> reqwest::Response {
    app.post_json("/api/v1/me/erasure", Some(token), json!({ "reason": reason }))
        .await
}

async fn confirm(app: &TestApp, coordinator: &str, id: i64) -> Value {
    success(
        app.post_json(
            &format!("/api/v1/erasure-requests/{id}/confirm"),
            Some(coordinator),
            json!({}),
        )
        .await,
    )
    .await
}

#[tokio::test]
async fn yusuf_asks_to_be_erased_and_a_coordinators_yes_closes_his_account_at_once() {
    let app = TestApp::spawn().await;
    let (yusuf, lotte, coordinator) = (
        app.token("yusuf").await,
        app.token("lotte").await,
        app.token("coordinator").await,
    );
    let asked = success(ask(&app, &yusuf, "Ik wil niet meer in het systeem staan.").await).await;
    assert_eq!(asked["status"], "asked");
    assert_eq!(
        error_code(ask(&app, &yusuf, "nog eens").await).await,
        (StatusCode::CONFLICT, "erasure_asked".into()),
        "one request at a time"
    );
    let mine: Value = app.get("/api/v1/me/erasure", &yusuf).await.json().await.unwrap();
    assert_eq!(mine["id"], asked["id"]);

    assert_eq!(
        app.get("/api/v1/erasure-requests", &lotte).await.status(),
        StatusCode::FORBIDDEN,
        "a worker does not answer them"
    );
    let waiting = app.list("/api/v1/erasure-requests", &coordinator, "requests").await;
    assert!(waiting
        .iter()
        .any(|r| r["id"] == asked["id"] && r["reason"] == "Ik wil niet meer in het systeem staan."));

    let id = asked["id"].as_i64().unwrap();
    let confirmed = confirm(&app, &coordinator, id).await;
    assert_eq!(confirmed["status"], "confirmed");
    let in_a_month = now() + 30 * DAY;
    for date in ["erase_account_at", "erase_writings_at"] {
        assert!(
            (confirmed[date].as_i64().unwrap() - in_a_month).abs() < 60,
            "{date}: the default month"
        );
    }
    assert_eq!(
        app.get("/api/v1/me", &yusuf).await.status(),
        StatusCode::UNAUTHORIZED,
        "signed out at once"
    );
    assert_eq!(
        app.login("yusuf", app::demo::DEMO_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = app
        .post_json(
            &format!("/api/v1/erasure-requests/{id}/confirm"),
            Some(&coordinator),
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(again).await,
        (StatusCode::CONFLICT, "request_answered".into())
    );
}

#[tokio::test]
async fn when_the_retention_ends_her_name_and_words_are_gone_and_the_audit_trail_keeps_its_rows() {
    let app = TestApp::spawn().await;
    let (marleen, sarah, coordinator) = (
        app.token("marleen").await,
        app.token("sarah").await,
        app.token("coordinator").await,
    );
    let marleen_id = app.user_id("marleen").await;
    let with_lotte = app.conversation_with(&marleen, "lotte").await;
    let path = format!("/api/v1/conversations/{with_lotte}/messages");
    let sent = app
        .post_json(
            &path,
            Some(&marleen),
            json!({ "body": "Mijn eigen woorden.", "client_id": "erase-1" }),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    // She looks at the appointments Sarah shares with her: Sarah's access log says so.
    let case = app.case_of("Sarah").await;
    let looked = app.get(&format!("/api/v1/cases/{case}/appointments"), &marleen).await;
    assert_eq!(looked.status(), StatusCode::OK);
    let id = success(ask(&app, &marleen, "").await).await["id"].as_i64().unwrap();
    confirm(&app, &coordinator, id).await;
    let rows_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE actor_user_id = $1")
        .bind(marleen_id)
        .fetch_one(&app.db)
        .await
        .unwrap();

    // Nothing is erased before its day.
    assert_eq!(erase_due(&app.state, now()).await.unwrap().accounts, 0);
    let before = app.stored_messages_of(marleen_id).await;
    assert!(before.iter().any(|t| t == "Mijn eigen woorden."), "{before:?}");
    let erased = erase_due(&app.state, now() + 31 * DAY).await.unwrap();
    assert_eq!((erased.accounts, erased.writings), (1, 1));

    let (name, username): (String, String) = sqlx::query_as("SELECT display_name, username FROM users WHERE id = $1")
        .bind(marleen_id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!((name.as_str(), username), (ERASED, format!("erased-{marleen_id}")));
    let texts = app.stored_messages_of(marleen_id).await;
    assert!(!texts.iter().any(|t| t == "Mijn eigen woorden."), "her words are gone");
    assert!(
        texts.iter().any(|t| t == ERASED),
        "the message keeps its place in the conversation"
    );
    let rows_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE actor_user_id = $1")
        .bind(marleen_id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        rows_after, rows_before,
        "every audit row stays, its actor now a pseudonym"
    );

    // Sarah's access log still shows what her mother did, without her name.
    let log: Value = app
        .get(&format!("/api/v1/cases/{case}/access-log"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["actor_name"].as_str())
        .collect();
    assert!(names.contains(&ERASED) && !names.contains(&"Marleen"), "{names:?}");
    let mine: String = sqlx::query_scalar("SELECT status FROM erasure_requests WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(mine, "done");
}

#[tokio::test]
async fn each_kind_of_data_is_kept_as_long_as_the_settings_say() {
    let app = TestApp::spawn_with(&[
        ("BRUG_ERASE_ACCOUNT_AFTER_DAYS", "0"),
        ("BRUG_ERASE_WRITINGS_AFTER_DAYS", "365"),
    ])
    .await;
    let (marleen, coordinator) = (app.token("marleen").await, app.token("coordinator").await);
    let marleen_id = app.user_id("marleen").await;
    let with_lotte = app.conversation_with(&marleen, "lotte").await;
    let path = format!("/api/v1/conversations/{with_lotte}/messages");
    app.post_json(
        &path,
        Some(&marleen),
        json!({ "body": "Voor het dossier.", "client_id": "erase-2" }),
    )
    .await;
    let id = success(ask(&app, &marleen, "").await).await["id"].as_i64().unwrap();
    let confirmed = confirm(&app, &coordinator, id).await;
    assert!(confirmed["erase_writings_at"].as_i64().unwrap() > now() + 364 * DAY);

    let erased = erase_due(&app.state, now() + 1).await.unwrap();
    assert_eq!((erased.accounts, erased.writings), (1, 0));
    let kept = app.stored_messages_of(marleen_id).await;
    assert!(
        kept.iter().any(|t| t == "Voor het dossier."),
        "what she wrote is kept for its own year: {kept:?}"
    );
    let erased = erase_due(&app.state, now() + 366 * DAY).await.unwrap();
    assert_eq!((erased.accounts, erased.writings), (0, 1));
}

#[tokio::test]
async fn a_coordinator_says_no_with_the_legal_duty_and_she_reads_it_on_her_settings_page() {
    let app = TestApp::spawn().await;
    let (youssef, coordinator) = (app.token("youssef").await, app.token("coordinator").await);
    let cookie = format!("{}; brug_lang=en", app.web_session("youssef").await);
    let asked = app
        .form("/settings/erasure", &cookie, &[("reason", "Ik ben klaar.")])
        .await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let settings = app.page_text("/settings", &cookie).await;
    assert!(
        settings.contains("You asked on"),
        "the settings page says where it stands"
    );
    let id: i64 = app
        .get("/api/v1/me/erasure", &youssef)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();

    let decline = format!("/api/v1/erasure-requests/{id}/decline");
    let bare = app
        .post_json(&decline, Some(&coordinator), json!({ "explanation": " " }))
        .await;
    assert_eq!(
        error_code(bare).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into()),
        "a no needs its reason"
    );
    let why = "Het justitiehuis moet je dossier bewaren tot vijf jaar na het einde van je begeleiding.";
    let declined = success(
        app.post_json(&decline, Some(&coordinator), json!({ "explanation": why }))
            .await,
    )
    .await;
    assert_eq!(declined["status"], "declined");
    assert_eq!(
        app.get("/api/v1/me", &youssef).await.status(),
        StatusCode::OK,
        "the account stays"
    );
    let settings = app.page_text("/settings", &cookie).await;
    assert!(settings.contains(why));
    assert_eq!(
        ask(&app, &youssef, "Nu wel?").await.status(),
        StatusCode::CREATED,
        "he may ask again"
    );
}
