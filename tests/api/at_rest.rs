//! The most sensitive text is sealed at rest: what people write is unreadable in the
//! database (its file, a copy, a backup) and reads back whole through Brug; a rotated
//! `BRUG_SECRET_KEY` takes over everything, after which the previous key can go.

use crate::second_factor::{enrol, give, password_only};
use app::sealing::reseal::reseal_text;
use app::sealing::text::Column;
use app::second_factor::totp::code_from_key;
use integration::{success, TestApp, DEMO_PASSWORD, TEST_SECRET_KEY};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn now() -> i64 {
    app::db::now()
}

const NEW_KEY: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

/// What is stored in every sealed column, row by row: (table.column, stored value).
async fn stored_values(app: &TestApp) -> Vec<(String, String)> {
    let mut values = Vec::new();
    for place in Column::ALL.iter() {
        let sql = format!(
            "SELECT {value} FROM {table} WHERE {value} IS NOT NULL",
            value = place.value,
            table = place.table
        );
        let stored: Vec<String> = sqlx::query_scalar(&sql).fetch_all(&app.db).await.unwrap();
        let name = format!("{}.{}", place.table, place.value);
        values.extend(stored.into_iter().map(|value| (name.clone(), value)));
    }
    values
}

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str, client_id: &str) {
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{conversation}/messages"),
            Some(token),
            json!({ "body": body, "client_id": client_id }),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
}

async fn texts_of(app: &TestApp, token: &str, conversation: i64) -> Vec<String> {
    let page: Value = success(
        app.get(&format!("/api/v1/conversations/{conversation}/messages"), token)
            .await,
    )
    .await;
    page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_string())
        .collect()
}

/// The bytes of the SQLite database and its write-ahead log.
fn sqlite_files(app: &TestApp) -> Vec<u8> {
    let path = app.database_url.trim_start_matches("sqlite://");
    let mut bytes = std::fs::read(path).unwrap();
    bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
    bytes
}

#[tokio::test]
async fn what_people_write_is_not_readable_in_the_database_and_reads_back_whole() {
    let app = TestApp::spawn().await;
    let (sarah, lotte) = (app.token("sarah").await, app.token("lotte").await);
    let case = app.case_of("Sarah").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let secret = "Amira slaapt slecht sinds het bezoek";
    send(&app, &sarah, with_lotte, secret, "at-rest-1").await;

    // More of what she writes: a question under a milestone, her conference input.
    let trajectory: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah).await).await;
    let milestone = trajectory["milestones"][0]["id"].as_i64().unwrap();
    let asked = app
        .post_json(
            &format!("/api/v1/cases/{case}/milestones/{milestone}/responses"),
            Some(&sarah),
            json!({ "kind": "question", "body": "Mag mijn moeder mee naar de zitting?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::CREATED);
    let tomorrow: String = app::accounts::format_time(app.clock.now() + 86_400)
        .chars()
        .take(10)
        .collect();
    let conference: Value = success(
        app.post_json(
            &format!("/api/v1/cases/{case}/conferences"),
            Some(&lotte),
            json!({ "held_on": tomorrow, "participants": "Lotte, Ahmed en juf Wendelien" }),
        )
        .await,
    )
    .await;
    let input = app
        .http
        .request(
            Method::PUT,
            app.url(&format!("/api/v1/cases/{case}/conferences/{}/input", conference["id"])),
        )
        .bearer_auth(&sarah)
        .json(&json!({ "body": "Ik wil over de opvoeding van Amira praten." }))
        .send()
        .await
        .unwrap();
    assert_eq!(input.status(), StatusCode::OK);

    // Through Brug, each reads as written.
    assert!(texts_of(&app, &lotte, with_lotte).await.contains(&secret.to_string()));

    // In the database, nothing of it shows: every value of every sealed column is sealed.
    let stored = stored_values(&app).await;
    let written = [
        "Amira slaapt",
        "Mag mijn moeder",
        "opvoeding van Amira",
        "juf Wendelien",
    ];
    for (column, value) in &stored {
        assert!(
            value.is_empty() || value.starts_with("$brug$x1$"),
            "{column} holds text as it was written: {value}"
        );
        assert!(!written.iter().any(|w| value.contains(w)), "{column}: {value}");
    }
    assert!(stored.iter().any(|(column, _)| column == "messages.body"));
    if app.backend == "sqlite" {
        let file = sqlite_files(&app);
        for words in written {
            let found = file.windows(words.len()).any(|window| window == words.as_bytes());
            assert!(!found, "'{words}' is readable in the database file");
        }
    }
}

#[tokio::test]
async fn after_a_key_rotation_everything_moves_to_the_new_key_and_the_old_one_can_go() {
    let app = TestApp::spawn().await;
    let (sarah, lotte) = (app.token("sarah").await, app.token("lotte").await);
    let (authenticator, _) = enrol(&app, &lotte, "lotte").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    send(
        &app,
        &sarah,
        with_lotte,
        "Geschreven voor de sleutelwissel.",
        "rotate-1",
    )
    .await;

    // The operator sets a new key and keeps the old one as a previous key for now.
    let rotated = app
        .spawn_second_with(&[
            ("BRUG_SECRET_KEY", NEW_KEY),
            ("BRUG_PREVIOUS_SECRET_KEYS", TEST_SECRET_KEY),
        ])
        .await;
    assert!(texts_of(&rotated, &sarah, with_lotte)
        .await
        .contains(&"Geschreven voor de sleutelwissel.".to_string()));
    send(
        &rotated,
        &sarah,
        with_lotte,
        "Geschreven na de sleutelwissel.",
        "rotate-2",
    )
    .await;
    // The pass each start runs in the background, run here to its end.
    let unit = rotated.state.db.fresh();
    reseal_text(&unit).await.expect("the resealing pass");
    app::second_factor::service::reseal_secrets(&unit, &rotated.state.sealing)
        .await
        .expect("the authenticator secrets");
    let keys = rotated.database.text_keys();
    let stored = stored_values(&rotated).await;
    assert!(stored.len() > 20);
    for (column, value) in &stored {
        assert!(keys.is_current(value), "{column} is still under the old key: {value}");
    }

    // Now the previous key goes: a server with only the new one reads everything.
    let only_new = app.spawn_second_with(&[("BRUG_SECRET_KEY", NEW_KEY)]).await;
    let texts = texts_of(&only_new, &sarah, with_lotte).await;
    for text in ["Geschreven voor de sleutelwissel.", "Geschreven na de sleutelwissel."] {
        assert!(texts.contains(&text.to_string()), "{texts:?}");
    }
    // Lotte's authenticator app still gives codes that work.
    let (token, stage) = password_only(&only_new, "lotte", DEMO_PASSWORD).await;
    assert_eq!(stage, "second_factor");
    // (The next time step's code: the enrolment used this one.)
    let code = code_from_key(&authenticator, "lotte", now() + 30).unwrap();
    assert_eq!(give(&only_new, &token, &code).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(only_new.get("/api/v1/me", &token).await.status(), StatusCode::OK);
}
