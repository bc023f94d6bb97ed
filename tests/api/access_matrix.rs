//! Every `/api/v1` route against every role: who gets in, who is turned away, and how.
//! The test also fails when the OpenAPI document lists a route this file does not.

use integration::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Roles, in the order of each row's expected statuses.
const ROLES: [&str; 6] = ["anonymous", "sarah", "marleen", "lotte", "pieter", "coordinator"];

/// Routes that need no account by design (signing in, joining with a code, the document).
const OPEN_ROUTES: [(&str, &str); 3] = [
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/join"),
    ("get", "/api/v1/openapi.json"),
];

struct Row {
    method: Method,
    template: &'static str,
    body: Option<Value>,
    /// anonymous, sarah (participant of A), marleen (family of A, trajectory not shared),
    /// lotte (worker of A), pieter (worker of B only), coordinator (not in A).
    expected: [u16; 6],
}

fn row(method: Method, template: &'static str, body: Option<Value>, expected: [u16; 6]) -> Row {
    Row {
        method,
        template,
        body,
        expected,
    }
}

#[tokio::test]
async fn every_api_route_answers_each_role_as_agreed() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.user_id("lotte").await;
    let marleen = app.user_id("marleen").await;
    let milestone: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE case_id = $1 ORDER BY id LIMIT 1")
        .bind(case_a)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let child: i64 = sqlx::query_scalar("SELECT id FROM children WHERE case_id = $1 ORDER BY id LIMIT 1")
        .bind(case_a)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let step: i64 = sqlx::query_scalar("SELECT id FROM reunification_steps WHERE child_id = $1 ORDER BY id LIMIT 1")
        .bind(child)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let appointment: i64 = sqlx::query_scalar("SELECT id FROM appointments WHERE case_id = $1 ORDER BY id LIMIT 1")
        .bind(case_a)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let new_milestone = json!({ "phase": "after_care", "title": "T", "explanation": "E", "decided_by": "D" });
    let rows = [
        row(
            Method::POST,
            "/api/v1/auth/logout",
            Some(json!({})),
            [401, 204, 204, 204, 204, 204],
        ),
        row(Method::GET, "/api/v1/me", None, [401, 200, 200, 200, 200, 200]),
        row(Method::GET, "/api/v1/me/devices", None, [401, 200, 200, 200, 200, 200]),
        row(
            Method::DELETE,
            "/api/v1/me/devices/{id}",
            None,
            [401, 404, 404, 404, 404, 404],
        ),
        row(Method::GET, "/api/v1/cases", None, [401, 200, 200, 200, 200, 200]),
        row(
            Method::POST,
            "/api/v1/organisations",
            Some(json!({ "name": "Matrix organisation" })),
            [401, 403, 403, 403, 403, 201],
        ),
        row(
            Method::POST,
            "/api/v1/cases",
            Some(json!({ "participant_name": "Matrix" })),
            [401, 403, 403, 403, 403, 201],
        ),
        // lotte is already in the circle, so assigning her again is invalid input.
        row(
            Method::POST,
            "/api/v1/cases/{case_id}/workers",
            Some(json!({ "user_id": lotte, "case_role": "buddy" })),
            [401, 403, 403, 403, 403, 422],
        ),
        row(
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "kind": "family", "case_id": case_a, "display_name": "X", "relationship": "other" })),
            [401, 403, 403, 201, 404, 404],
        ),
        row(
            Method::POST,
            "/api/v1/reset-codes",
            Some(json!({ "user_id": marleen })),
            [401, 403, 403, 201, 403, 201],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/milestones",
            None,
            [401, 200, 403, 200, 404, 404],
        ),
        row(
            Method::POST,
            "/api/v1/cases/{case_id}/milestones",
            Some(new_milestone),
            [401, 403, 403, 201, 404, 404],
        ),
        row(
            Method::PATCH,
            "/api/v1/cases/{case_id}/milestones/{milestone_id}",
            Some(json!({ "status": "in_progress", "reason": "Matrix" })),
            [401, 403, 403, 200, 404, 404],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/access-log",
            None,
            [401, 200, 403, 200, 404, 404],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/consents",
            None,
            [401, 200, 403, 200, 404, 404],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/appointments",
            None,
            [401, 200, 200, 200, 404, 404],
        ),
        row(
            Method::POST,
            "/api/v1/cases/{case_id}/appointments",
            Some(json!({
                "starts_at": "2030-01-01T10:00", "duration_minutes": 30, "mode": "video",
                "place": "P", "with_whom": "W", "purpose": "Matrix"
            })),
            [401, 403, 403, 201, 404, 404],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/appointments/{appointment_id}/calendar.ics",
            None,
            [401, 200, 200, 200, 404, 404],
        ),
        row(
            Method::GET,
            "/api/v1/cases/{case_id}/reunification",
            None,
            [401, 200, 200, 200, 404, 404],
        ),
        row(
            Method::POST,
            "/api/v1/cases/{case_id}/reunification/children",
            Some(json!({ "alias": "Matrix", "age_band": "4_7" })),
            [401, 403, 403, 201, 404, 404],
        ),
        row(
            Method::POST,
            "/api/v1/cases/{case_id}/reunification/children/{child_id}/steps",
            Some(json!({ "kind": "day_visit" })),
            [401, 403, 403, 201, 404, 404],
        ),
        row(
            Method::PATCH,
            "/api/v1/cases/{case_id}/reunification/steps/{step_id}",
            Some(json!({ "status": "done" })),
            [401, 403, 403, 200, 404, 404],
        ),
        row(
            Method::PUT,
            "/api/v1/cases/{case_id}/consents/{member_id}",
            Some(json!({ "categories": ["reunification", "appointments"] })),
            [401, 200, 403, 403, 404, 404],
        ),
        row(
            Method::PUT,
            "/api/v1/cases/{case_id}/restrictions/{member_id}",
            Some(json!({ "reason": "Matrix" })),
            [401, 403, 403, 200, 404, 404],
        ),
        row(
            Method::DELETE,
            "/api/v1/cases/{case_id}/restrictions/{member_id}",
            None,
            [401, 403, 403, 204, 404, 404],
        ),
    ];

    // Every documented route is in this file.
    let doc: Value = app
        .http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut documented = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            documented.insert((method.to_lowercase(), path.clone()));
        }
    }
    let mut listed: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.method.as_str().to_lowercase(), r.template.to_string()))
        .collect();
    listed.extend(OPEN_ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())));
    let missing: Vec<_> = documented.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the access matrix: {missing:?}"
    );

    let mut mismatches = Vec::new();
    for row in &rows {
        let path = row
            .template
            .replace("{case_id}", &case_a.to_string())
            .replace("{milestone_id}", &milestone.to_string())
            .replace("{member_id}", &marleen.to_string())
            .replace("{child_id}", &child.to_string())
            .replace("{step_id}", &step.to_string())
            .replace("{appointment_id}", &appointment.to_string())
            .replace("{id}", "999999");
        for (role, want) in ROLES.iter().zip(row.expected) {
            // A fresh token per cell, so signing out in one cell does not affect the next.
            let mut request = app.http.request(row.method.clone(), app.url(&path));
            if *role != "anonymous" {
                request = request.bearer_auth(app.token(role).await);
            }
            if let Some(body) = &row.body {
                request = request.json(body);
            }
            let got = request.send().await.unwrap().status();
            if got != StatusCode::from_u16(want).unwrap() {
                mismatches.push(format!(
                    "{} {} as {role}: got {got}, want {want}",
                    row.method, row.template
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
