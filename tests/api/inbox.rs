//! The worker's inbox and the response promise, with the server's clock moved forward.

use integration::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str, client_id: &str) {
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let response = app
        .post_json(&path, Some(token), json!({ "body": body, "client_id": client_id }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn inbox(app: &TestApp, token: &str) -> Value {
    let response = app.get("/api/v1/inbox", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn what_waits_longest_for_an_answer_comes_first_and_an_answer_takes_it_off() {
    let app = TestApp::spawn().await;
    let (sarah, marleen, ahmed) = (
        app.token("sarah").await,
        app.token("marleen").await,
        app.token("ahmed").await,
    );
    let with_sarah = app.conversation_with(&sarah, "ahmed").await;
    let with_marleen = app.conversation_with(&marleen, "ahmed").await;
    send(&app, &marleen, with_marleen, "Hoe gaat het met Amira?", "m-1").await;
    app.clock.advance(60);
    send(&app, &sarah, with_sarah, "Wanneer is het volgende bezoek?", "s-1").await;

    let items = inbox(&app, &ahmed).await["conversations"].as_array().unwrap().clone();
    let order: Vec<i64> = items
        .iter()
        .take(2)
        .map(|i| i["conversation"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(order, [with_marleen, with_sarah], "the longest wait on top");
    assert!(items[0]["waiting_since"].is_i64());
    assert_eq!(items[0]["overdue"], false);

    send(&app, &ahmed, with_marleen, "Goed! Ik bel je morgen.", "a-1").await;
    let items = inbox(&app, &ahmed).await["conversations"].as_array().unwrap().clone();
    assert_eq!(
        items[0]["conversation"]["id"], with_sarah,
        "answered: no longer waiting"
    );
    let answered = items.iter().find(|i| i["conversation"]["id"] == with_marleen).unwrap();
    assert!(answered["waiting_since"].is_null());
}

#[tokio::test]
async fn past_the_promise_a_conversation_is_overdue_and_colleagues_and_the_coordinator_see_it() {
    let app = TestApp::spawn().await;
    let (sarah, lotte, ahmed) = (
        app.token("sarah").await,
        app.token("lotte").await,
        app.token("ahmed").await,
    );
    let coordinator = app.token("coordinator").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, with_lotte, "Kan ik je spreken?", "s-1").await;

    app.clock.advance(DAY);
    let mine = inbox(&app, &lotte).await;
    assert_eq!(
        mine["conversations"][0]["overdue"], false,
        "one day is within two working days"
    );
    assert!(inbox(&app, &ahmed).await["overdue_elsewhere"]
        .as_array()
        .unwrap()
        .is_empty());

    // Four more days always hold at least two working days, whatever today is.
    app.clock.advance(4 * DAY);
    let mine = inbox(&app, &lotte).await;
    assert_eq!(mine["conversations"][0]["conversation"]["id"], with_lotte);
    assert_eq!(mine["conversations"][0]["overdue"], true);

    let colleague = inbox(&app, &ahmed).await;
    let notices = colleague["overdue_elsewhere"].as_array().unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0]["conversation_id"], with_lotte);
    assert_eq!(notices[0]["participant_name"], "Sarah");
    assert!(
        notices[0].get("body").is_none() && !notices[0].to_string().contains("Kan ik je spreken"),
        "no content"
    );

    let everywhere: Vec<Value> = app.get("/api/v1/overdue", &coordinator).await.json().await.unwrap();
    assert!(everywhere.iter().any(|n| n["conversation_id"] == with_lotte));
    let pieter = app.token("pieter").await;
    assert!(
        inbox(&app, &pieter).await["overdue_elsewhere"]
            .as_array()
            .unwrap()
            .is_empty(),
        "not pieter's case"
    );
}

#[tokio::test]
async fn the_workers_messages_page_shows_what_waits_and_what_is_overdue_in_the_circle() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, with_lotte, "Kan ik je spreken?", "s-1").await;
    let lotte = app.web_session("lotte").await;
    let page = app.page("/messages", Some(&lotte)).await.text().await.unwrap();
    assert!(page.contains("Wacht op antwoord sinds") && !page.contains("Langer dan beloofd"));

    app.clock.advance(5 * DAY);
    let page = app.page("/messages", Some(&lotte)).await.text().await.unwrap();
    assert!(page.contains("Langer dan beloofd"));
    let ahmed = app.web_session("ahmed").await;
    let colleague = app.page("/messages", Some(&ahmed)).await.text().await.unwrap();
    assert!(colleague.contains("Wacht te lang in jouw kringen"));
    assert!(!colleague.contains("Kan ik je spreken"), "never the content");
}

#[tokio::test]
async fn while_lotte_is_away_her_colleague_reads_and_answers_and_sarah_sees_who_stands_in() {
    let app = TestApp::spawn().await;
    let (sarah, lotte, pieter) = (
        app.token("sarah").await,
        app.token("lotte").await,
        app.token("pieter").await,
    );
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let path = format!("/api/v1/conversations/{with_lotte}/messages");
    assert_eq!(
        app.get(&path, &pieter).await.status(),
        StatusCode::NOT_FOUND,
        "not pieter's before"
    );

    let away = |body: Value| {
        app.http
            .put(app.url("/api/v1/me/away"))
            .bearer_auth(&lotte)
            .json(&body)
            .send()
    };
    let ahmed = app.user_id("ahmed").await;
    let other_organisation = away(json!({ "until": "2099-01-01", "stand_in_id": ahmed }))
        .await
        .unwrap();
    assert_eq!(
        other_organisation.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a stand-in comes from her own organisation"
    );
    let pieter_id = app.user_id("pieter").await;
    let set = away(json!({ "until": "2099-01-01", "stand_in_id": pieter_id }))
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);

    let conversations = app.list("/api/v1/conversations", &sarah, "conversations").await;
    let mine = conversations.iter().find(|c| c["id"] == with_lotte).unwrap();
    assert_eq!(
        mine["stand_ins"][0]["stand_in_name"], "Pieter",
        "sarah sees who stands in"
    );
    let sarah_web = app.web_session("sarah").await;
    let thread = app
        .page(&format!("/messages/{with_lotte}"), Some(&sarah_web))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        thread.contains("Pieter neemt intussen over"),
        "and the thread page says so"
    );

    send(&app, &sarah, with_lotte, "Is er iemand?", "s-1").await;
    let waiting = inbox(&app, &pieter).await;
    assert!(waiting["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["conversation"]["id"] == with_lotte));
    assert_eq!(app.get(&path, &pieter).await.status(), StatusCode::OK);
    send(&app, &pieter, with_lotte, "Ik neem over tot Lotte terug is.", "p-1").await;
    let answered = inbox(&app, &pieter).await;
    let item = answered["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["conversation"]["id"] == with_lotte)
        .cloned()
        .unwrap();
    assert!(
        item["waiting_since"].is_null(),
        "the stand-in's answer counts as a worker's answer"
    );

    let back = app
        .http
        .delete(app.url("/api/v1/me/away"))
        .bearer_auth(&lotte)
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get(&path, &pieter).await.status(),
        StatusCode::NOT_FOUND,
        "not pieter's once she is back"
    );
}

#[tokio::test]
async fn a_stand_in_loses_access_when_the_away_period_runs_out() {
    let app = TestApp::spawn().await;
    let (sarah, lotte, pieter) = (
        app.token("sarah").await,
        app.token("lotte").await,
        app.token("pieter").await,
    );
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let path = format!("/api/v1/conversations/{with_lotte}/messages");
    let pieter_id = app.user_id("pieter").await;
    // Away until the end of tomorrow (UTC).
    let tomorrow = {
        let day = (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            / 86_400
            + 1) as i64;
        let z = day + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    };
    let set = app
        .http
        .put(app.url("/api/v1/me/away"))
        .bearer_auth(&lotte)
        .json(&json!({ "until": tomorrow, "stand_in_id": pieter_id }))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&path, &pieter).await.status(), StatusCode::OK);
    app.clock.advance(3 * DAY);
    assert_eq!(app.get(&path, &pieter).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn on_the_messages_page_a_worker_goes_away_and_comes_back_and_sarah_stops_read_receipts() {
    let app = TestApp::spawn().await;
    let lotte = app.web_session("lotte").await;
    let page = app.page("/messages", Some(&lotte)).await.text().await.unwrap();
    assert!(
        page.contains("action=\"/messages/away\"") && page.contains(">Pieter</option>"),
        "colleagues to choose from"
    );
    let post = |path: &'static str, cookie: &str, form: Vec<(&'static str, String)>| {
        app.http
            .post(app.url(path))
            .header(reqwest::header::COOKIE, cookie.to_string())
            .form(&form)
            .send()
    };
    let pieter = app.user_id("pieter").await.to_string();
    let bad = post(
        "/messages/away",
        &lotte,
        vec![("until", "2099-02-30".into()), ("stand_in_id", pieter.clone())],
    )
    .await
    .unwrap();
    assert_eq!(bad.headers()["location"], "/messages?error=invalid_date");
    let set = post(
        "/messages/away",
        &lotte,
        vec![("until", "2099-01-31".into()), ("stand_in_id", pieter)],
    )
    .await
    .unwrap();
    assert_eq!(set.headers()["location"], "/messages");
    let page = app.page("/messages", Some(&lotte)).await.text().await.unwrap();
    assert!(page.contains("Je bent afwezig tot en met 31\u{a0}januari\u{a0}2099. Pieter neemt over."));
    post("/messages/away/end", &lotte, vec![]).await.unwrap();
    let page = app.page("/messages", Some(&lotte)).await.text().await.unwrap();
    assert!(!page.contains("Je bent afwezig"));

    let sarah = app.web_session("sarah").await;
    post("/messages/read-receipts", &sarah, vec![]).await.unwrap();
    let sends: i64 = sqlx::query_scalar("SELECT sends_read_receipts FROM users WHERE username = 'sarah'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(sends, 0, "an unticked box switches read receipts off");
}
