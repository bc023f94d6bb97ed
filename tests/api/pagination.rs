//! Every list of the API comes in pages: walking them one item at a time gives the same
//! items, in the same order, as asking for the whole list.

use integration::{error_code, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Follows `next_cursor` from the first page to the last, `limit` items at a time.
async fn walk(app: &TestApp, path: &str, token: &str, field: &str, limit: usize) -> Vec<Value> {
    let mut items = Vec::new();
    let mut query = format!("limit={limit}");
    loop {
        let separator = if path.contains('?') { '&' } else { '?' };
        let page: Value = app
            .get(&format!("{path}{separator}{query}"), token)
            .await
            .json()
            .await
            .unwrap();
        let batch = page[field].as_array().unwrap_or_else(|| panic!("{field} in {page}"));
        assert!(batch.len() <= limit, "{path}: a page holds at most the limit");
        items.extend(batch.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("limit={limit}&after={cursor}"),
            None => return items,
        }
    }
}

fn ids(items: &[Value], key: &str) -> Vec<i64> {
    items.iter().map(|item| item[key].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn every_list_walked_a_page_at_a_time_holds_the_whole_list_once_in_order() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    // A second case for lotte, and a second device for sarah, so those lists have pages too.
    let coordinator = app.token("coordinator").await;
    let created = app
        .post_json(
            "/api/v1/cases",
            Some(&coordinator),
            json!({ "participant_name": "Rania" }),
        )
        .await;
    let second_case = created.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let assign = json!({ "user_id": app.user_id("lotte").await, "case_role": "justice_assistant" });
    let assigned = app
        .post_json(
            &format!("/api/v1/cases/{second_case}/workers"),
            Some(&coordinator),
            assign,
        )
        .await;
    assert_eq!(assigned.status(), StatusCode::NO_CONTENT);
    let sarah = app.token("sarah").await;
    let _second_phone = app.token("sarah").await;
    let lotte = app.token("lotte").await;
    // Two milestones without a date, which come after every dated one.
    for title in ["Werk zoeken", "Opleiding kiezen"] {
        let undated = json!({
            "phase": "after_care", "title": title, "explanation": "Als het zover is.",
            "decided_by": "Samen met Sarah", "expected_date": null
        });
        let added = app
            .post_json(&format!("/api/v1/cases/{case_a}/milestones"), Some(&lotte), undated)
            .await;
        assert_eq!(added.status(), StatusCode::CREATED);
    }

    let lists = [
        ("/api/v1/cases".to_string(), &lotte, "cases", "case_id"),
        (format!("/api/v1/cases/{case_a}/milestones"), &sarah, "milestones", "id"),
        (
            format!("/api/v1/cases/{case_a}/reunification"),
            &sarah,
            "children",
            "id",
        ),
        (
            format!("/api/v1/cases/{case_a}/appointments"),
            &sarah,
            "appointments",
            "id",
        ),
        (format!("/api/v1/cases/{case_a}/contacts"), &sarah, "contacts", "id"),
        (format!("/api/v1/cases/{case_a}/consents"), &sarah, "family", "user_id"),
        ("/api/v1/me/devices".to_string(), &sarah, "devices", "id"),
        ("/api/v1/conversations".to_string(), &lotte, "conversations", "id"),
    ];
    let milestones = app
        .list(&format!("/api/v1/cases/{case_a}/milestones"), &sarah, "milestones")
        .await;
    let dated: Vec<bool> = milestones.iter().map(|m| !m["expected_date"].is_null()).collect();
    assert!(
        dated.ends_with(&[false, false]),
        "undated milestones come last: {dated:?}"
    );
    for (path, token, field, key) in lists {
        let whole = app.list(&path, token, field).await;
        assert!(whole.len() >= 2, "{path} has more than one item to page through");
        for limit in [1, 2] {
            let walked = walk(&app, &path, token, field, limit).await;
            assert_eq!(ids(&walked, key), ids(&whole, key), "{path} with limit {limit}");
            // A page carries what belongs to its items (a child's steps and their
            // histories, a family member's shares and limits) as the whole list does.
            if matches!(field, "children" | "family") {
                assert_eq!(walked, whole, "{path} with limit {limit}");
            }
        }
    }
}

#[tokio::test]
async fn a_cursor_that_is_not_one_is_refused_with_a_clear_code() {
    let app = TestApp::spawn().await;
    let case_a = app.case_of("Sarah").await;
    let sarah = app.token("sarah").await;
    let refused = app
        .get(&format!("/api/v1/cases/{case_a}/appointments?after=tomorrow"), &sarah)
        .await;
    assert_eq!(
        error_code(refused).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor".to_string())
    );
    let nonsense_limit = app
        .get(&format!("/api/v1/cases/{case_a}/milestones?limit=many"), &sarah)
        .await;
    assert_eq!(error_code(nonsense_limit).await.1, "invalid_input");
}

/// The `id="circle-N"` headings of a home page, in order.
fn circles_on(page: &str) -> Vec<i64> {
    page.split("id=\"circle-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

/// A justice assistant in two dozen cases gets their circles ten at a time on the home
/// page, with a link to the next ten, and every case once across the pages.
#[tokio::test]
async fn a_worker_in_many_cases_pages_through_their_circles_on_the_home_page() {
    let app = TestApp::spawn().await;
    let coordinator = app.token("coordinator").await;
    let lotte_id = app.user_id("lotte").await;
    for n in 0..20 {
        let opened = app
            .post_json(
                "/api/v1/cases",
                Some(&coordinator),
                json!({ "participant_name": format!("Deelnemer {n}") }),
            )
            .await;
        let case_id = opened.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let assign = json!({ "user_id": lotte_id, "case_role": "justice_assistant" });
        let assigned = app
            .post_json(&format!("/api/v1/cases/{case_id}/workers"), Some(&coordinator), assign)
            .await;
        assert_eq!(assigned.status(), StatusCode::NO_CONTENT);
    }
    let lotte = app.token("lotte").await;
    let all = ids(&walk(&app, "/api/v1/cases", &lotte, "cases", 50).await, "case_id");
    assert!(all.len() > 20, "her demo cases and the twenty new ones");

    let cookie = app.web_session("lotte").await;
    let mut shown = Vec::new();
    let mut path = "/".to_string();
    loop {
        let page = app.page_text(&path, &cookie).await;
        let circles = circles_on(&page);
        assert!(
            !circles.is_empty() && circles.len() <= 10,
            "{path}: {} circles",
            circles.len()
        );
        shown.extend(circles);
        let Some(link) = page.split("id=\"more-cases\" href=\"").nth(1) else {
            break;
        };
        path = link.split('"').next().unwrap().replace("&amp;", "&");
    }
    assert_eq!(shown, all, "every case once, in the order they were opened");
}
