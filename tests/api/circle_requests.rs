//! Sarah shapes her circle: she asks for her aunt to be invited and for another buddy,
//! with her reasons; Lotte answers both (a no with its reason); Sarah reads the answers;
//! family members neither ask nor read, and an answer is given once.

use integration::{error_code, success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn sarah_asks_to_invite_her_aunt_and_for_another_buddy_and_lotte_answers_both() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let (sarah, lotte) = (app.token("sarah").await, app.token("lotte").await);
    let path = format!("/api/v1/cases/{case}/circle-requests");
    let invite = json!({ "kind": "invite", "about": "Mijn tante Fatima", "reason": "Zij helpt met de kinderen." });
    let invited: Value = success(app.post_json(&path, Some(&sarah), invite).await).await;
    assert_eq!(invited["status"], "open");
    let karim = app.user_id("karim").await;
    let replace =
        json!({ "kind": "replace_worker", "worker_user_id": karim, "reason": "Ik wil liever een vrouw als buddy." });
    let replaced: Value = success(app.post_json(&path, Some(&sarah), replace).await).await;
    assert_eq!(replaced["about"], "Karim");

    let pieter = app.user_id("pieter").await;
    let outsider = json!({ "kind": "replace_worker", "worker_user_id": pieter, "reason": "x" });
    assert_eq!(
        error_code(app.post_json(&path, Some(&sarah), outsider).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into()),
        "only a worker of her own case"
    );
    let no_reason = json!({ "kind": "invite", "about": "Buurvrouw", "reason": " " });
    assert_eq!(
        error_code(app.post_json(&path, Some(&sarah), no_reason).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );

    let answer = |id: &Value| format!("{path}/{}/answer", id["id"]);
    assert_eq!(
        error_code(
            app.post_json(&answer(&replaced), Some(&lotte), json!({ "accept": false }))
                .await
        )
        .await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into()),
        "a no needs its reason"
    );
    let no = json!({ "accept": false, "answer": "Er is nu geen andere buddy vrij; we kijken in januari opnieuw." });
    success(app.post_json(&answer(&replaced), Some(&lotte), no).await).await;
    let yes = json!({ "accept": true, "answer": "Ik maak een uitnodiging voor haar." });
    success(app.post_json(&answer(&invited), Some(&lotte), yes.clone()).await).await;
    assert_eq!(
        error_code(app.post_json(&answer(&invited), Some(&lotte), yes).await).await,
        (StatusCode::CONFLICT, "request_answered".into()),
        "answered once"
    );

    let listed: Value = success(app.get(&path, &sarah).await).await;
    let statuses: Vec<&str> = listed["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["declined", "accepted"], "newest first");
    assert_eq!(listed["requests"][0]["answered_by"], "Lotte");

    let page = app
        .page_text(
            &format!("/cases/{case}/circle-requests"),
            &format!("{}; brug_lang=en", app.web_session("sarah").await),
        )
        .await;
    assert!(page.contains("Requests about your circle") && page.contains("we kijken in januari opnieuw"));
    let for_lotte = app
        .page_text(
            &format!("/cases/{case}/circle-requests"),
            &app.web_session("lotte").await,
        )
        .await;
    assert!(
        for_lotte.contains("Vragen van Sarah over de kring"),
        "Lotte reads them as Sarah's"
    );

    let marleen = app.token("marleen").await;
    assert_eq!(
        error_code(app.get(&path, &marleen).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    let actions = app.access_log_actions(case, &sarah).await;
    assert!(actions.iter().any(|a| a == "circle_request_answered"), "{actions:?}");
}

#[tokio::test]
async fn an_invitation_request_that_also_names_a_worker_who_does_not_exist_is_taken_as_an_invitation() {
    // Found by fuzzing: the stray worker id failed on the foreign key (a 500).
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let path = format!("/api/v1/cases/{case}/circle-requests");
    let stray = json!({
        "kind": "invite", "about": "Mijn neef", "reason": "Hij komt vaak langs.", "worker_user_id": 999_999
    });
    let invited = app.post_json(&path, Some(&sarah), stray).await;
    assert_eq!(invited.status(), StatusCode::CREATED);
    assert_eq!(success(invited).await["about"], "Mijn neef");
}

#[tokio::test]
async fn on_the_page_sarah_asks_and_lotte_answers_without_javascript() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.web_session("sarah").await;
    let page = format!("/cases/{case}/circle-requests");
    let (location, _, shown) = app
        .refused_form_shown_again(
            &page,
            &sarah,
            &[("kind", "invite"), ("about", "Mijn tante Fatima"), ("reason", "")],
        )
        .await;
    assert!(location.ends_with("#ask"), "{location}");
    assert!(shown.contains(r#"value="Mijn tante Fatima""#), "what she typed is back");
    let asked = app
        .form(
            &page,
            &sarah,
            &[
                ("kind", "invite"),
                ("about", "Mijn tante Fatima"),
                ("reason", "Zij helpt mij."),
            ],
        )
        .await;
    let location = asked.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("?saved=ask#request-"), "{location}");
    let id = location.rsplit("request-").next().unwrap().to_string();

    let lotte = app.web_session("lotte").await;
    let html = app.page_text(&page, &lotte).await;
    assert!(html.contains(&format!(r#"action="{page}/{id}/answer""#)));
    let answered = app
        .form(
            &format!("{page}/{id}/answer"),
            &lotte,
            &[("accept", "1"), ("answer", "Ik nodig haar uit.")],
        )
        .await;
    assert_eq!(
        answered.headers()["location"].to_str().unwrap(),
        format!("{page}#request-{id}")
    );
    assert!(app.page_text(&page, &sarah).await.contains("Ik nodig haar uit."));
}
