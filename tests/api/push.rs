//! Discreet notifications: a message, an appointment and a plan waiting for you reach the
//! person's push endpoint encrypted, and what decrypts says only that something is new.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use integration::{error_code, Phone, PushReceiver, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn spawn() -> TestApp {
    TestApp::spawn_with(&[("BRUG_PUSH_ALLOW_LOOPBACK", "true")]).await
}

#[tokio::test]
async fn a_new_message_reaches_the_phone_encrypted_and_says_only_that_something_is_new() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let phone = Phone::new();
    let sarah = app.token("sarah").await;
    let subscribed = app
        .post_json(
            "/api/v1/push/subscriptions",
            Some(&sarah),
            phone.subscription(&receiver.endpoint("sarah-phone")),
        )
        .await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);

    let lotte = app.token("lotte").await;
    let with_sarah = app.conversation_with(&lotte, "sarah").await;
    let text = "Sarah, de zitting is verplaatst naar dinsdag.";
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{with_sarah}/messages"),
            Some(&lotte),
            json!({ "body": text, "client_id": "push-1" }),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);

    let delivery = receiver.delivery_to("sarah-phone").await.expect("a push arrived");
    assert_eq!(delivery.headers["content-encoding"], "aes128gcm");
    let raw = String::from_utf8_lossy(&delivery.body).to_string();
    assert!(
        !raw.contains("Lotte") && !raw.contains("zitting"),
        "the push service sees only ciphertext"
    );
    let shown = phone.read(&delivery.body);
    assert_eq!(shown, json!({ "title": "Brug", "body": "Je hebt iets nieuws" }));

    // The VAPID token names this push service and is signed with the key the API gives out.
    let key: Value = app.get("/api/v1/push/key", &sarah).await.json().await.unwrap();
    let authorization = delivery.headers["authorization"].to_str().unwrap().to_string();
    assert!(authorization.starts_with("vapid t="));
    assert!(authorization.ends_with(&format!(", k={}", key["public_key"].as_str().unwrap())));
    let claims = authorization["vapid t=".len()..].split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    assert_eq!(claims["aud"], receiver.base);
}

#[tokio::test]
async fn an_appointment_and_a_plan_waiting_reach_the_people_concerned_in_their_language() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let (sarah_phone, marleen_phone, yusuf_phone) = (Phone::new(), Phone::new(), Phone::new());
    for (who, phone) in [
        ("sarah", &sarah_phone),
        ("marleen", &marleen_phone),
        ("yusuf", &yusuf_phone),
    ] {
        let token = app.token(who).await;
        let endpoint = receiver.endpoint(&format!("{who}-appointment"));
        app.post_json(
            "/api/v1/push/subscriptions",
            Some(&token),
            phone.subscription(&endpoint),
        )
        .await;
    }
    // Marleen reads Brug in French (as she chose on the language switcher).
    sqlx::query("UPDATE users SET language = 'fr' WHERE username = 'marleen'")
        .execute(&app.db)
        .await
        .unwrap();
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let planned = app
        .post_json(
            &format!("/api/v1/cases/{case}/appointments"),
            Some(&lotte),
            json!({ "starts_at": "2030-01-01T10:00", "duration_minutes": 30, "mode": "video",
                    "place": "Video", "with_whom": "Lotte", "purpose": "Opvolging" }),
        )
        .await;
    assert_eq!(planned.status(), StatusCode::CREATED);
    let to_sarah = receiver.delivery_to("sarah-appointment").await.expect("sarah is told");
    assert_eq!(sarah_phone.read(&to_sarah.body)["body"], "Je hebt iets nieuws");
    let to_marleen = receiver
        .delivery_to("marleen-appointment")
        .await
        .expect("marleen (appointments shared) is told");
    assert_eq!(marleen_phone.read(&to_marleen.body)["body"], "Vous avez du nouveau");
    assert!(
        receiver.delivery_to("yusuf-appointment").await.is_none(),
        "yusuf, with nothing shared, hears nothing"
    );

    // A plan put up for agreement tells who must sign.
    let lotte_id = app.user_id("lotte").await;
    let plan: Value = app
        .post_json(
            &format!("/api/v1/cases/{case}/plans"),
            Some(&lotte),
            json!({ "kind": "support", "items": [{ "what": "W", "why": "Y", "owner_user_id": lotte_id }] }),
        )
        .await
        .json()
        .await
        .unwrap();
    let sarah = app.token("sarah").await;
    app.post_json(
        "/api/v1/push/subscriptions",
        Some(&sarah),
        sarah_phone.subscription(&receiver.endpoint("sarah-plan")),
    )
    .await;
    let submitted = app
        .post_json(
            &format!("/api/v1/cases/{case}/plans/{}/submit", plan["plan_id"]),
            Some(&lotte),
            json!({ "number": 1 }),
        )
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let to_sarah = receiver
        .delivery_to("sarah-plan")
        .await
        .expect("the plan waiting for sarah");
    assert_eq!(sarah_phone.read(&to_sarah.body)["body"], "Je hebt iets nieuws");
}

#[tokio::test]
async fn a_subscription_the_push_service_calls_gone_is_removed_and_bad_ones_are_refused() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let phone = Phone::new();
    let sarah = app.token("sarah").await;
    app.post_json(
        "/api/v1/push/subscriptions",
        Some(&sarah),
        phone.subscription(&receiver.endpoint("gone-1")),
    )
    .await;
    let case = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    app.post_json(
        &format!("/api/v1/cases/{case}/appointments"),
        Some(&lotte),
        json!({ "starts_at": "2030-01-01T10:00", "duration_minutes": 30, "mode": "video",
                "place": "Video", "with_whom": "Lotte", "purpose": "Opvolging" }),
    )
    .await;
    receiver.delivery_to("gone-1").await.expect("it was tried");
    let mut left = 1;
    for _ in 0..100 {
        left = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM push_subscriptions WHERE endpoint LIKE '%gone-1'")
            .fetch_one(&app.db)
            .await
            .unwrap();
        if left == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(left, 0, "the gone subscription was removed");

    for bad in [
        phone.subscription("http://push.example/not-https"),
        // Inside the server's own network, even over HTTPS.
        phone.subscription("https://10.0.0.7/push"),
        phone.subscription("https://169.254.169.254/latest/meta-data"),
        // The same places spelled otherwise.
        phone.subscription("https://167772167/push"),
        phone.subscription("https://0xa9.0xfe.0xa9.0xfe/latest/meta-data"),
        json!({ "endpoint": "https://push.example/x", "keys": { "p256dh": "AAAA", "auth": "AAAA" } }),
    ] {
        let refused = app.post_json("/api/v1/push/subscriptions", Some(&sarah), bad).await;
        assert_eq!(
            error_code(refused).await,
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
        );
    }
    let removed = app
        .http
        .delete(app.url("/api/v1/push/subscriptions"))
        .bearer_auth(&sarah)
        .json(&json!({ "endpoint": receiver.endpoint("gone-1") }))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_browser_registers_from_the_settings_page_with_its_session_and_is_told_of_new_messages() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let phone = Phone::new();
    let sarah = app.web_session("sarah").await;
    let settings = app.page("/settings", Some(&sarah)).await.text().await.unwrap();
    let key: Value = app
        .get("/api/v1/push/key", &app.token("sarah").await)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        settings.contains(&format!("data-key=\"{}\"", key["public_key"].as_str().unwrap())),
        "the page gives the browser the key to subscribe with"
    );
    let register = |cookie: Option<&str>| {
        let mut request = app
            .http
            .post(app.url("/push/subscriptions"))
            .header(reqwest::header::ORIGIN, app.url(""))
            .json(&phone.subscription(&receiver.endpoint("sarah-browser")));
        if let Some(cookie) = cookie {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        request.send()
    };
    assert_eq!(
        error_code(register(None).await.unwrap()).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(register(Some(&sarah)).await.unwrap().status(), StatusCode::CREATED);

    let lotte = app.token("lotte").await;
    let with_sarah = app.conversation_with(&lotte, "sarah").await;
    app.post_json(
        &format!("/api/v1/conversations/{with_sarah}/messages"),
        Some(&lotte),
        json!({ "body": "Tot morgen", "client_id": "push-browser" }),
    )
    .await;
    let delivery = receiver
        .delivery_to("sarah-browser")
        .await
        .expect("the browser is told");
    assert_eq!(phone.read(&delivery.body)["body"], "Je hebt iets nieuws");
}

#[tokio::test]
async fn a_phone_signed_out_or_left_unused_hears_nothing_more_and_her_other_phone_still_does() {
    let app = spawn().await;
    let receiver = PushReceiver::start().await;
    let (old_phone, idle_phone, new_phone) = (Phone::new(), Phone::new(), Phone::new());
    let mut tokens = Vec::new();
    for (phone, id) in [(&old_phone, "old"), (&idle_phone, "idle"), (&new_phone, "new")] {
        let token = app.token("sarah").await;
        let subscribed = app
            .post_json(
                "/api/v1/push/subscriptions",
                Some(&token),
                phone.subscription(&receiver.endpoint(id)),
            )
            .await;
        assert_eq!(subscribed.status(), StatusCode::CREATED);
        tokens.push(token);
    }
    let signed_out = app.post_json("/api/v1/auth/logout", Some(&tokens[0]), json!({})).await;
    assert_eq!(signed_out.status(), StatusCode::NO_CONTENT);
    // The second phone has not been used for fifteen days.
    let idle_session: i64 =
        sqlx::query_scalar("SELECT session_id FROM push_subscriptions WHERE endpoint LIKE '%/idle'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 15 * 86400 WHERE id = $1")
        .bind(idle_session)
        .execute(&app.db)
        .await
        .unwrap();

    let lotte = app.token("lotte").await;
    let with_sarah = app.conversation_with(&lotte, "sarah").await;
    let sent = app
        .post_json(
            &format!("/api/v1/conversations/{with_sarah}/messages"),
            Some(&lotte),
            json!({ "body": "Tot dinsdag", "client_id": "after-sign-out" }),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    // Subscriptions are served in the order they were made, so once the newest phone has
    // its notice, the two before it have had their turn.
    let delivery = receiver
        .delivery_to("new")
        .await
        .expect("the phone still signed in hears");
    assert_eq!(new_phone.read(&delivery.body)["title"], "Brug");
    assert_eq!(receiver.deliveries_to("old"), 0);
    assert_eq!(receiver.deliveries_to("idle"), 0);
}
