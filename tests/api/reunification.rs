use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_grandmother_with_the_share_sees_where_each_child_stands_and_what_comes_next() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen = app.token("marleen").await;
    let response = app
        .get(&format!("/api/v1/cases/{case_a}/reunification"), &marleen)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let data: Value = response.json().await.unwrap();
    let children = data["children"].as_array().unwrap();
    assert_eq!(children.len(), 2);
    assert_eq!(
        (children[0]["alias"].as_str(), children[0]["age_band"].as_str()),
        (Some("Amira"), Some("8_11"))
    );
    let keys: Vec<&str> = children[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys.len(),
        4,
        "alias, age band, id and steps: no surname, no birth date ({keys:?})"
    );
    let next = children[0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["status"] != "done")
        .unwrap();
    assert_eq!(
        (next["kind"].as_str(), next["next_date"].as_str()),
        (Some("unsupervised_visit"), Some("2026-12-06"))
    );
    assert_eq!(next["contact"], "Ahmed");
}

#[tokio::test]
async fn a_brother_without_the_share_is_told_it_is_not_shared() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let yusuf = app.token("yusuf").await;
    let response = app.get(&format!("/api/v1/cases/{case_a}/reunification"), &yusuf).await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::FORBIDDEN, "not_shared".to_string())
    );
}

#[tokio::test]
async fn youth_care_adds_a_step_and_moves_it_forward() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let ahmed = app.token("ahmed").await;
    let child: Value = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/reunification/children"),
            Some(&ahmed),
            json!({ "alias": "Sami", "age_band": "0_3" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let child_id = child["id"].as_i64().unwrap();
    let ahmed_id = app.user_id("ahmed").await;
    let step = json!({ "kind": "supervised_visit", "conditions": "Een uur, met Ahmed erbij.", "next_date": "2027-01-08", "contact_user_id": ahmed_id });
    let created = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/reunification/children/{child_id}/steps"),
            Some(&ahmed),
            step,
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let data: Value = created.json().await.unwrap();
    let sami = data["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["alias"] == "Sami")
        .unwrap()
        .clone();
    let step_id = sami["steps"][0]["id"].as_i64().unwrap();
    assert_eq!(sami["steps"][0]["status"], "planned");
    let done = app
        .http
        .patch(app.url(&format!("/api/v1/cases/{case_a}/reunification/steps/{step_id}")))
        .bearer_auth(&ahmed)
        .json(&json!({ "status": "done", "reason": "The visit went well" }))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    let custom_without_title = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/reunification/children/{child_id}/steps"),
            Some(&ahmed),
            json!({ "kind": "custom" }),
        )
        .await;
    assert_eq!(error_code(custom_without_title).await.1, "invalid_input");
}

#[tokio::test]
async fn a_limit_for_a_childs_safety_hides_reunification_from_a_family_member_with_the_share() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let ahmed = app.token("ahmed").await;
    app.http
        .put(app.url(&format!("/api/v1/cases/{case_a}/restrictions/{marleen_id}")))
        .bearer_auth(&ahmed)
        .json(&json!({ "reason": "Tot de zitting van de jeugdrechter." }))
        .send()
        .await
        .unwrap();
    let marleen = app.token("marleen").await;
    let response = app
        .get(&format!("/api/v1/cases/{case_a}/reunification"), &marleen)
        .await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::FORBIDDEN, "not_shared".to_string())
    );
}

#[tokio::test]
async fn the_reunification_page_shows_the_next_step_calmly() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen = app.web_session("marleen").await;
    let home = app.page("/", Some(&marleen)).await.text().await.unwrap();
    assert!(
        home.contains(&format!("/cases/{case_a}/reunification")),
        "the home page offers the way"
    );
    let page = app
        .page(&format!("/cases/{case_a}/reunification"), Some(&marleen))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Amira · 8 tot 11 jaar"));
    assert!(page.contains("Wat er nu komt"));
    let yusuf = app.web_session("yusuf").await;
    let yusuf_home = app.page("/", Some(&yusuf)).await.text().await.unwrap();
    assert!(
        !yusuf_home.contains("/reunification"),
        "no way offered where nothing is shared"
    );
}

async fn post_form(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.http
        .post(app.url(path))
        .header(reqwest::header::COOKIE, cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn youth_care_adds_a_child_and_its_steps_on_the_page_and_the_mother_sees_them() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let page = format!("/cases/{case_a}/reunification");
    let marleen = app.web_session("marleen").await;
    let html = app.page(&page, Some(&marleen)).await.text().await.unwrap();
    assert!(
        !html.contains("/reunification/children\""),
        "no worker forms for family"
    );

    let ahmed = app.web_session("ahmed").await;
    let no_alias = post_form(
        &app,
        &ahmed,
        &format!("{page}/children"),
        &[("alias", " "), ("age_band", "0_3")],
    )
    .await;
    assert_eq!(no_alias.headers()["location"], format!("{page}?error=invalid_input"));
    let added = post_form(
        &app,
        &ahmed,
        &format!("{page}/children"),
        &[("alias", "Lina"), ("age_band", "0_3")],
    )
    .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let child: i64 = sqlx::query_scalar("SELECT id FROM children WHERE case_id = $1 AND alias = 'Lina'")
        .bind(case_a)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(added.headers()["location"], format!("{page}#child-{child}"));

    let steps = format!("{page}/children/{child}/steps");
    let bad_date = [
        ("kind", "supervised_visit"),
        ("conditions", ""),
        ("next_date", "2030-13-01"),
    ];
    let (location, _, shown) = app.refused_form_shown_again(&steps, &ahmed, &bad_date).await;
    assert_eq!(location, format!("{page}?error=invalid_date#child-{child}-new"));
    let form = &shown[shown.find(&format!(r#"id="child-{child}-new""#)).unwrap()..];
    let date = &form[form.find(&format!(r#"id="child-{child}-new-date""#)).unwrap()..];
    let date = &date[..date.find('>').unwrap()];
    assert!(
        date.contains(r#"value="2030-13-01""#) && date.contains("autofocus"),
        "{date}"
    );
    assert!(form[..form.find("</form>").unwrap()].contains(r#"<option value="supervised_visit" selected"#));
    let visit = [
        ("kind", "supervised_visit"),
        ("conditions", "In het bezoekhuis"),
        ("next_date", "2030-01-15"),
    ];
    assert_eq!(
        post_form(&app, &ahmed, &steps, &visit).await.status(),
        StatusCode::SEE_OTHER
    );

    let html = app.page(&page, Some(&marleen)).await.text().await.unwrap();
    assert!(html.contains("Lina") && html.contains("In het bezoekhuis") && html.contains("15\u{a0}januari\u{a0}2030"));

    let step: i64 = sqlx::query_scalar("SELECT id FROM reunification_steps WHERE child_id = $1")
        .bind(child)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let change = [
        ("status", "done"),
        ("next_date", ""),
        ("conditions", "In het bezoekhuis"),
        ("reason", "Het eerste bezoek is gebeurd"),
    ];
    let changed = post_form(&app, &ahmed, &format!("{page}/steps/{step}"), &change).await;
    assert_eq!(
        changed.headers()["location"],
        format!("{page}?saved=step-{step}-change#step-{step}")
    );
    let status: String = sqlx::query_scalar("SELECT status FROM reunification_steps WHERE id = $1")
        .bind(step)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(status, "done");

    let by_family = post_form(&app, &marleen, &format!("{page}/steps/{step}"), &change).await;
    assert_eq!(
        by_family.headers()["location"],
        format!("{page}?error=not_permitted#step-{step}-change")
    );
}

#[tokio::test]
async fn a_postponed_step_is_announced_before_it_is_shown() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let step: i64 = sqlx::query_scalar(
        "SELECT MIN(s.id) FROM reunification_steps s JOIN children c ON c.id = s.child_id WHERE c.case_id = $1",
    )
    .bind(case_a)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let ahmed = app.token("ahmed").await;
    let postponed = app
        .http
        .patch(app.url(&format!("/api/v1/cases/{case_a}/reunification/steps/{step}")))
        .bearer_auth(&ahmed)
        .json(&json!({ "status": "postponed", "reason": "The foster family asked for more time" }))
        .send()
        .await
        .unwrap();
    assert_eq!(postponed.status(), StatusCode::OK);

    let marleen = app.web_session("marleen").await;
    let page = app
        .page(&format!("/cases/{case_a}/reunification"), Some(&marleen))
        .await
        .text()
        .await
        .unwrap();
    let item = page
        .split(&format!("id=\"step-{step}\""))
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("the step");
    let announced = item
        .find("Er is iets veranderd aan deze stap")
        .expect("an announcement");
    let status = item
        .find("Uitgesteld")
        .or_else(|| item.find("uitgesteld"))
        .expect("the status, inside");
    assert!(announced < status, "the announcement comes first");
    assert!(
        item.contains("<details class=\"gentle-news\">"),
        "and the news opens only when she chooses"
    );
}

#[tokio::test]
async fn a_step_changes_only_with_a_reason_and_the_grandmother_reads_why() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let step: i64 = sqlx::query_scalar(
        "SELECT MIN(s.id) FROM reunification_steps s JOIN children c ON c.id = s.child_id WHERE c.case_id = $1",
    )
    .bind(case_a)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let ahmed = app.token("ahmed").await;
    let path = format!("/api/v1/cases/{case_a}/reunification/steps/{step}");
    let patch = |body: Value| app.call(reqwest::Method::PATCH, &path, &ahmed, Some(body));
    assert_eq!(
        error_code(patch(json!({ "next_date": "2031-02-03" })).await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    // Conditions alone need no reason: they are the step's own words.
    assert_eq!(
        patch(json!({ "conditions": "With the foster mother present" }))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        patch(json!({ "next_date": "2031-02-03", "reason": "The judge moved the hearing" }))
            .await
            .status(),
        StatusCode::OK
    );

    let marleen = app.token("marleen").await;
    let seen: Value = app
        .get(&format!("/api/v1/cases/{case_a}/reunification"), &marleen)
        .await
        .json()
        .await
        .unwrap();
    let history = seen["children"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["steps"].as_array().unwrap().iter())
        .find(|s| s["id"] == step)
        .map(|s| s["history"].clone())
        .expect("the step");
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");
    assert_eq!(history[0]["field"], "next_date");
    assert_eq!(history[0]["new_value"], "2031-02-03");
    assert_eq!(history[0]["reason"], "The judge moved the hearing");
    assert_eq!(history[0]["changed_by"], "Ahmed");
}
