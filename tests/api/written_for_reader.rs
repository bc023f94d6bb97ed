//! Every page speaks to the person reading it: the participant reads "you", her family
//! and her workers read "Sarah's …". Each page is rendered for each of them (in English,
//! where the wrong address is plainest to see) and read for words meant for someone else.

use integration::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// What only the participant may be told about her own case.
const TO_THE_PARTICIPANT: &[&str] = &[
    "my file",
    "Your next step",
    "Your next appointments",
    "your family",
    "your information",
    "You decide what each family member sees",
    "around you",
    "steps you agreed",
    "for each child, the steps",
];

/// The visible text of a page: tags dropped, entities that matter here decoded.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut text = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&")
}

fn case_pages(case: i64) -> Vec<String> {
    [
        "trajectory",
        "reunification",
        "appointments",
        "contacts",
        "plans",
        "access-log",
        "sharing",
    ]
    .iter()
    .map(|page| format!("/cases/{case}/{page}"))
    .chain(["/".to_string(), "/messages".to_string()])
    .collect()
}

#[tokio::test]
async fn each_page_addresses_the_participant_as_you_and_everyone_else_by_her_name() {
    let app = TestApp::spawn().await;
    let case = app.case_of("Sarah").await;
    // Marleen sees everything Sarah can share, so every page has something to say to her.
    let marleen_id = app.user_id("marleen").await;
    let sarah_token = app.token("sarah").await;
    let everything = json!({ "categories": ["circle", "trajectory", "reunification", "appointments", "plans"] });
    let consents = format!("/api/v1/cases/{case}/consents/{marleen_id}");
    let shared = app.call(Method::PUT, &consents, &sarah_token, Some(everything)).await;
    assert_eq!(shared.status(), StatusCode::OK);

    let mut wrong = Vec::new();
    for person in ["sarah", "marleen", "lotte"] {
        let cookie = format!("{}; brug_lang=en", app.web_session(person).await);
        let mut pages = case_pages(case);
        if person == "lotte" {
            pages.push("/caseload".to_string());
        }
        for path in pages {
            let response = app.page(&path, Some(&cookie)).await;
            let status = response.status();
            let text = visible_text(&response.text().await.unwrap());
            // Pages a family member is not shown answer with a calm notice, not a page.
            if status != StatusCode::OK {
                assert!(
                    person == "marleen" && status == StatusCode::FORBIDDEN,
                    "{person} on {path}: {status}"
                );
                continue;
            }
            if person == "sarah" {
                // Sarah's own pages never speak of her in the third person.
                for phrase in ["Sarah's", "Sarah (participant)"] {
                    if text.contains(phrase) {
                        wrong.push(format!("sarah on {path} reads “{phrase}”"));
                    }
                }
            } else {
                assert!(text.contains("Sarah"), "{person} on {path} reads whose case it is");
                for phrase in TO_THE_PARTICIPANT {
                    if text.contains(phrase) {
                        wrong.push(format!("{person} on {path} reads “{phrase}”"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // And each reads what is meant for them.
    let sarah = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let lotte = format!("{}; brug_lang=en", app.web_session("lotte").await);
    let home = visible_text(&app.page_text("/", &lotte).await);
    assert!(
        home.contains("Sarah's next step") && home.contains("Who looked at Sarah's file?"),
        "{home}"
    );
    let log = visible_text(&app.page_text(&format!("/cases/{case}/access-log"), &sarah).await);
    assert!(
        log.contains("Who looked at my file?") && log.contains("You: looked at"),
        "{log}"
    );
    let home = visible_text(&app.page_text("/", &sarah).await);
    assert!(home.contains("your mother"), "{home}");
}
