//! Release without a gap: a checklist per case with an owner and a status per item that
//! she sees and comments on, the buddy's first meeting before the release date, and a
//! plan of its own for the first week.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn item<'a>(checklist: &'a Value, topic: &str) -> &'a Value {
    checklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["topic"] == topic)
        .expect("every topic is on the list")
}

async fn change(app: &TestApp, token: &str, case: i64, topic: &str, body: Value) -> reqwest::Response {
    app.call(
        Method::PUT,
        &format!("/api/v1/cases/{case}/release/items/{topic}"),
        token,
        Some(body),
    )
    .await
}

#[tokio::test]
async fn lotte_gives_each_item_an_owner_and_sarah_sees_how_it_stands_and_has_her_say() {
    let app = TestApp::spawn().await;
    let (case, lotte, sarah) = (
        app.case_of("Sarah").await,
        app.token("lotte").await,
        app.token("sarah").await,
    );
    let (lotte_id, sarah_id) = (app.user_id("lotte").await, app.user_id("sarah").await);
    let dated = app
        .call(
            Method::PUT,
            &format!("/api/v1/cases/{case}/release"),
            &lotte,
            Some(json!({ "release_on": "2030-03-02" })),
        )
        .await;
    assert_eq!(dated.status(), StatusCode::OK);
    let housing =
        json!({ "status": "in_progress", "owner_user_id": lotte_id, "note": "Sociaal verhuurkantoor gebeld." });
    assert_eq!(
        change(&app, &lotte, case, "housing", housing).await.status(),
        StatusCode::OK
    );
    let card = json!({ "status": "to_do", "owner_user_id": sarah_id });
    assert_eq!(
        change(&app, &lotte, case, "identity_card", card).await.status(),
        StatusCode::OK
    );
    // Marleen does not see Sarah's trajectory, so she cannot see to an item of it.
    let marleen_id = app.user_id("marleen").await;
    let to_marleen = json!({ "status": "to_do", "owner_user_id": marleen_id });
    assert_eq!(
        error_code(change(&app, &lotte, case, "bank_account", to_marleen).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string())
    );

    let checklist: Value = app
        .get(&format!("/api/v1/cases/{case}/release"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(checklist["release_on"], "2030-03-02");
    let topics: Vec<&str> = checklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["topic"].as_str().unwrap())
        .collect();
    assert_eq!(
        topics,
        [
            "identity_card",
            "housing",
            "income",
            "health_insurance",
            "gp",
            "bank_account",
            "phone",
            "first_appointments"
        ]
    );
    let housing = item(&checklist, "housing");
    assert_eq!(housing["status"], "in_progress");
    assert_eq!(housing["owner"], "Lotte (je justitieassistent)");
    assert_eq!(housing["notes"][0]["body"], "Sociaal verhuurkantoor gebeld.");
    assert_eq!(housing["notes"][0]["status"], "in_progress");
    assert_eq!(item(&checklist, "income")["status"], "to_do");

    // She asks under an item; she says how what she owns stands, and nothing else.
    let asked = app
        .post_json(
            &format!("/api/v1/cases/{case}/release/items/housing/comments"),
            Some(&sarah),
            json!({ "body": "Mag mijn dochter bij mij wonen?" }),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::CREATED);
    let done = json!({ "status": "done", "owner_user_id": sarah_id, "note": "Aangevraagd bij de gemeente." });
    let checklist = success(change(&app, &sarah, case, "identity_card", done).await).await;
    assert_eq!(item(&checklist, "identity_card")["status"], "done");
    assert_eq!(item(&checklist, "housing")["notes"][1]["author"], "Sarah");
    let not_hers = json!({ "status": "done", "owner_user_id": lotte_id });
    assert_eq!(
        error_code(change(&app, &sarah, case, "housing", not_hers).await)
            .await
            .1,
        "not_permitted"
    );
    let give_away = json!({ "status": "done", "owner_user_id": lotte_id });
    assert_eq!(
        error_code(change(&app, &sarah, case, "identity_card", give_away).await)
            .await
            .1,
        "not_permitted",
        "the owner does not hand an item on"
    );
    assert_eq!(
        error_code(
            change(
                &app,
                &lotte,
                case,
                "passport",
                json!({ "status": "done", "owner_user_id": null })
            )
            .await
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    // Who does not see her trajectory does not see the list; another case's worker not even that it is there.
    let marleen = app.token("marleen").await;
    assert_eq!(
        error_code(app.get(&format!("/api/v1/cases/{case}/release"), &marleen).await)
            .await
            .1,
        "not_shared"
    );
    let pieter = app.token("pieter").await;
    assert_eq!(
        app.get(&format!("/api/v1/cases/{case}/release"), &pieter)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let feed: Value = app
        .get(&format!("/api/v1/cases/{case}/changes?since=0"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        feed["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["category"] == "trajectory" && c["object_type"] == "release_item"),
        "the changes reach her phone: {feed}"
    );
    assert!(app
        .access_log_actions(case, &sarah)
        .await
        .iter()
        .any(|a| a.contains("release")));
}

#[tokio::test]
async fn the_buddy_meets_her_before_the_release_and_the_first_week_has_a_plan_of_its_own() {
    let app = TestApp::spawn().await;
    let (case, lotte, sarah) = (
        app.case_of("Sarah").await,
        app.token("lotte").await,
        app.token("sarah").await,
    );
    app.call(
        Method::PUT,
        &format!("/api/v1/cases/{case}/release"),
        &lotte,
        Some(json!({ "release_on": "2030-03-02" })),
    )
    .await;
    let meeting = |starts_at: &str| {
        json!({ "starts_at": starts_at, "duration_minutes": 60, "mode": "in_person",
                "place": "Gevangenis Antwerpen, bezoekzaal", "despite_preferences": true })
    };
    let path = format!("/api/v1/cases/{case}/release/buddy-meeting");
    assert_eq!(
        error_code(app.post_json(&path, Some(&lotte), meeting("2030-03-02T10:00")).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "meeting_after_release".to_string())
    );
    assert_eq!(
        error_code(app.post_json(&path, Some(&sarah), meeting("2030-02-20T10:00")).await)
            .await
            .1,
        "not_permitted"
    );
    let planned = app.post_json(&path, Some(&lotte), meeting("2030-02-20T10:00")).await;
    assert_eq!(planned.status(), StatusCode::CREATED);
    let checklist: Value = planned.json().await.unwrap();
    let appointment_id = checklist["buddy_meeting"]["appointment_id"].as_i64().unwrap();
    assert_eq!(checklist["buddy_meeting"]["starts_at"], "2030-02-20T10:00");
    let appointments = app
        .list(&format!("/api/v1/cases/{case}/appointments"), &sarah, "appointments")
        .await;
    let on_her_calendar = appointments
        .iter()
        .find(|a| a["id"] == appointment_id)
        .expect("on her calendar");
    assert!(on_her_calendar["with_whom"].as_str().unwrap().starts_with("Karim"));
    assert_eq!(
        error_code(app.post_json(&path, Some(&lotte), meeting("2030-02-21T10:00")).await).await,
        (StatusCode::CONFLICT, "buddy_meeting_planned".to_string())
    );
    // Youssef's case has no buddy yet.
    let (case_b, pieter) = (app.case_of("Youssef").await, app.token("pieter").await);
    assert_eq!(
        error_code(
            app.post_json(
                &format!("/api/v1/cases/{case_b}/release/buddy-meeting"),
                Some(&pieter),
                meeting("2030-02-20T10:00")
            )
            .await
        )
        .await,
        (StatusCode::CONFLICT, "no_buddy".to_string())
    );

    let plan: Value = app
        .post_json(
            &format!("/api/v1/cases/{case}/plans"),
            Some(&lotte),
            json!({ "kind": "first_week" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let checklist: Value = app
        .get(&format!("/api/v1/cases/{case}/release"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(checklist["first_week_plan_id"], plan["plan_id"]);
}

#[tokio::test]
async fn on_the_page_without_javascript_lotte_keeps_the_list_and_sarah_answers_under_an_item() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte = format!("{}; brug_lang=en", app.web_session("lotte").await);
    let page = app.page_text(&format!("/cases/{case}/release"), &lotte).await;
    assert!(page.contains("Identity card") && page.contains("Health insurance") && page.contains("GP"));
    assert!(page.contains("The release date is not known yet."));
    let base = format!("/cases/{case}/release");
    let saved = app.form(&base, &lotte, &[("release_on", "2030-03-02")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let lotte_id = app.user_id("lotte").await.to_string();
    let saved = app
        .form(
            &format!("{base}/items/income"),
            &lotte,
            &[
                ("status", "in_progress"),
                ("owner_user_id", &lotte_id),
                ("note", "Afspraak bij het OCMW."),
            ],
        )
        .await;
    assert_eq!(
        saved.headers()["location"],
        format!("{base}?saved=release#release-income")
    );
    let marleen_id = app.user_id("marleen").await.to_string();
    let (location, _, page) = app
        .refused_form_shown_again(
            &format!("{base}/items/phone"),
            &lotte,
            &[
                ("status", "to_do"),
                ("owner_user_id", &marleen_id),
                ("note", "Marleen regelt een simkaart."),
            ],
        )
        .await;
    assert!(location.ends_with("#release-phone"), "{location}");
    assert!(
        page.contains(">Marleen regelt een simkaart.</textarea>"),
        "what Lotte typed comes back"
    );

    let sarah = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let page = app.page_text(&base, &sarah).await;
    assert!(page.contains("Ready for your release"));
    assert!(page.contains("Expected home on 2\u{a0}March\u{a0}2030."));
    assert!(page.contains("Afspraak bij het OCMW."));
    let answered = app
        .form(
            &format!("{base}/items/income/comments"),
            &sarah,
            &[("body", "Ik heb mijn loonfiches niet.")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert!(app
        .page_text(&base, &lotte)
        .await
        .contains("Ik heb mijn loonfiches niet."));
    let trajectory = app.page_text(&format!("/cases/{case}/trajectory"), &sarah).await;
    assert!(
        trajectory.contains(&format!("href=\"/cases/{case}/release\"")),
        "linked from her trajectory"
    );
}
