use integration::{error_code, TestApp, DEMO_PASSWORD};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

async fn code_from(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    body["code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_worker_invites_a_family_member_who_joins_with_the_code_and_is_in_the_circle() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Amina", "relationship": "sister" });
    let code = code_from(app.post_json("/api/v1/invitations", Some(&lotte), invitation).await).await;
    assert_eq!(code.len(), 9);

    // The code is read aloud and typed in lower case with a space.
    let typed = code.to_lowercase().replace('-', " ");
    let join = json!({ "code": typed, "username": "amina", "password": "zonnige dagen aan zee" });
    let response = app.post_json("/api/v1/join", None, join).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let amina = app.login("amina", "zonnige dagen aan zee").await;
    assert_eq!(amina.status(), StatusCode::OK);
    let sarah_cases = app.list("/api/v1/cases", &app.token("sarah").await, "cases").await;
    let names: Vec<&str> = sarah_cases[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["display_name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Amina"));
}

#[tokio::test]
async fn an_invitation_code_works_only_once() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Amina", "relationship": "sister" });
    let code = code_from(app.post_json("/api/v1/invitations", Some(&lotte), invitation).await).await;
    let first = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina2", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(
        error_code(second).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_code".to_string())
    );
}

#[tokio::test]
async fn an_expired_invitation_code_is_refused() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Someone", "relationship": "other" });
    let code = code_from(app.post_json("/api/v1/invitations", Some(&lotte), invitation).await).await;
    sqlx::query("UPDATE one_time_codes SET expires_at = created_at - 1")
        .execute(&app.db)
        .await
        .unwrap();
    let response = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "someone", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(error_code(response).await.1, "invalid_code");
}

#[tokio::test]
async fn joining_refuses_a_common_password_and_keeps_the_code_usable() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Amina", "relationship": "sister" });
    let code = code_from(app.post_json("/api/v1/invitations", Some(&lotte), invitation).await).await;
    let weak = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "password1" }),
        )
        .await;
    assert_eq!(
        error_code(weak).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "password_too_common".to_string())
    );
    let short = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "kort" }),
        )
        .await;
    assert_eq!(error_code(short).await.1, "password_too_short");
    let taken = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "sarah", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(
        error_code(taken).await,
        (StatusCode::CONFLICT, "username_taken".to_string())
    );
    let good = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "amina", "password": "zonnige dagen aan zee" }),
        )
        .await;
    assert_eq!(good.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_worker_of_another_case_cannot_invite_into_this_circle() {
    let app = TestApp::spawn().await;
    let pieter = app.token("pieter").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Someone", "relationship": "other" });
    let response = app.post_json("/api/v1/invitations", Some(&pieter), invitation).await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
}

#[tokio::test]
async fn a_participant_cannot_issue_invitations() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Someone", "relationship": "other" });
    let response = app.post_json("/api/v1/invitations", Some(&sarah), invitation).await;
    assert_eq!(
        error_code(response).await,
        (StatusCode::FORBIDDEN, "not_permitted".to_string())
    );
}

#[tokio::test]
async fn a_worker_resets_a_forgotten_password_and_old_sessions_end() {
    let app = TestApp::spawn().await;
    let old_session = app.token("marleen").await;
    let marleen = app.user_id("marleen").await;
    ahmed_resets_marleens_password(&app, "een nieuw begin in mei").await;
    assert_eq!(
        app.login("marleen", DEMO_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The first sign-in after tells her when, and whose code it was; the next does not.
    let first: Value = app
        .login("marleen", "een nieuw begin in mei")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["password_reset"]["code_from"], "Ahmed");
    assert!(first["password_reset"]["at"].as_i64().is_some());
    let next: Value = app
        .login("marleen", "een nieuw begin in mei")
        .await
        .json()
        .await
        .unwrap();
    assert!(next.get("password_reset").is_none(), "{next}");
    assert_eq!(
        app.get("/api/v1/me", &old_session).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.audit_count("password_reset", marleen).await, 1);
}

/// Ahmed (youth care in Sarah's circle) issues a reset code for Marleen, who chooses
/// `password` with it.
async fn ahmed_resets_marleens_password(app: &TestApp, password: &str) {
    let ahmed = app.token("ahmed").await;
    let marleen = app.user_id("marleen").await;
    let code = code_from(
        app.post_json("/api/v1/reset-codes", Some(&ahmed), json!({ "user_id": marleen }))
            .await,
    )
    .await;
    let used = app
        .post_json("/api/v1/join", None, json!({ "code": code, "password": password }))
        .await;
    assert_eq!(used.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn after_a_reset_the_home_page_says_once_when_the_password_changed_and_whose_code_it_was() {
    let app = TestApp::spawn().await;
    let new_password = "een nieuw begin in mei";
    ahmed_resets_marleens_password(&app, new_password).await;
    let signed_in = app
        .http
        .post(app.url("/signin"))
        .header(header::ORIGIN, app.url(""))
        .form(&[("username", "marleen"), ("password", new_password)])
        .send()
        .await
        .unwrap();
    let cookies: Vec<String> = signed_in
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::to_string)
        .collect();
    let cookie = format!("{}; brug_lang=en", cookies.join("; "));
    let home = app.page("/", Some(&cookie)).await;
    let clears = home
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("brug_reset=;"));
    let text = home.text().await.unwrap();
    assert!(text.contains("Your password was changed on"), "{text}");
    assert!(text.contains("with a code from Ahmed"), "{text}");
    assert!(clears, "the note is shown once");
}

#[tokio::test]
async fn a_worker_cannot_reset_the_password_of_someone_outside_their_cases() {
    let app = TestApp::spawn().await;
    let pieter = app.token("pieter").await;
    let marleen = app.user_id("marleen").await;
    let response = app
        .post_json("/api/v1/reset-codes", Some(&pieter), json!({ "user_id": marleen }))
        .await;
    assert_eq!(error_code(response).await.0, StatusCode::FORBIDDEN);
}

/// What a coordinator does to start: an organisation, a worker invited into it who joins
/// (username `ines`, password `koffie met de buren`), a case opened for `participant`
/// with the worker assigned to it. Every step must succeed. Answers the case's id.
pub(crate) async fn set_up_an_organisation_a_worker_and_a_case(
    app: &TestApp,
    coordinator: &str,
    participant: &str,
) -> i64 {
    let organisation = app
        .post_json(
            "/api/v1/organisations",
            Some(coordinator),
            json!({ "name": "Welzijnsschakel Mechelen" }),
        )
        .await;
    assert_eq!(organisation.status(), StatusCode::CREATED);
    let organisation: Value = organisation.json().await.unwrap();
    let invitation = json!({ "kind": "worker", "organisation_id": organisation["id"], "display_name": "Ines" });
    let code = code_from(
        app.post_json("/api/v1/invitations", Some(coordinator), invitation)
            .await,
    )
    .await;
    let joined = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "username": "ines", "password": "koffie met de buren" }),
        )
        .await;
    assert_eq!(joined.status(), StatusCode::CREATED);

    let case = app
        .post_json(
            "/api/v1/cases",
            Some(coordinator),
            json!({ "participant_name": participant }),
        )
        .await;
    assert_eq!(case.status(), StatusCode::CREATED);
    let case_id = case.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let ines = app.user_id("ines").await;
    let assign = app
        .post_json(
            &format!("/api/v1/cases/{case_id}/workers"),
            Some(coordinator),
            json!({ "user_id": ines, "case_role": "social_worker" }),
        )
        .await;
    assert_eq!(
        assign.status(),
        StatusCode::NO_CONTENT,
        "the worker is assigned to the case"
    );
    case_id
}

#[tokio::test]
async fn a_coordinator_sets_up_an_organisation_a_worker_and_a_case() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    set_up_an_organisation_a_worker_and_a_case(&app, &coordinator, "Samira").await;

    let ines_token = app
        .login("ines", "koffie met de buren")
        .await
        .json::<Value>()
        .await
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let me: Value = app.get("/api/v1/me", &ines_token).await.json().await.unwrap();
    assert_eq!(
        (me["role"].as_str(), me["organisation"].as_str()),
        (Some("worker"), Some("Welzijnsschakel Mechelen"))
    );
    let cases = app.list("/api/v1/cases", &ines_token, "cases").await;
    assert_eq!(cases[0]["participant_name"], "Samira");
    assert_eq!(cases[0]["members"][0]["case_role"], "social_worker");
}

#[tokio::test]
async fn the_join_page_creates_an_account_without_javascript() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case_a = app.case_of("Sarah").await;
    let invitation = json!({ "kind": "family", "case_id": case_a, "display_name": "Amina", "relationship": "sister" });
    let code = code_from(app.post_json("/api/v1/invitations", Some(&lotte), invitation).await).await;
    let response = app
        .http
        .post(app.url("/join"))
        .form(&[
            ("code", code.as_str()),
            ("username", "amina"),
            ("password", "zonnige dagen aan zee"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/signin?notice=joined");
    let wrong = app
        .http
        .post(app.url("/join"))
        .form(&[
            ("code", "AAAA-AAAA"),
            ("username", "other"),
            ("password", "zonnige dagen aan zee"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.headers()["location"], "/join?error=invalid_code");
}

#[tokio::test]
async fn a_case_that_has_its_participant_takes_no_second_one() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    for worker in ["lotte", "karim"] {
        let token = app.token(worker).await;
        let invitation = json!({ "kind": "participant", "case_id": case_a, "display_name": "Tweede" });
        let response = app.post_json("/api/v1/invitations", Some(&token), invitation).await;
        assert_eq!(
            error_code(response).await,
            (StatusCode::CONFLICT, "case_has_participant".to_string()),
            "{worker} cannot invite a second participant"
        );
    }
    let coordinator = app.token("coordinator").await;
    let invitation = json!({ "kind": "participant", "case_id": case_a, "display_name": "Tweede" });
    let response = app
        .post_json("/api/v1/invitations", Some(&coordinator), invitation)
        .await;
    assert_eq!(error_code(response).await.1, "case_has_participant");
}

#[tokio::test]
async fn the_coordinator_invites_a_new_cases_participant_and_an_earlier_second_code_then_fails() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    let created = app
        .post_json(
            "/api/v1/cases",
            Some(&coordinator),
            json!({ "participant_name": "Nadia" }),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let case_id = created.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let invite = || json!({ "kind": "participant", "case_id": case_id, "display_name": "Nadia" });
    let first = code_from(app.post_json("/api/v1/invitations", Some(&coordinator), invite()).await).await;
    let second = code_from(app.post_json("/api/v1/invitations", Some(&coordinator), invite()).await).await;

    let join =
        |code: &str, username: &str| json!({ "code": code, "username": username, "password": "zonnige dagen aan zee" });
    let joined = app.post_json("/api/v1/join", None, join(&first, "nadia")).await;
    assert_eq!(joined.status(), StatusCode::CREATED);
    let refused = app.post_json("/api/v1/join", None, join(&second, "nadia2")).await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::CONFLICT, "case_has_participant".to_string())
    );
    let nobody = app.login("nadia2", "zonnige dagen aan zee").await;
    assert_eq!(nobody.status(), StatusCode::UNAUTHORIZED, "no second account was made");
    let signed_in: Value = app.login("nadia", "zonnige dagen aan zee").await.json().await.unwrap();
    let cases = app
        .list("/api/v1/cases", signed_in["token"].as_str().unwrap(), "cases")
        .await;
    assert_eq!(cases[0]["case_id"], case_id, "the first is the case's participant");
}

#[tokio::test]
async fn a_coordinator_issues_reset_codes_for_workers_only_never_for_a_participant_or_family() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    for person in ["sarah", "marleen"] {
        let user_id = app.user_id(person).await;
        let response = app
            .post_json("/api/v1/reset-codes", Some(&coordinator), json!({ "user_id": user_id }))
            .await;
        assert_eq!(
            error_code(response).await,
            (StatusCode::FORBIDDEN, "not_permitted".to_string()),
            "not for {person}"
        );
    }
    let lotte = app.user_id("lotte").await;
    let response = app
        .post_json("/api/v1/reset-codes", Some(&coordinator), json!({ "user_id": lotte }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_reset_code_for_a_family_member_shows_in_the_participants_access_log_issued_and_used() {
    let app = TestApp::spawn().await;
    let ahmed = app.token("ahmed").await;
    let marleen = app.user_id("marleen").await;
    let code = code_from(
        app.post_json("/api/v1/reset-codes", Some(&ahmed), json!({ "user_id": marleen }))
            .await,
    )
    .await;
    let used = app
        .post_json(
            "/api/v1/join",
            None,
            json!({ "code": code, "password": "een nieuw begin in mei" }),
        )
        .await;
    assert_eq!(used.status(), StatusCode::CREATED);
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let log: Value = app
        .get(&format!("/api/v1/cases/{case_a}/access-log"), &sarah)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"reset_code_created"), "{actions:?}");
    assert!(actions.contains(&"password_reset"), "{actions:?}");
}

/// A one-time code tried through a proxy that heard it from `client`.
async fn redeem_via(app: &TestApp, client: &str, code: &str) -> StatusCode {
    app.http
        .post(app.url("/api/v1/join"))
        .header("x-forwarded-for", client)
        .json(&json!({ "code": code, "username": "guesser", "password": "a long enough password" }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn wrong_codes_are_counted_before_they_are_checked_per_address_and_from_all_addresses_together() {
    let app = TestApp::spawn_with(&[("BRUG_TRUSTED_PROXIES", "127.0.0.1, ::1")]).await;
    let count = |statuses: &[StatusCode]| {
        (
            statuses
                .iter()
                .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
                .count(),
            statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count(),
        )
    };
    // Thirty guesses from one address at once: ten are checked, like ten one after another.
    let burst = (0..30).map(|_| redeem_via(&app, "203.0.113.7", "ZZZZ-ZZZZ"));
    let statuses = futures_util::future::join_all(burst).await;
    assert_eq!(count(&statuses), (10, 20), "{statuses:?}");

    // From many addresses, a hundred wrong codes a minute in all: the ten above and ninety.
    let mut statuses = Vec::new();
    for client in 0..110 {
        statuses.push(redeem_via(&app, &format!("198.51.100.{client}"), "ZZZZ-ZZZZ").await);
    }
    assert_eq!(count(&statuses), (90, 20), "{statuses:?}");
}
