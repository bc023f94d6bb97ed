//! Metrics for operators: with a token set, `/metrics` answers the bearer of it in the
//! Prometheus text format with requests by route and status, their latency, the database
//! pool and the audit writer; to anyone else, and without the setting, there is no such page.

use integration::{Phone, PushReceiver, TestApp};
use reqwest::StatusCode;
use serde_json::json;

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
    let app = TestApp::spawn_with(&[("BRUG_METRICS_TOKEN", TOKEN), ("BRUG_PUSH_ALLOW_LOOPBACK", "true")]).await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    // A push and a reminder, so that their series are there.
    let receiver = PushReceiver::start().await;
    let phone = Phone::new();
    let subscription = phone.subscription(&receiver.endpoint("metrics"));
    app.post_json("/api/v1/push/subscriptions", Some(&sarah), subscription)
        .await;
    let starts_at = format!("{}T10:00", app::local_time::local_date(app.clock.now() + 40 * 86_400));
    let lotte = app.token("lotte").await;
    let planned = app
        .post_json(
            &format!("/api/v1/cases/{case}/appointments"),
            Some(&lotte),
            json!({ "starts_at": starts_at, "duration_minutes": 30, "mode": "video",
                    "place": "Video", "with_whom": "Lotte", "purpose": "Opvolging" }),
        )
        .await;
    assert_eq!(planned.status(), StatusCode::CREATED);
    receiver
        .delivery_to("metrics")
        .await
        .expect("the notice of the appointment");
    let due = app::local_time::shifted_instant(&starts_at, -1, Some((18, 0))).unwrap();
    app.clock.advance(due + 60 - app.clock.now());
    app::scheduler::run_due(&app.state).await;
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
        r#"brug_push_total{result="sent"}"#,
        "brug_reminder_lag_seconds_bucket",
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
