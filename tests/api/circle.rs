use integration::TestApp;
use serde_json::Value;

async fn cases(app: &TestApp, username: &str) -> Vec<Value> {
    let token = app.token(username).await;
    app.list("/api/v1/cases", &token, "cases").await
}

#[tokio::test]
async fn a_participant_sees_everyone_in_her_circle_with_their_role() {
    let app = TestApp::spawn().await;
    let cases = cases(&app, "sarah").await;
    assert_eq!(cases.len(), 1);
    let members = cases[0]["members"].as_array().unwrap();
    let described: Vec<(String, String)> = members
        .iter()
        .map(|m| {
            let role = m["case_role"]
                .as_str()
                .or(m["relationship"].as_str())
                .unwrap_or(m["kind"].as_str().unwrap());
            (m["display_name"].as_str().unwrap().to_string(), role.to_string())
        })
        .collect();
    let expected = [
        ("Sarah", "participant"),
        ("Marleen", "mother"),
        ("Yusuf", "brother"),
        ("Lotte", "justice_assistant"),
        ("Ahmed", "youth_care"),
        ("Karim", "buddy"),
    ];
    assert_eq!(described, expected.map(|(n, r)| (n.to_string(), r.to_string())));
}

#[tokio::test]
async fn a_family_member_without_a_share_sees_the_case_but_not_the_circle() {
    let app = TestApp::spawn().await;
    let cases = cases(&app, "yusuf").await;
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["participant_name"], "Sarah");
    assert!(cases[0]["members"].is_null(), "{:?}", cases[0]);
}

#[tokio::test]
async fn a_family_member_with_the_circle_shared_sees_it() {
    let app = TestApp::spawn().await;
    let cases = cases(&app, "hanane").await;
    assert_eq!(cases[0]["members"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_worker_sees_only_the_cases_they_work_on() {
    let app = TestApp::spawn().await;
    let cases = cases(&app, "pieter").await;
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["participant_name"], "Youssef");
}

#[tokio::test]
async fn a_coordinator_reads_no_case_content_without_being_assigned() {
    let app = TestApp::spawn().await;
    assert!(cases(&app, "coordinator").await.is_empty());
}

#[tokio::test]
async fn every_read_of_a_circle_is_recorded_once_with_who_which_case_and_what_it_showed() {
    let app = TestApp::spawn().await;
    let lotte = app.user_id("lotte").await;
    let case_a = app.case_of("Sarah").await;
    cases(&app, "lotte").await;
    // One look at the case is one row that names every part it showed.
    let looks: Vec<(String, String)> = sqlx::query_as(
        "SELECT object_type, request_id FROM audit_log WHERE action = 'case_read' AND actor_user_id = $1 AND case_id = $2",
    )
    .bind(lotte)
    .bind(case_a)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(looks.len(), 1, "{looks:?}");
    let shown: Vec<&str> = looks[0].0.split(',').collect();
    assert_eq!(shown, ["circle", "trajectory", "appointments", "plans"]);
}

#[tokio::test]
async fn the_home_page_of_a_family_member_says_kindly_that_nothing_is_shared_yet() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("yusuf").await;
    let html = app.page("/", Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains("Sarah heeft de kring nog niet met jou gedeeld"), "{html}");
    assert!(!html.contains("Lotte"), "no circle member leaks");
}
