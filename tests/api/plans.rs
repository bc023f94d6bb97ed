//! Co-decided plans through the phone API: drafting together, proposals accepted and
//! declined with reasons, agreement per item, signatures, and versions that stay as signed.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct Plan {
    base: String,
    first: i64,
    second: i64,
}

/// Lotte drafts a support plan for Sarah's case: one item for herself, one for Sarah.
async fn lotte_drafts(app: &TestApp, lotte: &str) -> Plan {
    let case = app.case_of("Sarah").await;
    let body = json!({
        "kind": "support",
        "items": [
            { "what": "Elke twee weken een gesprek", "owner_user_id": app.user_id("lotte").await,
              "why": "Om samen op te volgen hoe het gaat" },
            { "what": "Een opleiding kiezen", "owner_user_id": app.user_id("sarah").await,
              "due_on": "2027-02-01", "why": "Je wilt later als verzorgende werken" },
        ]
    });
    let created = app
        .post_json(&format!("/api/v1/cases/{case}/plans"), Some(lotte), body)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let plan = success(created).await;
    assert_eq!(plan["number"], 1);
    assert_eq!(plan["state"], "draft");
    let keys: Vec<i64> = plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_i64().unwrap())
        .collect();
    Plan {
        base: format!("/api/v1/cases/{case}/plans/{}", plan["plan_id"]),
        first: keys[0],
        second: keys[1],
    }
}

fn item(version: &Value, key: i64) -> &Value {
    version["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .expect("the item")
}

#[tokio::test]
async fn a_plan_is_drafted_together_agreed_item_by_item_and_stays_as_signed() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let plan = lotte_drafts(&app, &lotte).await;

    // Sarah proposes other words; Lotte declines, and Sarah reads why.
    let reword = json!({ "kind": "reword", "item_key": plan.second, "what": "Een opleiding in de zorg kiezen",
                         "reason": "Ik weet al welke richting" });
    let proposal = success(
        app.post_json(&format!("{}/proposals", plan.base), Some(&sarah), reword)
            .await,
    )
    .await;
    let declined = app
        .post_json(
            &format!("{}/proposals/{}/decline", plan.base, proposal["id"]),
            Some(&lotte),
            json!({ "reason": "" }),
        )
        .await;
    assert_eq!(
        error_code(declined).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    let decline = json!({ "reason": "Laten we eerst samen de opties bekijken" });
    success(
        app.post_json(
            &format!("{}/proposals/{}/decline", plan.base, proposal["id"]),
            Some(&lotte),
            decline,
        )
        .await,
    )
    .await;
    let seen = success(app.get(&plan.base, &sarah).await).await;
    let mine = &seen["current"]["proposals"][0];
    assert_eq!(mine["status"], "declined");
    assert_eq!(mine["decline_reason"], "Laten we eerst samen de opties bekijken");
    assert_eq!(item(&seen["current"], plan.second)["what"], "Een opleiding kiezen");

    // A new proposal, for a later date, is accepted and changes the draft.
    let later =
        json!({ "kind": "date", "item_key": plan.second, "due_on": "2027-04-01", "reason": "Eerst mijn rijbewijs" });
    let proposal = success(
        app.post_json(&format!("{}/proposals", plan.base), Some(&sarah), later)
            .await,
    )
    .await;
    let accepted = success(
        app.post_json(
            &format!("{}/proposals/{}/accept", plan.base, proposal["id"]),
            Some(&lotte),
            json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(accepted["number"], 1, "a draft changes in place");
    assert_eq!(item(&accepted, plan.second)["due_on"], "2027-04-01");
    let again = app
        .post_json(
            &format!("{}/proposals/{}/accept", plan.base, proposal["id"]),
            Some(&lotte),
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(again).await,
        (StatusCode::CONFLICT, "proposal_decided".into())
    );

    // Up for agreement: Sarah and Lotte (who owns an item) must sign.
    let submitted = success(
        app.post_json(&format!("{}/submit", plan.base), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    assert_eq!(submitted["state"], "awaiting_signatures");
    let parties: Vec<&str> = submitted["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"]["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(parties.len(), 2);
    assert!(parties.contains(&"Sarah") && parties.contains(&"Lotte"));

    let version = format!("{}/versions/1", plan.base);
    let early = app
        .post_json(&format!("{version}/signatures"), Some(&sarah), json!({}))
        .await;
    assert_eq!(
        error_code(early).await,
        (StatusCode::CONFLICT, "items_unanswered".into())
    );
    let respond = |key: i64, body: Value, token: String| {
        let path = format!("{version}/items/{key}/response");
        let app = &app;
        async move { app.call(Method::PUT, &path, &token, Some(body)).await }
    };
    success(respond(plan.first, json!({ "stance": "agree" }), sarah.clone()).await).await;
    let bare = respond(plan.second, json!({ "stance": "disagree" }), sarah.clone()).await;
    assert_eq!(
        error_code(bare).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    let why = "April is te vroeg, ik start pas in mei";
    success(
        respond(
            plan.second,
            json!({ "stance": "disagree", "reason": why }),
            sarah.clone(),
        )
        .await,
    )
    .await;
    let signed = success(
        app.post_json(&format!("{version}/signatures"), Some(&sarah), json!({}))
            .await,
    )
    .await;
    assert_eq!(signed["state"], "awaiting_signatures", "Lotte has not signed yet");
    let twice = app
        .post_json(&format!("{version}/signatures"), Some(&sarah), json!({}))
        .await;
    assert_eq!(error_code(twice).await, (StatusCode::CONFLICT, "already_signed".into()));

    // Lotte sees the disagreement and its reason, answers, signs: agreed.
    let for_lotte = success(app.get(&version, &lotte).await).await;
    assert!(for_lotte["waiting_for_you"].as_bool().unwrap());
    let disagreement = &item(&for_lotte, plan.second)["responses"][0];
    assert_eq!(disagreement["stance"], "disagree");
    assert_eq!(disagreement["reason"], why);
    success(respond(plan.first, json!({ "stance": "agree" }), lotte.clone()).await).await;
    success(respond(plan.second, json!({ "stance": "agree" }), lotte.clone()).await).await;
    let agreed = success(
        app.post_json(&format!("{version}/signatures"), Some(&lotte), json!({}))
            .await,
    )
    .await;
    assert_eq!(agreed["state"], "agreed");
    assert!(agreed["agreed_at"].is_i64());
    assert_eq!(
        item(&agreed, plan.second)["responses"].as_array().unwrap().len(),
        2,
        "the disagreement stays"
    );

    // A change after agreement starts version 2; version 1 stays exactly as signed.
    let change = json!({ "what": "Elke week een gesprek" });
    let changed = success(
        app.call(
            Method::PATCH,
            &format!("{}/items/{}", plan.base, plan.first),
            &lotte,
            Some(change),
        )
        .await,
    )
    .await;
    assert_eq!(changed["number"], 2);
    assert_eq!(changed["state"], "draft");
    assert_eq!(item(&changed, plan.first)["what"], "Elke week een gesprek");
    let first = success(app.get(&version, &lotte).await).await;
    assert_eq!(
        first,
        agreed
            .as_object()
            .map(|v| {
                let mut v = Value::Object(v.clone());
                v["latest_number"] = json!(2);
                v
            })
            .unwrap(),
        "version 1 is unchanged, only the newest number moved on"
    );

    let comparison = success(app.get(&format!("{}/compare?from=1&to=2", plan.base), &sarah).await).await;
    let differences = comparison["differences"].as_array().unwrap();
    assert_eq!(differences.len(), 1);
    assert_eq!(differences[0]["item_key"], plan.first);
    assert_eq!(differences[0]["difference"], "changed");
    assert_eq!(differences[0]["before"]["what"], "Elke twee weken een gesprek");

    let history = success(app.get(&plan.base, &sarah).await).await;
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["state"], "agreed");
    assert!(versions[0]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["signed_at"].is_i64()));
    assert_eq!(versions[1]["state"], "draft");
}

#[tokio::test]
async fn a_version_that_changed_since_it_was_read_cannot_be_answered_or_signed() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let plan = lotte_drafts(&app, &lotte).await;
    success(
        app.post_json(&format!("{}/submit", plan.base), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    let read = success(app.get(&format!("{}/versions/1", plan.base), &sarah).await).await;
    assert!(read["waiting_for_you"].as_bool().unwrap());

    // Meanwhile Lotte removes an item: that is version 2, and version 1 is superseded.
    let removed = success(
        app.call(
            Method::DELETE,
            &format!("{}/items/{}", plan.base, plan.second),
            &lotte,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(removed["number"], 2);
    assert_eq!(removed["items"].as_array().unwrap().len(), 1);

    let path = format!("{}/versions/1/items/{}/response", plan.base, plan.first);
    let answer = app
        .call(Method::PUT, &path, &sarah, Some(json!({ "stance": "agree" })))
        .await;
    assert_eq!(error_code(answer).await, (StatusCode::CONFLICT, "stale_version".into()));
    let sign = app
        .post_json(&format!("{}/versions/1/signatures", plan.base), Some(&sarah), json!({}))
        .await;
    assert_eq!(error_code(sign).await, (StatusCode::CONFLICT, "stale_version".into()));
    let stale_submit = app
        .post_json(&format!("{}/submit", plan.base), Some(&lotte), json!({ "number": 1 }))
        .await;
    assert_eq!(
        error_code(stale_submit).await,
        (StatusCode::CONFLICT, "stale_version".into())
    );
    let draft_sign = app
        .post_json(&format!("{}/versions/2/signatures", plan.base), Some(&sarah), json!({}))
        .await;
    assert_eq!(
        error_code(draft_sign).await,
        (StatusCode::CONFLICT, "not_open_for_agreement".into())
    );
    let superseded = success(app.get(&format!("{}/versions/1", plan.base), &sarah).await).await;
    assert_eq!(superseded["state"], "superseded");
    assert_eq!(
        superseded["items"].as_array().unwrap().len(),
        2,
        "what was put up for agreement stays readable"
    );
}

#[tokio::test]
async fn family_see_plans_only_when_shared_and_the_participant_may_ask_them_to_agree() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let marleen = app.token("marleen").await;
    let pieter = app.token("pieter").await;
    let case = app.case_of("Sarah").await;
    let plans = format!("/api/v1/cases/{case}/plans");

    assert_eq!(
        error_code(app.get(&plans, &marleen).await).await,
        (StatusCode::FORBIDDEN, "not_shared".into())
    );
    assert_eq!(
        error_code(app.get(&plans, &pieter).await).await,
        (StatusCode::NOT_FOUND, "not_found".into())
    );
    let plan = lotte_drafts(&app, &lotte).await;
    let marleen_id = app.user_id("marleen").await;
    let unshared = app
        .post_json(
            &format!("{}/parties", plan.base),
            Some(&sarah),
            json!({ "user_id": marleen_id }),
        )
        .await;
    assert_eq!(
        error_code(unshared).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );

    let share = json!({ "categories": ["reunification", "appointments", "plans"] });
    let shared = app
        .call(
            Method::PUT,
            &format!("/api/v1/cases/{case}/consents/{marleen_id}"),
            &sarah,
            Some(share),
        )
        .await;
    assert_eq!(shared.status(), StatusCode::OK);
    let listed = app.list(&plans, &marleen, "plans").await;
    assert!(listed.iter().any(|p| p["kind"] == "support"));
    let comment = app
        .post_json(
            &format!("{}/items/{}/comments", plan.base, plan.second),
            Some(&marleen),
            json!({ "body": "Ik help met zoeken" }),
        )
        .await;
    assert_eq!(comment.status(), StatusCode::CREATED);
    let by_worker = app
        .post_json(&format!("{}/submit", plan.base), Some(&marleen), json!({ "number": 1 }))
        .await;
    assert_eq!(
        error_code(by_worker).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );

    success(
        app.post_json(
            &format!("{}/parties", plan.base),
            Some(&sarah),
            json!({ "user_id": marleen_id }),
        )
        .await,
    )
    .await;
    let submitted = success(
        app.post_json(&format!("{}/submit", plan.base), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    assert!(submitted["parties"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["person"]["user_id"] == marleen_id));
    let summary = app.list(&plans, &marleen, "plans").await;
    let mine = summary.iter().find(|p| p["kind"] == "support").unwrap();
    assert!(mine["waiting_for_you"].as_bool().unwrap());
    let with_comment = success(app.get(&plan.base, &sarah).await).await;
    assert_eq!(
        item(&with_comment["current"], plan.second)["comments"][0]["body"],
        "Ik help met zoeken"
    );

    // Taking the share back closes the plan to her on the very next request.
    let unshare = json!({ "categories": ["reunification", "appointments"] });
    app.call(
        Method::PUT,
        &format!("/api/v1/cases/{case}/consents/{marleen_id}"),
        &sarah,
        Some(unshare),
    )
    .await;
    let after = app.get(&format!("{}/versions/1", plan.base), &marleen).await;
    assert_eq!(error_code(after).await, (StatusCode::FORBIDDEN, "not_shared".into()));
}

#[tokio::test]
async fn proposals_need_what_they_change_and_a_reason() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let plan = lotte_drafts(&app, &lotte).await;
    let proposals = format!("{}/proposals", plan.base);
    for (body, expected) in [
        (
            json!({ "kind": "reword", "item_key": plan.first, "what": "Anders", "reason": "  " }),
            "reason_required",
        ),
        (
            json!({ "kind": "reword", "item_key": plan.first, "reason": "Omdat" }),
            "invalid_input",
        ),
        (
            json!({ "kind": "add", "what": "Sport", "reason": "Omdat" }),
            "invalid_input",
        ),
        (json!({ "kind": "remove", "reason": "Omdat" }), "invalid_input"),
        (
            json!({ "kind": "date", "item_key": plan.first, "due_on": "2027-02-30", "reason": "Omdat" }),
            "invalid_input",
        ),
    ] {
        let refused = app.post_json(&proposals, Some(&sarah), body.clone()).await;
        let (status, code) = error_code(refused).await;
        assert!(status.is_client_error(), "{body}");
        assert!(
            code == expected || (expected == "invalid_input" && code == "invalid_date"),
            "{body}: {code}"
        );
    }
    let missing = app
        .post_json(
            &proposals,
            Some(&sarah),
            json!({ "kind": "remove", "item_key": 999, "reason": "Omdat" }),
        )
        .await;
    assert_eq!(error_code(missing).await, (StatusCode::NOT_FOUND, "not_found".into()));

    // An extra item, proposed and accepted, lands at the end of the plan.
    let extra = json!({ "kind": "add", "what": "Elke week sporten", "why": "Het helpt me rustig te blijven", "reason": "Dat doet me goed" });
    let proposal = success(app.post_json(&proposals, Some(&sarah), extra).await).await;
    let accepted = success(
        app.post_json(
            &format!("{proposals}/{}/accept", proposal["id"]),
            Some(&lotte),
            json!({}),
        )
        .await,
    )
    .await;
    let items = accepted["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[2]["what"], "Elke week sporten");
    let by_sarah = app
        .post_json(
            &format!("{proposals}/{}/accept", proposal["id"]),
            Some(&sarah),
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(by_sarah).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
}
