//! A copy of my data (GDPR articles 15 and 20): everything Brug holds about a person and
//! what they wrote, as JSON in the documented shape and as a page to print; each copy is
//! in the access log of the case it comes from.

use app::export::PersonalExport;
use integration::{error_code, TestApp};
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

async fn export_of(app: &TestApp, token: &str) -> PersonalExport {
    let response = app.get("/api/v1/me/export", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment; filename=\"brug-"), "{disposition}");
    let text = response.text().await.expect("the whole copy arrives");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("the copy has the documented shape: {e}\n{text}"))
}

async fn send(app: &TestApp, token: &str, conversation: i64, body: &str, client_id: &str) {
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let sent = app
        .post_json(&path, Some(token), json!({ "body": body, "client_id": client_id }))
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
}

async fn scalar(app: &TestApp, sql: &str, bind: i64) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&app.db).await.unwrap()
}

#[tokio::test]
async fn sarahs_copy_holds_her_messages_her_plan_answers_and_her_access_log_and_is_logged() {
    let app = TestApp::spawn().await;
    let (sarah, case) = (app.token("sarah").await, app.case_of("Sarah").await);
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    send(
        &app,
        &sarah,
        with_lotte,
        "Mag ik de kopie <b>afdrukken</b>?",
        "export-1",
    )
    .await;
    let plan = scalar(&app, "SELECT MIN(id) FROM plans WHERE case_id = $1", case).await;
    let item = scalar(
        &app,
        "SELECT MIN(i.item_key) FROM plan_items i JOIN plan_versions v ON v.id = i.version_id WHERE v.plan_id = $1",
        plan,
    )
    .await;
    let answered = app
        .call(
            Method::PUT,
            &format!("/api/v1/cases/{case}/plans/{plan}/versions/1/items/{item}/response"),
            &sarah,
            Some(json!({ "stance": "disagree", "reason": "Liever na mijn werk." })),
        )
        .await;
    assert_eq!(answered.status(), StatusCode::OK);

    let copy = export_of(&app, &sarah).await;
    assert_eq!(copy.format, "brug-export/1");
    assert_eq!(copy.profile.username, "sarah");
    let own = copy.cases.iter().find(|c| c.case_id == case).expect("her own case");
    assert_eq!(own.included.len(), 5, "the participant takes her whole case");
    assert!(!own.milestones.is_empty() && !own.appointments.is_empty() && !own.children.is_empty());
    let answers: Vec<_> = own
        .plans
        .iter()
        .flat_map(|p| p.items.iter())
        .flat_map(|i| i.answers.iter())
        .collect();
    assert!(
        answers
            .iter()
            .any(|a| a.body == "Liever na mijn werk." && a.kind.as_deref() == Some("disagree")),
        "her answer to the plan: {answers:?}"
    );
    assert!(own
        .plans
        .iter()
        .any(|p| p.signatures.iter().any(|s| s.party == "Sarah")));
    let conversation = copy
        .conversations
        .iter()
        .find(|c| c.id == with_lotte)
        .expect("her conversation with Lotte");
    assert!(conversation
        .messages
        .iter()
        .any(|m| m.body == "Mag ik de kopie <b>afdrukken</b>?" && m.sender_name == "Sarah"));
    let log = copy
        .access_logs
        .iter()
        .find(|l| l.case_id == case)
        .expect("her access log");
    assert!(log.entries.iter().any(|e| e.action == "message_sent"));
    assert!(
        log.entries.windows(2).all(|pair| pair[0].id > pair[1].id),
        "newest first"
    );

    // The copy itself is in her log, as hers.
    let actions = app.access_log_actions(case, &sarah).await;
    assert!(actions.contains(&"data_exported".to_string()), "{actions:?}");
}

#[tokio::test]
async fn marleens_copy_holds_only_what_sarah_shares_with_her_and_her_own_conversations() {
    let app = TestApp::spawn().await;
    let (marleen, sarah, case) = (
        app.token("marleen").await,
        app.token("sarah").await,
        app.case_of("Sarah").await,
    );
    let with_lotte = app.conversation_with(&marleen, "lotte").await;
    send(&app, &marleen, with_lotte, "Wanneer mag ik op bezoek?", "export-2").await;
    let sarahs = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, sarahs, "Alleen voor Lotte.", "export-3").await;

    let copy = export_of(&app, &marleen).await;
    let case_copy = copy.cases.iter().find(|c| c.case_id == case).expect("Sarah's circle");
    let included: Vec<&str> = case_copy.included.iter().map(|c| c.as_str()).collect();
    assert_eq!(included, ["reunification", "appointments"]);
    assert!(case_copy.milestones.is_empty() && case_copy.plans.is_empty() && case_copy.conferences.is_empty());
    assert!(!case_copy.children.is_empty() && !case_copy.appointments.is_empty());
    assert!(
        case_copy.shares.iter().all(|s| s.family_member == "Marleen"),
        "only what is shared with her, not with Yusuf: {:?}",
        case_copy.shares
    );
    assert!(copy.access_logs.is_empty(), "the access log is Sarah's");
    let bodies: Vec<&str> = copy
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter().map(|m| m.body.as_str()))
        .collect();
    assert!(bodies.contains(&"Wanneer mag ik op bezoek?"));
    assert!(!bodies.contains(&"Alleen voor Lotte."));
    assert!(copy.conversations.iter().all(|c| c.id != sarahs));

    let marleen_id = app.user_id("marleen").await;
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'data_exported' AND actor_user_id = $1 AND case_id = $2",
    )
    .bind(marleen_id)
    .bind(case)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(logged, 1, "Sarah can see that her mother took a copy");
}

#[tokio::test]
async fn a_workers_copy_is_their_own_account_and_their_own_messages_not_the_file() {
    let app = TestApp::spawn().await;
    let (lotte, sarah, case) = (
        app.token("lotte").await,
        app.token("sarah").await,
        app.case_of("Sarah").await,
    );
    let conversation = app.conversation_with(&sarah, "lotte").await;
    send(&app, &sarah, conversation, "Van Sarah.", "export-4").await;
    send(&app, &lotte, conversation, "Van Lotte.", "export-5").await;

    let copy = export_of(&app, &lotte).await;
    assert_eq!(copy.profile.account_role, "worker");
    let case_copy = copy
        .cases
        .iter()
        .find(|c| c.case_id == case)
        .expect("her place in Sarah's circle");
    assert!(case_copy.included.is_empty() && case_copy.milestones.is_empty() && case_copy.shares.is_empty());
    let bodies: Vec<&str> = copy
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter().map(|m| m.body.as_str()))
        .collect();
    assert!(bodies.contains(&"Van Lotte."));
    assert!(!bodies.contains(&"Van Sarah."), "Sarah's words stay in her file");
    assert!(copy.access_logs.is_empty());
}

#[tokio::test]
async fn a_coordinators_copy_is_recorded_though_it_comes_from_no_case() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    let copy = export_of(&app, &coordinator).await;
    assert_eq!(copy.profile.account_role, "coordinator");
    assert!(copy.cases.is_empty() && copy.conversations.is_empty() && copy.access_logs.is_empty());
    let id = app.user_id("coordinator").await;
    assert_eq!(app.audit_count("data_exported", id).await, 1);
}

#[tokio::test]
async fn a_long_conversation_arrives_whole_and_in_order() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let before = scalar(
        &app,
        "SELECT COUNT(*) FROM messages WHERE conversation_id = $1",
        conversation,
    )
    .await;
    // More than one page of the copy's reading (500), sent a few at a time.
    for batch in 0..26 {
        let sends = (0..20).map(|i| {
            let n = batch * 20 + i;
            let (app, sarah) = (&app, &sarah);
            async move { send(app, sarah, conversation, &format!("bericht {n}"), &format!("long-{n}")).await }
        });
        futures_util::future::join_all(sends).await;
    }
    let copy = export_of(&app, &sarah).await;
    let messages = &copy
        .conversations
        .iter()
        .find(|c| c.id == conversation)
        .unwrap()
        .messages;
    assert_eq!(messages.len() as i64, before + 520);
    assert!(
        messages.windows(2).all(|pair| pair[0].id < pair[1].id),
        "oldest first, none twice"
    );
    for n in 0..520 {
        assert!(messages.iter().any(|m| m.body == format!("bericht {n}")), "bericht {n}");
    }
}

#[tokio::test]
async fn the_copy_is_a_page_to_print_in_her_language_with_her_words_as_text() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    send(
        &app,
        &sarah,
        conversation,
        "<script>alert(1)</script> tot dan",
        "export-6",
    )
    .await;
    let cookie = format!("{}; brug_lang=en", app.web_session("sarah").await);

    let settings = app.page_text("/settings", &cookie).await;
    assert!(settings.contains("href=\"/settings/my-data\"") && settings.contains("Read and print your data"));
    let page = app.page("/settings/my-data", Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = page.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\""));
    assert!(html.contains("Your data at Brug") && html.contains("Who looked at my file?"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; tot dan"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("You: took a copy of their own data"),
        "the copy is in the log it shows"
    );
    assert!(html.ends_with("</main></body></html>"));

    // Browsers ask for compression; each compressed copy ends cleanly (the stream once
    // panicked when the compression layer asked it for more after its end).
    for encoding in ["gzip, deflate, br, zstd", "br", "gzip", "zstd", "deflate"] {
        let compressed = app
            .http
            .get(app.url("/settings/my-data"))
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.status(), StatusCode::OK);
        assert!(
            compressed.bytes().await.is_ok_and(|b| !b.is_empty()),
            "{encoding}: the whole page arrives"
        );
    }

    let file = app.page("/settings/my-data.json", Some(&cookie)).await;
    assert_eq!(file.status(), StatusCode::OK);
    let copy: Value = file.json().await.unwrap();
    assert_eq!(copy["profile"]["username"], "sarah");

    let signed_out = app.page("/settings/my-data", None).await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert_eq!(signed_out.headers()[header::LOCATION], "/signin");
    assert_eq!(
        error_code(app.http.get(app.url("/api/v1/me/export")).send().await.unwrap()).await,
        (StatusCode::UNAUTHORIZED, "unauthenticated".into())
    );
}
