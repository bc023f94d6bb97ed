//! The worker's and the coordinator's page forms: plain HTML forms, no JavaScript needed.

use integration::TestApp;
use reqwest::{header, StatusCode};
use serde_json::json;

async fn post(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let response = app
        .http
        .post(app.url(path))
        .header(header::COOKIE, cookie)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    response
}

async fn post_form(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)]) -> String {
    let response = post(app, cookie, path, fields).await;
    response.headers()[header::LOCATION].to_str().unwrap().to_string()
}

/// Posts a form that issues a one-time code and follows it to the page that shows it:
/// the code travels in a cookie for `/code` only, never in a URL. Returns the code
/// shown, and the page as it looks when opened once more.
async fn issue_code(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)]) -> (String, String) {
    let response = post(app, cookie, path, fields).await;
    assert_eq!(response.headers()[header::LOCATION], "/code", "no code in the URL");
    let set_cookie = response.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        set_cookie.contains("Path=/code") && set_cookie.contains("HttpOnly") && set_cookie.contains("Max-Age=600"),
        "{set_cookie}"
    );
    let carried = set_cookie.split(';').next().unwrap().to_string();
    let shown = app
        .http
        .get(app.url("/code"))
        .header(header::COOKIE, format!("{cookie}; {carried}"))
        .send()
        .await
        .unwrap();
    let cleared = shown.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        cleared.starts_with("brug_code=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let page = shown.text().await.unwrap();
    let code = page
        .split("class=\"one-time-code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the code on the page")
        .to_string();
    let again = app.page("/code", Some(cookie)).await.text().await.unwrap();
    (code, again)
}

#[tokio::test]
async fn a_worker_invites_a_family_member_from_the_circle_and_is_shown_the_code() {
    let app = TestApp::spawn().await;
    let lotte = app.web_session("lotte").await;
    let case_a = app.case_of("Sarah").await.to_string();
    let home = app.page("/", Some(&lotte)).await.text().await.unwrap();
    assert!(
        home.contains("action=\"/invitations\""),
        "the worker sees the invite form"
    );
    let fields = [
        ("case_id", case_a.as_str()),
        ("display_name", "Amina"),
        ("kind", "family"),
        ("relationship", "sister"),
    ];
    let (code, again) = issue_code(&app, &lotte, "/invitations", &fields).await;
    assert_eq!(code.len(), 9, "{code}");
    assert!(!again.contains(&code), "the code is shown once");

    let joined = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(joined.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn participants_and_family_see_no_worker_tools_and_cannot_post_them() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let home = app.page("/", Some(&sarah)).await.text().await.unwrap();
    assert!(!home.contains("action=\"/invitations\"") && !home.contains("action=\"/reset-codes\""));
    let case_a = app.case_of("Sarah").await.to_string();
    let fields = [
        ("case_id", case_a.as_str()),
        ("display_name", "X"),
        ("kind", "family"),
        ("relationship", "other"),
    ];
    assert_eq!(
        post_form(&app, &sarah, "/invitations", &fields).await,
        "/?error=not_permitted"
    );
}

#[tokio::test]
async fn a_coordinator_opens_a_circle_and_assigns_a_worker_through_the_admin_page() {
    let app = TestApp::spawn().await;
    let coordinator = app.web_session("coordinator").await;
    assert_eq!(
        post_form(&app, &coordinator, "/admin/cases", &[("participant_name", "Samira")]).await,
        "/admin?saved"
    );
    let case_id: i64 = app.case_of("Samira").await;
    let lotte = app.user_id("lotte").await.to_string();
    let fields = [
        ("case_id", case_id.to_string()),
        ("user_id", lotte),
        ("case_role", "social_worker".to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post_form(&app, &coordinator, "/admin/assignments", &fields).await,
        "/admin?saved"
    );

    let admin = app.page("/admin", Some(&coordinator)).await;
    assert_eq!(admin.status(), StatusCode::OK);
    assert!(admin.text().await.unwrap().contains("Samira"));
    let cases = app.list("/api/v1/cases", &app.token("lotte").await, "cases").await;
    assert_eq!(cases.len(), 2);
}

#[tokio::test]
async fn a_coordinator_invites_a_worker_and_gets_a_code() {
    let app = TestApp::spawn().await;
    let coordinator = app.web_session("coordinator").await;
    let organisation: i64 = sqlx::query_scalar("SELECT id FROM organisations ORDER BY id LIMIT 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let organisation = organisation.to_string();
    let fields = [("organisation_id", organisation.as_str()), ("display_name", "Ines")];
    let (code, _) = issue_code(&app, &coordinator, "/admin/workers", &fields).await;
    let joined = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "ines", "password": "a long walk by the river" }),
        )
        .await;
    assert_eq!(
        joined.status(),
        StatusCode::CREATED,
        "the code shown is the one that works"
    );
}

#[tokio::test]
async fn the_admin_page_turns_away_everyone_but_coordinators() {
    let app = TestApp::spawn().await;
    for name in ["sarah", "marleen", "lotte"] {
        let cookie = app.web_session(name).await;
        let response = app.page("/admin", Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
        let html = response.text().await.unwrap();
        assert!(
            !html.contains("Youssef") && !html.contains("Justitiehuis"),
            "{name} sees nothing of the overview"
        );
        let refused = post_form(&app, &cookie, "/admin/cases", &[("participant_name", "Nope")]).await;
        assert_eq!(refused, "/admin?error=not_permitted", "{name}");
    }
}

/// The items of the list with this id on a page.
fn items_of(page: &str, list_id: &str) -> Vec<String> {
    let list = page
        .split(&format!("id=\"{list_id}\""))
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap_or_else(|| panic!("the list {list_id}"));
    list.split("<li").skip(1).map(str::to_string).collect()
}

/// The address a link with this id points to, as the browser follows it.
fn link_of(page: &str, link_id: &str) -> Option<String> {
    let rest = page.split(&format!("id=\"{link_id}\"")).nth(1)?;
    let href = rest.split("href=\"").nth(1)?.split('"').next()?;
    Some(href.replace("&amp;", "&"))
}

#[tokio::test]
async fn at_many_cases_the_coordinator_pages_through_them_and_finds_one_by_name() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    for n in 0..60 {
        let name = format!("Rania {n:02} & co");
        let created = app
            .post_json("/api/v1/cases", Some(&coordinator), json!({ "participant_name": name }))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
    }
    let browser = format!("{}; brug_lang=en", app.web_session("coordinator").await);
    let first = app.page_text("/admin", &browser).await;
    let cases = items_of(&first, "admin-cases");
    assert_eq!(cases.len(), 50, "one page of cases");
    let more = link_of(&first, "more-cases").expect("a link to the next page of cases");
    let second = app.page_text(&more, &browser).await;
    let rest = items_of(&second, "admin-cases");
    // Sarah's and Youssef's cases from the demo, and the sixty.
    assert_eq!(rest.len(), 12, "{more}");
    assert!(link_of(&second, "more-cases").is_none(), "the last page");
    assert!(rest.last().unwrap().contains("Rania 59 &amp; co"));

    let found = app.page_text("/admin?cases=rania+07", &browser).await;
    let cases = items_of(&found, "admin-cases");
    assert_eq!(cases.len(), 1);
    assert!(cases[0].contains("Rania 07"));
    // A search keeps its word in the form, and `%` is looked for as it is typed.
    assert!(found.contains("value=\"rania 07\""));
    let literal = app.page_text("/admin?cases=%25", &browser).await;
    assert!(items_of(&literal, "admin-cases").is_empty());

    let people = app.page_text("/admin?people=LOT", &browser).await;
    let workers = items_of(&people, "admin-workers");
    assert_eq!(workers.len(), 1, "only Lotte");
    assert!(workers[0].contains("Lotte"));
}
