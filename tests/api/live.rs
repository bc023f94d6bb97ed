//! The live event stream: new messages and read receipts arrive without asking, a
//! reconnect resumes where it left off, and a stream ends when access ends.

use integration::{EventStream, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

/// Generous: these tests say whether something arrives, not how fast (the benchmark does).
const WAIT: Duration = Duration::from_secs(10);

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str, client_id: &str) -> Value {
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let response = app
        .post_json(&path, Some(token), json!({ "body": body, "client_id": client_id }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_message_reaches_the_workers_open_stream_and_the_read_receipt_reaches_the_sender() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut lotte_stream = EventStream::open(&app, &lotte, None).await;
    let mut sarah_stream = EventStream::open(&app, &sarah, None).await;

    let sent = send(&app, &sarah, conversation, "Ben je er donderdag?", "live-1").await;
    let event = lotte_stream
        .next_within(WAIT)
        .await
        .expect("lotte's stream gets the message");
    assert_eq!(event.kind, "message");
    assert_eq!(event.data["message"]["body"], "Ben je er donderdag?");
    assert_eq!(event.data["unread_total"], 1);
    let own = sarah_stream
        .next_within(WAIT)
        .await
        .expect("sarah's other devices hear of it too");
    assert_eq!(own.data["message"]["id"], sent["id"]);

    let read = app
        .post_json(
            &format!("/api/v1/conversations/{conversation}/read"),
            Some(&lotte),
            json!({ "up_to": sent["id"] }),
        )
        .await;
    assert_eq!(read.status(), StatusCode::NO_CONTENT);
    let receipt = sarah_stream
        .next_within(WAIT)
        .await
        .expect("sarah's stream gets the read receipt");
    assert_eq!(receipt.kind, "read");
    assert_eq!(receipt.data["read"]["user_id"], app.user_id("lotte").await);
    assert_eq!(receipt.data["read"]["up_to"], sent["id"]);
}

#[tokio::test]
async fn a_message_with_unicode_line_separators_arrives_as_one_line_of_data() {
    let app = TestApp::spawn().await;
    let (sarah, lotte) = (app.token("sarah").await, app.token("lotte").await);
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut stream = EventStream::open(&app, &lotte, None).await;
    let body = "eerste regel\u{2028}tweede\u{2029}derde\u{85}vierde";
    send(&app, &sarah, conversation, body, "separators-1").await;
    let event = stream.next_within(WAIT).await.expect("the message");
    assert_eq!(event.data["message"]["body"], body);
    assert!(
        !event.raw.contains(['\u{85}', '\u{2028}', '\u{2029}']),
        "clients that split lines on these would break the event: {:?}",
        event.raw
    );
}

#[tokio::test]
async fn after_a_dropped_connection_the_stream_resumes_and_misses_nothing() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut stream = EventStream::open(&app, &lotte, None).await;
    send(&app, &sarah, conversation, "een", "r-1").await;
    let first = stream.next_within(WAIT).await.expect("the first message");
    drop(stream);

    send(&app, &sarah, conversation, "twee", "r-2").await;
    send(&app, &sarah, conversation, "drie", "r-3").await;
    let mut resumed = EventStream::open(&app, &lotte, first.id).await;
    let mut bodies = Vec::new();
    for _ in 0..2 {
        let event = resumed.next_within(WAIT).await.expect("the messages sent while away");
        bodies.push(event.data["message"]["body"].as_str().unwrap().to_string());
    }
    assert_eq!(bodies, ["twee", "drie"]);
}

#[tokio::test]
async fn a_family_member_does_not_hear_of_the_participants_conversations() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut marleen_stream = EventStream::open(&app, &marleen, None).await;
    send(&app, &sarah, conversation, "Alleen voor Lotte", "p-1").await;
    assert!(marleen_stream.next_within(Duration::from_millis(1500)).await.is_none());
}

#[tokio::test]
async fn taking_someone_out_of_the_circle_ends_their_open_stream() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let mut stream = EventStream::open(&app, &lotte, None).await;
    sqlx::query("UPDATE memberships SET ended_at = 1 WHERE user_id = $1")
        .bind(app.user_id("lotte").await)
        .execute(&app.db)
        .await
        .unwrap();
    assert!(stream.ends_within(Duration::from_secs(3)).await, "the stream ends");
}

#[tokio::test]
async fn taking_a_share_back_ends_the_family_members_open_stream() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let marleen = app.token("marleen").await;
    let mut stream = EventStream::open(&app, &marleen, None).await;
    let sarah = app.token("sarah").await;
    let revoked = app
        .http
        .put(app.url(&format!("/api/v1/cases/{case_a}/consents/{marleen_id}")))
        .bearer_auth(&sarah)
        .json(&json!({ "categories": ["appointments"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::OK);
    assert!(stream.ends_within(Duration::from_secs(3)).await, "the stream ends");
}

#[tokio::test]
async fn a_message_sent_through_one_server_reaches_a_stream_held_by_another() {
    let first = TestApp::spawn().await;
    if first.backend != "postgres" {
        // Several servers need a shared database server; on SQLite Brug runs as one
        // process. The test command runs this file on PostgreSQL too.
        return;
    }
    let second = first.spawn_second().await;
    let sarah = first.token("sarah").await;
    let lotte = second.token("lotte").await;
    let lotte_id = first.user_id("lotte").await;
    let conversation = first.conversation_with(&sarah, "lotte").await;
    let mut stream = EventStream::open(&second, &lotte, None).await;
    let mut second_wakeups = second.events.subscribe();
    send(&first, &sarah, conversation, "Via de andere server", "x-1").await;
    let event = stream
        .next_within(WAIT)
        .await
        .expect("the other server's stream gets it");
    assert_eq!(event.data["message"]["body"], "Via de andere server");
    // It came by PostgreSQL's notification, not only by the streams' safety-net polling.
    let woken = tokio::time::timeout(WAIT, async {
        loop {
            match second_wakeups.recv().await {
                Ok(user) if user == lotte_id => return true,
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return false,
            }
        }
    })
    .await;
    assert_eq!(woken, Ok(true), "the second server was woken for lotte");
}

#[tokio::test]
async fn a_message_whose_wake_up_was_lost_still_arrives_by_the_shared_poll() {
    // A second process wrote the message and its NOTIFY never came: here, the message and
    // its event are written straight into the database, where no wake-up follows them.
    let app = TestApp::spawn_with(&[("BRUG_LIVE_POLL_SECONDS", "1")]).await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let sent = send(&app, &sarah, conversation, "Eerste bericht", "poll-1").await;
    assert!(sent["id"].is_i64());
    let mut stream = EventStream::open(&app, &lotte, None).await;
    let (sarah_id, lotte_id) = (app.user_id("sarah").await, app.user_id("lotte").await);
    let message_id: i64 = sqlx::query_scalar(
        "INSERT INTO messages (conversation_id, sender_id, body, client_id, sent_at) \
         VALUES ($1, $2, 'Zonder wekker', 'poll-2', 2) RETURNING id",
    )
    .bind(conversation)
    .bind(sarah_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO events (user_id, kind, conversation_id, message_id, actor_id, created_at) \
         VALUES ($1, 'message', $2, $3, $4, 2)",
    )
    .bind(lotte_id)
    .bind(conversation)
    .bind(message_id)
    .bind(sarah_id)
    .execute(&app.db)
    .await
    .unwrap();
    let event = stream.next_within(WAIT).await.expect("the poll finds it");
    assert_eq!(event.data["message"]["body"], "Zonder wekker");
}

#[tokio::test]
async fn one_person_may_hold_ten_streams_and_an_eleventh_is_refused_with_a_clear_code() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let mut open = Vec::new();
    for _ in 0..10 {
        open.push(EventStream::open(&app, &lotte, None).await);
    }
    let refused = app.get("/api/v1/events", &lotte).await;
    assert_eq!(
        integration::error_code(refused).await,
        (StatusCode::TOO_MANY_REQUESTS, "too_many_streams".to_string())
    );
    // Someone else's streams are their own.
    let sarah = app.token("sarah").await;
    let mut hers = EventStream::open(&app, &sarah, None).await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    send(&app, &lotte, conversation, "Tot morgen", "limit-1").await;
    assert!(hers.next_within(WAIT).await.is_some(), "her stream still delivers");
    assert!(open[9].next_within(WAIT).await.is_some(), "so do lotte's own");
}

#[tokio::test]
async fn a_message_delivered_on_a_stream_is_recorded_as_read_in_her_access_log() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let lotte_id = app.user_id("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut lotte_stream = EventStream::open(&app, &lotte, None).await;
    assert_eq!(app.audit_count("conversation_read", lotte_id).await, 0);

    send(&app, &sarah, conversation, "Tot straks", "delivered-1").await;
    let event = lotte_stream.next_within(WAIT).await.expect("the message arrives");
    assert_eq!(event.data["message"]["body"], "Tot straks");
    // Recorded before it was handed out, with Sarah's case, so she sees who read it.
    assert_eq!(app.audit_count("conversation_read", lotte_id).await, 1);
    let case_id = app.case_of("Sarah").await;
    let log: Value = app
        .get(&format!("/api/v1/cases/{case_id}/access-log"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "conversation_read" && e["actor_name"] == "Lotte"),
        "{log}"
    );
}
