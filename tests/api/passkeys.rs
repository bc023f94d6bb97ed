//! Passkeys, the staff's other second factor: added on the settings page after the
//! authenticator app, then given instead of its code at sign-in. The answers come from a
//! software authenticator that signs as a real one does; the server's WebAuthn checks
//! are the real ones.

use crate::second_factor::{enrol, web_password_only};
use app::second_factor::totp::code_from_key;
use integration::{error_code, SoftPasskey, TestApp};
use reqwest::{header, Response, StatusCode};
use serde_json::{json, Value};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs() as i64
}

/// The browser's side: Brug reached by name (a passkey needs a domain), with the
/// session cookie.
struct Browser<'a> {
    app: &'a TestApp,
    host: String,
    cookie: String,
}

impl<'a> Browser<'a> {
    fn at(app: &'a TestApp, host: &str, cookie: &str) -> Browser<'a> {
        let port = app.url("").rsplit(':').next().expect("a port").to_string();
        Browser {
            app,
            host: format!("{host}:{port}"),
            cookie: cookie.to_string(),
        }
    }

    fn origin(&self) -> String {
        format!("http://{}", self.host)
    }

    async fn post(&self, path: &str, body: Value) -> Response {
        self.app
            .http
            .post(self.app.url(path))
            .header(header::HOST, &self.host)
            .header(header::COOKIE, &self.cookie)
            .json(&body)
            .send()
            .await
            .expect("a request")
    }

    async fn options(&self, path: &str) -> Value {
        let response = self.post(path, json!({})).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.json().await.expect("options in JSON")
    }

    /// Makes a passkey on this browser's authenticator and keeps it as `name`.
    async fn add(&self, authenticator: &mut SoftPasskey, name: &str) -> Response {
        let options = self.options("/settings/passkeys/challenge").await;
        let credential = authenticator.create(&options, &self.origin());
        self.post("/settings/passkeys", json!({ "name": name, "credential": credential }))
            .await
    }

    /// Gives the passkey as the second factor.
    async fn sign_in(&self, authenticator: &mut SoftPasskey) -> Response {
        let options = self.options("/signin/passkey/challenge").await;
        let credential = authenticator.get(&options, &self.origin());
        self.post(
            "/signin/passkey",
            json!({ "credential": credential, "next": "/messages" }),
        )
        .await
    }
}

/// A worker with their authenticator app set up, signed in on the web with its code;
/// returns the session cookie.
async fn with_the_app(app: &TestApp, username: &str) -> String {
    let token = app.token(username).await;
    let (key, _) = enrol(app, &token, username).await;
    let cookie = web_password_only(app, username).await;
    let code = code_from_key(&key, username, now() + 30).unwrap();
    let given = app.form("/signin/second-factor", &cookie, &[("code", &code)]).await;
    assert_eq!(given.headers()[header::LOCATION].to_str().unwrap(), "/");
    cookie
}

#[tokio::test]
async fn a_worker_adds_a_passkey_and_then_signs_in_with_it_instead_of_the_code() {
    let app = TestApp::spawn().await;
    let cookie = with_the_app(&app, "lotte").await;
    let settings = app.page_text("/settings", &format!("{cookie}; brug_lang=en")).await;
    assert!(settings.contains("You have no passkey yet.") && settings.contains("id=\"passkey-add-form\""));

    let mut laptop = SoftPasskey::new();
    let added = Browser::at(&app, "localhost", &cookie)
        .add(&mut laptop, "Work laptop")
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let settings = app.page_text("/settings", &format!("{cookie}; brug_lang=en")).await;
    assert!(settings.contains("Work laptop"), "{settings}");

    // Next time: the password, then the passkey instead of the app's code.
    let later = web_password_only(&app, "lotte").await;
    assert_eq!(app.page("/", Some(&later)).await.status(), StatusCode::FOUND);
    let page = app.page_text("/signin/second-factor", &later).await;
    assert!(page.contains("id=\"passkey-use\""), "the page offers the passkey");
    let browser = Browser::at(&app, "localhost", &later);
    let given = browser.sign_in(&mut laptop).await;
    assert_eq!(given.status(), StatusCode::OK);
    let body: Value = given.json().await.unwrap();
    assert_eq!(body["next"], "/messages");
    assert_eq!(app.page("/", Some(&later)).await.status(), StatusCode::OK);

    let lotte = app.user_id("lotte").await;
    assert_eq!(app.audit_count("passkey_added", lotte).await, 1);
    assert_eq!(app.audit_count("passkey_used", lotte).await, 1);
    let settings = app.page_text("/settings", &format!("{later}; brug_lang=en")).await;
    assert!(settings.contains("last used on"), "{settings}");
}

/// Lotte signed in on the web with the app's code and a passkey "Work laptop" added:
/// (her session cookie, the passkey).
async fn lotte_with_a_passkey(app: &TestApp) -> (String, SoftPasskey) {
    let cookie = with_the_app(app, "lotte").await;
    let mut laptop = SoftPasskey::new();
    let added = Browser::at(app, "localhost", &cookie)
        .add(&mut laptop, "Work laptop")
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    (cookie, laptop)
}

#[tokio::test]
async fn a_passkey_answers_only_its_own_challenge_on_its_own_site_and_only_once() {
    let app = TestApp::spawn().await;
    let (_, mut laptop) = lotte_with_a_passkey(&app).await;
    let refused = || (StatusCode::UNPROCESSABLE_ENTITY, "passkey_refused".to_string());

    // An answer made for another site (a look-alike page that relays the challenge).
    let session = web_password_only(&app, "lotte").await;
    let browser = Browser::at(&app, "localhost", &session);
    let options = browser.options("/signin/passkey/challenge").await;
    let elsewhere = laptop.get(&options, "http://brug-login.example");
    let answer = browser
        .post("/signin/passkey", json!({ "credential": elsewhere }))
        .await;
    assert_eq!(error_code(answer).await, refused());

    // A key that is not the one kept, under the kept credential's id.
    let options = browser.options("/signin/passkey/challenge").await;
    let mut forged = SoftPasskey::new();
    let mut answer = forged.get(&options, &browser.origin());
    answer["id"] = json!(laptop.credential_id());
    answer["rawId"] = json!(laptop.credential_id());
    let answer = browser.post("/signin/passkey", json!({ "credential": answer })).await;
    assert_eq!(error_code(answer).await, refused());

    // A right answer works once: the challenge is gone after it, right or wrong.
    let options = browser.options("/signin/passkey/challenge").await;
    let right = laptop.get(&options, &browser.origin());
    let other_session = web_password_only(&app, "lotte").await;
    let elsewhere = Browser::at(&app, "localhost", &other_session);
    let stolen = elsewhere
        .post("/signin/passkey", json!({ "credential": right.clone() }))
        .await;
    assert_eq!(error_code(stolen).await, refused(), "another session's challenge");
    let given = browser
        .post("/signin/passkey", json!({ "credential": right.clone() }))
        .await;
    assert_eq!(given.status(), StatusCode::OK);
    let replayed = browser.post("/signin/passkey", json!({ "credential": right })).await;
    assert_eq!(error_code(replayed).await, refused());
    assert_eq!(app.page("/", Some(&other_session)).await.status(), StatusCode::FOUND);

    // A copy of the key, with the counter it had, shows itself once the original has
    // been used: its counter does not move on.
    let mut copy = laptop.clone();
    let options = browser.options("/signin/passkey/challenge").await;
    let original = laptop.get(&options, &browser.origin());
    assert_eq!(
        browser
            .post("/signin/passkey", json!({ "credential": original }))
            .await
            .status(),
        StatusCode::OK
    );
    let options = browser.options("/signin/passkey/challenge").await;
    let copied = copy.get(&options, &browser.origin());
    let copied = browser.post("/signin/passkey", json!({ "credential": copied })).await;
    assert_eq!(error_code(copied).await, refused());

    // Reached by address rather than name, there is no site to bind a passkey to.
    let by_address = Browser::at(&app, "127.0.0.1", &other_session);
    let answer = by_address.post("/signin/passkey/challenge", json!({})).await;
    assert_eq!(error_code(answer).await, refused());

    let lotte = app.user_id("lotte").await;
    assert_eq!(app.audit_count("passkey_used", lotte).await, 2);
    assert!(app.audit_count("second_factor_failed", lotte).await >= 5);
}

#[tokio::test]
async fn only_staff_add_passkeys_with_a_recent_second_factor_and_remove_only_their_own() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let answer = Browser::at(&app, "localhost", &sarah)
        .post("/settings/passkeys/challenge", json!({}))
        .await;
    assert_eq!(
        error_code(answer).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    let settings = app.page_text("/settings", &sarah).await;
    assert!(!settings.contains("passkey-add-form"));

    let cookie = with_the_app(&app, "lotte").await;
    let browser = Browser::at(&app, "localhost", &cookie);
    let mut laptop = SoftPasskey::new();
    assert_eq!(
        browser.add(&mut laptop, "Work laptop").await.status(),
        StatusCode::CREATED
    );
    // The same authenticator cannot be added twice.
    let options = browser.options("/settings/passkeys/challenge").await;
    let again = laptop.create(&options, &browser.origin());
    let again = browser
        .post("/settings/passkeys", json!({ "name": "Again", "credential": again }))
        .await;
    assert_eq!(
        error_code(again).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "passkey_refused".into())
    );
    // A name is needed.
    let options = browser.options("/settings/passkeys/challenge").await;
    let nameless = SoftPasskey::new().create(&options, &browser.origin());
    let nameless = browser
        .post("/settings/passkeys", json!({ "name": "  ", "credential": nameless }))
        .await;
    assert_eq!(
        error_code(nameless).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );

    // A few minutes after the second factor, adding or removing one asks for it again.
    sqlx::query("UPDATE sessions SET second_factor_at = second_factor_at - 600 WHERE second_factor_at IS NOT NULL")
        .execute(&app.db)
        .await
        .unwrap();
    let late = browser.post("/settings/passkeys/challenge", json!({})).await;
    assert_eq!(
        error_code(late).await,
        (StatusCode::FORBIDDEN, "step_up_required".into())
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM passkeys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let remove = format!("/settings/passkeys/{id}/remove");
    let asked = app.form(&remove, &cookie, &[]).await;
    assert_eq!(
        asked.headers()[header::LOCATION].to_str().unwrap(),
        "/signin/second-factor?next=/settings"
    );

    // Given with the passkey itself, the step-up covers the removal; nobody else's passkey
    // can be removed.
    let given = browser.sign_in(&mut laptop).await;
    assert_eq!(given.status(), StatusCode::OK);
    let ahmed = with_the_app(&app, "ahmed").await;
    let foreign = app.form(&remove, &ahmed, &[]).await;
    assert_eq!(
        foreign.headers()[header::LOCATION].to_str().unwrap(),
        "/settings?error=not_found"
    );
    // A challenge asked for before the removal finds no passkey to accept afterwards.
    let waiting = web_password_only(&app, "lotte").await;
    let waiting = Browser::at(&app, "localhost", &waiting);
    let options = waiting.options("/signin/passkey/challenge").await;
    let removed = app.form(&remove, &cookie, &[]).await;
    assert_eq!(removed.headers()[header::LOCATION].to_str().unwrap(), "/settings?saved");
    let late = laptop.get(&options, &waiting.origin());
    let late = waiting.post("/signin/passkey", json!({ "credential": late })).await;
    assert_eq!(
        error_code(late).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "passkey_refused".into())
    );
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    let none = browser.post("/signin/passkey/challenge", json!({})).await;
    assert_eq!(error_code(none).await, (StatusCode::NOT_FOUND, "not_found".into()));
    let lotte = app.user_id("lotte").await;
    assert_eq!(app.audit_count("passkey_removed", lotte).await, 1);
}

#[tokio::test]
async fn with_a_public_address_set_passkeys_are_made_for_that_address_alone() {
    let app = TestApp::spawn_with(&[("BRUG_PUBLIC_URL", "http://brug.example")]).await;
    let cookie = with_the_app(&app, "lotte").await;
    let by_another_name = Browser::at(&app, "localhost", &cookie);
    let refused = by_another_name.post("/settings/passkeys/challenge", json!({})).await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "passkey_refused".into())
    );
    let public = Browser {
        app: &app,
        host: "brug.example".to_string(),
        cookie: cookie.clone(),
    };
    let mut laptop = SoftPasskey::new();
    assert_eq!(public.add(&mut laptop, "Laptop").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_workers_copy_of_their_data_names_their_passkeys_and_holds_no_key() {
    let app = TestApp::spawn().await;
    let (cookie, _) = lotte_with_a_passkey(&app).await;

    let text = app.page_text("/settings/my-data.json", &cookie).await;
    let copy: app::export::PersonalExport =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("the copy has the documented shape: {e}\n{text}"));
    assert_eq!(copy.passkeys.len(), 1, "{text}");
    assert_eq!(copy.passkeys[0].name, "Work laptop");
    assert!((now() - copy.passkeys[0].created_at).abs() < 60);
    assert_eq!(copy.passkeys[0].last_used_at, None);
    let (credential, key): (String, String) = sqlx::query_as("SELECT credential_id, passkey FROM passkeys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(
        !text.contains(&credential),
        "the copy names the passkey, not its credential"
    );
    assert!(!text.contains(&key));

    let page = app
        .page_text("/settings/my-data", &format!("{cookie}; brug_lang=en"))
        .await;
    assert!(
        page.contains("id=\"your-passkeys\"") && page.contains("Work laptop — added on"),
        "{page}"
    );
}
