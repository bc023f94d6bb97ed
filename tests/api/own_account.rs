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

#[tokio::test]
async fn a_coordinator_closes_the_account_of_a_worker_who_left_and_everything_of_it_ends() {
    let app = TestApp::spawn().await;
    let lotte_phone = app.token("lotte").await;
    let lotte_browser = app.web_session("lotte").await;
    let lotte = app.user_id("lotte").await;
    let path = format!("/api/v1/users/{lotte}/disable");
    // Only a coordinator may, and not for their own account.
    let sarah = app.token("sarah").await;
    assert_eq!(
        error_code(app.post_json(&path, Some(&sarah), json!({})).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    let coordinator = app.token("coordinator").await;
    let own = format!("/api/v1/users/{}/disable", app.user_id("coordinator").await);
    assert_eq!(
        error_code(app.post_json(&own, Some(&coordinator), json!({})).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );

    let closed = app.post_json(&path, Some(&coordinator), json!({})).await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/me", &lotte_phone).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.page("/", Some(&lotte_browser)).await.status(), StatusCode::FOUND);
    assert_eq!(
        error_code(app.login("lotte", DEMO_PASSWORD).await).await,
        (StatusCode::UNAUTHORIZED, "invalid_credentials".into()),
        "the same answer as a wrong password"
    );
    // Her history stays, and Sarah sees in her log that the account was closed.
    let case_id = app.case_of("Sarah").await;
    let actions = app.access_log_actions(case_id, &sarah).await;
    assert!(actions.iter().any(|a| a == "account_disabled"), "{actions:?}");
    let members = app.list("/api/v1/cases", &sarah, "cases").await[0]["members"].clone();
    assert!(members.as_array().unwrap().iter().any(|m| m["display_name"] == "Lotte"));
    // Closing it again changes nothing; the admin page says it is closed.
    let again = app.post_json(&path, Some(&coordinator), json!({})).await;
    assert_eq!(again.status(), StatusCode::NO_CONTENT);
    let admin = app
        .page("/admin", Some(&app.web_session("coordinator").await))
        .await
        .text()
        .await
        .unwrap();
    assert!(admin.contains("afgesloten"), "{admin}");
    assert!(!admin.contains(&format!("/admin/users/{lotte}/disable")), "{admin}");
}

#[tokio::test]
async fn a_closed_account_cannot_be_opened_again_with_a_reset_code_old_or_new() {
    let app = TestApp::spawn().await;
    let ahmed = app.token("ahmed").await;
    let marleen = app.user_id("marleen").await;
    let issued = app
        .post_json("/api/v1/reset-codes", Some(&ahmed), json!({ "user_id": marleen }))
        .await;
    assert_eq!(issued.status(), StatusCode::CREATED);
    let old_code = issued.json::<serde_json::Value>().await.unwrap()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let coordinator = app.token("coordinator").await;
    let closed = app
        .post_json(
            &format!("/api/v1/users/{marleen}/disable"),
            Some(&coordinator),
            json!({}),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);

    let join = json!({ "code": old_code, "password": NEW_PASSWORD });
    assert_eq!(
        error_code(app.post_json("/api/v1/join", None, join).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".into()),
        "a code issued before the closure no longer works"
    );
    assert_eq!(
        error_code(
            app.post_json("/api/v1/reset-codes", Some(&ahmed), json!({ "user_id": marleen }))
                .await
        )
        .await,
        (StatusCode::CONFLICT, "account_closed".into())
    );
    assert_eq!(
        error_code(app.login("marleen", NEW_PASSWORD).await).await,
        (StatusCode::UNAUTHORIZED, "invalid_credentials".into())
    );
}
