//! Her own conditions: Sarah says what helps her be reached well and decides whether her
//! workers see it; Lotte sees it beside the appointment form, which refuses a time that
//! goes against it unless she plans it anyway; nobody outside the case sees anything.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn sarahs(shown: bool) -> Value {
    json!({
        "worker_gender": "woman",
        "interpreter_language": "",
        "day_parts": ["morning"],
        "times_note": "De kinderen komen om 15.30 uit school.",
        "contact_by": "message",
        "what_helps": "Eerst even rustig praten.",
        "what_to_avoid": "Gesprekken over de kinderen aan de telefoon.",
        "shown_to_workers": shown
    })
}

#[tokio::test]
async fn sarah_saves_what_helps_her_and_lotte_sees_it_beside_the_appointment_form_only_when_she_shows_it() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let empty: Value = success(app.get("/api/v1/me/preferences", &sarah).await).await;
    assert_eq!(
        empty["shown_to_workers"], false,
        "nobody sees anything until she says so"
    );

    success(
        app.call(Method::PUT, "/api/v1/me/preferences", &sarah, Some(sarahs(false)))
            .await,
    )
    .await;
    let read: Value = success(app.get("/api/v1/me/preferences", &sarah).await).await;
    assert_eq!(read["worker_gender"], "woman");
    assert_eq!(read["day_parts"], json!(["morning"]));

    let lotte = app.web_session("lotte").await;
    let page = format!("/cases/{case}/appointments");
    let hidden = app.page_text(&page, &lotte).await;
    assert!(!hidden.contains("Eerst even rustig praten."), "she has not shown it");

    success(
        app.call(Method::PUT, "/api/v1/me/preferences", &sarah, Some(sarahs(true)))
            .await,
    )
    .await;
    let shown = app.page_text(&page, &lotte).await;
    let card = &shown[shown.find(r#"class="card preferences-card""#).expect("beside the form")..];
    let card = &card[..card.find("</section>").unwrap()];
    assert!(card.contains("Sarah") && card.contains("Eerst even rustig praten.") && card.contains("een vrouw"));
    assert!(card.contains("voormiddag (voor 12 uur)"));
    let looked = app.access_log_actions(case, &sarah).await;
    assert!(!looked.is_empty());
    let log = app
        .page_text(
            &format!("/cases/{case}/access-log"),
            &format!("{}; brug_lang=en", app.web_session("sarah").await),
        )
        .await;
    assert!(log.contains("what helps you"), "her access log says Lotte looked at it");

    // Marleen (appointments shared) and Pieter (another case) never see it.
    let marleen = app.web_session("marleen").await;
    assert!(!app
        .page_text(&page, &marleen)
        .await
        .contains("Eerst even rustig praten."));
    let pieter = app.web_session("pieter").await;
    assert_eq!(app.page(&page, Some(&pieter)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        error_code(app.get("/api/v1/me/preferences", &app.token("lotte").await).await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into()),
        "workers have no preferences of their own here"
    );
}

#[tokio::test]
async fn an_appointment_at_a_time_that_goes_against_her_times_is_refused_unless_planned_anyway() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    success(
        app.call(Method::PUT, "/api/v1/me/preferences", &sarah, Some(sarahs(true)))
            .await,
    )
    .await;
    let lotte = app.token("lotte").await;
    let path = format!("/api/v1/cases/{case}/appointments");
    let at = |time: &str, anyway: bool| {
        json!({
            "starts_at": time, "duration_minutes": 60, "mode": "in_person", "place": "Justitiehuis",
            "with_whom": "Lotte", "purpose": "Gesprek", "despite_preferences": anyway
        })
    };
    assert_eq!(
        error_code(app.post_json(&path, Some(&lotte), at("2031-02-03T16:00", false)).await).await,
        (StatusCode::CONFLICT, "time_against_preferences".into())
    );
    assert_eq!(
        app.post_json(&path, Some(&lotte), at("2031-02-03T09:30", false))
            .await
            .status(),
        StatusCode::CREATED
    );
    assert_eq!(
        app.post_json(&path, Some(&lotte), at("2031-02-03T16:00", true))
            .await
            .status(),
        StatusCode::CREATED
    );

    // On the page: the time comes back with the reason and a box to plan it anyway.
    let session = app.web_session("lotte").await;
    let fields = [
        ("starts_at", "2031-02-10T18:00"),
        ("duration_minutes", "45"),
        ("mode", "in_person"),
        ("place", "Justitiehuis"),
        ("with_whom", "Lotte"),
        ("purpose", "Avondgesprek"),
    ];
    let (location, _, page) = app
        .refused_form_shown_again(&format!("/cases/{case}/appointments/new"), &session, &fields)
        .await;
    assert!(location.contains("error=time_against_preferences"), "{location}");
    let form = &page[page.find(r#"id="new-appointment""#).unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(form.contains(r#"value="2031-02-10T18:00""#) && form.contains(r#"name="despite_preferences""#));
    let anyway = [fields.as_slice(), &[("despite_preferences", "1")]].concat();
    let planned = app
        .form(&format!("/cases/{case}/appointments/new"), &session, &anyway)
        .await;
    assert!(!planned.headers()["location"].to_str().unwrap().contains("error"));
}

#[tokio::test]
async fn the_preferences_page_saves_without_javascript_and_keeps_a_refused_text() {
    let app = TestApp::spawn().await;
    let marleen = app.web_session("marleen").await;
    let page = app.page_text("/preferences", &marleen).await;
    assert!(page.contains("Wat mij helpt") && page.contains(r#"action="/preferences""#));
    let fields = [
        ("worker_gender", "no_preference"),
        ("interpreter_language", "Arabisch"),
        ("day_parts", "afternoon"),
        ("day_parts", "evening"),
        ("contact_by", "phone"),
        ("what_helps", "Bellen na het werk."),
        ("shown_to_workers", "1"),
    ];
    let saved = app.form("/preferences", &marleen, &fields).await;
    assert_eq!(saved.headers()["location"], "/preferences?saved=preferences#page-title");
    let read: Value = success(app.get("/api/v1/me/preferences", &app.token("marleen").await).await).await;
    assert_eq!(read["day_parts"], json!(["afternoon", "evening"]));
    assert_eq!(read["interpreter_language"], "Arabisch");
    assert_eq!(read["shown_to_workers"], true);

    let long = "Arabisch ".repeat(10);
    let (_, _, shown) = app
        .refused_form_shown_again(
            "/preferences",
            &marleen,
            &[("interpreter_language", &long), ("what_helps", "Rust.")],
        )
        .await;
    assert!(shown.contains(&format!(r#"value="{}""#, long)) || shown.contains(&format!(r#"value="{}""#, long.trim())));
    assert!(shown.contains(">Rust.</textarea>"));
}

#[tokio::test]
async fn lotte_reads_what_sarah_asked_for_at_the_top_of_their_conversation_and_sarah_reads_it_only_on_her_own_page() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    success(
        app.call(Method::PUT, "/api/v1/me/preferences", &sarah, Some(sarahs(true)))
            .await,
    )
    .await;
    let with_lotte = app.conversation_with(&sarah, "lotte").await;
    let lotte = app.web_session("lotte").await;
    let thread = app.page_text(&format!("/messages/{with_lotte}"), &lotte).await;
    let card = &thread[thread
        .find(r#"class="card preferences-card""#)
        .expect("in the conversation's header")..];
    let card = &card[..card.find("</details>").unwrap()];
    assert!(card.contains("Gesprekken over de kinderen aan de telefoon."));
    assert!(thread.find("preferences-card").unwrap() < thread.find(r#"id="reply""#).unwrap());

    // Sarah reads her own conversation without it: it is for her workers.
    let own = app
        .page_text(&format!("/messages/{with_lotte}"), &app.web_session("sarah").await)
        .await;
    assert!(!own.contains("preferences-card"));
}
