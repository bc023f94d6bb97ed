//! Metrics for operators: with a token set, `/metrics` answers the bearer of it in the
//! Prometheus text format with requests by route and status, their latency, the database
//! pool and the audit writer; to anyone else, and without the setting, there is no such page.

use integration::TestApp;
use reqwest::StatusCode;

const TOKEN: &str = "metrics-token-for-the-test-suite-0001";

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = app.http.get(app.url("/metrics"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_operator_reads_requests_latency_and_the_pool_with_the_token_and_nobody_else_does() {
    let app = TestApp::spawn_with(&[("BRUG_METRICS_TOKEN", TOKEN)]).await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    assert_eq!(app.get("/api/v1/me", &sarah).await.status(), StatusCode::OK);
    assert_eq!(
        app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get("/api/v1/cases/999999/milestones", &sarah).await.status(),
        StatusCode::NOT_FOUND
    );

    assert_eq!(scrape(&app, None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        scrape(&app, Some("a-guess-of-the-same-length-000000000"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let answer = scrape(&app, Some(TOKEN)).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(answer.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    let text = answer.text().await.unwrap();
    for expected in [
        r#"route="/api/v1/me",status="200""#,
        r#"route="/api/v1/cases/{case_id}/milestones",status="200""#,
        r#"route="/api/v1/cases/{case_id}/milestones",status="404""#,
        "brug_request_seconds_bucket",
        "brug_db_connections ",
        "brug_db_acquire_seconds_bucket",
        "brug_audit_batch_size_bucket",
        "brug_open_streams 0",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(
        !text.contains(&format!("/api/v1/cases/{case}/")),
        "routes, never paths with ids"
    );
}

#[tokio::test]
async fn without_the_setting_there_is_no_metrics_page() {
    let app = TestApp::spawn().await;
    assert_eq!(scrape(&app, None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(scrape(&app, Some(TOKEN)).await.status(), StatusCode::NOT_FOUND);
}
