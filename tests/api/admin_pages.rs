//! The worker's and the coordinator's page forms: plain HTML forms, no JavaScript needed.

use integration::TestApp;
use reqwest::{header, StatusCode};
use serde_json::json;

async fn post_form(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)]) -> String {
    let response = app
        .http
        .post(app.url(path))
        .header(header::COOKIE, cookie)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    response.headers()[header::LOCATION].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_worker_invites_a_family_member_from_the_circle_and_is_shown_the_code() {
    let app = TestApp::spawn().await;
    let lotte = app.web_session("lotte").await;
    let case_a = app.case_of("Sarah").await.to_string();
    let home = app.page("/", Some(&lotte)).await.text().await.unwrap();
    assert!(
        home.contains("action=\"/invitations\""),
        "the worker sees the invite form"
    );
    let fields = [
        ("case_id", case_a.as_str()),
        ("display_name", "Amina"),
        ("kind", "family"),
        ("relationship", "sister"),
    ];
    let location = post_form(&app, &lotte, "/invitations", &fields).await;
    let code = location
        .strip_prefix("/code?value=")
        .expect("the code page")
        .to_string();
    let page = app.page(&location, Some(&lotte)).await.text().await.unwrap();
    assert!(
        page.contains(&format!("dir=\"ltr\" class=\"one-time-code\">{code}</p>")),
        "{page}"
    );

    let joined = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(joined.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn participants_and_family_see_no_worker_tools_and_cannot_post_them() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let home = app.page("/", Some(&sarah)).await.text().await.unwrap();
    assert!(!home.contains("action=\"/invitations\"") && !home.contains("action=\"/reset-codes\""));
    let case_a = app.case_of("Sarah").await.to_string();
    let fields = [
        ("case_id", case_a.as_str()),
        ("display_name", "X"),
        ("kind", "family"),
        ("relationship", "other"),
    ];
    assert_eq!(
        post_form(&app, &sarah, "/invitations", &fields).await,
        "/?error=not_permitted"
    );
}

#[tokio::test]
async fn a_coordinator_opens_a_circle_and_assigns_a_worker_through_the_admin_page() {
    let app = TestApp::spawn().await;
    let coordinator = app.web_session("coordinator").await;
    assert_eq!(
        post_form(&app, &coordinator, "/admin/cases", &[("participant_name", "Samira")]).await,
        "/admin?saved"
    );
    let case_id: i64 = app.case_of("Samira").await;
    let lotte = app.user_id("lotte").await.to_string();
    let fields = [
        ("case_id", case_id.to_string()),
        ("user_id", lotte),
        ("case_role", "social_worker".to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post_form(&app, &coordinator, "/admin/assignments", &fields).await,
        "/admin?saved"
    );

    let admin = app.page("/admin", Some(&coordinator)).await;
    assert_eq!(admin.status(), StatusCode::OK);
    assert!(admin.text().await.unwrap().contains("Samira"));
    let cases = app.list("/api/v1/cases", &app.token("lotte").await, "cases").await;
    assert_eq!(cases.len(), 2);
}

#[tokio::test]
async fn a_coordinator_invites_a_worker_and_gets_a_code() {
    let app = TestApp::spawn().await;
    let coordinator = app.web_session("coordinator").await;
    let organisation: i64 = sqlx::query_scalar("SELECT id FROM organisations ORDER BY id LIMIT 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let organisation = organisation.to_string();
    let location = post_form(
        &app,
        &coordinator,
        "/admin/workers",
        &[("organisation_id", &organisation), ("display_name", "Ines")],
    )
    .await;
    assert!(location.starts_with("/code?value="), "{location}");
}

#[tokio::test]
async fn the_admin_page_turns_away_everyone_but_coordinators() {
    let app = TestApp::spawn().await;
    for name in ["sarah", "marleen", "lotte"] {
        let cookie = app.web_session(name).await;
        let response = app.page("/admin", Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let html = response.text().await.unwrap();
        assert!(
            !html.contains("Youssef") && !html.contains("Justitiehuis"),
            "{name} sees nothing of the overview"
        );
        let refused = post_form(&app, &cookie, "/admin/cases", &[("participant_name", "Nope")]).await;
        assert_eq!(refused, "/admin?error=not_permitted", "{name}");
    }
}
