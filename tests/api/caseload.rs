use integration::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_worker_sees_her_cases_with_what_is_overdue_and_what_comes_next() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte_token = app.token("lotte").await;
    let late = json!({
        "phase": "conditional_release", "title": "Verslag aan de rechtbank", "explanation": "E",
        "decided_by": "Lotte", "expected_date": "2020-02-03"
    });
    let created = app
        .post_json(&format!("/api/v1/cases/{case_a}/milestones"), Some(&lotte_token), late)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);

    let lotte = app.web_session("lotte").await;
    let page = app.page("/caseload", Some(&lotte)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Mijn caseload"));
    assert!(
        html.contains("Sarah") && !html.contains("Youssef"),
        "only the cases lotte works in"
    );
    let overdue = html.split("class=\"overdue\"").nth(1).expect("an overdue section");
    assert!(overdue.contains("3\u{a0}februari\u{a0}2020 — Verslag aan de rechtbank"));
    assert!(html.contains(&format!("href=\"/cases/{case_a}/trajectory\"")));

    let pieter = app.web_session("pieter").await;
    let html = app.page("/caseload", Some(&pieter)).await.text().await.unwrap();
    assert!(html.contains("Youssef") && !html.contains("Verslag aan de rechtbank"));
}

#[tokio::test]
async fn the_caseload_is_for_workers_only_and_its_reading_is_recorded() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    assert_eq!(
        app.page("/caseload", Some(&sarah)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.page("/caseload", None).await.status(),
        StatusCode::FOUND,
        "to the sign-in page"
    );

    let lotte_id = app.user_id("lotte").await;
    let before = app.audit_count("case_read", lotte_id).await;
    let lotte = app.web_session("lotte").await;
    assert_eq!(app.page("/caseload", Some(&lotte)).await.status(), StatusCode::OK);
    assert!(app.audit_count("case_read", lotte_id).await > before);
}
