use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str, client_id: &str) -> reqwest::Response {
    let path = format!("/api/v1/conversations/{conversation}/messages");
    app.post_json(&path, Some(token), json!({ "body": body, "client_id": client_id }))
        .await
}

async fn messages(app: &TestApp, token: &str, conversation: i64, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/conversations/{conversation}/messages{query}"), token)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn unread(app: &TestApp, token: &str, conversation: i64) -> i64 {
    let conversations = app.list("/api/v1/conversations", token, "conversations").await;
    conversations.iter().find(|c| c["id"] == conversation).unwrap()["unread"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_client_id_never_makes_a_second_message() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let text = "Hoi Lotte,\n<b>mag</b> ik donderdag later komen? https://example.org";
    let first = send(&app, &sarah, conversation, text, "phone-1-msg-1").await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["body"], text, "kept exactly as typed");
    let retry = send(&app, &sarah, conversation, text, "phone-1-msg-1").await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert_eq!(retry.json::<Value>().await.unwrap()["id"], first["id"]);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE conversation_id = $1")
        .bind(conversation)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn the_worker_reads_the_message_and_the_sender_sees_when() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let sent: Value = send(&app, &sarah, conversation, "Hallo", "a")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unread(&app, &lotte, conversation).await, 1);
    assert_eq!(
        unread(&app, &sarah, conversation).await,
        0,
        "your own message is not unread"
    );

    let page = messages(&app, &lotte, conversation, "").await;
    assert_eq!(page["messages"][0]["sender_name"], "Sarah");
    assert_eq!(page["messages"][0]["body"], "Hallo");
    let read = app
        .post_json(
            &format!("/api/v1/conversations/{conversation}/read"),
            Some(&lotte),
            json!({ "up_to": sent["id"] }),
        )
        .await;
    assert_eq!(read.status(), StatusCode::NO_CONTENT);
    assert_eq!(unread(&app, &lotte, conversation).await, 0);

    let seen = messages(&app, &sarah, conversation, "").await;
    let receipts = seen["messages"][0]["read_by"].as_array().unwrap();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0]["user_id"], app.user_id("lotte").await);
}

#[tokio::test]
async fn someone_who_switched_read_receipts_off_reads_without_telling() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let off = app
        .http
        .put(app.url("/api/v1/me/read-receipts"))
        .bearer_auth(&sarah)
        .json(&json!({ "send": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), StatusCode::NO_CONTENT);
    let conversation = app.conversation_with(&lotte, "sarah").await;
    let sent: Value = send(&app, &lotte, conversation, "Tot donderdag", "l-1")
        .await
        .json()
        .await
        .unwrap();
    let read = app
        .post_json(
            &format!("/api/v1/conversations/{conversation}/read"),
            Some(&sarah),
            json!({ "up_to": sent["id"] }),
        )
        .await;
    assert_eq!(read.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        unread(&app, &sarah, conversation).await,
        0,
        "her own unread count still follows her reading"
    );
    let seen = messages(&app, &lotte, conversation, "").await;
    assert!(seen["messages"][0]["read_by"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn what_a_family_member_tells_a_worker_is_not_for_the_participant() {
    let app = TestApp::spawn().await;
    let marleen = app.token("marleen").await;
    let conversation = app.conversation_with(&marleen, "ahmed").await;
    assert_eq!(
        send(&app, &marleen, conversation, "Hoe gaat het met Amira?", "m-1")
            .await
            .status(),
        StatusCode::CREATED
    );

    let sarah = app.token("sarah").await;
    let hers = app.list("/api/v1/conversations", &sarah, "conversations").await;
    assert!(hers.iter().all(|c| c["id"] != conversation));
    assert_eq!(hers.len(), 3, "one conversation with each of her three workers");
    let path = format!("/api/v1/conversations/{conversation}/messages");
    assert_eq!(
        error_code(app.get(&path, &sarah).await).await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
    let lotte = app.token("lotte").await;
    assert_eq!(
        app.get(&path, &lotte).await.status(),
        StatusCode::NOT_FOUND,
        "another worker of the case is not in it"
    );
    let ahmed = app.token("ahmed").await;
    assert_eq!(app.get(&path, &ahmed).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn messages_come_in_order_and_page_back_and_forth_by_cursor() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "karim").await;
    let mut ids = Vec::new();
    for n in 1..=5 {
        let sent: Value = send(&app, &sarah, conversation, &format!("bericht {n}"), &format!("k-{n}"))
            .await
            .json()
            .await
            .unwrap();
        ids.push(sent["id"].as_i64().unwrap());
    }
    let newest = messages(&app, &sarah, conversation, "?limit=2").await;
    let bodies = |page: &Value| -> Vec<String> {
        page["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["body"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(bodies(&newest), ["bericht 4", "bericht 5"]);
    assert!(newest["newer_cursor"].is_null());

    let mut all = bodies(&newest);
    let mut cursor = newest["older_cursor"].as_str().unwrap().to_string();
    loop {
        let older = messages(&app, &sarah, conversation, &format!("?limit=2&before={cursor}")).await;
        let mut batch = bodies(&older);
        batch.extend(all);
        all = batch;
        match older["older_cursor"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    assert_eq!(all, (1..=5).map(|n| format!("bericht {n}")).collect::<Vec<_>>());

    let after_second = messages(&app, &sarah, conversation, &format!("?after={}", ids[1])).await;
    assert_eq!(bodies(&after_second), ["bericht 3", "bericht 4", "bericht 5"]);
}

#[tokio::test]
async fn an_empty_or_too_long_message_is_refused_and_four_thousand_characters_fit() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    for (body, client_id) in [("   ", "e-1"), (&"a".repeat(4001) as &str, "e-2")] {
        let refused = send(&app, &sarah, conversation, body, client_id).await;
        assert_eq!(
            error_code(refused).await,
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string())
        );
    }
    assert_eq!(
        send(&app, &sarah, conversation, &"é".repeat(4000), "e-3")
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_participant_starts_a_group_with_several_of_her_workers() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let (lotte, ahmed, pieter) = (
        app.user_id("lotte").await,
        app.user_id("ahmed").await,
        app.user_id("pieter").await,
    );
    let start = |workers: Vec<i64>| {
        app.post_json(
            "/api/v1/conversations",
            Some(&sarah),
            json!({ "case_id": case_a, "worker_ids": workers }),
        )
    };
    assert_eq!(
        start(vec![lotte]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a group needs two workers"
    );
    assert_eq!(
        start(vec![lotte, pieter]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "pieter is not her worker"
    );
    let created = start(vec![lotte, ahmed]).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let group: Value = created.json().await.unwrap();
    assert_eq!(group["kind"], "group");
    assert_eq!(group["members"].as_array().unwrap().len(), 3);

    let ahmed_token = app.token("ahmed").await;
    let his = app.list("/api/v1/conversations", &ahmed_token, "conversations").await;
    assert!(his.iter().any(|c| c["id"] == group["id"]));
    let karim = app.token("karim").await;
    let path = format!("/api/v1/conversations/{}/messages", group["id"]);
    assert_eq!(
        app.get(&path, &karim).await.status(),
        StatusCode::NOT_FOUND,
        "karim was not added"
    );
}

#[tokio::test]
async fn someone_taken_out_of_the_circle_no_longer_reaches_the_conversation() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let path = format!("/api/v1/conversations/{conversation}/messages");
    assert_eq!(app.get(&path, &lotte).await.status(), StatusCode::OK);
    sqlx::query("UPDATE memberships SET ended_at = 1 WHERE user_id = $1")
        .bind(app.user_id("lotte").await)
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.get(&path, &lotte).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        send(&app, &lotte, conversation, "Nog iets", "late").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn on_the_pages_a_message_is_sent_once_shown_as_text_and_marked_read() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let list = app.page("/messages", Some(&sarah)).await.text().await.unwrap();
    let start = list.find("href=\"/messages/").expect("a link to a conversation") + "href=\"/messages/".len();
    let id: i64 = list[start..].split(['"', '#']).next().unwrap().parse().unwrap();
    let thread = app
        .page(&format!("/messages/{id}"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    let client_id = thread
        .split("name=\"client_id\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a client id in the form")
        .to_string();

    let post = || {
        app.http
            .post(app.url(&format!("/messages/{id}/send")))
            .header(reqwest::header::COOKIE, &sarah)
            .form(&[
                ("body", "Mag ik <b>later</b> komen?\r\nGroetjes"),
                ("client_id", &client_id),
            ])
            .send()
    };
    let first = post().await.unwrap();
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let again = post().await.unwrap();
    assert_eq!(
        again.headers()["location"],
        first.headers()["location"],
        "pressing send twice sends once"
    );

    let members: Vec<String> = sqlx::query_scalar(
        "SELECT u.username FROM conversation_members cm JOIN users u ON u.id = cm.user_id WHERE cm.conversation_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let worker = members.into_iter().find(|u| u != "sarah").unwrap();
    let worker_session = app.web_session(&worker).await;
    let inbox = app.page("/messages", Some(&worker_session)).await.text().await.unwrap();
    assert!(
        inbox.contains("<title>(1) Berichten</title>"),
        "the title shows only the number"
    );
    let thread = app
        .page(&format!("/messages/{id}"), Some(&worker_session))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        thread.contains("Mag ik &lt;b&gt;later&lt;/b&gt; komen?\nGroetjes"),
        "shown as typed, never as markup"
    );

    let seen = app
        .page(&format!("/messages/{id}"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert!(seen.contains("Gelezen door"), "sarah sees that it was read");
}

#[tokio::test]
async fn the_participant_sees_in_her_log_that_her_worker_read_their_conversation_but_not_her_mothers() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let (sarah, lotte, marleen, ahmed) = (
        app.token("sarah").await,
        app.token("lotte").await,
        app.token("marleen").await,
        app.token("ahmed").await,
    );
    let hers = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, hers, "Hallo", "log-1").await;
    messages(&app, &lotte, hers, "").await;
    let mothers = app.conversation_with(&marleen, "ahmed").await;
    send(&app, &marleen, mothers, "Hallo", "log-2").await;
    messages(&app, &ahmed, mothers, "").await;

    let log: Value = app
        .get(&format!("/api/v1/cases/{case_a}/access-log"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<(String, String)> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "conversation_read" || e["action"] == "message_sent")
        .map(|e| {
            (
                e["actor_name"].as_str().unwrap_or_default().to_string(),
                e["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(actions.contains(&("Lotte".to_string(), "conversation_read".to_string())));
    assert!(
        actions.iter().all(|(who, _)| who != "Ahmed" && who != "Marleen"),
        "her mother's conversation is not in her file: {actions:?}"
    );
}

#[tokio::test]
async fn a_member_adds_a_worker_of_the_case_and_only_then_does_that_worker_see_the_conversation() {
    let app = TestApp::spawn().await;
    let (sarah, ahmed) = (app.token("sarah").await, app.token("ahmed").await);
    let conversation = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, conversation, "Ahmed mag dit ook lezen.", "add-1").await;
    let path = format!("/api/v1/conversations/{conversation}/messages");
    assert_eq!(app.get(&path, &ahmed).await.status(), StatusCode::NOT_FOUND);

    let members_path = format!("/api/v1/conversations/{conversation}/members");
    let add = |user_id: i64| app.post_json(&members_path, Some(&sarah), json!({ "user_id": user_id }));
    let pieter = app.user_id("pieter").await;
    assert_eq!(
        add(pieter).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "pieter is not a worker of her case"
    );
    let added = add(app.user_id("ahmed").await).await;
    assert_eq!(added.status(), StatusCode::OK);
    let group: Value = added.json().await.unwrap();
    assert_eq!(group["kind"], "group");
    assert_eq!(group["members"].as_array().unwrap().len(), 3);
    let page = messages(&app, &ahmed, conversation, "").await;
    assert_eq!(page["messages"][0]["body"], "Ahmed mag dit ook lezen.");
}

#[tokio::test]
async fn a_coordinator_sets_an_organisations_response_promise() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    let organisation: i64 = sqlx::query_scalar("SELECT id FROM organisations WHERE name = 'Jeugdhulp Antwerpen'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let path = format!("/api/v1/organisations/{organisation}/response-promise");
    let put = |days: i64| {
        app.http
            .put(app.url(&path))
            .bearer_auth(&coordinator)
            .json(&json!({ "working_days": days }))
            .send()
    };
    assert_eq!(put(0).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(5).await.unwrap().status(), StatusCode::NO_CONTENT);
    let days: i64 = sqlx::query_scalar("SELECT response_promise_days FROM organisations WHERE id = $1")
        .bind(organisation)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(days, 5);
}

#[tokio::test]
async fn messages_sent_and_read_at_the_same_moment_all_go_through() {
    let app = std::sync::Arc::new(TestApp::spawn().await);
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let first: Value = send(&app, &sarah, conversation, "Eerste", "first")
        .await
        .json()
        .await
        .unwrap();
    let up_to = first["id"].as_i64().unwrap();
    let read_path = format!("/api/v1/conversations/{conversation}/read");

    // Both people act at once, as they do when a reply arrives on an open page: each
    // request reads before it writes, and none may fail because another one committed.
    let mut tasks = tokio::task::JoinSet::new();
    for round in 0..12 {
        for (token, who) in [(sarah.clone(), "sarah"), (lotte.clone(), "lotte")] {
            let app = app.clone();
            let read_path = read_path.clone();
            tasks.spawn(async move {
                let sent = send(&app, &token, conversation, "Tegelijk", &format!("{who}-{round}")).await;
                let read = app.post_json(&read_path, Some(&token), json!({ "up_to": up_to })).await;
                (sent.status(), read.status())
            });
        }
    }
    while let Some(outcome) = tasks.join_next().await {
        assert_eq!(outcome.unwrap(), (StatusCode::CREATED, StatusCode::NO_CONTENT));
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE conversation_id = $1")
        .bind(conversation)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 25);
}

/// The workers in a family member's conversations, as (name, role, organisation).
async fn workers_seen_by(app: &TestApp, token: &str) -> Vec<(Value, Value, Value)> {
    let conversations = app.list("/api/v1/conversations", token, "conversations").await;
    conversations
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap().clone())
        .filter(|m| m["kind"] == "worker")
        .map(|m| {
            (
                m["display_name"].clone(),
                m["case_role"].clone(),
                m["organisation"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_family_member_not_shown_the_circle_knows_a_worker_by_first_name_and_nothing_more() {
    let app = TestApp::spawn().await;
    sqlx::query("UPDATE users SET display_name = 'Lotte Peeters' WHERE username = 'lotte'")
        .execute(&app.db)
        .await
        .unwrap();
    let yusuf = app.token("yusuf").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&yusuf, "lotte").await;
    assert_eq!(
        send(&app, &lotte, conversation, "Dag Yusuf", "lotte-1").await.status(),
        StatusCode::CREATED
    );

    let workers = workers_seen_by(&app, &yusuf).await;
    assert_eq!(workers.len(), 3, "{workers:?}");
    for (name, role, organisation) in &workers {
        assert!(!name.as_str().unwrap().contains(' '), "{name}");
        assert!(role.is_null() && organisation.is_null(), "{role} {organisation}");
    }
    let page = messages(&app, &yusuf, conversation, "").await;
    assert_eq!(page["messages"][0]["sender_name"], "Lotte");
    let cookie = app.web_session("yusuf").await;
    let html = app.page("/messages", Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains("begeleider van Sarah"), "{html}");
    for hidden in ["Peeters", "Justitiehuis", "justitieassistent", "jeugdhulp", "buddy"] {
        assert!(!html.contains(hidden), "{hidden} in {html}");
    }
    let thread = app
        .page(&format!("/messages/{conversation}"), Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(thread.contains("Dag Yusuf") && !thread.contains("Peeters"), "{thread}");

    // Sarah sees her own circle whole; once she shows it to Yusuf, so does he.
    let sarah = app.token("sarah").await;
    let sarah_sees = workers_seen_by(&app, &sarah).await;
    assert!(sarah_sees.contains(&(
        json!("Lotte Peeters"),
        json!("justice_assistant"),
        json!("Justitiehuis Antwerpen")
    )));
    let case_id = app.case_of("Sarah").await;
    let yusuf_id = app.user_id("yusuf").await;
    let shared = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/cases/{case_id}/consents/{yusuf_id}"),
            &sarah,
            Some(json!({ "categories": ["circle"] })),
        )
        .await;
    assert!(shared.status().is_success(), "{}", shared.status());
    assert!(workers_seen_by(&app, &yusuf).await.contains(&(
        json!("Lotte Peeters"),
        json!("justice_assistant"),
        json!("Justitiehuis Antwerpen")
    )));
    assert_eq!(
        messages(&app, &yusuf, conversation, "").await["messages"][0]["sender_name"],
        "Lotte Peeters"
    );
}

/// The number beside "Berichten" in the navigation, 0 when there is none.
fn waiting_in_navigation(page: &str) -> i64 {
    page.split("class=\"nav-count\">")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .map_or(0, |n| n.parse().unwrap())
}

#[tokio::test]
async fn a_long_conversation_opens_at_its_newest_messages_and_what_waits_shows_in_the_navigation_and_caseload() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.web_session("lotte").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let waiting_before = waiting_in_navigation(&app.page_text("/settings", &lotte).await);
    for n in 1..=25 {
        let sent = app
            .post_json(
                &format!("/api/v1/conversations/{with_lotte}/messages"),
                Some(&sarah),
                json!({"body": format!("Bericht {n:02}."), "client_id": format!("long-{n}")}),
            )
            .await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }

    // Every page tells Lotte that 25 more wait, and her caseload says in which case.
    let settings = app.page_text("/settings", &lotte).await;
    assert_eq!(waiting_in_navigation(&settings), waiting_before + 25);
    let caseload = app.page_text("/caseload", &lotte).await;
    assert!(caseload.contains("Berichten die op je wachten: "), "{caseload}");

    let thread = app.page_text(&format!("/messages/{with_lotte}"), &lotte).await;
    assert!(thread.contains("Bericht 25.") && thread.contains("Bericht 06."));
    assert!(!thread.contains("Bericht 05."), "the oldest wait for a tap");
    let reply = thread.find("id=\"reply\"").expect("the reply form");
    assert!(
        thread.find("Bericht 25.").unwrap() < reply,
        "the newest message sits right above the reply box"
    );
    let start = thread.find("href=\"/messages/").map(|i| i + "href=\"".len());
    let earlier = thread[start.unwrap()..]
        .split('"')
        .next()
        .filter(|href| href.contains("?before="))
        .map(|href| href.replace("&amp;", "&"))
        .expect("a link to earlier messages comes first");
    let older = app.page_text(&earlier, &lotte).await;
    assert!(older.contains("Bericht 05.") && older.contains("Bericht 01."));
    assert!(!older.contains("Bericht 25."));

    // Opening the conversation read it.
    let settings = app.page_text("/settings", &lotte).await;
    assert_eq!(waiting_in_navigation(&settings), waiting_before);
}

#[tokio::test]
async fn unread_counts_use_each_languages_plural_forms() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let lotte = app.web_session("lotte").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    app.page_text(&format!("/messages/{with_lotte}"), &lotte).await; // read up to now
    let send = |n: i64| {
        let (app, sarah) = (&app, &sarah);
        async move {
            let body = json!({"body": format!("Bericht {n}"), "client_id": format!("plural-{n}")});
            let path = format!("/api/v1/conversations/{with_lotte}/messages");
            assert_eq!(
                app.post_json(&path, Some(sarah), body).await.status(),
                StatusCode::CREATED
            );
        }
    };
    let list = |lang: &'static str| {
        let (app, lotte) = (&app, &lotte);
        async move { app.page_text("/messages", &format!("{lotte}; brug_lang={lang}")).await }
    };
    send(1).await;
    assert!(list("fr").await.contains(">1 nouveau<"));
    assert!(list("ar").await.contains("رسالة جديدة واحدة"));
    send(2).await;
    let french = list("fr").await;
    assert!(french.contains(">2 nouveaux<") && !french.contains("nouveau(x)"));
    assert!(list("ar").await.contains("رسالتان جديدتان"));
    send(3).await;
    assert!(list("ar").await.contains(">3 رسائل جديدة<"));
}

#[tokio::test]
async fn a_refused_message_comes_back_in_the_reply_box() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let token = app.token("sarah").await;
    let with_lotte = app.conversation_with(&token, "lotte").await;
    let path = format!("/messages/{with_lotte}/send");
    let fields = [("body", "  \n  "), ("client_id", "blank-1")];
    let (location, _, page) = app.refused_form_shown_again(&path, &sarah, &fields).await;
    assert_eq!(location, format!("/messages/{with_lotte}?error=invalid_input#reply"));
    let form = &page[page.find(r#"id="reply""#).expect("the reply form")..];
    assert!(form.contains(r#"aria-invalid="true" autofocus"#), "{form}");
    assert!(
        form.contains(">  \n  </textarea>"),
        "what she typed is back in the box: {form}"
    );
}

#[tokio::test]
async fn a_message_carries_its_senders_language_and_keeps_its_own_direction_on_the_page() {
    let app = TestApp::spawn().await;
    let sarah_page = app.web_session("sarah").await;
    let chosen = app
        .form("/language", &sarah_page, &[("lang", "ar"), ("back", "/")])
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let sarah = app.token("sarah").await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let body = json!({"body": "مرحبا، هل يمكننا أن نلتقي يوم الخميس؟", "client_id": "arabic-1"});
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{with_lotte}/messages"),
            Some(&sarah),
            body,
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    assert_eq!(sent.json::<Value>().await.unwrap()["lang"], "ar");

    // On Lotte's Dutch page the Arabic message is marked Arabic and finds its own direction.
    let lotte = app.web_session("lotte").await;
    let thread = app.page_text(&format!("/messages/{with_lotte}"), &lotte).await;
    assert!(thread.contains(r#"lang="ar" dir="auto" class="message-body">مرحبا"#));
    let lotte_token = app.token("lotte").await;
    let reply = json!({"body": "Ja, donderdag om tien uur.", "client_id": "dutch-1"});
    let answered = app
        .post_json(
            &format!("/api/v1/conversations/{with_lotte}/messages"),
            Some(&lotte_token),
            reply,
        )
        .await;
    assert_eq!(
        answered.json::<Value>().await.unwrap()["lang"],
        "nl",
        "Lotte writes in Dutch"
    );
}
