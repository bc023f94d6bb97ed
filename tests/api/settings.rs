//! Leaving quickly on the server side, and the settings that shape it: family members are
//! signed out by default, others when they choose it; the link works without JavaScript.

use integration::TestApp;
use reqwest::header::{COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::StatusCode;

/// What the page's script sends while it replaces the page.
async fn leave(app: &TestApp, session: &str) -> reqwest::Response {
    app.http
        .post(app.url("/leave"))
        .header(COOKIE, session)
        .header(ORIGIN, app.url(""))
        .send()
        .await
        .unwrap()
}

async fn signed_in(app: &TestApp, session: &str) -> bool {
    app.page("/", Some(session)).await.status() == StatusCode::OK
}

#[tokio::test]
async fn leaving_quickly_signs_a_family_member_out_by_default_and_a_participant_only_by_choice() {
    let app = TestApp::spawn().await;
    let marleen = app.web_session("marleen").await;
    let left = leave(&app, &marleen).await;
    assert_eq!(left.status(), StatusCode::NO_CONTENT);
    assert!(left.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert!(!signed_in(&app, &marleen).await, "the old cookie no longer signs in");

    let sarah = app.web_session("sarah").await;
    assert_eq!(leave(&app, &sarah).await.status(), StatusCode::NO_CONTENT);
    assert!(
        signed_in(&app, &sarah).await,
        "by default a participant stays signed in"
    );

    let settings = app.page("/settings", Some(&sarah)).await.text().await.unwrap();
    assert!(settings.contains("id=\"quick-exit-signs-out\""));
    let saved = app
        .http
        .post(app.url("/settings"))
        .header(COOKIE, &sarah)
        .form(&[("quick_exit_signs_out", "on"), ("text_size", "larger")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.headers()[LOCATION], "/settings");
    let text_cookie = saved
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("brug_text="))
        .expect("the text size is kept on this device");
    assert!(text_cookie.starts_with("brug_text=larger;"));
    let with_size = format!("{sarah}; brug_text=larger");
    let page = app.page("/settings", Some(&with_size)).await.text().await.unwrap();
    assert!(page.contains("data-text-size=\"larger\""));

    leave(&app, &sarah).await;
    assert!(!signed_in(&app, &sarah).await, "her choice signs her out");
}

#[tokio::test]
async fn every_page_offers_the_quick_exit_and_without_javascript_the_link_leaves_too() {
    let app = TestApp::spawn_with(&[("BRUG_QUICK_EXIT_URL", "https://weather.example/today")]).await;
    for path in ["/signin", "/join"] {
        let page = app.page(path, None).await.text().await.unwrap();
        assert!(
            page.contains("href=\"/leave\"") && page.contains(">Snel weg</a>"),
            "{path}"
        );
        assert!(page.contains("data-exit=\"https://weather.example/today\""), "{path}");
    }
    let yusuf = app.web_session("yusuf").await;
    let home = app.page("/", Some(&yusuf)).await.text().await.unwrap();
    assert!(home.contains(">Snel weg</a>"));
    let link = app.page("/leave", Some(&yusuf)).await;
    assert_eq!(link.status(), StatusCode::SEE_OTHER);
    assert_eq!(link.headers()[LOCATION], "https://weather.example/today");
    assert!(!signed_in(&app, &yusuf).await, "a family member is signed out");
}

#[tokio::test]
async fn only_a_device_marked_as_ones_own_phone_may_keep_pages_offline() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let keep = |response: &reqwest::Response| response.headers().get("brug-keep-offline").is_some();
    assert!(!keep(&app.page("/", Some(&sarah)).await), "not kept by default");

    let saved = app
        .http
        .post(app.url("/settings"))
        .header(COOKIE, &sarah)
        .form(&[("own_phone", "on"), ("text_size", "normal")])
        .send()
        .await
        .unwrap();
    let own = saved
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("brug_own_phone="))
        .expect("the device is marked");
    assert!(own.starts_with("brug_own_phone=1;"));
    let marked = format!("{sarah}; brug_own_phone=1");
    assert!(keep(&app.page("/", Some(&marked)).await));
    let api = app
        .http
        .get(app.url("/api/v1/me"))
        .bearer_auth(app.token("sarah").await)
        .header(COOKIE, "brug_own_phone=1")
        .send()
        .await
        .unwrap();
    assert!(!keep(&api), "API answers are never marked");

    let unmarked = app
        .http
        .post(app.url("/settings"))
        .header(COOKIE, &marked)
        .form(&[("text_size", "normal")])
        .send()
        .await
        .unwrap();
    let cleared = unmarked
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("brug_own_phone="))
        .unwrap();
    assert!(cleared.contains("Max-Age=0"));
}
