//! `server create-coordinator`: the first account of a new installation is made on the
//! server, with the same rules for names and passwords as every account, and signs in.

use app::accounts::first_coordinator::create_coordinator;
use app::error::ErrorCode;
use integration::{empty_database, session_cookie, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PASSWORD: &str = "een lange zin om te onthouden";

#[tokio::test]
async fn the_first_coordinator_is_made_on_the_server_and_signs_in() {
    let database = empty_database().await;
    create_coordinator(&database.url, "anna", "Anna Claes", PASSWORD)
        .await
        .expect("a coordinator on an empty database");
    let again = create_coordinator(&database.url, "anna", "Anna", "een andere lange zin hier").await;
    assert_eq!(again.unwrap_err().code, ErrorCode::UsernameTaken);
    let weak = create_coordinator(&database.url, "bert", "Bert", "kort").await;
    assert_eq!(weak.unwrap_err().code, ErrorCode::PasswordTooShort);
    let nameless = create_coordinator(&database.url, "bert", "  ", PASSWORD).await;
    assert_eq!(nameless.unwrap_err().code, ErrorCode::InvalidInput);

    let app = TestApp::spawn_on(&database).await;
    let signed_in = app.login("anna", PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let token = signed_in.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let me: Value = app.get("/api/v1/me", &token).await.json().await.unwrap();
    assert_eq!(
        (me["role"].as_str(), me["display_name"].as_str()),
        (Some("coordinator"), Some("Anna Claes"))
    );
    assert_eq!(app.login("bert", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'coordinator_created'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(made, 1, "the making of the account is on record");
}

/// The coordinator made on the server belongs to no organisation: they coordinate the
/// whole installation, so the organisations, people and cases they set up are theirs to
/// act on and show on their overview.
#[tokio::test]
async fn the_first_coordinator_sets_up_an_organisation_a_worker_and_a_case_on_a_new_installation() {
    let database = empty_database().await;
    create_coordinator(&database.url, "anna", "Anna Claes", PASSWORD)
        .await
        .expect("a coordinator on an empty database");
    let app = TestApp::spawn_on(&database).await;
    let signed_in: Value = app.login("anna", PASSWORD).await.json().await.unwrap();
    let anna = signed_in["token"].as_str().unwrap().to_string();
    let case_id = crate::invitations::set_up_an_organisation_a_worker_and_a_case(&app, &anna, "Samira").await;
    let participant = json!({ "kind": "participant", "case_id": case_id, "display_name": "Samira" });
    let invited = app.post_json("/api/v1/invitations", Some(&anna), participant).await;
    assert_eq!(
        invited.status(),
        StatusCode::CREATED,
        "she invites the case's participant"
    );

    let browser = app
        .http
        .post(app.url("/signin"))
        .header(reqwest::header::ORIGIN, &app.base)
        .form(&[("username", "anna"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = session_cookie(&browser).expect("signed in on the web");
    let overview = app.page_text("/admin", &cookie).await;
    assert!(overview.contains("Samira") && overview.contains("Ines"), "{overview}");
}
