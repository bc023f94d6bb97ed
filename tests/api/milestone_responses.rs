//! The participant's voice on her trajectory: she asks a question under a milestone, says
//! she disagrees or asks to talk; Lotte answers; both stay with the milestone.

use integration::{error_code, success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn first_milestone(app: &TestApp, token: &str, case: i64) -> Value {
    let trajectory: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), token).await).await;
    trajectory["milestones"][0].clone()
}

#[tokio::test]
async fn sarah_asks_a_question_under_a_milestone_and_lotte_answers_and_both_stay_with_it() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let milestone = first_milestone(&app, &sarah, case).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/cases/{case}/milestones/{milestone}/responses");

    let asked: Value = success(
        app.post_json(
            &path,
            Some(&sarah),
            json!({ "kind": "question", "body": "Can my mother come along?" }),
        )
        .await,
    )
    .await;
    assert_eq!(asked["author"], "Sarah");
    let answered = app
        .post_json(
            &path,
            Some(&lotte),
            json!({ "kind": "answer", "body": "Yes, she can wait outside." }),
        )
        .await;
    assert_eq!(answered.status(), StatusCode::CREATED);

    let seen = first_milestone(&app, &sarah, case).await;
    let responses = seen["responses"].as_array().unwrap();
    let thread: Vec<(&str, &str)> = responses
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["body"].as_str().unwrap()))
        .collect();
    assert_eq!(
        thread,
        [
            ("question", "Can my mother come along?"),
            ("answer", "Yes, she can wait outside.")
        ]
    );

    // Each speaks in their own part: she does not write answers, he does not ask for her.
    assert_eq!(
        error_code(
            app.post_json(&path, Some(&sarah), json!({ "kind": "answer", "body": "x" }))
                .await
        )
        .await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    assert_eq!(
        error_code(
            app.post_json(&path, Some(&lotte), json!({ "kind": "disagree", "body": "x" }))
                .await
        )
        .await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    assert_eq!(
        error_code(
            app.post_json(&path, Some(&sarah), json!({ "kind": "talk", "body": "   " }))
                .await
        )
        .await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );
    // A milestone of another case is not found through this one.
    let youssef = app.token("youssef").await;
    let other_case = app.case_of("Youssef").await;
    let other = first_milestone(&app, &youssef, other_case).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        app.post_json(
            &format!("/api/v1/cases/{case}/milestones/{other}/responses"),
            Some(&sarah),
            json!({ "kind": "question", "body": "x" })
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn on_her_trajectory_page_sarah_says_she_disagrees_without_javascript() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let milestone = first_milestone(&app, &sarah, case).await["id"].as_i64().unwrap();
    let cookie = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &cookie).await;
    let disagree = page.contains("I don&#x27;t agree") || page.contains("I don't agree");
    assert!(page.contains("Respond to this step") && disagree, "{page}");
    let sent = app
        .form(
            &format!("/cases/{case}/milestones/{milestone}/responses"),
            &cookie,
            &[("kind", "disagree"), ("body", "I was never asked about this date")],
        )
        .await;
    assert_eq!(
        sent.headers()["location"],
        format!("/cases/{case}/trajectory?saved#responses-{milestone}").as_str()
    );
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &cookie).await;
    assert!(page.contains("I was never asked about this date"), "{page}");
    // Lotte, a worker, is told in the access log's words and answers from the same page.
    let lotte_page = format!("{}; brug_lang=en", app.web_session("lotte").await);
    let hers = app.page_text(&format!("/cases/{case}/trajectory"), &lotte_page).await;
    assert!(
        hers.contains("I was never asked about this date") && hers.contains(">Answer<"),
        "{hers}"
    );
}
