//! Case conferences: the participant's input before the date, decisions with what they
//! mean for her, her responses; family read them only with the plans share.

use integration::{error_code, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn sarah_writes_input_before_the_conference_reads_the_decisions_and_responds() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    let base = format!("/api/v1/cases/{case}/conferences");

    // The conference is tomorrow, by the server's clock.
    let tomorrow: String = app::accounts::format_time(app.clock.now() + 86_400)
        .chars()
        .take(10)
        .collect();
    let body = json!({ "held_on": tomorrow, "participants": "Lotte, Ahmed, de school" });
    let created = app.post_json(&base, Some(&lotte), body).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let conference: Value = created.json().await.unwrap();
    assert_eq!(conference["input_open"], true);
    let one = format!("{base}/{}", conference["id"]);

    let input = |text: &str| {
        app.http
            .request(Method::PUT, app.url(&format!("{one}/input")))
            .bearer_auth(&sarah)
            .json(&json!({ "body": text }))
            .send()
    };
    assert_eq!(
        input("Ik wil over mijn opleiding praten.").await.unwrap().status(),
        StatusCode::OK
    );
    let rewritten: Value = input("Ik wil over mijn opleiding en mijn kinderen praten.")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        rewritten["input"]["body"],
        "Ik wil over mijn opleiding en mijn kinderen praten."
    );

    let decision =
        json!({ "decision": "De opleiding start in maart.", "meaning_for_you": "Je kunt in maart beginnen." });
    let recorded: Value = app
        .post_json(&format!("{one}/decisions"), Some(&lotte), decision)
        .await
        .json()
        .await
        .unwrap();
    let decision_id = recorded["decisions"][0]["id"].as_i64().unwrap();
    assert_eq!(
        recorded["decisions"][0]["meaning_for_you"],
        "Je kunt in maart beginnen."
    );
    let by_sarah = app
        .post_json(
            &format!("{one}/decisions"),
            Some(&sarah),
            json!({ "decision": "x", "meaning_for_you": "y" }),
        )
        .await;
    assert_eq!(
        error_code(by_sarah).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );

    let response = json!({ "body": "Fijn, maar ik heb een laptop nodig." });
    let answered = app
        .post_json(
            &format!("{one}/decisions/{decision_id}/responses"),
            Some(&sarah),
            response,
        )
        .await;
    assert_eq!(answered.status(), StatusCode::CREATED);
    let seen: Value = app.get(&one, &lotte).await.json().await.unwrap();
    assert_eq!(
        seen["decisions"][0]["responses"][0]["body"],
        "Fijn, maar ik heb een laptop nodig."
    );
    assert_eq!(
        seen["input"]["body"],
        "Ik wil over mijn opleiding en mijn kinderen praten."
    );
    let empty = app
        .post_json(
            &format!("{one}/decisions/{decision_id}/responses"),
            Some(&sarah),
            json!({ "body": " " }),
        )
        .await;
    assert_eq!(
        error_code(empty).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );

    // After the day of the conference her input is on record and no longer changes.
    app.clock.advance(2 * 86_400);
    let late = input("Nog iets.").await.unwrap();
    assert_eq!(error_code(late).await, (StatusCode::CONFLICT, "conference_held".into()));
    let after: Value = app.get(&one, &sarah).await.json().await.unwrap();
    assert_eq!(after["input_open"], false);
    assert_eq!(
        after["input"]["body"],
        "Ik wil over mijn opleiding en mijn kinderen praten."
    );
}

#[tokio::test]
async fn family_read_the_conferences_only_when_plans_are_shared() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let case = app.case_of("Sarah").await;
    let list = format!("/api/v1/cases/{case}/conferences");
    assert_eq!(
        error_code(app.get(&list, &marleen).await).await,
        (StatusCode::FORBIDDEN, "not_shared".into())
    );
    let demo: Value = app.get(&list, &sarah).await.json().await.unwrap();
    let conferences = demo["conferences"].as_array().unwrap();
    assert_eq!(conferences.len(), 2, "the demo has one past and one coming conference");
    assert_eq!(conferences[0]["input_open"], true, "newest first: the coming one");
    assert_eq!(conferences[1]["decisions"].as_array().unwrap().len(), 2);

    let marleen_id = app.user_id("marleen").await;
    let share = json!({ "categories": ["reunification", "appointments", "plans"] });
    let shared = app
        .http
        .put(app.url(&format!("/api/v1/cases/{case}/consents/{marleen_id}")))
        .bearer_auth(&sarah)
        .json(&share)
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), StatusCode::OK);
    let read: Value = app.get(&list, &marleen).await.json().await.unwrap();
    assert_eq!(read["conferences"].as_array().unwrap().len(), 2);
    let id = conferences[0]["id"].as_i64().unwrap();
    let by_mother = app
        .http
        .put(app.url(&format!("{list}/{id}/input")))
        .bearer_auth(&marleen)
        .json(&json!({ "body": "Ik wil ook iets zeggen." }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(by_mother).await,
        (StatusCode::FORBIDDEN, "not_permitted".into()),
        "the input is Sarah's own"
    );
}

#[tokio::test]
async fn conferences_are_listed_by_their_date_and_two_inputs_at_once_both_succeed() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    let list = format!("/api/v1/cases/{case}/conferences");

    // Recorded last, but held long before the demo's two.
    let earlier = json!({ "held_on": "2020-05-04", "participants": "Lotte" });
    let created = app.post_json(&list, Some(&lotte), earlier).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let all: Value = app.get(&list, &sarah).await.json().await.unwrap();
    let dates: Vec<String> = all["conferences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["held_on"].as_str().unwrap().to_string())
        .collect();
    let mut latest_first = dates.clone();
    latest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, latest_first);
    assert_eq!(dates.last().map(String::as_str), Some("2020-05-04"));

    let mut paged = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let path = match &next {
            Some(cursor) => format!("{list}?limit=1&after={cursor}"),
            None => format!("{list}?limit=1"),
        };
        let page: Value = app.get(&path, &sarah).await.json().await.unwrap();
        paged.extend(
            page["conferences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["held_on"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(cursor) => next = Some(cursor.to_string()),
            None => break,
        }
    }
    assert_eq!(paged, dates, "page by page, the same order and nothing twice");
    let old_cursor = app.get(&format!("{list}?after=12"), &sarah).await;
    assert_eq!(
        error_code(old_cursor).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor".into()),
        "a cursor that names no date is refused, not read as the end of the list"
    );

    let coming = all["conferences"][0]["id"].as_i64().unwrap();
    let input = |text: &'static str| {
        app.http
            .request(Method::PUT, app.url(&format!("{list}/{coming}/input")))
            .bearer_auth(&sarah)
            .json(&json!({ "body": text }))
            .send()
    };
    for _ in 0..5 {
        let (one, two) = tokio::join!(input("Van mijn telefoon."), input("Van de computer."));
        assert_eq!(one.unwrap().status(), StatusCode::OK);
        assert_eq!(two.unwrap().status(), StatusCode::OK);
    }
    let seen: Value = app.get(&format!("{list}/{coming}"), &sarah).await.json().await.unwrap();
    let body = seen["input"]["body"].as_str().unwrap();
    assert!(body == "Van mijn telefoon." || body == "Van de computer.");
}
