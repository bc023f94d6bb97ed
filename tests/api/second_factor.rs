//! Staff sign in with a second factor: a code from an authenticator app or a recovery
//! code. A password alone, or a reset code someone else issued, is not enough; sensitive
//! actions ask for the code again; a lost factor is reset only by two coordinators.

use app::second_factor::totp::code_from_key;
use integration::{error_code, session_cookie, success, TestApp, DEMO_PASSWORD};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs() as i64
}

/// Sets up an authenticator app for the holder of `token`; returns the key the app was
/// given and the recovery codes.
pub(crate) async fn enrol(app: &TestApp, token: &str, username: &str) -> (String, Vec<String>) {
    let started = success(app.post_json("/api/v1/me/second-factor", Some(token), json!({})).await).await;
    let key = started["key"].as_str().expect("a key").to_string();
    assert!(started["uri"].as_str().unwrap().starts_with("otpauth://totp/Brug:"));
    let wrong = app
        .post_json(
            "/api/v1/me/second-factor/confirm",
            Some(token),
            json!({ "code": "000000" }),
        )
        .await;
    let right = code_from_key(&key, username, now()).unwrap();
    if right != "000000" {
        assert_eq!(
            error_code(wrong).await,
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".into())
        );
    }
    let confirmed = success(
        app.post_json(
            "/api/v1/me/second-factor/confirm",
            Some(token),
            json!({ "code": right }),
        )
        .await,
    )
    .await;
    let codes: Vec<String> = confirmed["recovery_codes"]
        .as_array()
        .expect("recovery codes")
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    (key, codes)
}

/// Signs in with the password; returns the token and the stage the session is at.
pub(crate) async fn password_only(app: &TestApp, username: &str, password: &str) -> (String, String) {
    let body: Value = success(app.login(username, password).await).await;
    (
        body["token"].as_str().unwrap().to_string(),
        body["stage"].as_str().unwrap().to_string(),
    )
}

/// Signs in on the sign-in page with the password; the browser is sent on to give the
/// second factor. Returns the session cookie.
pub(crate) async fn web_password_only(app: &TestApp, username: &str) -> String {
    let signed_in = app
        .http
        .post(app.url("/signin"))
        .header(header::ORIGIN, app.url(""))
        .form(&[("username", username), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        signed_in.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/second-factor"
    );
    session_cookie(&signed_in).expect("a session cookie")
}

pub(crate) async fn give(app: &TestApp, token: &str, code: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/second-factor", Some(token), json!({ "code": code }))
        .await
}

#[tokio::test]
async fn a_worker_with_a_second_factor_gets_in_only_with_its_code_and_each_code_works_once() {
    let app = TestApp::spawn().await;
    let first = app.token("lotte").await;
    let (key, recovery) = enrol(&app, &first, "lotte").await;

    let (token, stage) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(stage, "second_factor");
    assert_eq!(
        error_code(app.get("/api/v1/me", &token).await).await,
        (StatusCode::UNAUTHORIZED, "second_factor_required".into())
    );
    let case = app.case_of("Sarah").await;
    assert_eq!(
        app.get(&format!("/api/v1/cases/{case}/milestones"), &token)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        error_code(give(&app, &token, "12345").await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".into())
    );
    // The next time step's code (the enrolment used this one).
    let code = code_from_key(&key, "lotte", now() + 30).unwrap();
    assert_eq!(give(&app, &token, &code).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::OK);

    // Someone who saw that code over her shoulder cannot use it again.
    let (replay, _) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(
        error_code(give(&app, &replay, &code).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".into())
    );
    // A recovery code works once, typed as people do (lower case, no dash).
    let typed = recovery[3].to_lowercase().replace('-', " ");
    assert_eq!(give(&app, &replay, &typed).await.status(), StatusCode::NO_CONTENT);
    let (again, _) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(
        error_code(give(&app, &again, &recovery[3]).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".into())
    );
    let lotte = app.user_id("lotte").await;
    // The wrong code at enrolment, "12345", the replayed code and the used recovery code.
    assert_eq!(app.audit_count("second_factor_failed", lotte).await, 4);
    assert_eq!(app.audit_count("recovery_code_used", lotte).await, 1);
    // The secret is sealed: the database does not hold the key the app was given.
    let stored: String = sqlx::query_scalar("SELECT sealed_secret FROM second_factors WHERE user_id = $1")
        .bind(lotte)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(!stored.contains(&key.replace(' ', "")) && stored.starts_with("v1."));
}

#[tokio::test]
async fn a_reset_code_from_a_coordinator_does_not_get_past_the_second_factor() {
    let app = TestApp::spawn().await;
    let lotte_token = app.token("lotte").await;
    enrol(&app, &lotte_token, "lotte").await;
    let coordinator = app.token("coordinator").await;
    let lotte = app.user_id("lotte").await;
    let issued = success(
        app.post_json("/api/v1/reset-codes", Some(&coordinator), json!({ "user_id": lotte }))
            .await,
    )
    .await;
    let new_password = "the coordinator's choice";
    let redeemed = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": issued["code"], "password": new_password }),
        )
        .await;
    assert!(redeemed.status().is_success());
    let (token, stage) = password_only(&app, "lotte", new_password).await;
    assert_eq!(
        stage, "second_factor",
        "a password reset never removes the second factor"
    );
    assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/v1/cases", &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn where_it_is_required_staff_set_up_a_second_factor_before_anything_else() {
    let app = TestApp::spawn_with(&[("BRUG_STAFF_SECOND_FACTOR", "true")]).await;
    let (token, stage) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(stage, "enrol");
    assert_eq!(
        error_code(app.get("/api/v1/me", &token).await).await,
        (StatusCode::UNAUTHORIZED, "second_factor_required".into())
    );
    assert_eq!(
        app.get("/api/v1/cases", &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(give(&app, &token, "123456").await.status(), StatusCode::NOT_FOUND);
    enrol(&app, &token, "lotte").await;
    assert_eq!(app.get("/api/v1/cases", &token).await.status(), StatusCode::OK);

    // On the web: the password leads to the setup page, and nothing else opens first.
    let cookie = web_password_only(&app, "pieter").await;
    let home = app.page("/", Some(&cookie)).await;
    assert_eq!(home.status(), StatusCode::FOUND);
    assert_eq!(
        home.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/second-factor"
    );
    let setup = app
        .page("/signin/second-factor", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(setup.contains("<svg") && setup.contains("id=\"setup-key\""), "{setup}");

    // Participants and family sign in as before.
    let (_, stage) = password_only(&app, "sarah", DEMO_PASSWORD).await;
    assert_eq!(stage, "full");
}

#[tokio::test]
async fn a_worker_signs_in_on_the_web_with_the_code_and_sees_the_recovery_codes_once() {
    let app = TestApp::spawn().await;
    let browser = app.web_session("lotte").await;
    let setup = app
        .page("/signin/second-factor", Some(&browser))
        .await
        .text()
        .await
        .unwrap();
    let key = setup
        .split("id=\"setup-key\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .expect("the key on the page")
        .to_string();
    let code = code_from_key(&key, "lotte", now()).unwrap();
    let enrolled = app.form("/signin/enrol", &browser, &[("code", &code)]).await;
    assert_eq!(
        enrolled.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/recovery-codes"
    );
    let shown = enrolled
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("brug_recovery="))
        .and_then(|v| v.split(';').next())
        .expect("the codes travel in a cookie")
        .to_string();
    let page = app
        .page("/signin/recovery-codes", Some(&format!("{browser}; {shown}")))
        .await
        .text()
        .await
        .unwrap();
    let list = page
        .split("id=\"recovery-codes\"")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("the list of codes");
    assert_eq!(list.matches("<li>").count(), 10, "{page}");
    let again = app
        .page("/signin/recovery-codes", Some(&browser))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !again.contains("<li>")
            || !again
                .split("id=\"recovery-codes\"")
                .nth(1)
                .unwrap()
                .split("</ol>")
                .next()
                .unwrap()
                .contains("<li>")
    );

    let cookie = web_password_only(&app, "lotte").await;
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::FOUND);
    let wrong = app.form("/signin/second-factor", &cookie, &[("code", "999999x")]).await;
    assert_eq!(
        wrong.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/second-factor?error=invalid_code"
    );
    let code = code_from_key(&key, "lotte", now() + 30).unwrap();
    let given = app
        .form(
            "/signin/second-factor",
            &cookie,
            &[("code", &code), ("next", "//elsewhere.example")],
        )
        .await;
    assert_eq!(given.headers()[header::LOCATION].to_str().unwrap(), "/");
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn sensitive_actions_ask_for_the_second_factor_again_after_a_few_minutes() {
    let app = TestApp::spawn().await;
    let token = app.token("lotte").await;
    let (key, _) = enrol(&app, &token, "lotte").await;
    let marleen = app.user_id("marleen").await;
    let issue = || app.post_json("/api/v1/reset-codes", Some(&token), json!({ "user_id": marleen }));
    assert_eq!(issue().await.status(), StatusCode::CREATED);

    sqlx::query("UPDATE sessions SET second_factor_at = second_factor_at - 600 WHERE second_factor_at IS NOT NULL")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        error_code(issue().await).await,
        (StatusCode::FORBIDDEN, "step_up_required".into())
    );
    let case = app.case_of("Sarah").await;
    let restricted = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/cases/{case}/restrictions/{marleen}"),
            &token,
            Some(json!({ "reason": "A child's safety" })),
        )
        .await;
    assert_eq!(
        error_code(restricted).await,
        (StatusCode::FORBIDDEN, "step_up_required".into())
    );
    let copy = app.get("/api/v1/me/export", &token).await;
    assert_eq!(
        error_code(copy).await,
        (StatusCode::FORBIDDEN, "step_up_required".into())
    );
    // Reading goes on as before.
    assert_eq!(app.get("/api/v1/cases", &token).await.status(), StatusCode::OK);

    let code = code_from_key(&key, "lotte", now() + 30).unwrap();
    assert_eq!(give(&app, &token, &code).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(issue().await.status(), StatusCode::CREATED);

    // A page form that needs it sends the person to give it, and back.
    let browser = app.web_session("coordinator").await;
    let coordinator = app.user_id("coordinator").await;
    sqlx::query(
        "INSERT INTO second_factors (user_id, sealed_secret, created_at, confirmed_at) VALUES ($1, 'v1.x', 0, 0)",
    )
    .bind(coordinator)
    .execute(&app.db)
    .await
    .unwrap();
    let pieter = app.user_id("pieter").await;
    let refused = app.form(&format!("/admin/users/{pieter}/disable"), &browser, &[]).await;
    assert_eq!(
        refused.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/second-factor?next=/admin"
    );
    assert_eq!(
        app.get("/api/v1/cases", &app.token("pieter").await).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_lost_second_factor_is_reset_only_when_two_coordinators_agree() {
    let app = TestApp::spawn().await;
    let lotte_token = app.token("lotte").await;
    enrol(&app, &lotte_token, "lotte").await;
    let lotte = app.user_id("lotte").await;
    let hash = app::accounts::passwords::hash_blocking(DEMO_PASSWORD).unwrap();
    sqlx::query(
        "INSERT INTO users (username, display_name, password_hash, account_role, created_at) \
         VALUES ('second', 'Second coordinator', $1, 'coordinator', 0)",
    )
    .bind(&hash)
    .execute(&app.db)
    .await
    .unwrap();
    let first = app.token("coordinator").await;
    let second = app.token("second").await;
    let reset = |token: String| {
        let app = &app;
        async move {
            app.post_json(
                &format!("/api/v1/users/{lotte}/second-factor/reset"),
                Some(&token),
                json!({}),
            )
            .await
        }
    };
    let asked = success(reset(first.clone()).await).await;
    assert_eq!(asked["status"], "awaiting_second_coordinator");
    assert_eq!(
        error_code(reset(first.clone()).await).await,
        (StatusCode::CONFLICT, "second_coordinator_needed".into())
    );
    let (_, stage) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(stage, "second_factor", "one coordinator alone changes nothing");
    assert_eq!(
        error_code(reset(lotte_token.clone()).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );

    let done = success(reset(second).await).await;
    assert_eq!(done["status"], "reset");
    assert_eq!(
        app.get("/api/v1/me", &lotte_token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let (_, stage) = password_only(&app, "lotte", DEMO_PASSWORD).await;
    assert_eq!(stage, "full", "she sets up a new one; none is required here");
    let coordinator = app.user_id("coordinator").await;
    assert_eq!(app.audit_count("second_factor_reset_requested", coordinator).await, 1);
}
