//! Appointments change honestly: a worker moves one or calls it off with a reason, the
//! participant says she cannot come with hers, and the people who see appointments read
//! every change.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn first_appointment(app: &TestApp, token: &str, case: i64) -> Value {
    let list: Value = success(app.get(&format!("/api/v1/cases/{case}/appointments"), token).await).await;
    list["appointments"][0].clone()
}

#[tokio::test]
async fn lotte_moves_one_appointment_and_calls_off_another_and_marleen_reads_both_with_their_reasons() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    let list: Value = success(app.get(&format!("/api/v1/cases/{case}/appointments"), &lotte).await).await;
    let appointments = list["appointments"].as_array().unwrap();
    assert!(appointments.len() >= 2, "the demo has two appointments for Sarah");
    let (moved, called_off) = (
        appointments[0]["id"].as_i64().unwrap(),
        appointments[1]["id"].as_i64().unwrap(),
    );
    let old_time = appointments[0]["starts_at"].as_str().unwrap().to_string();

    let path = format!("/api/v1/cases/{case}/appointments/{moved}");
    let without_reason = app
        .call(
            Method::PATCH,
            &path,
            &lotte,
            Some(json!({ "starts_at": "2031-03-04T09:30" })),
        )
        .await;
    assert_eq!(
        error_code(without_reason).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    let answer = app
        .call(
            Method::PATCH,
            &path,
            &lotte,
            Some(json!({ "starts_at": "2031-03-04T09:30", "place": "Justitiehuis Gent", "reason": "The room is being renovated" })),
        )
        .await;
    let after: Value = success(answer).await;
    assert_eq!(after["starts_at"], "2031-03-04T09:30");
    assert_eq!(after["history"][0]["kind"], "moved");
    assert_eq!(after["history"][0]["old_starts_at"], old_time.as_str());

    let cancel = format!("/api/v1/cases/{case}/appointments/{called_off}/cancel");
    let cancelled: Value = success(
        app.post_json(&cancel, Some(&lotte), json!({ "reason": "Lotte is ill" }))
            .await,
    )
    .await;
    assert_eq!(cancelled["cancelled"], true);
    assert_eq!(
        error_code(app.post_json(&cancel, Some(&lotte), json!({ "reason": "Again" })).await).await,
        (StatusCode::CONFLICT, "appointment_cancelled".into())
    );

    // Marleen (appointments shared) reads both changes and why.
    let marleen = app.token("marleen").await;
    let seen: Value = success(app.get(&format!("/api/v1/cases/{case}/appointments"), &marleen).await).await;
    let find = |id: i64| {
        seen["appointments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .expect("the appointment")
    };
    assert_eq!(find(moved)["history"][0]["reason"], "The room is being renovated");
    assert_eq!(find(moved)["history"][0]["new_place"], "Justitiehuis Gent");
    assert_eq!(find(called_off)["cancelled"], true);
    assert_eq!(find(called_off)["history"][0]["reason"], "Lotte is ill");
    // Her phone's changes feed names both; the calendar file says it is called off.
    let changes: Value = success(
        app.get(&format!("/api/v1/cases/{case}/changes?since=0"), &marleen)
            .await,
    )
    .await;
    let changed: Vec<i64> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["object_type"] == "appointment" && c["change"] == "changed")
        .filter_map(|c| c["object_id"].as_i64())
        .collect();
    assert!(changed.contains(&moved) && changed.contains(&called_off), "{changes}");
    let calendar = app
        .get(
            &format!("/api/v1/cases/{case}/appointments/{called_off}/calendar.ics"),
            &marleen,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        calendar.contains("STATUS:CANCELLED") && calendar.contains("SEQUENCE:1"),
        "{calendar}"
    );
    // A called-off appointment is no longer among the upcoming ones on the home page.
    let home = app
        .page("/", Some(&app.web_session("marleen").await))
        .await
        .text()
        .await
        .unwrap();
    let upcoming = |id: i64| format!(r#"dir="auto">{}</span>"#, find(id)["purpose"].as_str().unwrap());
    assert!(home.contains(&upcoming(moved)), "{home}");
    assert!(!home.contains(&upcoming(called_off)), "{home}");
}

#[tokio::test]
async fn sarah_says_she_cannot_come_and_lotte_reads_why() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    let appointment = first_appointment(&app, &sarah, case).await;
    let id = appointment["id"].as_i64().unwrap();
    let path = format!("/api/v1/cases/{case}/appointments/{id}/cannot-come");
    assert_eq!(
        error_code(app.post_json(&path, Some(&sarah), json!({ "reason": "" })).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    let answered: Value = success(
        app.post_json(
            &path,
            Some(&sarah),
            json!({ "reason": "My son has a school play then" }),
        )
        .await,
    )
    .await;
    assert_eq!(answered["history"][0]["kind"], "cannot_come");
    assert_eq!(
        answered["cancelled"], false,
        "she says so; the worker decides what happens"
    );

    let lotte = app.token("lotte").await;
    let seen = first_appointment(&app, &lotte, case).await;
    assert_eq!(seen["history"][0]["reason"], "My son has a school play then");
    assert_eq!(seen["history"][0]["changed_by"], "Sarah");
    // Only the participant says this; a worker moves or cancels instead.
    assert_eq!(
        error_code(app.post_json(&path, Some(&lotte), json!({ "reason": "x" })).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
}

#[tokio::test]
async fn on_the_page_without_javascript_lotte_moves_an_appointment_and_sarah_answers_one() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let id = first_appointment(&app, &sarah, case).await["id"].as_i64().unwrap();
    let lotte_page = app.web_session("lotte").await;
    let moved = app
        .form(
            &format!("/cases/{case}/appointments/{id}"),
            &lotte_page,
            &[
                ("starts_at", "2031-03-04T09:30"),
                ("place", "Justitiehuis Gent"),
                ("reason", "Renovation"),
            ],
        )
        .await;
    assert_eq!(
        moved.headers()["location"],
        format!("/cases/{case}/appointments?saved=move-{id}#appointment-{id}").as_str()
    );
    let sarah_page = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let answered = app
        .form(
            &format!("/cases/{case}/appointments/{id}/cannot-come"),
            &sarah_page,
            &[("reason", "School play")],
        )
        .await;
    let confirmed = answered.headers()["location"].to_str().unwrap().to_string();
    assert!(confirmed.ends_with(&format!("?saved=cannot-come-{id}#appointment-{id}")));
    let card = app.page_text(&confirmed, &sarah_page).await;
    let card = &card[card.find(&format!(r#"id="appointment-{id}""#)).unwrap()..];
    assert!(
        card[..card.find("</li>").unwrap()].contains(r#"<p role="status" class="notice">Saved.</p>"#),
        "the confirmation sits on the card she answered"
    );
    let page = app
        .page(&format!("/cases/{case}/appointments"), Some(&sarah_page))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Reason: Renovation") && page.contains("Reason: School play"),
        "{page}"
    );
    assert!(page.contains("I can&#x27;t make it") || page.contains("I can't make it"));
}

#[tokio::test]
async fn a_refused_move_or_answer_comes_back_with_what_was_typed_and_the_error_at_the_reason() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let id = first_appointment(&app, &app.token("sarah").await, case).await["id"]
        .as_i64()
        .unwrap();
    let lotte = app.web_session("lotte").await;
    let fields = [
        ("starts_at", "2031-05-06T11:15"),
        ("place", "Justitiehuis Mechelen"),
        ("reason", ""),
    ];
    let (location, _, page) = app
        .refused_form_shown_again(&format!("/cases/{case}/appointments/{id}"), &lotte, &fields)
        .await;
    assert!(location.ends_with(&format!("#move-{id}")), "{location}");
    let form = &page[page.find(&format!(r#"id="move-{id}""#)).unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        form.contains(r#"value="2031-05-06T11:15""#) && form.contains(r#"value="Justitiehuis Mechelen""#),
        "{form}"
    );
    let reason = &form[form.find(&format!(r#"id="move-reason-{id}""#)).unwrap()..];
    assert!(
        reason[..reason.find('>').unwrap()].contains("autofocus"),
        "focus on the reason: {reason}"
    );
    assert!(
        form.contains(r#"class="form-error">"#) && !form.contains(r#"class="form-error"></p>"#),
        "the error is in the form: {form}"
    );

    let sarah = app.web_session("sarah").await;
    let typed = "x".repeat(1001);
    let (location, _, page) = app
        .refused_form_shown_again(
            &format!("/cases/{case}/appointments/{id}/cannot-come"),
            &sarah,
            &[("reason", &typed)],
        )
        .await;
    assert!(location.ends_with(&format!("#cannot-come-{id}")), "{location}");
    let form = &page[page.find(&format!(r#"id="cannot-come-{id}""#)).unwrap()..];
    assert!(form[..form.find("</form>").unwrap()].contains(&format!(">{typed}</textarea>")));
}

#[tokio::test]
async fn the_home_page_flags_an_appointment_moved_since_the_reader_last_looked() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let marleen = format!("{}; brug_lang=en", app.web_session("marleen").await);
    let appointment = first_appointment(&app, &app.token("sarah").await, case).await;
    let (id, was) = (
        appointment["id"].as_i64().unwrap(),
        appointment["starts_at"].as_str().unwrap().to_string(),
    );
    let flag = "New date since you last looked";
    assert!(!app.page_text("/", &marleen).await.contains(flag), "nothing moved");

    // Looks are kept to the second: the move comes in a later second than her look.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let update = json!({ "starts_at": "2031-06-02T10:00", "reason": "The room is taken." });
    let path = format!("/api/v1/cases/{case}/appointments/{id}");
    success(
        app.call(Method::PATCH, &path, &app.token("lotte").await, Some(update))
            .await,
    )
    .await;

    let home = app.page_text("/", &marleen).await;
    let upcoming = &home[home.find(r#"class="upcoming""#).unwrap()..];
    let line = &upcoming[upcoming.find("2\u{a0}June\u{a0}2031").expect("the new time")..];
    let line = &line[..line.find("</li>").unwrap()];
    // The old time, written out: "(was: 18 December 2026, 09:30)".
    let (date, time) = was.split_once('T').unwrap();
    let day = date[8..].trim_start_matches('0');
    let was_shown = &line[line.find(&format!("{flag} (was: ")).expect("flagged")..];
    assert!(
        was_shown.contains(&format!("{day}\u{a0}")) && was_shown.contains(time),
        "{line}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(
        !app.page_text("/", &marleen).await.contains(flag),
        "she has seen it now"
    );
}
