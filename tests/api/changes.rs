use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn changes(app: &TestApp, case_id: i64, token: &str, since: i64, limit: i64) -> Value {
    let path = format!("/api/v1/cases/{case_id}/changes?since={since}&limit={limit}");
    let response = app.get(&path, token).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Follows the feed to its end, as a phone does, and returns (changes, final cursor).
async fn sync(app: &TestApp, case_id: i64, token: &str, mut since: i64) -> (Vec<Value>, i64) {
    let mut seen = Vec::new();
    loop {
        let page = changes(app, case_id, token, since, 2).await;
        seen.extend(page["changes"].as_array().unwrap().iter().cloned());
        since = page["cursor"].as_i64().unwrap();
        if !page["more"].as_bool().unwrap() {
            return (seen, since);
        }
    }
}

fn kinds(changes: &[Value]) -> Vec<(String, String)> {
    changes
        .iter()
        .map(|c| {
            (
                c["object_type"].as_str().unwrap().to_string(),
                c["change"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn make_three_changes(app: &TestApp, case_id: i64) {
    let lotte = app.token("lotte").await;
    let milestone = json!({ "phase": "after_care", "title": "Nazorg", "explanation": "E", "decided_by": "D" });
    let appointment = json!({
        "starts_at": "2030-05-06T10:00", "duration_minutes": 30, "mode": "video",
        "place": "Via de app", "with_whom": "Lotte", "purpose": "Opvolging"
    });
    let contact =
        json!({ "kind": "lawyer", "name": "Meester Janssens", "role": "advocaat", "why_involved": "Hoger beroep" });
    for (what, body) in [
        ("milestones", milestone),
        ("appointments", appointment),
        ("contacts", contact),
    ] {
        let response = app
            .post_json(&format!("/api/v1/cases/{case_id}/{what}"), Some(&lotte), body)
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "{what}");
    }
}

#[tokio::test]
async fn a_phone_that_was_offline_learns_what_changed_and_nothing_twice() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let (_, before) = sync(&app, case_a, &sarah, 0).await;

    make_three_changes(&app, case_a).await;
    let (seen, after) = sync(&app, case_a, &sarah, before).await;
    assert_eq!(
        kinds(&seen),
        [
            ("milestone".to_string(), "created".to_string()),
            ("appointment".to_string(), "created".to_string()),
            ("contact".to_string(), "created".to_string()),
        ]
    );
    assert!(after > before);
    let again = changes(&app, case_a, &sarah, after, 10).await;
    assert!(again["changes"].as_array().unwrap().is_empty());
    assert_eq!(again["cursor"], after, "nothing new: the cursor stays where it was");
}

#[tokio::test]
async fn family_members_learn_only_of_changes_in_what_is_shared_with_them() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let marleen = app.token("marleen").await;
    let yusuf = app.token("yusuf").await;
    let (_, marleen_before) = sync(&app, case_a, &marleen, 0).await;
    let (_, yusuf_before) = sync(&app, case_a, &yusuf, 0).await;
    make_three_changes(&app, case_a).await;

    let (marleen_sees, _) = sync(&app, case_a, &marleen, marleen_before).await;
    assert_eq!(
        kinds(&marleen_sees),
        [("appointment".to_string(), "created".to_string())]
    );
    let (yusuf_sees, _) = sync(&app, case_a, &yusuf, yusuf_before).await;
    assert!(yusuf_sees.is_empty(), "nothing is shared with yusuf");

    let pieter = app.token("pieter").await;
    let outsider = app.get(&format!("/api/v1/cases/{case_a}/changes"), &pieter).await;
    assert_eq!(
        error_code(outsider).await,
        (StatusCode::NOT_FOUND, "not_found".to_string())
    );
}

#[tokio::test]
async fn phones_learn_of_plan_and_conference_changes_when_they_may_read_plans() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let (_, sarah_before) = sync(&app, case_a, &sarah, 0).await;
    let (_, marleen_before) = sync(&app, case_a, &marleen, 0).await;

    let plan = json!({ "kind": "support", "items": [{ "what": "Gesprek", "why": "Opvolging" }] });
    let created = app
        .post_json(&format!("/api/v1/cases/{case_a}/plans"), Some(&lotte), plan)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let plan: Value = created.json().await.unwrap();
    let submitted = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/plans/{}/submit", plan["plan_id"]),
            Some(&lotte),
            json!({ "number": 1 }),
        )
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let conference = json!({ "held_on": "2030-01-10", "participants": "Lotte, Ahmed" });
    let recorded = app
        .post_json(&format!("/api/v1/cases/{case_a}/conferences"), Some(&lotte), conference)
        .await;
    assert_eq!(recorded.status(), StatusCode::CREATED);
    let recorded: Value = recorded.json().await.unwrap();
    let decision = json!({ "decision": "Opleiding in maart", "meaning_for_you": "Je begint in maart." });
    let decided = app
        .post_json(
            &format!("/api/v1/cases/{case_a}/conferences/{}/decisions", recorded["id"]),
            Some(&lotte),
            decision,
        )
        .await;
    assert!(decided.status().is_success());

    let (seen, _) = sync(&app, case_a, &sarah, sarah_before).await;
    assert_eq!(
        kinds(&seen),
        [
            ("plan".to_string(), "created".to_string()),
            ("plan".to_string(), "changed".to_string()),
            ("conference".to_string(), "created".to_string()),
            ("conference".to_string(), "changed".to_string()),
        ]
    );
    assert!(seen.iter().all(|c| c["category"] == "plans"));
    let (marleen_sees, _) = sync(&app, case_a, &marleen, marleen_before).await;
    assert!(marleen_sees.is_empty(), "plans are not shared with Marleen");
}
