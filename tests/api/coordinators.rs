//! Coordinators see their own organisation: its people and cases, and cases they are in;
//! another organisation's cases and their people are not shown to them, and a case outside
//! their reach is not revealed to exist.

use app::demo::DEMO_PASSWORD;
use integration::{error_code, success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A coordinator of a new organisation, "Welzijnsschakel Mechelen"; their token.
async fn coordinator_elsewhere(app: &TestApp) -> String {
    let demo = app.token("coordinator").await;
    let organisation: Value = success(
        app.post_json(
            "/api/v1/organisations",
            Some(&demo),
            json!({ "name": "Welzijnsschakel Mechelen" }),
        )
        .await,
    )
    .await;
    let organisation = organisation["id"].as_i64().unwrap();
    account_in(app, ("mechelen", "Coördinatie Mechelen"), "coordinator", organisation).await;
    app.token("mechelen").await
}

/// An account of `role` in `organisation`, with the demo's password; its id.
async fn account_in(app: &TestApp, (username, display_name): (&str, &str), role: &str, organisation: i64) -> i64 {
    let hash = app::accounts::passwords::hash_blocking(DEMO_PASSWORD).unwrap();
    sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, account_role, organisation_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
    )
    .bind(username)
    .bind(display_name)
    .bind(&hash)
    .bind(role)
    .bind(organisation)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_coordinator_sees_the_cases_and_people_of_their_own_organisation_only() {
    let app = TestApp::spawn().await;
    let mechelen = coordinator_elsewhere(&app).await;
    let opened = app
        .post_json(
            "/api/v1/cases",
            Some(&mechelen),
            json!({ "participant_name": "Samira" }),
        )
        .await;
    assert_eq!(opened.status(), StatusCode::CREATED);

    let theirs = app.page_text("/admin", &app.web_session("mechelen").await).await;
    assert!(theirs.contains("Samira"), "the case they opened");
    for name in ["Sarah", "Youssef", "Marleen", "Lotte", "Hanane"] {
        assert!(!theirs.contains(name), "{name} belongs to another organisation's cases");
    }
    let demo = app.page_text("/admin", &app.web_session("coordinator").await).await;
    assert!(demo.contains("Sarah") && demo.contains("Youssef") && demo.contains("Lotte"));
    assert!(!demo.contains("Samira"), "not a case of the demo's organisation");

    // Acting on a case outside their reach: not found, as if it were not there.
    let sarahs = app.case_of("Sarah").await;
    let lotte = app.user_id("lotte").await;
    let assign = json!({ "user_id": lotte, "case_role": "buddy" });
    assert_eq!(
        error_code(
            app.post_json(&format!("/api/v1/cases/{sarahs}/workers"), Some(&mechelen), assign)
                .await
        )
        .await,
        (StatusCode::NOT_FOUND, "not_found".into())
    );
}

#[tokio::test]
async fn an_overdue_conversation_reaches_the_coordinator_of_its_case_and_no_other() {
    let app = TestApp::spawn().await;
    let mechelen = coordinator_elsewhere(&app).await;
    let sarah = app.token("sarah").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let message = json!({ "body": "Kan ik je spreken?", "client_id": "overdue-1" });
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{with_lotte}/messages"),
            Some(&sarah),
            message,
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    // Five days always hold at least two working days, whatever today is.
    app.clock.advance(5 * 24 * 3600);

    let demo = success(app.get("/api/v1/overdue", &app.token("coordinator").await).await).await;
    let demo = demo.as_array().unwrap();
    assert!(
        demo.iter().any(|n| n["conversation_id"] == with_lotte),
        "the demo's coordinator sees it"
    );
    let elsewhere = success(app.get("/api/v1/overdue", &mechelen).await).await;
    assert_eq!(elsewhere, json!([]), "another organisation's coordinator does not");
}

/// A reset code is a way into an account, and closing one locks its person out: a
/// coordinator does either only for the people their overview shows. Another
/// organisation's worker is not revealed to exist, and keeps their account.
#[tokio::test]
async fn a_coordinator_issues_codes_for_and_closes_only_the_accounts_in_their_reach() {
    let app = TestApp::spawn().await;
    let mechelen = coordinator_elsewhere(&app).await;
    let lotte = app.user_id("lotte").await;
    let code = app
        .post_json("/api/v1/reset-codes", Some(&mechelen), json!({ "user_id": lotte }))
        .await;
    assert_eq!(error_code(code).await, (StatusCode::NOT_FOUND, "not_found".into()));
    let closed = app
        .post_json(&format!("/api/v1/users/{lotte}/disable"), Some(&mechelen), json!({}))
        .await;
    assert_eq!(error_code(closed).await, (StatusCode::NOT_FOUND, "not_found".into()));
    assert_eq!(
        app.login("lotte", DEMO_PASSWORD).await.status(),
        StatusCode::OK,
        "Lotte still signs in"
    );
    let issued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM one_time_codes WHERE target_user_id = $1")
        .bind(lotte)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(issued, 0, "no code was made for her");

    // A worker of their own organisation is theirs to help back in.
    let organisation: i64 = sqlx::query_scalar("SELECT organisation_id FROM users WHERE username = 'mechelen'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let own_worker = account_in(&app, ("joris", "Joris"), "worker", organisation).await;
    let code = app
        .post_json("/api/v1/reset-codes", Some(&mechelen), json!({ "user_id": own_worker }))
        .await;
    assert_eq!(code.status(), StatusCode::CREATED);
    let closed = app
        .post_json(
            &format!("/api/v1/users/{own_worker}/disable"),
            Some(&mechelen),
            json!({}),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
}

/// A request to be erased is answered by a coordinator who reaches its person: confirming
/// closes the account, and a no withholds a right. Another organisation's coordinator
/// does not see it and cannot answer it; the demo's coordinator, whose cases Yusuf is in,
/// does both.
#[tokio::test]
async fn only_a_coordinator_who_reaches_a_person_sees_and_answers_their_erasure_request() {
    let app = TestApp::spawn().await;
    let mechelen = coordinator_elsewhere(&app).await;
    let yusuf = app.token("yusuf").await;
    let asked: Value = success(
        app.post_json(
            "/api/v1/me/erasure",
            Some(&yusuf),
            json!({ "reason": "Ik wil opnieuw beginnen." }),
        )
        .await,
    )
    .await;
    let id = asked["id"].as_i64().unwrap();

    let theirs = app.list("/api/v1/erasure-requests", &mechelen, "requests").await;
    assert!(theirs.is_empty(), "not in their reach: {theirs:?}");
    for answer in ["confirm", "decline"] {
        let body = json!({ "explanation": "De wet vraagt ons dit te bewaren." });
        let response = app
            .post_json(
                &format!("/api/v1/erasure-requests/{id}/{answer}"),
                Some(&mechelen),
                body,
            )
            .await;
        assert_eq!(
            error_code(response).await,
            (StatusCode::NOT_FOUND, "not_found".into()),
            "{answer}"
        );
    }
    assert_eq!(
        app.get("/api/v1/me", &yusuf).await.status(),
        StatusCode::OK,
        "his account is open"
    );

    let demo = app.token("coordinator").await;
    let waiting = app.list("/api/v1/erasure-requests", &demo, "requests").await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["id"], id);
    let confirmed = app
        .post_json(
            &format!("/api/v1/erasure-requests/{id}/confirm"),
            Some(&demo),
            json!({}),
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
}
