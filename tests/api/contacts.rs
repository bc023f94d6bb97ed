use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn contacts(app: &TestApp, case_id: i64, token: &str, query: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/cases/{case_id}/contacts{query}"), token)
        .await
}

#[tokio::test]
async fn the_participant_sees_who_is_who_with_how_and_when_to_reach_them() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let response = contacts(&app, case_a, &sarah, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    let data: Value = response.json().await.unwrap();
    let list = data["contacts"].as_array().unwrap();
    let lotte = list
        .iter()
        .find(|c| c["name"] == "Lotte")
        .expect("her justice assistant");
    assert_eq!(lotte["role"], "je justitieassistent");
    assert_eq!(lotte["member_user_id"], app.user_id("lotte").await);
    for field in [
        "why_involved",
        "decides",
        "phone",
        "office_hours",
        "languages",
        "stand_in",
    ] {
        assert!(!lotte[field].as_str().unwrap().is_empty(), "{field} is filled in");
    }
    let school = list
        .iter()
        .find(|c| c["kind"] == "school")
        .expect("a contact without an account");
    assert!(school["member_user_id"].is_null());
}

#[tokio::test]
async fn family_members_need_the_circle_share_and_outsiders_learn_nothing() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    for (who, expected) in [
        ("marleen", "not_shared"),
        ("yusuf", "not_shared"),
        ("pieter", "not_found"),
    ] {
        let token = app.token(who).await;
        let code = error_code(contacts(&app, case_a, &token, "").await).await.1;
        assert_eq!(code, expected, "{who}");
    }
    // Hanane shares Youssef's circle, so she sees his contacts.
    let case_b = app.case_of("Youssef").await;
    let hanane = app.token("hanane").await;
    assert_eq!(contacts(&app, case_b, &hanane, "").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_list_comes_in_pages_that_together_hold_every_contact_once() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let all: Value = contacts(&app, case_a, &sarah, "").await.json().await.unwrap();
    let all_ids: Vec<i64> = all["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert!(all_ids.len() > 3);
    assert!(all["next_cursor"].is_null());

    let mut seen = Vec::new();
    let mut query = "?limit=3".to_string();
    loop {
        let page: Value = contacts(&app, case_a, &sarah, &query).await.json().await.unwrap();
        let ids = page["contacts"].as_array().unwrap();
        assert!(ids.len() <= 3);
        seen.extend(ids.iter().map(|c| c["id"].as_i64().unwrap()));
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?limit=3&after={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, all_ids);
}

#[tokio::test]
async fn a_worker_adds_and_changes_a_contact_and_the_participant_sees_it_in_her_log() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let ahmed = app.token("ahmed").await;
    let new = json!({
        "kind": "service", "name": "Els", "organisation": "OCMW Antwerpen", "role": "je maatschappelijk werker",
        "why_involved": "Zij helpt met je leefloon.", "phone": "03 000 00 09"
    });
    let created = app
        .post_json(&format!("/api/v1/cases/{case_a}/contacts"), Some(&ahmed), new)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let changed = app
        .http
        .patch(app.url(&format!("/api/v1/cases/{case_a}/contacts/{id}")))
        .bearer_auth(&ahmed)
        .json(&json!({ "office_hours": "di 9:00–12:00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    let changed: Value = changed.json().await.unwrap();
    assert_eq!(changed["office_hours"], "di 9:00–12:00");
    assert_eq!(changed["phone"], "03 000 00 09", "fields left out stay as they were");

    let sarah = app.web_session("sarah").await;
    let log = app
        .page(&format!("/cases/{case_a}/access-log"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        log.contains("paste de contactgegevens aan"),
        "the change shows in who looked at my file"
    );
}

#[tokio::test]
async fn a_contact_without_a_name_or_reason_is_refused_and_only_workers_may_write() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let path = format!("/api/v1/cases/{case_a}/contacts");
    let blank = json!({ "kind": "school", "name": " ", "role": "juf", "why_involved": "school" });
    let refused = app.post_json(&path, Some(&lotte), blank).await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string())
    );
    let unknown_kind = json!({ "kind": "police", "name": "X", "role": "Y", "why_involved": "Z" });
    assert_eq!(
        app.post_json(&path, Some(&lotte), unknown_kind).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE case_id = $1 AND name = 'X'")
        .bind(case_a)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 0);

    let sarah = app.token("sarah").await;
    let valid = json!({ "kind": "school", "name": "Juf An", "role": "juf", "why_involved": "school" });
    let by_sarah = app.post_json(&path, Some(&sarah), valid).await;
    assert_eq!(
        error_code(by_sarah).await,
        (StatusCode::FORBIDDEN, "not_permitted".to_string())
    );
}

#[tokio::test]
async fn the_page_shows_a_worker_the_forms_and_saves_them_without_javascript() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.web_session("sarah").await;
    let page = app.page(&format!("/cases/{case_a}/contacts"), Some(&sarah)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Wie is wie") && html.contains("Basisschool De Linde"));
    assert!(
        html.contains("href=\"tel:030000001\""),
        "the phone number can be dialled"
    );
    assert!(!html.contains("/contacts/new"), "no worker forms for the participant");

    let lotte = app.web_session("lotte").await;
    let form = [
        ("kind", "employer"),
        ("name", "Greet"),
        ("role", "je nieuwe werkgever"),
        ("why_involved", ""),
    ];
    // Refused without why they are involved: the form comes back as Lotte filled it in.
    let (location, _, shown) = app
        .refused_form_shown_again(&format!("/cases/{case_a}/contacts/new"), &lotte, &form)
        .await;
    assert_eq!(
        location,
        format!("/cases/{case_a}/contacts?error=invalid_input#new-contact-form")
    );
    let again = &shown[shown.find(r#"id="new-contact-form""#).unwrap()..];
    let again = &again[..again.find("</form>").unwrap()];
    assert!(again.contains(r#"value="Greet""#) && again.contains(r#"value="je nieuwe werkgever""#));
    assert!(again.contains(r#"<option value="employer" selected"#), "{again}");
    let form = [
        ("kind", "employer"),
        ("name", "Greet"),
        ("role", "je nieuwe werkgever"),
        ("why_involved", "Werk"),
    ];
    let saved = app
        .http
        .post(app.url(&format!("/cases/{case_a}/contacts/new")))
        .header(reqwest::header::COOKIE, &lotte)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let html = app
        .page(&format!("/cases/{case_a}/contacts"), Some(&lotte))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("je nieuwe werkgever"));
}
