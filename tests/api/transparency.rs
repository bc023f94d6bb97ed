use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

async fn log(app: &TestApp, token: &str, case_id: i64, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/cases/{case_id}/access-log{query}"), token)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_participant_sees_that_her_justice_assistant_read_her_milestones() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    app.get(&format!("/api/v1/cases/{case_a}/milestones"), &lotte).await;

    let sarah = app.token("sarah").await;
    let entries = log(&app, &sarah, case_a, "").await["entries"]
        .as_array()
        .unwrap()
        .clone();
    let read = entries
        .iter()
        .find(|e| e["actor_name"] == "Lotte" && e["category"] == "trajectory")
        .expect("lotte's read is in the log");
    assert_eq!(read["action"], "case_read");
    assert_eq!(read["actor_case_role"], "justice_assistant");
    assert_eq!(read["organisation"], "Justitiehuis Antwerpen");
}

#[tokio::test]
async fn reading_the_access_log_is_itself_recorded() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    log(&app, &sarah, case_a, "").await;
    let newest = &log(&app, &sarah, case_a, "").await["entries"][0];
    assert_eq!(
        (newest["actor_name"].as_str(), newest["category"].as_str()),
        (Some("Sarah"), Some("access_log"))
    );
}

#[tokio::test]
async fn family_members_cannot_read_the_log_and_outsiders_cannot_find_it() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen = app.token("marleen").await;
    let response = app.get(&format!("/api/v1/cases/{case_a}/access-log"), &marleen).await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::FORBIDDEN, "not_permitted".to_string())
    );
    let pieter = app.token("pieter").await;
    let response = app.get(&format!("/api/v1/cases/{case_a}/access-log"), &pieter).await;
    assert_eq!(error_code(response).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_access_log_pages_through_older_entries_without_overlap() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    // Four reads: two pages of two, whatever else the log holds. (A read of the log is
    // recorded once it is answered, so the first page does not show itself.)
    for _ in 0..4 {
        app.get(&format!("/api/v1/cases/{case_a}/milestones"), &lotte).await;
    }
    let first = log(&app, &lotte, case_a, "?limit=2").await;
    let cursor = first["next_cursor"].as_i64().expect("more entries");
    let second = log(&app, &lotte, case_a, &format!("?limit=2&before={cursor}")).await;
    let ids = |page: &Value| {
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let (a, b) = (ids(&first), ids(&second));
    assert_eq!((a.len(), b.len()), (2, 2));
    assert!(a.iter().all(|id| b.iter().all(|older| older < id)), "{a:?} then {b:?}");
    let bad = app
        .get(&format!("/api/v1/cases/{case_a}/access-log?before=soon"), &lotte)
        .await;
    assert_eq!(error_code(bad).await.1, "invalid_input");
}

#[tokio::test]
async fn the_who_looked_page_names_circle_members_with_their_role() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.web_session("lotte").await;
    app.page(&format!("/cases/{case_a}/trajectory"), Some(&lotte)).await;
    let sarah = app.web_session("sarah").await;
    let page = app.page(&format!("/cases/{case_a}/access-log"), Some(&sarah)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Lotte (justitieassistent), Justitiehuis Antwerpen: bekeek het traject"),
        "{html}"
    );
}

#[tokio::test]
async fn the_last_seven_days_say_how_often_each_person_looked_at_each_part() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    for _ in 0..3 {
        app.get(&format!("/api/v1/cases/{case_a}/milestones"), &lotte).await;
    }
    app.get(&format!("/api/v1/cases/{case_a}/appointments"), &lotte).await;
    app.get(&format!("/api/v1/cases/{case_a}/milestones"), &sarah).await;

    let first_page = log(&app, &sarah, case_a, "").await;
    let lines = first_page["last_seven_days"].as_array().unwrap();
    let of = |category: &str| {
        lines
            .iter()
            .find(|l| l["actor_name"] == "Lotte" && l["category"] == category)
            .map(|l| l["looks"].as_i64().unwrap())
    };
    assert_eq!(of("trajectory"), Some(3));
    assert_eq!(of("appointments"), Some(1));
    assert!(
        lines.iter().all(|l| l["actor_name"] != "Sarah"),
        "the reader's own looks are not summed up for her"
    );
    assert_eq!(lines[0]["looks"], 3, "most looks first");
    let older = first_page["entries"].as_array().unwrap().last().unwrap()["id"].clone();
    let older_page = log(&app, &sarah, case_a, &format!("?before={older}")).await;
    assert!(
        older_page["last_seven_days"].as_array().unwrap().is_empty(),
        "only on the first page"
    );

    let cookie = app.web_session("sarah").await;
    let html = app
        .page(&format!("/cases/{case_a}/access-log"), Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("De afgelopen zeven dagen"), "{html}");
    assert!(
        html.contains(
            "Lotte (justitieassistent), Justitiehuis Antwerpen: bekeek het traject (3 keer), de afspraken (1 keer)"
        ),
        "{html}"
    );

    // A week and a day later those looks are history: only the detailed log keeps them.
    app.clock.advance(8 * 24 * 3600);
    let later = log(&app, &sarah, case_a, "").await;
    assert!(
        later["last_seven_days"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["actor_name"] != "Lotte"),
        "{later}"
    );
}

#[tokio::test]
async fn a_stand_in_for_her_worker_shows_in_the_access_log_when_it_begins_and_ends() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    let pieter = app.user_id("pieter").await;
    app.conversation_with(&sarah, "lotte").await;
    let actions = |log: Value| -> Vec<(String, String)> {
        log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["action"].as_str().unwrap().to_string(),
                    e["actor_name"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let set = app
        .http
        .put(app.url("/api/v1/me/away"))
        .bearer_auth(&lotte)
        .json(&serde_json::json!({ "until": "2099-01-01", "stand_in_id": pieter }))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let started = actions(log(&app, &sarah, case_a, "").await);
    assert!(
        started.contains(&("stand_in_started".to_string(), "Lotte".to_string())),
        "{started:?}"
    );
    let back = app
        .http
        .delete(app.url("/api/v1/me/away"))
        .bearer_auth(&lotte)
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), StatusCode::NO_CONTENT);
    let ended = actions(log(&app, &sarah, case_a, "").await);
    assert!(
        ended.contains(&("stand_in_ended".to_string(), "Lotte".to_string())),
        "{ended:?}"
    );
    let page = app
        .page(
            &format!("/cases/{case_a}/access-log"),
            Some(&app.web_session("sarah").await),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("liet een collega de berichten lezen en beantwoorden"),
        "{page}"
    );
    // Youssef's case had no conversation of Lotte's: nothing was granted there.
    let youssef = app.token("youssef").await;
    let case_b = app.case_of("Youssef").await;
    let other = actions(log(&app, &youssef, case_b, "").await);
    assert!(
        !other.iter().any(|(action, _)| action.starts_with("stand_in")),
        "{other:?}"
    );
}
