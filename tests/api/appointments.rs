use integration::{error_code, TestApp};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn a_family_member_with_the_share_sees_the_appointments_by_date() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen = app.token("marleen").await;
    let response = app.get(&format!("/api/v1/cases/{case_a}/appointments"), &marleen).await;
    assert_eq!(response.status(), StatusCode::OK);
    let data: Value = response.json().await.unwrap();
    let list = data["appointments"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    let times: Vec<&str> = list.iter().map(|a| a["starts_at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    let yusuf = app.token("yusuf").await;
    let refused = app.get(&format!("/api/v1/cases/{case_a}/appointments"), &yusuf).await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::FORBIDDEN, "not_shared".to_string())
    );
}

#[tokio::test]
async fn a_worker_plans_an_appointment_and_the_participant_gets_a_calendar_file() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let new = json!({
        "starts_at": "2030-03-04T14:00", "duration_minutes": 60, "mode": "phone",
        "place": "Lotte belt je op", "with_whom": "Lotte", "purpose": "Kort telefoongesprek", "what_to_bring": ""
    });
    let created = app
        .post_json(&format!("/api/v1/cases/{case_a}/appointments"), Some(&lotte), new)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let sarah = app.token("sarah").await;
    let file = app
        .get(
            &format!("/api/v1/cases/{case_a}/appointments/{id}/calendar.ics"),
            &sarah,
        )
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert!(file.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let text = file.text().await.unwrap();
    // 14:00 in Brussels on 4 March 2030 (winter time): 13:00 UTC.
    assert!(text.contains("\r\nDTSTART:20300304T130000Z\r\n"), "{text}");
    assert!(text.contains("SUMMARY;LANGUAGE=nl:Kort telefoongesprek"));

    let sarah_web = app.web_session("sarah").await;
    let page_file = app
        .page(&format!("/cases/{case_a}/appointments/{id}.ics"), Some(&sarah_web))
        .await;
    assert_eq!(page_file.status(), StatusCode::OK);
    assert_eq!(page_file.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn an_impossible_time_is_refused_with_a_clear_code() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let new = json!({
        "starts_at": "2030-03-04T25:00", "duration_minutes": 60, "mode": "phone",
        "place": "x", "with_whom": "y", "purpose": "z"
    });
    let response = app
        .post_json(&format!("/api/v1/cases/{case_a}/appointments"), Some(&lotte), new)
        .await;
    assert_eq!(error_code(response).await.0, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_home_page_lists_the_next_appointments_and_the_list_page_offers_calendar_files() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.web_session("sarah").await;
    let home = app.page("/", Some(&sarah)).await.text().await.unwrap();
    assert!(home.contains("Je volgende afspraken") && home.contains("Gesprek over hoe het gaat"));
    let page = app
        .page(&format!("/cases/{case_a}/appointments"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(page.matches("download=").count(), 3);
    let pieter = app.web_session("pieter").await;
    assert_eq!(
        app.page(&format!("/cases/{case_a}/appointments"), Some(&pieter))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_worker_plans_an_appointment_on_the_page_and_a_bad_time_is_explained() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.web_session("sarah").await;
    let html = app
        .page(&format!("/cases/{case_a}/appointments"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("/appointments/new"),
        "no planning form for the participant"
    );

    let lotte = app.web_session("lotte").await;
    let html = app
        .page(&format!("/cases/{case_a}/appointments"), Some(&lotte))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&format!("action=\"/cases/{case_a}/appointments/new\"")));
    let post = |starts_at: &'static str| {
        app.http
            .post(app.url(&format!("/cases/{case_a}/appointments/new")))
            .header(header::COOKIE, &lotte)
            .form(&[
                ("starts_at", starts_at),
                ("duration_minutes", "45"),
                ("mode", "in_person"),
                ("place", "Justitiehuis, lokaal 2"),
                ("with_whom", "Lotte"),
                ("purpose", "Gesprek over werk"),
                ("what_to_bring", ""),
            ])
            .send()
    };
    let path = format!("/cases/{case_a}/appointments/new");
    let fields = [
        ("starts_at", "2030-02-30T10:00"),
        ("duration_minutes", "45"),
        ("mode", "phone"),
        ("place", "Justitiehuis, lokaal 2"),
        ("with_whom", "Lotte"),
        ("purpose", "Gesprek over werk"),
        ("what_to_bring", ""),
    ];
    let (location, _, explained) = app.refused_form_shown_again(&path, &lotte, &fields).await;
    assert_eq!(
        location,
        format!("/cases/{case_a}/appointments?error=invalid_time#new-appointment")
    );
    let form = &explained[explained.find(r#"id="new-appointment""#).expect("the form")..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        form.contains("Dat tijdstip klopt niet."),
        "the form explains the error in place"
    );
    assert!(
        form.contains(r#"value="Justitiehuis, lokaal 2""#) && form.contains(r#"value="45""#),
        "nothing typed is lost: {form}"
    );
    assert!(form.contains(r#"value="phone" selected"#), "{form}");

    let saved = post("2030-02-03T10:30").await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let html = app
        .page(&format!("/cases/{case_a}/appointments"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Gesprek over werk") && html.contains("3\u{a0}februari\u{a0}2030,\u{a0}10:30"));
}

#[tokio::test]
async fn a_calendar_file_speaks_the_readers_language_and_reminds_the_day_before() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah_page = app.web_session("sarah").await;
    let chosen = app
        .form("/language", &sarah_page, &[("lang", "ar"), ("back", "/")])
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let sarah = app.token("sarah").await;
    let list: serde_json::Value = app
        .get(&format!("/api/v1/cases/{case_a}/appointments"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let id = list["appointments"][0]["id"].as_i64().unwrap();
    let file = app
        .get(
            &format!("/api/v1/cases/{case_a}/appointments/{id}/calendar.ics"),
            &sarah,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(file.contains("DESCRIPTION;LANGUAGE=ar:مع من: "), "{file}");
    let alarm = file.split("BEGIN:VALARM\r\n").nth(1).expect("a reminder in the file");
    assert!(alarm.contains("ACTION:DISPLAY\r\n") && alarm.contains("TRIGGER;VALUE=DATE-TIME:"));
    assert!(
        file.contains("\r\nDESCRIPTION:غدًا: "),
        "the evening before, as she chose by default"
    );
    assert!(
        file.contains("SUMMARY;LANGUAGE=nl:"),
        "Lotte's Dutch text stays marked Dutch"
    );
}
