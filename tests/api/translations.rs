//! A worker translates what she wrote: each reader sees a milestone or a reunification
//! step in their own language, with the original one tap away; the rest of the free text
//! carries the language it was written in.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const ARABIC_TITLE: &str = "التسجيل لدى المصلحة الاجتماعية";

async fn first_milestone(app: &TestApp, token: &str, case: i64) -> Value {
    let trajectory: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), token).await).await;
    trajectory["milestones"][0].clone()
}

/// An Arabic translation of every text the milestone has.
fn arabic_for(milestone: &Value) -> Value {
    let mut texts = json!({ "title": ARABIC_TITLE, "explanation": "شرح الخطوة.", "decided_by": "المحكمة" });
    for field in ["why_it_matters", "what_is_needed"] {
        if milestone[field].as_str().is_some_and(|t| !t.is_empty()) {
            texts[field] = json!("نص مترجم.");
        }
    }
    json!({ "texts": texts })
}

#[tokio::test]
async fn sarah_reads_a_milestone_lotte_translated_in_arabic_with_the_dutch_original_one_tap_away() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let milestone = first_milestone(&app, &lotte, case).await;
    let (id, dutch_title) = (
        milestone["id"].as_i64().unwrap(),
        milestone["title"].as_str().unwrap().to_string(),
    );
    let path = format!("/api/v1/cases/{case}/milestones/{id}/translations/ar");
    let saved: Value = success(app.call(Method::PUT, &path, &lotte, Some(arabic_for(&milestone))).await).await;
    assert_eq!(saved["lang"], "ar");
    assert_eq!(saved["texts"]["title"], ARABIC_TITLE);

    let listed = first_milestone(&app, &lotte, case).await;
    assert_eq!(listed["lang"], "nl");
    assert_eq!(listed["translations"][0]["lang"], "ar");

    let sarah = app.web_session("sarah").await;
    let in_arabic = app
        .page_text(&format!("/cases/{case}/trajectory"), &format!("{sarah}; brug_lang=ar"))
        .await;
    let card = &in_arabic[in_arabic.find(&format!(r#"id="milestone-{id}-text""#)).unwrap()..];
    let card = &card[..card.find("</li>").unwrap()];
    assert!(
        card.contains(&format!(r#"lang="ar" dir="auto">{ARABIC_TITLE}</h3>"#)),
        "{card}"
    );
    let original = &card[card
        .find(r#"class="original-texts""#)
        .expect("the original behind one tap")..];
    assert!(original.contains("<summary>كما كُتب في الأصل (Nederlands)</summary>"));
    assert!(original.contains(&format!(r#"lang="nl" dir="auto"><strong>{dutch_title}</strong>"#)));

    // In Dutch she reads the original, and nothing to open.
    let in_dutch = app.page_text(&format!("/cases/{case}/trajectory"), &sarah).await;
    let card = &in_dutch[in_dutch.find(&format!(r#"id="milestone-{id}-text""#)).unwrap()..];
    let card = &card[..card.find("</li>").unwrap()];
    assert!(card.contains(&dutch_title) && !card.contains(ARABIC_TITLE) && !card.contains("original-texts"));
    // In French, which nobody translated into, she reads the original too.
    let in_french = app
        .page_text(&format!("/cases/{case}/trajectory"), &format!("{sarah}; brug_lang=fr"))
        .await;
    assert!(!in_french.contains(ARABIC_TITLE));

    let read_as = app.access_log_actions(case, &app.token("sarah").await).await;
    assert!(
        read_as.iter().any(|a| a == "milestone_changed"),
        "the translation is in her access log"
    );
}

#[tokio::test]
async fn only_a_worker_of_the_case_translates_and_only_texts_the_original_has() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let milestone = first_milestone(&app, &lotte, case).await;
    let id = milestone["id"].as_i64().unwrap();
    let path = |lang: &str| format!("/api/v1/cases/{case}/milestones/{id}/translations/{lang}");
    let put = |token: String, lang: &'static str, body: Value| {
        let (app, path) = (&app, path(lang));
        async move { error_code(app.call(Method::PUT, &path, &token, Some(body)).await).await }
    };
    let good = arabic_for(&milestone);
    assert_eq!(
        put(app.token("sarah").await, "ar", good.clone()).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    assert_eq!(
        put(app.token("marleen").await, "ar", good.clone()).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    assert_eq!(
        put(app.token("pieter").await, "ar", good.clone()).await,
        (StatusCode::NOT_FOUND, "not_found".into())
    );
    let invalid = (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string());
    assert_eq!(
        put(lotte.clone(), "nl", good.clone()).await,
        invalid,
        "not into its own language"
    );
    assert_eq!(
        put(lotte.clone(), "xx", good.clone()).await,
        invalid,
        "a language Brug speaks"
    );
    assert_eq!(
        put(lotte.clone(), "ar", json!({ "texts": { "password": "x" } })).await,
        invalid
    );
    assert_eq!(
        put(lotte.clone(), "ar", json!({ "texts": { "title": "  " } })).await,
        invalid
    );
    let long = "ا".repeat(121);
    assert_eq!(
        put(lotte.clone(), "ar", json!({ "texts": { "title": long } })).await,
        invalid
    );
    let other_case = app.case_of("Youssef").await;
    let elsewhere = format!("/api/v1/cases/{other_case}/milestones/{id}/translations/ar");
    let pieter = app.token("pieter").await;
    assert_eq!(
        error_code(app.call(Method::PUT, &elsewhere, &pieter, Some(good)).await).await,
        (StatusCode::NOT_FOUND, "not_found".into()),
        "a milestone is found only in its own case"
    );
    let untouched = first_milestone(&app, &lotte, case).await;
    assert_eq!(untouched["translations"], json!([]), "nothing refused was kept");
}

#[tokio::test]
async fn a_translated_step_falls_back_to_the_new_conditions_when_they_change() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let reunification: Value = success(app.get(&format!("/api/v1/cases/{case}/reunification"), &lotte).await).await;
    let step = &reunification["children"][0]["steps"][0];
    let id = step["id"].as_i64().unwrap();
    assert_eq!(step["lang"], "nl");
    let french = "Un appel vidéo chaque mercredi.";
    let path = format!("/api/v1/cases/{case}/reunification/steps/{id}/translations/fr");
    let body = json!({ "texts": { "conditions": french } });
    success(app.call(Method::PUT, &path, &lotte, Some(body)).await).await;
    let custom_title = json!({ "texts": { "custom_title": "Appel" } });
    assert_eq!(
        error_code(app.call(Method::PUT, &path, &lotte, Some(custom_title)).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into()),
        "a step of a known kind has no name of its own to translate"
    );

    let marleen = format!("{}; brug_lang=fr", app.web_session("marleen").await);
    let page = app.page_text(&format!("/cases/{case}/reunification"), &marleen).await;
    assert!(
        page.contains(&format!(r#"<span lang="fr" dir="auto">{french}</span>"#)),
        "Marleen reads French"
    );
    assert!(page.contains("Tel que c'était écrit (Nederlands)"));

    let update = json!({ "conditions": "Elke donderdag een videogesprek." });
    let step_path = format!("/api/v1/cases/{case}/reunification/steps/{id}");
    success(app.call(Method::PATCH, &step_path, &lotte, Some(update)).await).await;
    let page = app.page_text(&format!("/cases/{case}/reunification"), &marleen).await;
    assert!(
        !page.contains(french),
        "the old translation no longer says what the step says"
    );
    assert!(page.contains(r#"<span lang="nl" dir="auto">Elke donderdag een videogesprek.</span>"#));
}

#[tokio::test]
async fn lottes_translation_form_saves_and_a_refused_one_comes_back_as_typed() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let milestone = first_milestone(&app, &app.token("lotte").await, case).await;
    let id = milestone["id"].as_i64().unwrap();
    let lotte = app.web_session("lotte").await;
    let path = format!("/cases/{case}/translations/milestone/{id}/fr");
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &lotte).await;
    assert!(
        page.contains(&format!(r#"action="{path}""#)),
        "the form is under the milestone"
    );

    // A title longer than a milestone's may be is refused, and comes back as typed.
    let too_long = format!("Inscription au CPAS {}", "très ".repeat(30));
    let (location, _, shown) = app
        .refused_form_shown_again(
            &path,
            &lotte,
            &[("title", &too_long), ("explanation", "Pour le revenu.")],
        )
        .await;
    assert!(
        location.ends_with(&format!("#translate-milestone-{id}-fr")),
        "{location}"
    );
    let form = &shown[shown.find(&format!(r#"id="translate-milestone-{id}-fr""#)).unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        form.contains(&format!(">{too_long}</textarea>")),
        "what she typed is back: {form}"
    );
    assert!(form.contains(">Pour le revenu.</textarea>"));

    let fields = [
        ("title", "Inscription au CPAS"),
        ("explanation", "Pour le revenu d'intégration."),
        ("decided_by", "Le CPAS"),
    ];
    let saved = app.form(&path, &lotte, &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.contains(&format!("saved=translate-milestone-{id}-fr")),
        "{location}"
    );
    let sarah = format!("{}; brug_lang=fr", app.web_session("sarah").await);
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &sarah).await;
    assert!(page.contains(r#"lang="fr" dir="auto">Inscription au CPAS</h3>"#));
}

#[tokio::test]
async fn appointments_and_contacts_carry_the_language_they_were_written_in() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let lotte_page = app.web_session("lotte").await;
    let chosen = app
        .form("/language", &lotte_page, &[("lang", "fr"), ("back", "/")])
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let lotte = app.token("lotte").await;
    let appointment = json!({
        "starts_at": "2031-03-04T10:00", "duration_minutes": 30, "mode": "in_person",
        "place": "Rue de la Loi 1, Bruxelles", "with_whom": "Lotte", "purpose": "Préparer l'audience", "what_to_bring": ""
    });
    let made: Value = success(
        app.post_json(&format!("/api/v1/cases/{case}/appointments"), Some(&lotte), appointment)
            .await,
    )
    .await;
    assert_eq!(made["lang"], "fr");
    let contact = json!({
        "kind": "service", "name": "Maison de justice", "organisation": "", "role": "Accueil",
        "why_involved": "Pour les questions pratiques.", "decides": "", "phone": "", "office_hours": "",
        "languages": "", "stand_in": ""
    });
    let added: Value = success(
        app.post_json(&format!("/api/v1/cases/{case}/contacts"), Some(&lotte), contact)
            .await,
    )
    .await;
    assert_eq!(added["lang"], "fr");

    let sarah = format!("{}; brug_lang=ar", app.web_session("sarah").await);
    let appointments = app.page_text(&format!("/cases/{case}/appointments"), &sarah).await;
    assert!(
        appointments.contains(r#"lang="fr" dir="auto">Préparer l&#x27;audience</h2>"#)
            || appointments.contains(r#"lang="fr" dir="auto">Préparer l'audience</h2>"#)
    );
    assert!(
        appointments.contains(r#"lang="nl" dir="auto""#),
        "the demo's Dutch ones too"
    );
    let contacts = app.page_text(&format!("/cases/{case}/contacts"), &sarah).await;
    assert!(contacts.contains(r#"<dd lang="fr" dir="auto">Pour les questions pratiques.</dd>"#));
}
