use integration::{error_code, TestApp, DEMO_PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_participant_signs_in_from_a_phone_and_sees_their_role() {
    let app = TestApp::spawn().await;
    let response = app.login("sarah", DEMO_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["user"]["username"], "sarah");
    let token = body["token"].as_str().unwrap();

    let me: Value = app.get("/api/v1/me", token).await.json().await.unwrap();
    assert_eq!(me["role"], "participant");
    assert_eq!(me["display_name"], "Sarah");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_identical_answers() {
    let app = TestApp::spawn().await;
    let wrong = app.login("sarah", "not her password").await;
    let unknown = app.login("nobody-here", "not her password").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let wrong_body = wrong.text().await.unwrap();
    assert_eq!(wrong_body, unknown.text().await.unwrap());
    assert!(wrong_body.contains("\"invalid_credentials\""));
}

#[tokio::test]
async fn the_eleventh_failed_attempt_within_a_minute_is_refused_with_retry_after() {
    let app = TestApp::spawn().await;
    for attempt in 1..=10 {
        let response = app.login("sarah", "wrong guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let eleventh = app.login("sarah", "wrong guess").await;
    assert_eq!(eleventh.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = eleventh.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after));
    assert_eq!(error_code(eleventh).await.1, "too_many_attempts");
    // Even the right password waits: the account is being guessed at.
    assert_eq!(
        app.login("sarah", DEMO_PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn wrong_passwords_sent_all_at_once_are_held_to_the_same_ten_as_one_after_another() {
    let app = TestApp::spawn().await;
    let attempts = (0..30).map(|_| app.login("sarah", "wrong guess"));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(attempts)
        .await
        .iter()
        .map(|response| response.status())
        .collect();
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (10, 20), "{statuses:?}");
    assert_eq!(
        app.login("sarah", DEMO_PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the account waits out the minute"
    );
}

#[tokio::test]
async fn a_right_password_does_not_count_as_a_failed_attempt() {
    let app = TestApp::spawn().await;
    for attempt in 1..=12 {
        let response = app.login("sarah", DEMO_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "sign-in {attempt}");
    }
}

#[tokio::test]
async fn failed_attempts_from_one_address_throttle_guesses_at_other_accounts() {
    let app = TestApp::spawn().await;
    for (attempt, name) in [
        "marleen",
        "yusuf",
        "lotte",
        "ahmed",
        "karim",
        "pieter",
        "hanane",
        "youssef",
        "sarah",
        "coordinator",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(
            app.login(name, "wrong guess").await.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    assert_eq!(
        app.login("sarah", "another guess").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_signed_out_device_token_stops_working_at_once() {
    let app = TestApp::spawn().await;
    let token = app.token("marleen").await;
    assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::OK);
    let logout = app.post_json("/api/v1/auth/logout", Some(&token), json!({})).await;
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    let (status, code) = error_code(app.get("/api/v1/me", &token).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::UNAUTHORIZED, "unauthenticated"));
}

#[tokio::test]
async fn a_person_signs_out_a_lost_phone_from_another_device() {
    let app = TestApp::spawn().await;
    let lost_phone = app.token("sarah").await;
    let other = app.token("sarah").await;
    let devices = app.list("/api/v1/me/devices", &other, "devices").await;
    assert_eq!(devices.len(), 2);
    let lost = devices.iter().find(|d| d["current"] == false).unwrap();
    let response = app
        .http
        .delete(app.url(&format!("/api/v1/me/devices/{}", lost["id"])))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/me", &lost_phone).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get("/api/v1/me", &other).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn nobody_can_sign_out_someone_elses_device() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let yusuf = app.token("yusuf").await;
    let sarah_devices = app.list("/api/v1/me/devices", &sarah, "devices").await;
    let response = app
        .http
        .delete(app.url(&format!("/api/v1/me/devices/{}", sarah_devices[0]["id"])))
        .bearer_auth(&yusuf)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(response).await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
    assert_eq!(app.get("/api/v1/me", &sarah).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_request_without_a_token_or_with_a_forged_one_is_unauthenticated() {
    let app = TestApp::spawn().await;
    let anonymous = app.http.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(
        error_code(anonymous).await,
        (StatusCode::UNAUTHORIZED, "unauthenticated".to_string())
    );
    let forged = app
        .get(
            "/api/v1/me",
            "brug_0000000000000000000000000000000000000000000000000000000000000000",
        )
        .await;
    assert_eq!(
        error_code(forged).await,
        (StatusCode::UNAUTHORIZED, "unauthenticated".to_string())
    );
}

#[tokio::test]
async fn sign_ins_and_failures_are_recorded_in_the_audit_trail() {
    let app = TestApp::spawn().await;
    let sarah = app.user_id("sarah").await;
    app.login("sarah", "wrong guess").await;
    app.token("sarah").await;
    assert_eq!(app.audit_count("sign_in_failed", sarah).await, 1);
    assert_eq!(app.audit_count("sign_in", sarah).await, 1);
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes_with_the_agreed_parameters() {
    let app = TestApp::spawn().await;
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE username = 'sarah'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(!hash.contains(DEMO_PASSWORD));
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().expect("an object").keys().cloned().collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn the_login_and_me_answers_keep_the_shape_phone_apps_rely_on() {
    let app = TestApp::spawn().await;
    let login: Value = app.login("lotte", DEMO_PASSWORD).await.json().await.unwrap();
    assert_eq!(keys(&login), ["stage", "token", "user"]);
    assert_eq!(login["stage"], "full");
    assert_eq!(
        keys(&login["user"]),
        ["display_name", "id", "language", "organisation", "role", "username"]
    );
    assert_eq!(login["user"]["organisation"], "Justitiehuis Antwerpen");
    assert!(login["token"].as_str().unwrap().starts_with("brug_"));
    let me: Value = app
        .get("/api/v1/me", login["token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me, login["user"]);

    let error: Value = app.login("lotte", "wrong guess").await.json().await.unwrap();
    assert_eq!(keys(&error), ["error"]);
    assert_eq!(keys(&error["error"]), ["code", "message"]);
}

/// Moves the last use of the newest session of `username` back by `seconds`. (A session
/// in use is touched in the background, so each check below takes a session of its own.)
async fn unused_for(app: &TestApp, username: &str, seconds: i64) {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = last_seen_at - $1 WHERE id = \
         (SELECT MAX(id) FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = $2))",
    )
    .bind(seconds)
    .bind(username)
    .execute(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_phone_token_left_unused_ends_after_two_weeks_and_a_workers_after_a_day() {
    let app = TestApp::spawn().await;
    let recent = app.token("sarah").await;
    unused_for(&app, "sarah", 13 * 86_400).await;
    assert_eq!(app.get("/api/v1/me", &recent).await.status(), StatusCode::OK);
    let forgotten = app.token("sarah").await;
    unused_for(&app, "sarah", 14 * 86_400).await;
    let (status, code) = error_code(app.get("/api/v1/me", &forgotten).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::UNAUTHORIZED, "unauthenticated"));

    let recent = app.token("lotte").await;
    unused_for(&app, "lotte", 23 * 3600).await;
    assert_eq!(app.get("/api/v1/me", &recent).await.status(), StatusCode::OK);
    let forgotten = app.token("lotte").await;
    unused_for(&app, "lotte", 25 * 3600).await;
    // A token past its idle time is no longer among her devices, and does not let in.
    let devices = app.list("/api/v1/me/devices", &recent, "devices").await;
    assert_eq!(devices.len(), 1, "{devices:?}");
    assert_eq!(
        app.get("/api/v1/me", &forgotten).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

/// A sign-in that came through a proxy, which says it heard it from `client`.
async fn login_via(app: &TestApp, client: &str, username: &str, password: &str) -> StatusCode {
    app.http
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", client)
        .json(&json!({ "username": username, "password": password, "device_name": "phone" }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_one_clients_guesses_do_not_lock_out_the_others() {
    let app = TestApp::spawn_with(&[("BRUG_TRUSTED_PROXIES", "127.0.0.1, ::1")]).await;
    let accounts = [
        "marleen",
        "yusuf",
        "lotte",
        "ahmed",
        "karim",
        "pieter",
        "hanane",
        "youssef",
        "sarah",
        "coordinator",
    ];
    for name in accounts {
        assert_eq!(
            login_via(&app, "203.0.113.9", name, "wrong guess").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login_via(&app, "203.0.113.9", "sarah", DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the guessing client is held"
    );
    assert_eq!(
        login_via(&app, "198.51.100.4", "sarah", DEMO_PASSWORD).await,
        StatusCode::OK,
        "another client behind the same proxy is not"
    );
    // What a client writes in the header itself does not get it out.
    assert_eq!(
        login_via(&app, "192.0.2.1, 203.0.113.9", "sarah", DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn without_a_trusted_proxy_a_forwarded_address_is_not_believed() {
    let app = TestApp::spawn().await;
    let accounts = [
        "marleen",
        "yusuf",
        "lotte",
        "ahmed",
        "karim",
        "pieter",
        "hanane",
        "youssef",
        "sarah",
        "coordinator",
    ];
    for (n, name) in accounts.iter().enumerate() {
        let claimed = format!("203.0.113.{n}");
        assert_eq!(
            login_via(&app, &claimed, name, "wrong guess").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login_via(&app, "198.51.100.4", "sarah", DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up header does not escape the limit of the address it came from"
    );
}
