//! What is no longer needed goes, on a schedule: sessions ended or expired a month ago
//! (with their devices' push subscriptions), codes used or expired a month ago, live-stream
//! events older than a week, hourly look counts older than a week and a day. What is
//! still in use stays, and a run happens once an hour.

use integration::{Phone, TestApp};
use reqwest::StatusCode;
use serde_json::json;

const DAY: i64 = 86_400;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).fetch_one(&app.db).await.unwrap()
}

async fn run(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.db).await.unwrap();
}

#[tokio::test]
async fn what_nobody_needs_any_more_is_pruned_on_a_schedule_and_what_is_in_use_stays() {
    let app = TestApp::spawn_with(&[("BRUG_PUSH_ALLOW_LOOPBACK", "true")]).await;
    let now = app::db::now();
    let sarah = app.token("sarah").await;
    // A phone she signed out of long ago, with the push subscription it had.
    let old_phone = app.token("sarah").await;
    let subscribed = app
        .post_json(
            "/api/v1/push/subscriptions",
            Some(&old_phone),
            Phone::new().subscription("http://127.0.0.1:9/push/old-phone"),
        )
        .await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    assert_eq!(
        app.post_json("/api/v1/auth/logout", Some(&old_phone), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let old_session = count(&app, "SELECT MAX(id) FROM sessions WHERE ended_at IS NOT NULL").await;
    run(
        &app,
        &format!(
            "UPDATE sessions SET ended_at = {} WHERE id = {old_session}",
            now - 40 * DAY
        ),
    )
    .await;
    // A web session that expired last week stays a while, for "my devices" and her access log.
    let last_week = app.web_session("marleen").await;
    assert!(!last_week.is_empty());
    let recent = count(&app, "SELECT MAX(id) FROM sessions").await;
    run(
        &app,
        &format!("UPDATE sessions SET expires_at = {} WHERE id = {recent}", now - 7 * DAY),
    )
    .await;

    // Two invitations: one expired long ago, one still waiting to be used.
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    for name in ["Amina", "Ilias"] {
        let invitation = json!({ "kind": "family", "case_id": case, "display_name": name, "relationship": "sister" });
        assert_eq!(
            app.post_json("/api/v1/invitations", Some(&lotte), invitation)
                .await
                .status(),
            StatusCode::CREATED
        );
    }
    run(
        &app,
        &format!(
            "UPDATE one_time_codes SET expires_at = {} WHERE display_name = 'Amina'",
            now - 31 * DAY
        ),
    )
    .await;

    // Live-stream events of a message a fortnight ago, and of one today.
    let conversation = app.conversation_with(&lotte, "sarah").await;
    let path = format!("/api/v1/conversations/{conversation}/messages");
    app.post_json(
        &path,
        Some(&lotte),
        json!({ "body": "Oud bericht", "client_id": "old" }),
    )
    .await;
    run(&app, &format!("UPDATE events SET created_at = {}", now - 14 * DAY)).await;
    app.post_json(
        &path,
        Some(&lotte),
        json!({ "body": "Nieuw bericht", "client_id": "new" }),
    )
    .await;
    let events_today = count(
        &app,
        &format!("SELECT COUNT(*) FROM events WHERE created_at > {}", now - DAY),
    )
    .await;
    assert!(events_today > 0);

    // Lotte's looks at Sarah's case are counted per hour for Sarah's last seven days. A
    // count from nine days ago is no longer read; the audit rows stay whole.
    app.get(&format!("/api/v1/cases/{case}/milestones"), &lotte).await;
    let lotte_id = app.user_id("lotte").await;
    let nine_days_ago = now - now % 3600 - 9 * DAY;
    run(
        &app,
        &format!(
            "INSERT INTO case_looks (case_id, actor_user_id, hour_start, object_type, looks) \
             VALUES ({case}, {lotte_id}, {nine_days_ago}, 'trajectory', 3)"
        ),
    )
    .await;
    let looks_recorded = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'case_read'").await;

    // The scheduler ran its first pruning at start; the next is due in an hour. Make it due.
    let mut next = 0;
    for _ in 0..100 {
        next = count(&app, "SELECT next_run_at FROM scheduled_jobs WHERE name = 'prune'").await;
        if next > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        next > now && next <= app::db::now() + 3600,
        "the next run is within the hour"
    );
    run(&app, "UPDATE scheduled_jobs SET next_run_at = 0 WHERE name = 'prune'").await;
    app::scheduler::run_due(&app.state).await;

    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM sessions WHERE id = {old_session}")).await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM push_subscriptions").await,
        0,
        "no notice goes to a signed-out phone"
    );
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM sessions WHERE id = {recent}")).await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM one_time_codes WHERE display_name = 'Amina'").await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM one_time_codes WHERE display_name = 'Ilias'").await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM events").await,
        events_today,
        "only today's events stay"
    );
    assert_eq!(
        app.get("/api/v1/me", &sarah).await.status(),
        StatusCode::OK,
        "her phone still signs her in"
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM case_looks WHERE hour_start < {}", now - 8 * DAY)
        )
        .await,
        0,
        "counts older than the summary's week and a day go"
    );
    assert!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM case_looks WHERE case_id = {case} AND actor_user_id = {lotte_id}")
        )
        .await
            > 0,
        "this hour's count stays"
    );
    assert!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'case_read'").await >= looks_recorded,
        "every look stays in the audit log"
    );
    let messages = app.list(&path, &sarah, "messages").await;
    assert!(
        messages.iter().any(|m| m["body"] == "Oud bericht"),
        "messages themselves are never pruned"
    );

    // Not due again within the hour: what grew old meanwhile waits for the next run.
    run(&app, &format!("UPDATE events SET created_at = {}", now - 14 * DAY)).await;
    app::scheduler::run_due(&app.state).await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM events").await, events_today);
}
