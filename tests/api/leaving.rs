//! Leaving a circle: a worker hands a case over (conversations and places in plans
//! follow), the last worker cannot just leave, and a family member leaves or is taken
//! out; each time access ends at once, the history stays and the participant sees it.

use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn end_path(case_id: i64, user_id: i64) -> String {
    format!("/api/v1/cases/{case_id}/members/{user_id}/end")
}

#[tokio::test]
async fn a_handed_over_case_goes_on_with_the_successor_in_the_same_conversation_and_plan() {
    let app = TestApp::spawn().await;
    let case_id = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{conversation}/messages"),
            Some(&sarah),
            json!({ "body": "Kan ik donderdag later komen?", "client_id": "before-handover" }),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);

    let coordinator = app.token("coordinator").await;
    let (lotte_id, pieter_id) = (app.user_id("lotte").await, app.user_id("pieter").await);
    let handed = app
        .post_json(
            &end_path(case_id, lotte_id),
            Some(&coordinator),
            json!({ "successor_user_id": pieter_id }),
        )
        .await;
    assert_eq!(handed.status(), StatusCode::NO_CONTENT);

    // Lotte no longer reaches anything of the case.
    let milestones = format!("/api/v1/cases/{case_id}/milestones");
    assert_eq!(app.get(&milestones, &lotte).await.status(), StatusCode::NOT_FOUND);
    let thread = format!("/api/v1/conversations/{conversation}/messages");
    assert_eq!(app.get(&thread, &lotte).await.status(), StatusCode::NOT_FOUND);

    // Pieter carries on: the case, Sarah's question in the same conversation, her plan.
    let pieter = app.token("pieter").await;
    assert_eq!(app.get(&milestones, &pieter).await.status(), StatusCode::OK);
    assert_eq!(app.conversation_with(&pieter, "sarah").await, conversation);
    let messages = app.list(&thread, &pieter, "messages").await;
    assert!(messages.iter().any(|m| m["body"] == "Kan ik donderdag later komen?"));
    assert_eq!(app.conversation_with(&sarah, "pieter").await, conversation);
    let plan: i64 = sqlx::query_scalar("SELECT MIN(id) FROM plans WHERE case_id = $1")
        .bind(case_id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let version: Value = app
        .get(&format!("/api/v1/cases/{case_id}/plans/{plan}/versions/1"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let parties: Vec<&str> = version["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"]["display_name"].as_str().unwrap())
        .collect();
    assert!(
        parties.contains(&"Pieter") && !parties.contains(&"Lotte"),
        "{parties:?}"
    );

    // Sarah sees who left and who took over; the circle names Pieter, not Lotte.
    let actions = app.access_log_actions(case_id, &sarah).await;
    assert!(actions.iter().any(|a| a == "membership_ended"), "{actions:?}");
    assert!(actions.iter().any(|a| a == "case_handed_over"), "{actions:?}");
    let circle = app.list("/api/v1/cases", &sarah, "cases").await[0]["members"].clone();
    let names: Vec<&str> = circle
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["display_name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Pieter") && !names.contains(&"Lotte"), "{names:?}");

    // Lotte can be assigned again later, and is in the circle again.
    let back = app
        .post_json(
            &format!("/api/v1/cases/{case_id}/workers"),
            Some(&coordinator),
            json!({ "user_id": lotte_id, "case_role": "justice_assistant" }),
        )
        .await;
    assert_eq!(back.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&milestones, &lotte).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_last_worker_of_a_case_leaves_only_by_handing_it_over() {
    let app = TestApp::spawn().await;
    let case_b = app.case_of("Youssef").await;
    let pieter_id = app.user_id("pieter").await;
    let coordinator = app.token("coordinator").await;
    let pieter = app.token("pieter").await;
    for token in [&coordinator, &pieter] {
        assert_eq!(
            error_code(
                app.post_json(&end_path(case_b, pieter_id), Some(token), json!({}))
                    .await
            )
            .await,
            (StatusCode::CONFLICT, "last_worker".into())
        );
    }
    // A participant or family member cannot take over a case.
    let youssef_id = app.user_id("youssef").await;
    let to_youssef = json!({ "successor_user_id": youssef_id });
    assert_eq!(
        error_code(
            app.post_json(&end_path(case_b, pieter_id), Some(&coordinator), to_youssef)
                .await
        )
        .await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );
    assert_eq!(
        app.get(&format!("/api/v1/cases/{case_b}/milestones"), &pieter)
            .await
            .status(),
        StatusCode::OK,
        "still his case"
    );
}

#[tokio::test]
async fn sarah_takes_her_mother_out_of_the_circle_and_her_mother_sees_nothing_of_it_any_more() {
    let app = TestApp::spawn().await;
    let case_id = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let marleen_id = app.user_id("marleen").await;
    let appointments = format!("/api/v1/cases/{case_id}/appointments");
    assert_eq!(app.get(&appointments, &marleen).await.status(), StatusCode::OK);

    // Only Sarah and the workers may take someone else out; her brother may not.
    let yusuf = app.token("yusuf").await;
    assert_eq!(
        error_code(
            app.post_json(&end_path(case_id, marleen_id), Some(&yusuf), json!({}))
                .await
        )
        .await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    let coordinator = app.token("coordinator").await;
    assert_eq!(
        error_code(
            app.post_json(&end_path(case_id, marleen_id), Some(&coordinator), json!({}))
                .await
        )
        .await,
        (StatusCode::FORBIDDEN, "not_permitted".into()),
        "a coordinator manages workers, not the participant's family"
    );
    let karim = app.token("karim").await;
    let lotte_id = app.user_id("lotte").await;
    assert_eq!(
        error_code(
            app.post_json(&end_path(case_id, lotte_id), Some(&karim), json!({}))
                .await
        )
        .await,
        (StatusCode::FORBIDDEN, "not_permitted".into()),
        "one worker does not take another off the case"
    );

    let removed = app
        .post_json(&end_path(case_id, marleen_id), Some(&sarah), json!({}))
        .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&appointments, &marleen).await.status(), StatusCode::NOT_FOUND);
    assert!(app.list("/api/v1/cases", &marleen, "cases").await.is_empty());
    let actions = app.access_log_actions(case_id, &sarah).await;
    assert!(actions.iter().any(|a| a == "membership_ended"), "{actions:?}");
    // Nobody can end what has ended.
    assert_eq!(
        error_code(
            app.post_json(&end_path(case_id, marleen_id), Some(&sarah), json!({}))
                .await
        )
        .await,
        (StatusCode::NOT_FOUND, "not_found".into())
    );
}

#[tokio::test]
async fn a_family_member_leaves_a_circle_from_the_home_page() {
    let app = TestApp::spawn().await;
    let case_b = app.case_of("Youssef").await;
    let hanane_id = app.user_id("hanane").await;
    let hanane = app.web_session("hanane").await;
    let home = app.page("/", Some(&hanane)).await.text().await.unwrap();
    let action = format!("/cases/{case_b}/members/{hanane_id}/end");
    assert!(home.contains(&action), "{home}");

    let left = app.form(&action, &hanane, &[]).await;
    assert_eq!(left.status(), StatusCode::SEE_OTHER);
    let home = app.page("/?saved", Some(&hanane)).await.text().await.unwrap();
    assert!(!home.contains(&action), "{home}");
    assert!(home.contains("role=\"status\""), "{home}");
}

#[tokio::test]
async fn the_coordinator_hands_a_case_over_on_the_admin_page_and_is_told_when_someone_must_take_over() {
    let app = TestApp::spawn().await;
    let coordinator = app.web_session("coordinator").await;
    let (case_a, case_b) = (app.case_of("Sarah").await, app.case_of("Youssef").await);
    let (karim, pieter) = (app.user_id("karim").await, app.user_id("pieter").await);

    let alone = [
        ("case_id", case_b.to_string()),
        ("user_id", pieter.to_string()),
        ("successor_user_id", String::new()),
    ];
    let fields: Vec<(&str, &str)> = alone.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.form("/admin/handovers", &coordinator, &fields).await;
    assert_eq!(refused.headers()["location"], "/admin?error=last_worker");
    let page = app
        .page("/admin?error=last_worker", Some(&coordinator))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("overnemen"),
        "the page says someone must take over: {page}"
    );

    // Sarah's buddy leaves; her other workers stay, so nobody needs to take over.
    let karim_leaves = [
        ("case_id", case_a.to_string()),
        ("user_id", karim.to_string()),
        ("successor_user_id", String::new()),
    ];
    let fields: Vec<(&str, &str)> = karim_leaves.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = app.form("/admin/handovers", &coordinator, &fields).await;
    assert_eq!(done.headers()["location"], "/admin?saved");
    let karim_token = app.token("karim").await;
    assert!(app.list("/api/v1/cases", &karim_token, "cases").await.is_empty());
}
