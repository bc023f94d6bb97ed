//! Editing plans without losing anything: an item keeps its own comments, a save that
//! changes nothing keeps the signatures, owners and dates can be cleared, and a person who
//! can no longer read the plan does not hold up its agreement.

use integration::{error_code, success, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn keys(version: &Value) -> Vec<i64> {
    version["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_i64().unwrap())
        .collect()
}

fn item(version: &Value, key: i64) -> &Value {
    version["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .expect("the item")
}

/// A support plan for Sarah's case with items owned by Lotte, by Ahmed and by Sarah.
async fn draft(app: &TestApp, lotte: &str) -> (String, Value) {
    let case = app.case_of("Sarah").await;
    let body = json!({
        "kind": "support",
        "items": [
            { "what": "Gesprekken", "owner_user_id": app.user_id("lotte").await, "why": "Opvolging" },
            { "what": "Bezoek plannen", "owner_user_id": app.user_id("ahmed").await,
              "due_on": "2027-03-01", "why": "De kinderen zien" },
            { "what": "Een opleiding kiezen", "owner_user_id": app.user_id("sarah").await, "why": "Werk" },
        ]
    });
    let plan = success(
        app.post_json(&format!("/api/v1/cases/{case}/plans"), Some(lotte), body)
            .await,
    )
    .await;
    (format!("/api/v1/cases/{case}/plans/{}", plan["plan_id"]), plan)
}

#[tokio::test]
async fn a_new_item_never_takes_the_key_and_the_comments_of_a_removed_one() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let (base, plan) = draft(&app, &lotte).await;
    let last = *keys(&plan).iter().max().unwrap();
    success(
        app.post_json(
            &format!("{base}/items/{last}/comments"),
            Some(&sarah),
            json!({ "body": "Dit wil ik liever later" }),
        )
        .await,
    )
    .await;

    success(
        app.call(Method::DELETE, &format!("{base}/items/{last}"), &lotte, None)
            .await,
    )
    .await;
    let added = success(
        app.post_json(
            &format!("{base}/items"),
            Some(&lotte),
            json!({ "what": "Sport zoeken", "why": "Ontspanning" }),
        )
        .await,
    )
    .await;
    let new_key = *keys(&added).iter().max().unwrap();
    assert_ne!(new_key, last, "a removed item's key is not given again");
    let new_item = item(&added, new_key);
    assert_eq!(new_item["what"], "Sport zoeken");
    assert!(
        new_item["comments"].as_array().unwrap().is_empty(),
        "Sarah's comment on the removed item does not appear on the new one"
    );
}

#[tokio::test]
async fn saving_an_item_unchanged_keeps_the_version_and_its_signatures() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let (base, plan) = draft(&app, &lotte).await;
    let first = keys(&plan)[0];
    success(
        app.post_json(&format!("{base}/submit"), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    for key in keys(&plan) {
        let path = format!("{base}/versions/1/items/{key}/response");
        success(
            app.call(Method::PUT, &path, &sarah, Some(json!({ "stance": "agree" })))
                .await,
        )
        .await;
    }
    success(
        app.post_json(&format!("{base}/versions/1/signatures"), Some(&sarah), json!({}))
            .await,
    )
    .await;

    let lotte_id = app.user_id("lotte").await;
    let reads_before = app.audit_count("case_read", lotte_id).await;
    let same = json!({ "what": "Gesprekken", "owner_user_id": lotte_id, "why": "Opvolging" });
    let saved = success(
        app.call(Method::PATCH, &format!("{base}/items/{first}"), &lotte, Some(same))
            .await,
    )
    .await;
    assert_eq!(saved["number"], 1);
    assert_eq!(saved["state"], "awaiting_signatures");
    let sarah_id = app.user_id("sarah").await;
    let sarah_signed = saved["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person"]["user_id"] == sarah_id)
        .unwrap();
    assert!(sarah_signed["signed_at"].is_i64(), "Sarah's signature stays");
    assert!(
        app.audit_count("case_read", lotte_id).await > reads_before,
        "the answer showed the plan, so the read is on Sarah's record"
    );

    // A real change still starts the next version.
    let changed = success(
        app.call(
            Method::PATCH,
            &format!("{base}/items/{first}"),
            &lotte,
            Some(json!({ "what": "Wekelijkse gesprekken" })),
        )
        .await,
    )
    .await;
    assert_eq!(changed["number"], 2);
}

#[tokio::test]
async fn an_owner_or_a_date_can_be_cleared_and_only_the_participant_or_a_worker_owns_an_item() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let (base, plan) = draft(&app, &lotte).await;
    let visit = keys(&plan)[1];
    let path = format!("{base}/items/{visit}");

    let kept = success(
        app.call(Method::PATCH, &path, &lotte, Some(json!({ "why": "Samen zijn" })))
            .await,
    )
    .await;
    assert_eq!(item(&kept, visit)["due_on"], "2027-03-01", "a field left out stays");
    assert_eq!(item(&kept, visit)["owner"]["display_name"], "Ahmed");

    let cleared = json!({ "owner_user_id": null, "due_on": null });
    let cleared = success(app.call(Method::PATCH, &path, &lotte, Some(cleared)).await).await;
    assert!(item(&cleared, visit)["owner"].is_null(), "nobody named yet");
    assert!(item(&cleared, visit)["due_on"].is_null(), "no date");
    assert_eq!(item(&cleared, visit)["why"], "Samen zijn");

    let family = json!({ "owner_user_id": app.user_id("marleen").await });
    let refused = app.call(Method::PATCH, &path, &lotte, Some(family)).await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into())
    );
}

#[tokio::test]
async fn an_item_stays_editable_after_its_owner_left_the_circle() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let (base, plan) = draft(&app, &lotte).await;
    let visit = keys(&plan)[1];
    sqlx::query("UPDATE memberships SET ended_at = 1 WHERE user_id = $1")
        .bind(app.user_id("ahmed").await)
        .execute(&app.db)
        .await
        .unwrap();

    let reworded = json!({ "what": "Bezoek in de bezoekruimte plannen" });
    let changed = success(
        app.call(Method::PATCH, &format!("{base}/items/{visit}"), &lotte, Some(reworded))
            .await,
    )
    .await;
    assert_eq!(item(&changed, visit)["what"], "Bezoek in de bezoekruimte plannen");
    assert_eq!(
        item(&changed, visit)["owner"]["display_name"],
        "Ahmed",
        "the item still says who had it until someone else takes it"
    );
    let nobody = json!({ "owner_user_id": null });
    success(
        app.call(Method::PATCH, &format!("{base}/items/{visit}"), &lotte, Some(nobody))
            .await,
    )
    .await;
    let again = json!({ "owner_user_id": app.user_id("ahmed").await });
    let refused = app
        .call(Method::PATCH, &format!("{base}/items/{visit}"), &lotte, Some(again))
        .await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input".into()),
        "but nobody can newly give it to someone outside the circle"
    );
}

#[tokio::test]
async fn a_family_member_who_no_longer_sees_plans_no_longer_holds_up_the_agreement() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let ahmed = app.token("ahmed").await;
    let case = app.case_of("Sarah").await;
    let marleen_id = app.user_id("marleen").await;
    let consents = format!("/api/v1/cases/{case}/consents/{marleen_id}");
    let with_plans = json!({ "categories": ["reunification", "appointments", "plans"] });
    assert_eq!(
        app.call(Method::PUT, &consents, &sarah, Some(with_plans))
            .await
            .status(),
        StatusCode::OK
    );
    let (base, plan) = draft(&app, &lotte).await;
    success(
        app.post_json(
            &format!("{base}/parties"),
            Some(&sarah),
            json!({ "user_id": marleen_id }),
        )
        .await,
    )
    .await;
    success(
        app.post_json(&format!("{base}/submit"), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    for token in [&sarah, &lotte, &ahmed] {
        for key in keys(&plan) {
            let path = format!("{base}/versions/1/items/{key}/response");
            success(
                app.call(Method::PUT, &path, token, Some(json!({ "stance": "agree" })))
                    .await,
            )
            .await;
        }
        let signed = success(
            app.post_json(&format!("{base}/versions/1/signatures"), Some(token), json!({}))
                .await,
        )
        .await;
        assert_eq!(signed["state"], "awaiting_signatures", "Marleen has not signed yet");
    }

    let without_plans = json!({ "categories": ["reunification", "appointments"] });
    assert_eq!(
        app.call(Method::PUT, &consents, &sarah, Some(without_plans))
            .await
            .status(),
        StatusCode::OK
    );
    let version = success(app.get(&format!("{base}/versions/1"), &sarah).await).await;
    assert_eq!(version["state"], "agreed", "everyone who still takes part has signed");
    assert!(version["parties"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["person"]["user_id"] != marleen_id));
    let log = app
        .list(&format!("/api/v1/cases/{case}/access-log"), &sarah, "entries")
        .await;
    assert!(
        log.iter().any(|e| e["action"] == "plan_party_removed"),
        "the change is on the record"
    );
}

#[tokio::test]
async fn the_plans_page_lists_every_plan_even_past_the_api_page_size() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    for n in 0..201 {
        let body = json!({ "kind": "custom", "title": format!("Plan {n:03}") });
        let created = app
            .post_json(&format!("/api/v1/cases/{case}/plans"), Some(&lotte), body)
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
    }
    let cookie = app.web_session("lotte").await;
    let page = app.page(&format!("/cases/{case}/plans"), Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Plan 000"));
    assert!(html.contains("Plan 200"), "the 201st plan is on the page too");
}

#[tokio::test]
async fn the_participant_is_never_taken_off_an_agreement() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    let body = json!({ "kind": "support", "items": [
        { "what": "Gesprekken", "owner_user_id": app.user_id("lotte").await, "why": "Opvolging" }
    ] });
    let plan = success(
        app.post_json(&format!("/api/v1/cases/{case}/plans"), Some(&lotte), body)
            .await,
    )
    .await;
    let base = format!("/api/v1/cases/{case}/plans/{}", plan["plan_id"]);
    success(
        app.post_json(&format!("{base}/submit"), Some(&lotte), json!({ "number": 1 }))
            .await,
    )
    .await;
    // Even if her place in the circle ended (only an administrator can do that), the
    // workers' signatures alone do not make the plan agreed.
    let sarah_id = app.user_id("sarah").await;
    sqlx::query("UPDATE memberships SET ended_at = 1 WHERE user_id = $1")
        .bind(sarah_id)
        .execute(&app.db)
        .await
        .unwrap();
    let key = keys(&plan)[0];
    let path = format!("{base}/versions/1/items/{key}/response");
    success(
        app.call(Method::PUT, &path, &lotte, Some(json!({ "stance": "agree" })))
            .await,
    )
    .await;
    let signed = success(
        app.post_json(&format!("{base}/versions/1/signatures"), Some(&lotte), json!({}))
            .await,
    )
    .await;
    assert_eq!(signed["state"], "awaiting_signatures");
    assert!(signed["parties"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["person"]["user_id"] == sarah_id));
}
