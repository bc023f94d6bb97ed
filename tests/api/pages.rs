use integration::{session_cookie, TestApp, DEMO_PASSWORD};
use reqwest::{header, StatusCode};

#[tokio::test]
async fn the_sign_in_page_is_rendered_on_the_server_in_the_browsers_language() {
    let app = TestApp::spawn().await;
    let french = app
        .http
        .get(app.url("/signin"))
        .header(header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9")
        .send()
        .await
        .unwrap();
    let html = french.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"fr\" dir=\"ltr\" data-text-size=\"normal\">"),
        "{html}"
    );
    assert!(html.contains("Se connecter"));
    assert!(html.contains("id=\"signin-form\""));

    let arabic = app
        .http
        .get(app.url("/signin"))
        .header(header::ACCEPT_LANGUAGE, "ar")
        .send()
        .await
        .unwrap();
    assert!(arabic
        .text()
        .await
        .unwrap()
        .contains("<html lang=\"ar\" dir=\"rtl\" data-text-size=\"normal\">"));

    let unknown = app
        .http
        .get(app.url("/signin"))
        .header(header::ACCEPT_LANGUAGE, "de-DE")
        .send()
        .await
        .unwrap();
    assert!(
        unknown.text().await.unwrap().contains("<html lang=\"nl\""),
        "Dutch is the fallback"
    );
}

#[tokio::test]
async fn pages_send_a_strict_content_security_policy_with_a_fresh_nonce() {
    let app = TestApp::spawn().await;
    let first = app.page("/signin", None).await;
    let policy = first.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.contains("'wasm-unsafe-eval'"));
    assert!(policy.contains("frame-ancestors 'none'"));
    assert!(!policy.contains("unsafe-inline"));
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(first.headers()["cache-control"], "no-store");
    let html = first.text().await.unwrap();
    assert!(!html.contains("<script>"), "no inline script without the nonce");
    let second = app.page("/signin", None).await;
    assert!(
        !second.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains(&nonce),
        "a nonce is used once"
    );
}

#[tokio::test]
async fn signing_in_with_the_plain_form_sets_an_http_only_cookie_and_goes_home() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/signin"))
        .form(&[("username", "sarah"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/");
    let set_cookie = response.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    let cookie = session_cookie(&response).unwrap();
    assert_eq!(
        cookie.split('=').nth(1).unwrap().len(),
        32,
        "128 random bits, hex-encoded"
    );

    let home = app.page("/", Some(&cookie)).await;
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(html.contains("Hallo, Sarah"));
    assert_eq!(html.matches("class=\"circle-member\"").count(), 6);
}

#[tokio::test]
async fn a_failed_plain_form_sign_in_returns_to_the_form_with_a_translated_error() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/signin"))
        .form(&[("username", "sarah"), ("password", "not it")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(location, "/signin?error=invalid_credentials");
    let page = app
        .http
        .get(app.url(&location))
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap();
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("That username and password do not match"));
}

#[tokio::test]
async fn an_enhanced_sign_in_gets_json_instead_of_a_redirect() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/signin"))
        .header(header::ACCEPT, "application/json")
        .form(&[("username", "sarah"), ("password", "not it")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.unwrap().contains("invalid_credentials"));
}

#[tokio::test]
async fn the_home_page_sends_someone_who_is_not_signed_in_to_sign_in() {
    let app = TestApp::spawn().await;
    let response = app.page("/", None).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], "/signin");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("yusuf").await;
    let response = app
        .http
        .post(app.url("/signout"))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The browser is told to drop what its cache kept of the pages.
    assert_eq!(response.headers()["clear-site-data"], "\"cache\"");
    // The old cookie, replayed, no longer opens anything.
    let home = app.page("/", Some(&cookie)).await;
    assert_eq!(home.status(), StatusCode::FOUND);
}

#[tokio::test]
async fn sign_in_gives_a_new_session_id_each_time() {
    let app = TestApp::spawn().await;
    assert_ne!(app.web_session("sarah").await, app.web_session("sarah").await);
}

#[tokio::test]
async fn a_form_post_from_another_site_is_refused() {
    let app = TestApp::spawn().await;
    let by_fetch_metadata = app
        .http
        .post(app.url("/signin"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("username", "sarah"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(by_fetch_metadata.status(), StatusCode::FORBIDDEN);
    assert!(by_fetch_metadata.text().await.unwrap().contains("cross_site_request"));

    let by_origin = app
        .http
        .post(app.url("/signin"))
        .header(header::ORIGIN, "https://elsewhere.example")
        .form(&[("username", "sarah"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(by_origin.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn choosing_arabic_gives_right_to_left_pages_and_is_remembered_for_the_person() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("sarah").await;
    let response = app
        .http
        .post(app.url("/language"))
        .header(header::COOKIE, &cookie)
        .form(&[("lang", "ar"), ("back", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let lang_cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let home = app.page("/", Some(&format!("{cookie}; {lang_cookie}"))).await;
    assert!(home
        .text()
        .await
        .unwrap()
        .contains("<html lang=\"ar\" dir=\"rtl\" data-text-size=\"normal\">"));

    // On a fresh device, signing in brings the person's language back.
    let again = app
        .http
        .post(app.url("/signin"))
        .form(&[("username", "sarah"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookies: Vec<_> = again
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(cookies.iter().any(|c| c.starts_with("brug_lang=ar")), "{cookies:?}");
}

#[tokio::test]
async fn the_language_switch_never_redirects_to_another_site() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/language"))
        .form(&[("lang", "fr"), ("back", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[header::LOCATION], "/");
}

#[tokio::test]
async fn an_unknown_page_answers_404_with_a_calm_translated_page() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .get(app.url("/no-such-page"))
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("This page does not exist"));
}

#[tokio::test]
async fn the_devices_page_lists_where_i_am_signed_in_and_signs_one_out() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("karim").await;
    let phone = app.token("karim").await;
    let page = app.page("/devices", Some(&cookie)).await.text().await.unwrap();
    assert_eq!(page.matches("class=\"device card\"").count(), 2);
    let phone_session: i64 = sqlx::query_scalar("SELECT id FROM sessions WHERE session_kind = 'device'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let response = app
        .http
        .post(app.url(&format!("/devices/{phone_session}/signout")))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/api/v1/me", &phone).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_idle_session_of_a_family_member_ends_after_the_idle_timeout() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("marleen").await;
    // Thirty-one minutes pass without activity.
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 1860")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::FOUND);
}

#[tokio::test]
async fn a_worker_stays_signed_in_after_thirty_idle_minutes() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("lotte").await;
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 1860")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_session_ends_after_the_absolute_timeout_even_when_active() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("lotte").await;
    sqlx::query("UPDATE sessions SET expires_at = created_at - 1")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::FOUND);
}

#[tokio::test]
async fn outside_local_plain_http_the_cookie_is_secure_and_host_prefixed() {
    let app = TestApp::spawn_with(&[("BRUG_SECURE_COOKIES", "true")]).await;
    let response = app
        .http
        .post(app.url("/signin"))
        .form(&[("username", "sarah"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let set_cookie = response.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(set_cookie.starts_with("__Host-brug_session="), "{set_cookie}");
    assert!(set_cookie.contains("; Secure") && set_cookie.contains("Path=/"));
    assert_eq!(
        response.headers()[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000; includeSubDomains",
        "with secure cookies, browsers are told to keep to HTTPS"
    );
}

/// The links of the main navigation, in order, as (href, text).
fn navigation(html: &str) -> Vec<(String, String)> {
    let Some(class) = html.find("class=\"site-nav\"") else {
        return Vec::new();
    };
    let start = html[..class].rfind("<nav").unwrap();
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    nav.split("<a ")
        .skip(1)
        .map(|link| {
            let href = link.split("href=\"").nth(1).unwrap().split('"').next().unwrap();
            let text = link.split('>').nth(1).unwrap().split('<').next().unwrap();
            (href.to_string(), text.trim().to_string())
        })
        .collect()
}

#[tokio::test]
async fn the_way_to_contact_a_worker_is_in_the_same_place_on_every_page() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    for person in ["sarah", "marleen", "lotte"] {
        let cookie = app.web_session(person).await;
        for path in [
            "/".to_string(),
            "/messages".to_string(),
            "/settings".to_string(),
            "/devices".to_string(),
            format!("/cases/{case}/trajectory"),
            format!("/cases/{case}/plans"),
            format!("/cases/{case}/appointments"),
        ] {
            let html = app.page(&path, Some(&cookie)).await.text().await.unwrap();
            let links = navigation(&html);
            assert_eq!(
                links.get(1),
                Some(&("/messages".to_string(), "Berichten".to_string())),
                "{person} on {path}: {links:?}"
            );
        }
    }
    let sarah = app.web_session("sarah").await;
    let messages = app.page("/messages", Some(&sarah)).await.text().await.unwrap();
    assert!(
        messages.contains(r#"<h1 id="page-title">Berichten</h1>"#),
        "the page is named as the entry that opens it"
    );
    assert!(messages.contains("Hier schrijf je aan de mensen die je helpen."));
    assert!(
        messages.contains("Lotte (je justitieassistent)"),
        "each worker by name and role"
    );
    let marleen = app.web_session("marleen").await;
    let hers = app.page("/messages", Some(&marleen)).await.text().await.unwrap();
    // Sarah has not shown Marleen her circle: the worker's role stays hers to share.
    assert!(
        hers.contains("Lotte (begeleider van Sarah)"),
        "to the family, the worker is named by whose worker she is"
    );
}

#[tokio::test]
async fn a_page_sends_what_it_shows_once_and_no_copy_of_it_for_scripts() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let case_id = app.case_of("Sarah").await;
    let home = app.page("/", Some(&sarah)).await.text().await.unwrap();
    assert_eq!(home.matches("Justitiehuis Antwerpen").count(), 1, "{home}");
    let trajectory = app
        .page(&format!("/cases/{case_id}/trajectory"), Some(&sarah))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        trajectory
            .matches("De strafuitvoeringsrechtbank bekijkt hoe het gaat")
            .count(),
        1,
        "{trajectory}"
    );
}

#[tokio::test]
async fn times_on_pages_are_local_and_never_say_utc() {
    let app = TestApp::spawn().await;
    let lotte = app.web_session("lotte").await;
    let sarah_case = app.case_of("Sarah").await;
    let token = app.token("lotte").await;
    let conversation = app.conversation_with(&token, "sarah").await;
    for path in [
        "/devices".to_string(),
        "/messages".to_string(),
        format!("/messages/{conversation}"),
        format!("/cases/{sarah_case}/access-log"),
        format!("/cases/{sarah_case}/trajectory"),
    ] {
        let page = app.page_text(&path, &lotte).await;
        assert!(page.contains(":"), "{path} shows a time");
        assert!(!page.contains("UTC"), "{path} writes a time in UTC");
    }
}

/// Whether the text holds a date written `YYYY-MM-DD`.
fn has_iso_date(text: &str) -> bool {
    text.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    })
}

/// The page's text outside tags (attributes such as date inputs' values left out).
fn text_outside_tags(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn dates_are_written_out_in_the_readers_language_and_phone_numbers_keep_their_order() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    let session = app.web_session("lotte").await;
    let pages = [
        format!("/cases/{case}/trajectory"),
        format!("/cases/{case}/appointments"),
        format!("/cases/{case}/plans"),
        format!("/cases/{case}/access-log"),
        format!("/cases/{case}/reunification"),
        "/".to_string(),
        "/caseload".to_string(),
        "/messages".to_string(),
        "/devices".to_string(),
    ];
    for (lang, december) in [("nl", "december"), ("fr", "décembre"), ("ar", "ديسمبر")] {
        let cookie = format!("{session}; brug_lang={lang}");
        let trajectory = app.page_text(&pages[0], &cookie).await;
        // Joined by no-break spaces, so the date never falls apart over two lines.
        assert!(
            trajectory.contains(&format!("15\u{a0}{december}\u{a0}2026")),
            "{lang}: the evaluation's date is written out"
        );
        for path in &pages {
            let text = text_outside_tags(&app.page_text(path, &cookie).await);
            assert!(!has_iso_date(&text), "{path} in {lang} writes a date as YYYY-MM-DD");
        }
    }
    let contacts = app
        .page_text(&format!("/cases/{case}/contacts"), &format!("{session}; brug_lang=ar"))
        .await;
    assert!(
        contacts.contains(r#"dir="ltr" class="phone">03 000 00 01</a>"#),
        "a phone number is set left to right inside Arabic text"
    );
}

/// Signs in on the sign-in page with a browser that calls itself `user_agent`.
async fn browser_session(app: &TestApp, username: &str, user_agent: &str) -> String {
    let response = app
        .http
        .post(app.url("/signin"))
        .header(header::ORIGIN, app.url(""))
        .header(header::USER_AGENT, user_agent)
        .form(&[("username", username), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    session_cookie(&response).expect("a session cookie")
}

#[tokio::test]
async fn the_devices_page_names_each_browser_and_lists_this_one_first() {
    let app = TestApp::spawn().await;
    let phone =
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
    let library = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    browser_session(&app, "sarah", phone).await;
    let here = format!("{}; brug_lang=en", browser_session(&app, "sarah", library).await);
    let page = app.page_text("/devices", &here).await;
    let names: Vec<&str> = page
        .split("class=\"device-name\"><strong>")
        .skip(1)
        .filter_map(|rest| rest.split("</strong>").next())
        .collect();
    assert_eq!(names.first(), Some(&"Firefox on Windows"), "{page}");
    assert!(names.contains(&"Chrome on Android"), "{names:?}");
    let first_item = page.split("class=\"device-name\"").nth(1).unwrap();
    assert!(first_item.split("</p>").next().unwrap().contains("this device"));
}
