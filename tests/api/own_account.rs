//! A person's own account: changing the password (the current one first, a wrong one
//! held to the sign-in limit) and signing out everywhere.

use integration::{error_code, TestApp, DEMO_PASSWORD};
use reqwest::{header, StatusCode};
use serde_json::json;

const NEW_PASSWORD: &str = "a walk along the Scheldt";

async fn change(app: &TestApp, token: &str, current: &str, new: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/me/password",
        Some(token),
        json!({ "current_password": current, "new_password": new }),
    )
    .await
}

#[tokio::test]
async fn a_changed_password_signs_out_the_other_devices_and_keeps_this_one() {
    let app = TestApp::spawn().await;
    let this_phone = app.token("sarah").await;
    let other_phone = app.token("sarah").await;
    let browser = app.web_session("sarah").await;
    let changed = change(&app, &this_phone, DEMO_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);

    assert_eq!(app.get("/api/v1/me", &this_phone).await.status(), StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/me", &other_phone).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.page("/", Some(&browser)).await.status(), StatusCode::FOUND);
    assert_eq!(
        error_code(app.login("sarah", DEMO_PASSWORD).await).await,
        (StatusCode::UNAUTHORIZED, "invalid_credentials".into())
    );
    assert_eq!(app.login("sarah", NEW_PASSWORD).await.status(), StatusCode::OK);
    let sarah = app.user_id("sarah").await;
    assert_eq!(app.audit_count("password_changed", sarah).await, 1);
}

#[tokio::test]
async fn a_wrong_current_password_changes_nothing_and_counts_as_a_failed_sign_in() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    for _ in 0..10 {
        assert_eq!(
            error_code(change(&app, &lotte, "not my password", NEW_PASSWORD).await).await,
            (StatusCode::FORBIDDEN, "wrong_password".into())
        );
    }
    // The eleventh guess within the minute, here or at the sign-in, is refused unchecked.
    let (status, code) = error_code(change(&app, &lotte, DEMO_PASSWORD, NEW_PASSWORD).await).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
    );
    let (status, _) = error_code(app.login("lotte", DEMO_PASSWORD).await).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Her password is still the old one, and her session still holds.
    assert_eq!(app.get("/api/v1/me", &lotte).await.status(), StatusCode::OK);
    sqlx::query("DELETE FROM sign_in_failures")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.login("lotte", DEMO_PASSWORD).await.status(), StatusCode::OK);
    let lotte_id = app.user_id("lotte").await;
    assert_eq!(app.audit_count("password_change_refused", lotte_id).await, 10);
}

#[tokio::test]
async fn a_new_password_that_is_too_short_is_refused_before_anything_is_checked() {
    let app = TestApp::spawn().await;
    let marleen = app.token("marleen").await;
    assert_eq!(
        error_code(change(&app, &marleen, DEMO_PASSWORD, "kort").await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "password_too_short".into())
    );
    assert_eq!(app.login("marleen", DEMO_PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_settings_page_changes_the_password_and_says_so_beside_the_form() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("marleen").await;
    let post = |current: &'static str| {
        app.http
            .post(app.url("/settings/password"))
            .header(header::COOKIE, &cookie)
            .header(header::ORIGIN, app.url(""))
            .form(&[("current_password", current), ("new_password", NEW_PASSWORD)])
            .send()
    };
    let wrong = post("not my password").await.unwrap();
    assert_eq!(wrong.status(), StatusCode::SEE_OTHER);
    let target = wrong.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(target, "/settings?error=wrong_password#password");
    let page = app.page(&target, Some(&cookie)).await.text().await.unwrap();
    let form = &page[page.find("id=\"password\"").expect("the password section")..];
    assert!(form.contains("Dat is niet je huidige wachtwoord"), "{form}");

    let right = post(DEMO_PASSWORD).await.unwrap();
    let target = right.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(target, "/settings?saved=password#password");
    let page = app.page(&target, Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK, "this browser stays signed in");
    assert!(page.text().await.unwrap().contains("Je wachtwoord is veranderd"));
    assert_eq!(app.login("marleen", NEW_PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn signing_out_everywhere_from_a_phone_ends_every_token_and_browser_session() {
    let app = TestApp::spawn().await;
    let phone = app.token("yusuf").await;
    let tablet = app.token("yusuf").await;
    let browser = app.web_session("yusuf").await;
    let lotte = app.token("lotte").await;
    let done = app
        .post_json("/api/v1/me/sign-out-everywhere", Some(&phone), json!({}))
        .await;
    assert_eq!(done.status(), StatusCode::NO_CONTENT);
    for token in [&phone, &tablet] {
        assert_eq!(app.get("/api/v1/me", token).await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.page("/", Some(&browser)).await.status(), StatusCode::FOUND);
    assert_eq!(
        app.get("/api/v1/me", &lotte).await.status(),
        StatusCode::OK,
        "only his own"
    );
    assert_eq!(
        app.login("yusuf", DEMO_PASSWORD).await.status(),
        StatusCode::OK,
        "and he can sign in again"
    );
}
