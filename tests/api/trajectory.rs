use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn milestones(app: &TestApp, username: &str, case_id: i64) -> reqwest::Response {
    let token = app.token(username).await;
    app.get(&format!("/api/v1/cases/{case_id}/milestones"), &token).await
}

#[tokio::test]
async fn a_participant_reads_her_trajectory_with_every_change_and_its_reason() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let response = milestones(&app, "sarah", case_a).await;
    assert_eq!(response.status(), StatusCode::OK);
    let trajectory: Value = response.json().await.unwrap();
    assert_eq!(trajectory["phase"], "conditional_release");
    let list = trajectory["milestones"].as_array().unwrap();
    assert_eq!(list.len(), 4);
    let dates: Vec<&str> = list.iter().filter_map(|m| m["expected_date"].as_str()).collect();
    assert_eq!(
        dates,
        ["2026-10-05", "2026-12-15", "2027-02-01"],
        "by date, undated last"
    );
    assert_eq!(
        list[3]["phase"], "after_care",
        "guidance after release is part of the path"
    );
    let moved = &list[1]["history"][0];
    assert_eq!(
        (moved["field"].as_str(), moved["old_value"].as_str()),
        (Some("expected_date"), Some("2026-11-20"))
    );
    assert!(moved["reason"].as_str().unwrap().contains("verplaatst"));
}

#[tokio::test]
async fn a_family_member_without_the_trajectory_share_is_told_it_is_not_shared() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let (status, code) = error_code(milestones(&app, "marleen", case_a).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "not_shared"));
}

#[tokio::test]
async fn someone_outside_the_circle_cannot_tell_that_the_case_exists() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    for name in ["pieter", "youssef", "coordinator"] {
        let (status, code) = error_code(milestones(&app, name, case_a).await).await;
        assert_eq!((status, code.as_str()), (StatusCode::NOT_FOUND, "not_found"), "{name}");
    }
    let (status, _) = error_code(milestones(&app, "sarah", 999_999).await).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a case that does not exist looks the same"
    );
}

#[tokio::test]
async fn a_worker_adds_a_milestone_and_the_participant_sees_it_as_her_next_step() {
    let app = TestApp::spawn().await;
    let case_b = app.case_of("Youssef").await;
    let pieter = app.token("pieter").await;
    let new = json!({
        "phase": "leave", "title": "Eerste bezoek thuis", "explanation": "Een namiddag thuis bij Hanane.",
        "decided_by": "De gevangenisdirecteur", "expected_date": "2026-12-20"
    });
    let response = app
        .post_json(&format!("/api/v1/cases/{case_b}/milestones"), Some(&pieter), new)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    assert_eq!(created["status"], "planned");

    let cases = app.list("/api/v1/cases", &app.token("youssef").await, "cases").await;
    assert_eq!(cases[0]["next_step"]["title"], "Eerste bezoek thuis");
    let actor = app.user_id("pieter").await;
    assert_eq!(app.audit_count("milestone_created", actor).await, 1);
}

/// Sarah's case, Lotte's token and the id of the evaluation milestone (dated 2026-12-15).
async fn the_evaluation_milestone(app: &TestApp) -> (i64, String, i64) {
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let id = sqlx::query_scalar("SELECT id FROM milestones WHERE title = 'Evaluatie van je voorwaarden'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    (case_a, lotte, id)
}

#[tokio::test]
async fn changing_a_milestone_date_without_a_reason_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (case_a, lotte, id) = the_evaluation_milestone(&app).await;
    let path = format!("/api/v1/cases/{case_a}/milestones/{id}");
    let no_reason = app
        .http
        .patch(app.url(&path))
        .bearer_auth(&lotte)
        .json(&json!({ "expected_date": "2027-01-20" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(no_reason).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".to_string())
    );
    let blank = app
        .http
        .patch(app.url(&path))
        .bearer_auth(&lotte)
        .json(&json!({ "status": "postponed", "reason": "  " }))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(blank).await.1, "reason_required");

    let unchanged: Value = app
        .get(&format!("/api/v1/cases/{case_a}/milestones"), &lotte)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unchanged["milestones"][1]["expected_date"], "2026-12-15");
    assert_eq!(unchanged["milestones"][1]["history"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_postponement_with_a_reason_is_kept_in_the_history() {
    let app = TestApp::spawn().await;
    let (case_a, lotte, id) = the_evaluation_milestone(&app).await;
    let change =
        json!({ "status": "postponed", "expected_date": "2027-01-20", "reason": "Het verslag is nog niet klaar." });
    let response = app
        .http
        .patch(app.url(&format!("/api/v1/cases/{case_a}/milestones/{id}")))
        .bearer_auth(&lotte)
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(
        (updated["status"].as_str(), updated["expected_date"].as_str()),
        (Some("postponed"), Some("2027-01-20"))
    );
    let history = updated["history"].as_array().unwrap();
    assert_eq!(history.len(), 3, "the earlier move, then status and date");
    assert!(history[1..]
        .iter()
        .all(|c| c["reason"] == "Het verslag is nog niet klaar." && c["changed_by"] == "Lotte"));
}

#[tokio::test]
async fn participants_and_family_cannot_change_the_trajectory() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let new = json!({ "phase": "leave", "title": "X", "explanation": "Y", "decided_by": "Z" });
    for name in ["sarah", "marleen"] {
        let token = app.token(name).await;
        let response = app
            .post_json(&format!("/api/v1/cases/{case_a}/milestones"), Some(&token), new.clone())
            .await;
        assert_eq!(
            error_code(response).await,
            (StatusCode::FORBIDDEN, "not_permitted".to_string()),
            "{name}"
        );
    }
}

#[tokio::test]
async fn an_impossible_date_is_refused_with_a_clear_code() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let new =
        json!({ "phase": "leave", "title": "X", "explanation": "Y", "decided_by": "Z", "expected_date": "2027-02-30" });
    let response = app
        .post_json(&format!("/api/v1/cases/{case_a}/milestones"), Some(&lotte), new)
        .await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string())
    );
}

#[tokio::test]
async fn the_timeline_page_shows_the_participant_her_path_and_a_worker_the_forms() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.web_session("sarah").await;
    let page = app.page(&format!("/cases/{case_a}/trajectory"), Some(&sarah)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Jouw traject") && html.contains("Evaluatie van je voorwaarden"));
    assert!(
        html.contains("De rechtbank heeft de zitting verplaatst"),
        "the reason is shown"
    );
    // Her only forms are her responses under the milestones; none of the worker's.
    let actions: Vec<&str> = html
        .split("action=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|action| action.starts_with("/cases/"))
        .collect();
    assert!(!actions.is_empty());
    assert!(
        actions.iter().all(|action| action.ends_with("/responses")),
        "no worker forms for the participant: {actions:?}"
    );

    let home = app.page("/", Some(&sarah)).await.text().await.unwrap();
    assert!(home.contains("Je volgende stap") && home.contains("Evaluatie van je voorwaarden"));

    let lotte = app.web_session("lotte").await;
    let worker_page = app
        .page(&format!("/cases/{case_a}/trajectory"), Some(&lotte))
        .await
        .text()
        .await
        .unwrap();
    assert!(worker_page.contains(&format!("action=\"/cases/{case_a}/milestones\"")));
}

#[tokio::test]
async fn a_worker_changes_a_milestone_through_the_page_and_is_asked_for_a_reason() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.web_session("lotte").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE title = 'Evaluatie van je voorwaarden'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let path = format!("/cases/{case_a}/milestones/{id}");
    let fields = [("status", "postponed"), ("expected_date", "2026-12-15"), ("reason", "")];
    let (shown_again, _, page) = app.refused_form_shown_again(&path, &lotte, &fields).await;
    assert_eq!(
        shown_again,
        format!("/cases/{case_a}/trajectory?error=reason_required#change-{id}")
    );
    // The date she chose is not lost: the form opens again with it, the error at the reason.
    let form = &page[page.find(&format!(r#"id="change-{id}""#)).expect("the form")..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(form.contains(r#"value="2026-12-15""#), "{form}");
    assert!(form.contains(r#"value="postponed" selected"#), "{form}");
    assert!(
        form.contains(r#"aria-invalid="true" autofocus"#) && form.contains("Schrijf kort waarom."),
        "{form}"
    );
    let details = &page[..page.find(&format!(r#"id="change-{id}""#)).unwrap()];
    let disclosure = &details[details.rfind("<details").unwrap()..];
    assert!(
        disclosure[..disclosure.find('>').unwrap()].contains(" open"),
        "the form is open: {disclosure}"
    );
    let with = app
        .http
        .post(app.url(&path))
        .header(reqwest::header::COOKIE, &lotte)
        .form(&[
            ("status", "postponed"),
            ("expected_date", "2026-12-15"),
            ("reason", "Lotte is ziek."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        with.headers()["location"],
        format!("/cases/{case_a}/trajectory?saved=change-{id}#milestone-{id}")
    );
}

#[tokio::test]
async fn the_timeline_page_of_a_case_you_are_not_in_answers_not_found() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let pieter = app.web_session("pieter").await;
    let page = app.page(&format!("/cases/{case_a}/trajectory"), Some(&pieter)).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(!page.text().await.unwrap().contains("Evaluatie"));
}

#[tokio::test]
async fn the_home_page_flags_a_next_step_whose_date_moved_since_she_last_looked() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let lotte = app.web_session("lotte").await;
    let next: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE title = 'Evaluatie van je voorwaarden'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let flag = "New date since you last looked";
    assert!(!app.page_text("/", &sarah).await.contains(flag), "nothing moved");

    // Looks are kept to the second: the move comes in a later second than her look, and
    // her next look in a later one again.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let fields = [
        ("status", "planned"),
        ("expected_date", "2027-01-12"),
        ("reason", "De rechtbank verzet de zitting."),
    ];
    let moved = app
        .form(&format!("/cases/{case}/milestones/{next}"), &lotte, &fields)
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);

    let home = app.page_text("/", &sarah).await;
    assert!(
        home.contains(&format!("{flag} (was: 15\u{a0}December\u{a0}2026)")),
        "{home}"
    );
    assert!(home.contains("12\u{a0}January\u{a0}2027"));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(!app.page_text("/", &sarah).await.contains(flag), "she has seen it now");
}

#[tokio::test]
async fn a_milestone_carries_the_language_it_was_written_in_and_keeps_its_direction_on_an_arabic_page() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let new = json!({
        "phase": "after_care", "title": "Rendez-vous au CPAS", "explanation": "Pour le revenu.",
        "decided_by": "Le CPAS", "expected_date": null, "status": null, "lang": "fr"
    });
    let added = app
        .post_json(&format!("/api/v1/cases/{case}/milestones"), Some(&lotte), new)
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    assert_eq!(added.json::<Value>().await.unwrap()["lang"], "fr");

    let sarah = format!("{}; brug_lang=ar", app.web_session("sarah").await);
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &sarah).await;
    // The demo's Dutch texts and Lotte's French one, each in its own language and
    // direction; the page's own words in Arabic.
    assert!(page.contains(r#"lang="nl" dir="auto""#), "Dutch content is marked");
    let french = &page[..page.find("Rendez-vous au CPAS").unwrap()];
    assert!(french[french.rfind("<div").unwrap()..].contains(r#"lang="fr" dir="auto""#));
    assert!(page.contains(r#"<dt lang="ar" dir="rtl">"#), "the labels stay Arabic");
}
