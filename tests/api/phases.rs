//! A case moves through its phases: a worker records each move with its day, who decided
//! and why; the participant and those she shares her trajectory with read the history;
//! closing is announced first.

use integration::{error_code, success, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn date_in(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    app::accounts::format_time(now + days * 86_400)[..10].to_string()
}

async fn move_to(
    app: &TestApp,
    token: &str,
    case: i64,
    phase: &str,
    effective_on: &str,
    reason: &str,
) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/cases/{case}/phase"),
        Some(token),
        json!({ "phase": phase, "effective_on": effective_on, "decided_by": "the sentence implementation court", "reason": reason }),
    )
    .await
}

#[tokio::test]
async fn lotte_moves_sarahs_case_to_after_release_and_sarah_reads_the_new_phase_and_its_history() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let case = app.case_of("Sarah").await;
    let before: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah).await).await;
    assert_eq!(before["phase"], "conditional_release");

    let today = date_in(0);
    let moved = move_to(
        &app,
        &lotte,
        case,
        "after_care",
        &today,
        "Her conditions ended; support goes on.",
    )
    .await;
    assert_eq!(moved.status(), StatusCode::CREATED);

    let after: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah).await).await;
    assert_eq!(after["phase"], "after_care");
    let history = after["phase_history"].as_array().unwrap();
    assert_eq!(
        history.len(),
        2,
        "the demo's move to conditional release, then this one"
    );
    assert_eq!(history[0]["phase"], "conditional_release");
    let latest = &history[1];
    assert_eq!(latest["reason"], "Her conditions ended; support goes on.");
    assert_eq!(latest["decided_by"], "the sentence implementation court");
    assert_eq!(latest["announced"], false);

    // Her page shows the phase now and the history; her phone's changes feed names it.
    let cookie = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &cookie).await;
    assert!(page.contains("support after release (now)"), "{page}");
    assert!(page.contains("Her conditions ended; support goes on."));
    let changes: Value = success(app.get(&format!("/api/v1/cases/{case}/changes?since=0"), &sarah).await).await;
    assert!(changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["object_type"] == "phase_change" && c["category"] == "trajectory"));

    // Marleen does not see Sarah's trajectory, nor its phases.
    let marleen = app.token("marleen").await;
    assert_eq!(
        error_code(app.get(&format!("/api/v1/cases/{case}/milestones"), &marleen).await).await,
        (StatusCode::FORBIDDEN, "not_shared".into())
    );
}

#[tokio::test]
async fn a_move_needs_a_reason_and_only_a_worker_of_the_case_records_one() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    assert_eq!(
        error_code(move_to(&app, &lotte, case, "after_care", &date_in(0), "  ").await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    assert_eq!(
        error_code(move_to(&app, &lotte, case, "after_care", "2027-02-30", "A reason").await)
            .await
            .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let sarah = app.token("sarah").await;
    assert_eq!(
        error_code(move_to(&app, &sarah, case, "closed", &date_in(30), "I want to stop").await).await,
        (StatusCode::FORBIDDEN, "not_permitted".into())
    );
    let pieter = app.token("pieter").await;
    assert_eq!(
        move_to(&app, &pieter, case, "after_care", &date_in(0), "A reason")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn closing_is_announced_at_least_two_weeks_ahead_and_the_case_stays_open_until_then() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let case = app.case_of("Sarah").await;
    assert_eq!(
        error_code(move_to(&app, &lotte, case, "closed", &date_in(3), "Moving abroad").await).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "closing_needs_notice".into())
    );
    let closing_day = date_in(21);
    let announced = success(move_to(&app, &lotte, case, "closed", &closing_day, "Moving abroad").await).await;
    assert_eq!(announced["announced"], true);

    let sarah = app.token("sarah").await;
    let trajectory: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah).await).await;
    assert_eq!(trajectory["phase"], "conditional_release", "still open until the day");
    let cookie = format!("{}; brug_lang=en", app.web_session("sarah").await);
    let page = app.page_text(&format!("/cases/{case}/trajectory"), &cookie).await;
    assert!(
        page.contains(&format!(
            "Announced: from {}, closed. Moving abroad",
            app::local_time::written_date(app::i18n::Lang::En, &closing_day)
        )),
        "{page}"
    );

    // On the day, the case is closed.
    app.clock.advance(22 * 86_400);
    let later: Value = success(app.get(&format!("/api/v1/cases/{case}/milestones"), &sarah).await).await;
    assert_eq!(later["phase"], "closed");
}

#[tokio::test]
async fn a_worker_records_a_move_on_the_page_without_javascript() {
    let app = TestApp::spawn().await;
    let cookie = app.web_session("lotte").await;
    let case = app.case_of("Sarah").await;
    let today = date_in(0);
    let fields = |reason| {
        [
            ("phase", "after_care"),
            ("effective_on", today.as_str()),
            ("decided_by", "the court"),
            ("reason", reason),
        ]
    };
    // Without a reason, the page says so beside the form, which keeps what was typed.
    let path = format!("/cases/{case}/phase");
    let (location, _, page) = app.refused_form_shown_again(&path, &cookie, &fields("")).await;
    assert_eq!(
        location,
        format!("/cases/{case}/trajectory?error=reason_required#phase-change")
    );
    let form = &page[page.find(r#"id="phase-change""#).expect("the form")..];
    assert!(form.contains(r#"value="the court""#) && form.contains(&format!(r#"value="{today}""#)));
    assert!(form.contains(r#"value="after_care" selected"#));
    let answer = app.form(&path, &cookie, &fields("Released")).await;
    assert_eq!(
        answer.headers()["location"],
        format!("/cases/{case}/trajectory?saved#phase-history").as_str()
    );
}
