use integration::{error_code, TestApp, DEMO_PASSWORD};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn health_answers_200_while_the_database_answers_and_503_when_it_does_not() {
    let app = TestApp::spawn().await;
    let healthy = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(healthy.status(), StatusCode::OK);
    app.database.close().await;
    let unhealthy = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(unhealthy.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn an_unexpected_failure_answers_500_with_only_a_request_id() {
    let app = TestApp::spawn().await;
    app.database.close().await;
    let response = app.login("sarah", "whatever it is").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let request_id = response.headers()["x-request-id"].to_str().unwrap().to_string();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "internal");
    assert_eq!(body["error"]["request_id"], request_id.as_str());
    let text = body.to_string().to_lowercase();
    for leak in ["sqlx", "pool", "closed", "sqlite", "postgres", "panic"] {
        assert!(!text.contains(leak), "the answer mentions {leak}: {text}");
    }
}

async fn openapi(app: &TestApp) -> Value {
    let response = app.http.get(app.url("/api/v1/openapi.json")).send().await.unwrap();
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_openapi_document_is_openapi_3_1_and_lists_the_auth_routes() {
    let app = TestApp::spawn().await;
    let doc = openapi(&app).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/me",
        "/api/v1/cases",
        "/api/v1/join",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert!(doc["components"]["schemas"]["LoginRequest"].is_object());
}

#[tokio::test]
async fn the_values_the_openapi_document_lists_are_the_values_the_answers_carry() {
    let app = TestApp::spawn().await;
    let doc = openapi(&app).await;
    let listed = |schema: &str| -> Vec<Value> {
        doc["components"]["schemas"][schema]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{schema} lists its values"))
            .clone()
    };
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    let reunification = app
        .list(&format!("/api/v1/cases/{case}/reunification"), &sarah, "children")
        .await;
    assert!(!reunification.is_empty());
    for child in &reunification {
        assert!(listed("AgeBand").contains(&child["age_band"]), "{}", child["age_band"]);
        for step in child["steps"].as_array().unwrap() {
            assert!(listed("StepKind").contains(&step["kind"]), "{}", step["kind"]);
            assert!(
                listed("MilestoneStatus").contains(&step["status"]),
                "{}",
                step["status"]
            );
        }
    }
    let milestones = app
        .list(&format!("/api/v1/cases/{case}/milestones"), &sarah, "milestones")
        .await;
    for milestone in &milestones {
        assert!(listed("Phase").contains(&milestone["phase"]), "{}", milestone["phase"]);
    }
}

#[tokio::test]
async fn malformed_json_is_answered_with_a_code_not_a_panic() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .header(header::CONTENT_TYPE, "application/json")
        .body("{\"username\": \"sarah\", ")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(response).await,
        (StatusCode::BAD_REQUEST, "malformed_json".to_string())
    );

    let missing_field = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .header(header::CONTENT_TYPE, "application/json")
        .body("{\"username\": \"sarah\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(missing_field).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".to_string())
    );

    let not_json = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .body("username=sarah")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(not_json).await,
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type".to_string())
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let huge = format!(
        "{{\"username\": \"{}\", \"password\": \"x\", \"device_name\": \"x\"}}",
        "a".repeat(200_000)
    );
    let response = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(response).await,
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large".to_string())
    );
}

#[tokio::test]
async fn an_unknown_api_route_answers_json_404() {
    let app = TestApp::spawn().await;
    let response = app.http.get(app.url("/api/v1/nothing-here")).send().await.unwrap();
    assert_eq!(
        error_code(response).await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
}

#[tokio::test]
async fn api_answers_carry_no_store_and_browser_security_headers() {
    let app = TestApp::spawn().await;
    let token = app.token("sarah").await;
    let response = app.get("/api/v1/me", &token).await;
    let headers = response.headers();
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["cross-origin-opener-policy"], "same-origin");
    assert!(
        headers.get("strict-transport-security").is_none(),
        "plain HTTP on loopback: no promise of HTTPS"
    );
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn the_suite_runs_on_the_database_the_test_command_chose() {
    let app = TestApp::spawn().await;
    let expected = if std::env::var("BRUG_TEST_POSTGRES_URL").is_ok() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(app.backend, expected);
    let version: String = if app.backend == "postgres" {
        sqlx::query_scalar("SELECT version()").fetch_one(&app.db).await.unwrap()
    } else {
        sqlx::query_scalar("SELECT 'SQLite ' || sqlite_version()")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    assert!(version.to_lowercase().starts_with(expected), "{version}");
}

#[tokio::test]
async fn the_database_commits_acknowledged_writes_durably() {
    let app = TestApp::spawn().await;
    if app.backend == "sqlite" {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&app.db)
            .await
            .unwrap();
        let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&app.db)
            .await
            .unwrap();
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&app.db)
            .await
            .unwrap();
        assert_eq!(
            (mode.as_str(), foreign_keys, synchronous),
            ("wal", 1, 2),
            "WAL, foreign keys on, synchronous FULL"
        );
    } else {
        let commit: String = sqlx::query_scalar("SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'")
            .fetch_one(&app.db)
            .await
            .unwrap();
        assert_eq!(commit, "on");
    }
}

#[tokio::test]
async fn pages_and_api_answers_are_compressed_for_clients_that_accept_it_and_streams_are_not() {
    let app = TestApp::spawn().await;
    let fetch = |path: &'static str, encoding: &'static str| {
        app.http
            .get(app.url(path))
            .header(header::ACCEPT_ENCODING, encoding)
            .send()
    };
    let raw = fetch("/signin", "identity").await.unwrap();
    assert!(raw.headers().get(header::CONTENT_ENCODING).is_none());
    let plain = raw.bytes().await.unwrap().len();
    let brotli = fetch("/signin", "br").await.unwrap();
    assert_eq!(brotli.headers()[header::CONTENT_ENCODING], "br");
    let squeezed = brotli.bytes().await.unwrap().len();
    assert!(
        squeezed * 2 < plain,
        "the page shrinks to under half: {squeezed} of {plain} bytes"
    );
    let gzip = fetch("/api/v1/openapi.json", "gzip").await.unwrap();
    assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");

    let token = app.token("sarah").await;
    let stream = app
        .http
        .get(app.url("/api/v1/events"))
        .bearer_auth(&token)
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(
        stream.headers().get(header::CONTENT_ENCODING).is_none(),
        "events leave at once, uncompressed"
    );
}

#[tokio::test]
async fn every_operation_in_the_openapi_document_has_its_own_id() {
    let app = TestApp::spawn().await;
    let doc = openapi(&app).await;
    let mut seen = std::collections::BTreeMap::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let id = operation["operationId"].as_str().unwrap_or_default().to_string();
            if let Some(earlier) = seen.insert(id.clone(), format!("{method} {path}")) {
                panic!("operation id {id} is used by {earlier} and by {method} {path}");
            }
        }
    }
    assert!(seen.len() > 50);
}

#[tokio::test]
async fn every_operation_documents_its_error_answers_with_the_one_error_body() {
    let app = TestApp::spawn().await;
    let doc = openapi(&app).await;
    let error = &doc["components"]["schemas"]["ApiError"];
    assert_eq!(error["required"], json!(["error"]), "{error}");
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            for status in ["401", "403", "500", "503"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} does not document {status}"
                );
            }
            if operation.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path} does not document {status}"
                    );
                }
            }
            for (status, response) in responses.iter().filter(|(status, _)| status.as_str() >= "400") {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ApiError",
                    "{method} {path} {status}"
                );
            }
        }
    }
}

#[tokio::test]
async fn requests_axum_refuses_before_a_handler_still_get_a_coded_json_error() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let not_a_number = app.get("/api/v1/cases/abc/milestones", &sarah).await;
    assert_eq!(
        error_code(not_a_number).await,
        (StatusCode::NOT_FOUND, "not_found".into())
    );
    let wrong_method = app
        .http
        .put(app.url("/api/v1/me"))
        .bearer_auth(&sarah)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(wrong_method).await,
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed".into())
    );
}

/// Builds a production server on the test app's database.
async fn production_on(app: &TestApp) -> Result<server::Application, String> {
    let vars = [
        ("DATABASE_URL", app.database_url.as_str()),
        ("BRUG_ADDR", "127.0.0.1:0"),
        ("BRUG_PRODUCTION", "true"),
        (
            "BRUG_SECRET_KEY",
            "5f0c3e9a1b2d4f6a8c0e1f3a5b7d9e2c4a6b8d0f1e3c5a7b9d2e4f6a8c0b1d3e",
        ),
        ("BRUG_CONFIG", "/dev/null"),
    ];
    let settings =
        server::config::Settings::load_from(|key| vars.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()))
            .expect("production settings are valid");
    server::Application::build(settings).await.map_err(|e| e.to_string())
}

#[tokio::test]
async fn production_refuses_to_start_while_a_demo_account_has_the_public_password() {
    let app = TestApp::spawn().await;
    let refused = production_on(&app).await.err().expect("production refuses");
    assert!(
        refused.contains("demo password") && refused.contains("lotte"),
        "{refused}"
    );

    let own = app::accounts::passwords::hash_blocking("a password of their own").unwrap();
    sqlx::query("UPDATE users SET password_hash = $1 WHERE username <> 'coordinator'")
        .bind(&own)
        .execute(&app.db)
        .await
        .unwrap();
    let refused = production_on(&app).await.err().expect("one is left");
    assert!(
        refused.contains("coordinator") && !refused.contains("lotte"),
        "{refused}"
    );
    sqlx::query("UPDATE users SET password_hash = $1")
        .bind(&own)
        .execute(&app.db)
        .await
        .unwrap();
    assert!(production_on(&app).await.is_ok());

    // Nobody can choose the demo's password again.
    let login = app.login("lotte", "a password of their own").await;
    let lotte = login.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let chosen = app
        .post_json(
            "/api/v1/me/password",
            Some(&lotte),
            json!({ "current_password": "a password of their own", "new_password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(
        error_code(chosen).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "password_too_common".into())
    );
}

#[tokio::test]
async fn the_push_signing_key_is_kept_sealed_and_every_server_of_the_database_reads_it() {
    let app = TestApp::spawn().await;
    let stored: String = sqlx::query_scalar("SELECT value FROM server_keys WHERE name = 'vapid'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(stored.starts_with("v1."), "sealed with BRUG_SECRET_KEY");
    let second = app.spawn_second().await;
    let token = app.token("sarah").await;
    let first_key: Value = app.get("/api/v1/push/key", &token).await.json().await.unwrap();
    let second_key: Value = second.get("/api/v1/push/key", &token).await.json().await.unwrap();
    assert_eq!(first_key, second_key);
    assert!(first_key["public_key"].as_str().is_some_and(|k| k.len() > 40));

    // A key stored before keys were sealed is sealed on the next start, and still the same.
    let older = app::push::crypto::Vapid::generate();
    sqlx::query("UPDATE server_keys SET value = $1 WHERE name = 'vapid'")
        .bind(older.private_key())
        .execute(&app.db)
        .await
        .unwrap();
    let third = app.spawn_second().await;
    let third_key: Value = third.get("/api/v1/push/key", &token).await.json().await.unwrap();
    assert_eq!(third_key["public_key"], older.public_key());
    let stored: String = sqlx::query_scalar("SELECT value FROM server_keys WHERE name = 'vapid'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(stored.starts_with("v1.") && !stored.contains(&older.private_key()));
}
