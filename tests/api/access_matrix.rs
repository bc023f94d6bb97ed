//! Walks `access_matrix.md`: every route of the API and every server function, as every
//! role, against case A. Fails on any cell that answers otherwise, and on any route that
//! exists but has no row.

use integration::TestApp;
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const MATRIX: &str = include_str!("access_matrix.md");

/// Routes that need no account by design (signing in, joining with a code, the document).
const OPEN_ROUTES: [(&str, &str); 3] = [
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/join"),
    ("get", "/api/v1/openapi.json"),
];

struct Row {
    method: Method,
    template: String,
    /// Per role, in the order of `roles`: the status and, for refusals, the error code.
    expected: Vec<(u16, Option<String>)>,
}

struct Matrix {
    roles: Vec<String>,
    rows: Vec<Row>,
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

fn parse_matrix() -> Matrix {
    let mut lines = MATRIX.lines().filter(|l| l.trim_start().starts_with('|'));
    let header = cells(lines.next().expect("a header row"));
    let roles = header[1..].to_vec();
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.contains("---")) {
        let cells = cells(line);
        assert_eq!(cells.len(), roles.len() + 1, "every role has a cell: {line}");
        let (method, template) = cells[0].split_once(' ').expect("METHOD /path");
        let expected = cells[1..]
            .iter()
            .map(|cell| {
                let mut parts = cell.split_whitespace();
                let status = parts.next().and_then(|s| s.parse().ok()).expect("a status");
                (status, parts.next().map(str::to_string))
            })
            .collect();
        rows.push(Row {
            method: Method::from_bytes(method.as_bytes()).expect("an HTTP method"),
            template: template.to_string(),
            expected,
        });
    }
    Matrix { roles, rows }
}

/// Case A's objects that the paths and bodies name.
struct Ids {
    case_a: i64,
    sarah: i64,
    lotte: i64,
    marleen: i64,
    milestone: i64,
    child: i64,
    step: i64,
    appointment: i64,
    contact: i64,
    ahmed: i64,
    pieter: i64,
    organisation: i64,
    conversation: i64,
    message: i64,
    plan: i64,
    item: i64,
    proposal: i64,
    conference: i64,
    decision: i64,
}

/// Sarah's coming case conference in the demo, and a decision Lotte writes down for it.
async fn coming_conference(app: &TestApp, case_a: i64) -> (i64, i64) {
    let conference = first(app, "SELECT MAX(id) FROM conferences WHERE case_id = $1", case_a).await;
    let lotte = app.token("lotte").await;
    let recorded = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/conferences/{conference}/decisions"),
            Some(&lotte),
            json!({ "decision": "Matrix", "meaning_for_you": "Matrix" }),
        )
        .await;
    let body = recorded.json::<Value>().await.unwrap();
    (conference, body["decisions"][0]["id"].as_i64().unwrap())
}

/// Sarah's release plan in the demo, its first item, and a proposal of hers to drop it.
async fn sarahs_plan(app: &TestApp, case_a: i64) -> (i64, i64, i64) {
    let plan = first(app, "SELECT MIN(id) FROM plans WHERE case_id = $1", case_a).await;
    let item = first(
        app,
        "SELECT MIN(i.item_key) FROM plan_items i JOIN plan_versions v ON v.id = i.version_id WHERE v.plan_id = $1",
        plan,
    )
    .await;
    let sarah = app.token("sarah").await;
    let proposed = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/plans/{plan}/proposals"),
            Some(&sarah),
            json!({ "kind": "remove", "item_key": item, "reason": "Matrix" }),
        )
        .await;
    let proposal = proposed.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    (plan, item, proposal)
}

/// Sarah's conversation with Lotte, and a message she wrote in it.
async fn sarah_writes_to_lotte(app: &TestApp) -> (i64, i64) {
    let sarah = app.token("sarah").await;
    let lotte = app.user_id("lotte").await;
    let conversations = app.list("/api/v1/conversations", &sarah, "conversations").await;
    let with_lotte = conversations
        .iter()
        .find(|c| c["kind"] == "pair" && c["members"].as_array().unwrap().iter().any(|m| m["user_id"] == lotte))
        .expect("a conversation with lotte");
    let conversation = with_lotte["id"].as_i64().unwrap();
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let sent = app
        .post_json(
            &path,
            Some(&sarah),
            json!({ "body": "Hallo", "client_id": "matrix-seed" }),
        )
        .await;
    (
        conversation,
        sent.json::<Value>().await.unwrap()["id"].as_i64().unwrap(),
    )
}

async fn first(app: &TestApp, sql: &str, key: i64) -> i64 {
    sqlx::query_scalar(sql).bind(key).fetch_one(&app.db).await.unwrap()
}

impl Ids {
    async fn load(app: &TestApp) -> Ids {
        let case_a = app.case_of("Sarah").await;
        let child = first(app, "SELECT MIN(id) FROM children WHERE case_id = $1", case_a).await;
        let (conversation, message) = sarah_writes_to_lotte(app).await;
        let (plan, item, proposal) = sarahs_plan(app, case_a).await;
        let (conference, decision) = coming_conference(app, case_a).await;
        Ids {
            case_a,
            sarah: app.user_id("sarah").await,
            lotte: app.user_id("lotte").await,
            marleen: app.user_id("marleen").await,
            milestone: first(app, "SELECT MIN(id) FROM milestones WHERE case_id = $1", case_a).await,
            step: first(
                app,
                "SELECT MIN(id) FROM reunification_steps WHERE child_id = $1",
                child,
            )
            .await,
            child,
            appointment: first(app, "SELECT MIN(id) FROM appointments WHERE case_id = $1", case_a).await,
            contact: first(app, "SELECT MIN(id) FROM contacts WHERE case_id = $1", case_a).await,
            ahmed: app.user_id("ahmed").await,
            pieter: app.user_id("pieter").await,
            organisation: first(
                app,
                "SELECT organisation_id FROM users WHERE id = $1",
                app.user_id("lotte").await,
            )
            .await,
            conversation,
            message,
            plan,
            item,
            proposal,
            conference,
            decision,
        }
    }

    fn path(&self, template: &str) -> String {
        template
            .replace("{case_id}", &self.case_a.to_string())
            .replace("{milestone_id}", &self.milestone.to_string())
            .replace("{member_id}", &self.marleen.to_string())
            .replace("{user_id}", &self.sarah.to_string())
            .replace("{child_id}", &self.child.to_string())
            .replace("{step_id}", &self.step.to_string())
            .replace("{appointment_id}", &self.appointment.to_string())
            .replace("{contact_id}", &self.contact.to_string())
            .replace("{conversation_id}", &self.conversation.to_string())
            .replace("{organisation_id}", &self.organisation.to_string())
            .replace("{lang}", "ar")
            .replace("{request_id}", "987654")
            .replace("{topic}", "housing")
            .replace("{plan_id}", &self.plan.to_string())
            .replace("{item_key}", &self.item.to_string())
            .replace("{proposal_id}", &self.proposal.to_string())
            .replace("{number}", "1")
            .replace("{conference_id}", &self.conference.to_string())
            .replace("{decision_id}", &self.decision.to_string())
            .replace("{id}", "999999")
    }

    /// A valid body for each write, so that only who asks decides the answer.
    fn body(&self, method: &Method, template: &str, role: &str) -> Option<Value> {
        let body = match (method.as_str(), template) {
            ("POST", "/api/v1/auth/logout") => json!({}),
            ("POST", "/api/v1/me/password") => {
                json!({ "current_password": "not the password", "new_password": "a new and long password" })
            }
            ("POST", "/api/v1/me/sign-out-everywhere") => json!({}),
            ("POST", "/api/v1/users/{id}/disable") => json!({}),
            ("POST", "/api/v1/me/erasure") => json!({ "reason": "Matrix" }),
            ("POST", "/api/v1/erasure-requests/{id}/confirm") => json!({}),
            ("POST", "/api/v1/erasure-requests/{id}/decline") => json!({ "explanation": "Matrix" }),
            ("POST", "/api/v1/auth/second-factor") => json!({ "code": "ABCDEF" }),
            ("POST", "/api/v1/me/second-factor/confirm") => json!({ "code": "ABCDEF" }),
            ("POST", "/api/v1/organisations") => json!({ "name": "Matrix organisation" }),
            ("POST", "/api/v1/cases") => json!({ "participant_name": "Matrix" }),
            // lotte is already in the circle, so assigning her again is invalid input.
            ("POST", "/api/v1/cases/{case_id}/workers") => json!({ "user_id": self.lotte, "case_role": "buddy" }),
            ("POST", "/api/v1/cases/{case_id}/members/{user_id}/end") => json!({}),
            ("POST", "/api/v1/invitations") => {
                json!({ "kind": "family", "case_id": self.case_a, "display_name": "X", "relationship": "other" })
            }
            ("POST", "/api/v1/reset-codes") => json!({ "user_id": self.marleen }),
            ("PATCH", "/api/v1/cases/{case_id}/appointments/{appointment_id}") => {
                json!({ "starts_at": "2031-05-05T10:00", "reason": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/appointments/{appointment_id}/cannot-come") => {
                json!({ "reason": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/appointments/{appointment_id}/cancel") => json!({ "reason": "Matrix" }),
            ("PUT", "/api/v1/cases/{case_id}/milestones/{milestone_id}/translations/{lang}") => {
                json!({ "texts": { "title": "Matrix" } })
            }
            ("PUT", "/api/v1/cases/{case_id}/reunification/steps/{step_id}/translations/{lang}") => {
                json!({ "texts": { "conditions": "Matrix" } })
            }
            ("POST", "/api/v1/cases/{case_id}/milestones/{milestone_id}/responses") => {
                json!({ "kind": "question", "body": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/phase") => json!({
                "phase": "after_care", "effective_on": "2031-01-10", "decided_by": "Matrix", "reason": "Matrix"
            }),
            ("POST", "/api/v1/cases/{case_id}/milestones") => {
                json!({ "phase": "after_care", "title": "T", "explanation": "E", "decided_by": "D" })
            }
            ("PATCH", "/api/v1/cases/{case_id}/milestones/{milestone_id}") => {
                json!({ "status": "in_progress", "reason": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/contacts") => {
                json!({ "kind": "school", "name": "N", "role": "R", "why_involved": "W" })
            }
            ("PATCH", "/api/v1/cases/{case_id}/contacts/{contact_id}") => json!({ "office_hours": "Matrix" }),
            ("POST", "/api/v1/cases/{case_id}/appointments") => json!({
                "starts_at": "2030-01-01T10:00", "duration_minutes": 30, "mode": "video",
                "place": "P", "with_whom": "W", "purpose": "Matrix"
            }),
            ("POST", "/api/v1/cases/{case_id}/reunification/children") => {
                json!({ "alias": "Matrix", "age_band": "4_7" })
            }
            ("POST", "/api/v1/cases/{case_id}/reunification/children/{child_id}/steps") => {
                json!({ "kind": "day_visit" })
            }
            ("PATCH", "/api/v1/cases/{case_id}/reunification/steps/{step_id}") => {
                json!({ "status": "done", "reason": "Matrix" })
            }
            ("PUT", "/api/v1/cases/{case_id}/consents/{member_id}") => {
                json!({ "categories": ["reunification", "appointments"] })
            }
            ("PUT", "/api/v1/cases/{case_id}/restrictions/{member_id}") => json!({ "reason": "Matrix" }),
            ("POST", "/api/v1/conversations") => {
                json!({ "case_id": self.case_a, "worker_ids": [self.lotte, self.ahmed] })
            }
            // Each sender's own id for the message; the same id from two people is two messages.
            ("POST", "/api/v1/conversations/{conversation_id}/messages") => {
                json!({ "body": "Matrix", "client_id": "matrix-message" })
            }
            ("POST", "/api/v1/conversations/{conversation_id}/read") => json!({ "up_to": self.message }),
            ("PUT", "/api/v1/me/read-receipts") => json!({ "send": true }),
            ("POST", "/api/v1/cases/{case_id}/circle-requests") => {
                json!({ "kind": "invite", "about": "Matrix", "reason": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/circle-requests/{request_id}/answer") => json!({ "accept": true }),
            ("PUT", "/api/v1/me/preferences") => {
                json!({ "worker_gender": "no_preference", "contact_by": "no_preference", "shown_to_workers": false })
            }
            ("PUT", "/api/v1/me/reminders") => json!({ "when": "day_before" }),
            ("PUT", "/api/v1/cases/{case_id}/release") => json!({ "release_on": "2031-01-01" }),
            ("PUT", "/api/v1/cases/{case_id}/release/items/{topic}") => {
                json!({ "status": "in_progress", "owner_user_id": null, "note": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/release/items/{topic}/comments") => json!({ "body": "Matrix" }),
            ("POST", "/api/v1/cases/{case_id}/release/buddy-meeting") => json!({
                "starts_at": "2030-12-01T10:00", "duration_minutes": 60, "mode": "in_person",
                "place": "Matrix", "despite_preferences": true
            }),
            ("POST", "/api/v1/cases/{case_id}/plans") => json!({ "kind": "custom", "title": "Matrix" }),
            ("POST", "/api/v1/push/subscriptions") => {
                use base64::Engine;
                use p256::elliptic_curve::sec1::ToEncodedPoint;
                let key = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
                let encode = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
                json!({ "endpoint": format!("https://push.example/{role}"), "keys": {
                    "p256dh": encode(key.public_key().to_encoded_point(false).as_bytes()),
                    "auth": encode(&[1u8; 16]),
                }})
            }
            ("DELETE", "/api/v1/push/subscriptions") => json!({ "endpoint": format!("https://push.example/{role}") }),
            ("POST", "/api/v1/cases/{case_id}/conferences") => {
                json!({ "held_on": "2030-01-01", "participants": "Matrix" })
            }
            ("PUT", "/api/v1/cases/{case_id}/conferences/{conference_id}/input") => json!({ "body": "Matrix" }),
            ("POST", "/api/v1/cases/{case_id}/conferences/{conference_id}/decisions") => {
                json!({ "decision": "Matrix", "meaning_for_you": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/conferences/{conference_id}/decisions/{decision_id}/responses") => {
                json!({ "body": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/items") => json!({ "what": "Matrix", "why": "Matrix" }),
            ("PATCH", "/api/v1/cases/{case_id}/plans/{plan_id}/items/{item_key}") => json!({ "what": "Matrix" }),
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/items/{item_key}/comments") => {
                json!({ "body": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/proposals") => {
                json!({ "kind": "reword", "item_key": self.item, "what": "Matrix", "reason": "Matrix" })
            }
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/accept") => json!({}),
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/decline") => {
                json!({ "reason": "Matrix" })
            }
            // The demo's version 1 is put up for agreement; the matrix changes it into version 2 first.
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/submit") => json!({ "number": 2 }),
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/parties") => json!({ "user_id": self.marleen }),
            ("PUT", "/api/v1/cases/{case_id}/plans/{plan_id}/versions/{number}/items/{item_key}/response") => {
                json!({ "stance": "agree" })
            }
            ("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/versions/{number}/signatures") => json!({}),
            ("POST", "/api/v1/conversations/{conversation_id}/members") => json!({ "user_id": self.ahmed }),
            ("PUT", "/api/v1/organisations/{organisation_id}/response-promise") => json!({ "working_days": 3 }),
            // lotte and pieter work for the same organisation, so each can stand in for the other.
            ("PUT", "/api/v1/me/away") => {
                let colleague = if role == "lotte" { self.pieter } else { self.lotte };
                json!({ "until": "2099-12-31", "stand_in_id": colleague })
            }
            _ => return None,
        };
        Some(body)
    }
}

/// Every route the application serves: the documented API and the registered server functions.
async fn existing_routes(app: &TestApp) -> BTreeSet<(String, String)> {
    let doc: Value = app
        .http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut routes = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            routes.insert((method.to_lowercase(), path.clone()));
        }
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.insert((method.as_str().to_lowercase(), path.to_string()));
    }
    routes
}

async fn ask(app: &TestApp, ids: &Ids, row: &Row, role: &str) -> (StatusCode, Option<String>) {
    let path = ids.path(&row.template);
    let mut request = app.http.request(row.method.clone(), app.url(&path));
    if path.starts_with("/s/") {
        // Server functions are what pages call, with the session cookie and a form.
        request = request
            .header(header::ORIGIN, app.url(""))
            .header(header::ACCEPT, "application/json")
            .form(&[
                ("case_id", ids.case_a),
                ("conversation_id", ids.conversation),
                ("plan_id", ids.plan),
                ("conference_id", ids.conference),
            ]);
        if role != "anonymous" {
            request = request.header(header::COOKIE, app.web_session(role).await);
        }
    } else {
        // A fresh token per cell, so signing out in one cell does not affect the next.
        if role != "anonymous" {
            request = request.bearer_auth(app.token(role).await);
        }
        if let Some(body) = ids.body(&row.method, &row.template, role) {
            request = request.json(&body);
        }
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let code = if status.is_success() {
        None
    } else {
        let body: Value = response.json().await.unwrap_or(Value::Null);
        // The API nests the code under `error`; a server function's error is the bare object.
        body["error"]["code"]
            .as_str()
            .or(body["code"].as_str())
            .map(str::to_string)
    };
    (status, code)
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let matrix = parse_matrix();
    assert_eq!(
        matrix.roles,
        [
            "anonymous",
            "sarah",
            "marleen",
            "yusuf",
            "lotte",
            "pieter",
            "youssef",
            "coordinator"
        ]
    );
    let ids = Ids::load(&app).await;

    let mut listed: BTreeSet<(String, String)> = matrix
        .rows
        .iter()
        .map(|r| {
            let path = r.template.split('?').next().unwrap_or_default();
            (r.method.as_str().to_lowercase(), path.to_string())
        })
        .collect();
    listed.extend(OPEN_ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())));
    let missing: Vec<_> = existing_routes(&app).await.difference(&listed).cloned().collect();
    assert!(
        missing.is_empty(),
        "routes without a row in access_matrix.md: {missing:?}"
    );

    let mut mismatches = Vec::new();
    for row in &matrix.rows {
        for (role, (want_status, want_code)) in matrix.roles.iter().zip(&row.expected) {
            let (status, code) = ask(&app, &ids, row, role).await;
            let code_matches = want_code.is_none() || *want_code == code;
            if status.as_u16() != *want_status || !code_matches {
                mismatches.push(format!(
                    "{} {} as {role}: got {status} {code:?}, want {want_status} {want_code:?}",
                    row.method, row.template
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
