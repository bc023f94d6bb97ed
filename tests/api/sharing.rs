use integration::{error_code, TestApp};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

async fn put(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.http
        .put(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn taking_back_a_share_takes_effect_on_the_very_next_request() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let path = format!("/api/v1/cases/{case_a}/consents/{marleen_id}");
    let milestones = format!("/api/v1/cases/{case_a}/milestones");
    assert_eq!(error_code(app.get(&milestones, &marleen).await).await.1, "not_shared");

    let shared = put(
        &app,
        &sarah,
        &path,
        json!({ "categories": ["trajectory", "reunification", "appointments"] }),
    )
    .await;
    assert_eq!(shared.status(), StatusCode::OK);
    assert_eq!(app.get(&milestones, &marleen).await.status(), StatusCode::OK);

    let taken_back = put(
        &app,
        &sarah,
        &path,
        json!({ "categories": ["reunification", "appointments"] }),
    )
    .await;
    let body: Value = taken_back.json().await.unwrap();
    assert_eq!(body["shared"], json!(["reunification", "appointments"]));
    assert_eq!(
        error_code(app.get(&milestones, &marleen).await).await,
        (StatusCode::FORBIDDEN, "not_shared".to_string())
    );
}

#[tokio::test]
async fn sharing_the_circle_lets_a_brother_see_who_is_involved() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let yusuf_id = app.user_id("yusuf").await;
    let yusuf = app.token("yusuf").await;
    let before = app.list("/api/v1/cases", &yusuf, "cases").await;
    assert!(before[0]["members"].is_null());
    let sarah = app.token("sarah").await;
    put(
        &app,
        &sarah,
        &format!("/api/v1/cases/{case_a}/consents/{yusuf_id}"),
        json!({ "categories": ["circle"] }),
    )
    .await;
    let after = app.list("/api/v1/cases", &yusuf, "cases").await;
    assert_eq!(after[0]["members"].as_array().unwrap().len(), 6);
}

#[tokio::test]
async fn only_the_participant_decides_what_family_sees() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let path = format!("/api/v1/cases/{case_a}/consents/{marleen_id}");
    let body = json!({ "categories": ["trajectory"] });
    for (name, status, code) in [
        ("lotte", StatusCode::FORBIDDEN, "not_permitted"),
        ("marleen", StatusCode::FORBIDDEN, "not_permitted"),
        ("pieter", StatusCode::NOT_FOUND, "not_found"),
    ] {
        let token = app.token(name).await;
        assert_eq!(
            error_code(put(&app, &token, &path, body.clone()).await).await,
            (status, code.to_string()),
            "{name}"
        );
    }
    let sarah = app.token("sarah").await;
    let lotte_id = app.user_id("lotte").await;
    let not_family = put(
        &app,
        &sarah,
        &format!("/api/v1/cases/{case_a}/consents/{lotte_id}"),
        body,
    )
    .await;
    assert_eq!(error_code(not_family).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_worker_limit_for_a_childs_safety_overrides_the_share_and_the_participant_reads_why() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let ahmed = app.token("ahmed").await;
    let path = format!("/api/v1/cases/{case_a}/restrictions/{marleen_id}");
    let no_reason = put(&app, &ahmed, &path, json!({ "reason": " " })).await;
    assert_eq!(
        error_code(no_reason).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".to_string())
    );
    let limited = put(
        &app,
        &ahmed,
        &path,
        json!({ "reason": "Tot de zitting van de jeugdrechter op 10 januari." }),
    )
    .await;
    assert_eq!(limited.status(), StatusCode::OK);

    let sarah = app.token("sarah").await;
    let sharing: Value = app
        .get(&format!("/api/v1/cases/{case_a}/consents"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let marleen = sharing["family"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["display_name"] == "Marleen")
        .unwrap()
        .clone();
    assert_eq!(
        marleen["shared"],
        json!(["reunification", "appointments"]),
        "the participant's choice is kept"
    );
    assert_eq!(marleen["restrictions"][0]["restricted_by"], "Ahmed");
    assert!(marleen["restrictions"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("jeugdrechter"));

    let lift = app
        .http
        .delete(app.url(&path))
        .bearer_auth(&ahmed)
        .send()
        .await
        .unwrap();
    assert_eq!(lift.status(), StatusCode::NO_CONTENT);
    let sarah_view: Value = app
        .get(&format!("/api/v1/cases/{case_a}/consents"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    assert!(sarah_view["family"][0]["restrictions"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn every_change_of_sharing_is_in_the_participants_history() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let sarah = app.token("sarah").await;
    put(
        &app,
        &sarah,
        &format!("/api/v1/cases/{case_a}/consents/{marleen_id}"),
        json!({ "categories": [] }),
    )
    .await;
    let log: Value = app
        .get(&format!("/api/v1/cases/{case_a}/access-log"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let change = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "sharing_changed")
        .expect("recorded");
    assert_eq!(change["actor_name"], "Sarah");
}

#[tokio::test]
async fn the_participant_unticks_a_share_on_the_sharing_page() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let sarah = app.web_session("sarah").await;
    let page = app
        .page(&format!("/cases/{case_a}/sharing"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("id=\"share-{marleen_id}-reunification\"")));
    let response = app
        .http
        .post(app.url(&format!("/cases/{case_a}/sharing/{marleen_id}")))
        .header(header::COOKIE, &sarah)
        .form(&[("share_appointments", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[header::LOCATION], format!("/cases/{case_a}/sharing"));
    let shared: Vec<String> = sqlx::query_scalar("SELECT category FROM consents WHERE family_user_id = $1")
        .bind(marleen_id)
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(shared, ["appointments"]);
}

#[tokio::test]
async fn every_category_on_the_sharing_page_can_be_ticked_and_works_including_plans() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let sarah = app.web_session("sarah").await;
    let page = app
        .page(&format!("/cases/{case_a}/sharing"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    let boxes: Vec<String> = page
        .split("name=\"share_")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect();
    assert!(boxes.contains(&"plans".to_string()), "plans is offered: {boxes:?}");
    let ticked: Vec<(String, &str)> = boxes.iter().map(|c| (format!("share_{c}"), "on")).collect();
    let response = app
        .http
        .post(app.url(&format!("/cases/{case_a}/sharing/{marleen_id}")))
        .header(header::COOKIE, &sarah)
        .form(&ticked)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let mut shared: Vec<String> = sqlx::query_scalar("SELECT category FROM consents WHERE family_user_id = $1")
        .bind(marleen_id)
        .fetch_all(&app.db)
        .await
        .unwrap();
    shared.sort();
    let mut offered = boxes.clone();
    offered.sort();
    offered.dedup();
    assert_eq!(shared, offered, "every ticked box is a share");
    let marleen = app.token("marleen").await;
    let plans = app.get(&format!("/api/v1/cases/{case_a}/plans"), &marleen).await;
    assert_eq!(plans.status(), reqwest::StatusCode::OK);
}
