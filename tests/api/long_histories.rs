//! What a long history looks like to the people in it: many unread messages, read
//! receipts on an older page. (How fast these answer at a million rows is measured by the
//! growth benchmark; the query-plan test proves they use an index.)

use integration::{success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str) -> i64 {
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let sent = success(
        app.post_json(&path, Some(token), json!({ "body": body, "client_id": body }))
            .await,
    )
    .await;
    sent["id"].as_i64().unwrap()
}

async fn read_up_to(app: &TestApp, token: &str, conversation: i64, up_to: i64) {
    let path = format!("/api/v1/conversations/{conversation}/read");
    let read = app.post_json(&path, Some(token), json!({ "up_to": up_to })).await;
    assert_eq!(read.status(), StatusCode::NO_CONTENT);
}

async fn unread(app: &TestApp, token: &str, conversation: i64) -> i64 {
    let conversations = app.list("/api/v1/conversations", token, "conversations").await;
    conversations.iter().find(|c| c["id"] == conversation).unwrap()["unread"]
        .as_i64()
        .unwrap()
}

async fn page_of_messages(app: &TestApp, token: &str, conversation: i64, query: &str) -> Vec<Value> {
    let path = format!("/api/v1/conversations/{conversation}/messages{query}");
    let page = success(app.get(&path, token).await).await;
    page["messages"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_hundred_and_twenty_unread_messages_show_as_99_plus_and_reading_them_clears_it() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let mut last = 0;
    for n in 0..120 {
        last = send(&app, &sarah, conversation, &format!("bericht {n}")).await;
    }
    assert_eq!(unread(&app, &lotte, conversation).await, 100, "counted up to a hundred");
    let cookie = app.web_session("lotte").await;
    let page = app.page("/messages", Some(&cookie)).await.text().await.unwrap();
    assert!(page.contains("99+ nieuw"), "the list says 99+");
    assert!(page.contains("<title>(99+) "), "and so does the title");

    read_up_to(&app, &lotte, conversation, last).await;
    assert_eq!(unread(&app, &lotte, conversation).await, 0);
    let page = app.page("/messages", Some(&cookie)).await.text().await.unwrap();
    assert!(!page.contains("99+"));
}

#[tokio::test]
async fn an_older_page_says_when_each_of_your_messages_was_first_read() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let first = send(&app, &sarah, conversation, "een").await;
    let second = send(&app, &sarah, conversation, "twee").await;
    let third = send(&app, &sarah, conversation, "drie").await;
    read_up_to(&app, &lotte, conversation, first).await;
    app.clock.advance(3600);
    read_up_to(&app, &lotte, conversation, third).await;

    let newest = page_of_messages(&app, &sarah, conversation, "").await;
    let read_at = |message: &Value| message["read_by"][0]["read_at"].as_i64().unwrap();
    let (early, late) = (read_at(&newest[0]), read_at(&newest[1]));
    // The clock moves on by itself too, so the gap is an hour plus the seconds the test took.
    let gap = late - early;
    assert!(
        (3600..3660).contains(&gap),
        "the second was read an hour after the first, not {gap} s later"
    );
    assert_eq!(read_at(&newest[2]), late);
    for message in &newest {
        assert_eq!(message["read_by"].as_array().unwrap().len(), 1, "once, by Lotte");
    }

    let before_third = page_of_messages(&app, &sarah, conversation, &format!("?before={third}&limit=1")).await;
    assert_eq!(before_third[0]["id"], second);
    assert_eq!(read_at(&before_third[0]), late);
    let before_second = page_of_messages(&app, &sarah, conversation, &format!("?before={second}&limit=1")).await;
    assert_eq!(before_second[0]["id"], first);
    assert_eq!(read_at(&before_second[0]), early);
}
