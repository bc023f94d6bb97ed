//! Every `/api/v1` route against every role: who gets in, who is turned away, and how.

use integration::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct Route {
    method: Method,
    path: String,
    body: Option<Value>,
}

fn route(method: Method, path: impl Into<String>, body: Option<Value>) -> Route {
    Route {
        method,
        path: path.into(),
        body,
    }
}

#[tokio::test]
async fn every_api_route_answers_each_role_as_agreed() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.user_id("lotte").await;
    let marleen = app.user_id("marleen").await;
    let routes = [
        route(Method::GET, "/api/v1/me", None),
        route(Method::GET, "/api/v1/me/devices", None),
        route(Method::GET, "/api/v1/cases", None),
        route(
            Method::POST,
            "/api/v1/organisations",
            Some(json!({ "name": "Matrix organisation" })),
        ),
        route(
            Method::POST,
            "/api/v1/cases",
            Some(json!({ "participant_name": "Matrix" })),
        ),
        route(
            Method::POST,
            format!("/api/v1/cases/{case_a}/workers"),
            Some(json!({ "user_id": lotte, "case_role": "buddy" })),
        ),
        route(
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "kind": "family", "case_id": case_a, "display_name": "X", "relationship": "other" })),
        ),
        route(Method::POST, "/api/v1/reset-codes", Some(json!({ "user_id": marleen }))),
    ];
    // Expected status per role: anonymous, participant (sarah), family (marleen),
    // worker in the case (lotte), worker outside it (pieter), coordinator. A case you
    // are not in answers 404: its existence is not revealed.
    let expected: [[u16; 6]; 8] = [
        [401, 200, 200, 200, 200, 200],
        [401, 200, 200, 200, 200, 200],
        [401, 200, 200, 200, 200, 200],
        [401, 403, 403, 403, 403, 201],
        [401, 403, 403, 403, 403, 201],
        // lotte is already in the circle, so assigning her again is invalid input.
        [401, 403, 403, 403, 403, 422],
        [401, 403, 403, 201, 404, 404],
        [401, 403, 403, 201, 403, 201],
    ];
    let mut tokens = vec![None];
    for name in ["sarah", "marleen", "lotte", "pieter", "coordinator"] {
        tokens.push(Some(app.token(name).await));
    }
    let mut mismatches = Vec::new();
    for (route, row) in routes.iter().zip(expected) {
        for (token, want) in tokens.iter().zip(row) {
            let mut request = app.http.request(route.method.clone(), app.url(&route.path));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            if let Some(body) = &route.body {
                request = request.json(body);
            }
            let got = request.send().await.unwrap().status();
            if got != StatusCode::from_u16(want).unwrap() {
                mismatches.push(format!(
                    "{} {} as role #{}: got {got}, want {want}",
                    route.method,
                    route.path,
                    tokens.iter().position(|t| t == token).unwrap()
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
