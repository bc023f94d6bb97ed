//! The plan pages without JavaScript: Sarah finds the plan that waits for her on her home
//! page, answers item by item through the forms, signs, and Lotte reads her answers.

use integration::TestApp;
use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;

async fn post_form(app: &TestApp, session: &str, path: &str, fields: &[(&str, &str)]) -> String {
    let response = app
        .http
        .post(app.url(path))
        .header(COOKIE, session)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    response.headers()[LOCATION].to_str().unwrap().to_string()
}

async fn text(app: &TestApp, path: &str, session: &str) -> String {
    app.page(path, Some(session)).await.text().await.unwrap()
}

/// The case and the page of Sarah's release plan from the demo data.
async fn demo_plan_page(app: &TestApp) -> (i64, String) {
    let case = app.case_of("Sarah").await;
    let plan: i64 = sqlx::query_scalar("SELECT MIN(id) FROM plans WHERE case_id = $1")
        .bind(case)
        .fetch_one(&app.db)
        .await
        .unwrap();
    (case, format!("/cases/{case}/plans/{plan}"))
}

#[tokio::test]
async fn sarah_answers_and_signs_her_plan_on_the_pages_and_lotte_reads_why() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let (case, page) = demo_plan_page(&app).await;

    let home = text(&app, "/", &sarah).await;
    assert!(home.contains("Plannen die op jou wachten"));
    assert!(home.contains(&format!("href=\"{page}\"")));
    let list = text(&app, &format!("/cases/{case}/plans"), &sarah).await;
    assert!(list.contains("Plan voor de vrijlating") && list.contains("Wacht op jou"));

    let shown = text(&app, &page, &sarah).await;
    assert!(shown.contains("Dit plan wacht op jou"));
    assert!(shown.contains("Versie 1: wacht op handtekeningen"));
    assert!(shown.contains("Werk zoeken met hulp van een trajectbegeleider van de VDAB."));

    let answer = |key: i64| format!("{page}/versions/1/items/{key}/response");
    let refused = post_form(&app, &sarah, &answer(2), &[("stance", "disagree"), ("reason", " ")]).await;
    assert_eq!(refused, format!("{page}?error=reason_required#item-2-answer"));
    let early = post_form(&app, &sarah, &format!("{page}/versions/1/sign"), &[]).await;
    assert_eq!(early, format!("{page}?error=items_unanswered"));

    let why = "Ik wil eerst mijn opleiding afmaken.";
    assert_eq!(
        post_form(&app, &sarah, &answer(2), &[("stance", "disagree"), ("reason", why)]).await,
        format!("{page}?saved=item-2-answer#item-2-answer")
    );
    let confirmed = text(&app, &format!("{page}?saved=item-2-answer"), &sarah).await;
    let item = &confirmed[confirmed.find("id=\"item-2-answer\"").unwrap()..];
    let item = &item[..item.find("</form>").unwrap()];
    assert!(
        item.contains(r#"role="status""#) && item.contains("Opgeslagen."),
        "saved, said at the item: {item}"
    );
    let answered = text(&app, &page, &sarah).await;
    assert!(
        answered.contains(&format!(">{why}</textarea>")),
        "her answer stays in the form until she signs"
    );
    for key in [1, 3] {
        post_form(&app, &sarah, &answer(key), &[("stance", "agree"), ("reason", "")]).await;
    }
    let signed = post_form(&app, &sarah, &format!("{page}/versions/1/sign"), &[]).await;
    assert_eq!(signed, format!("{page}#plan-state"));
    let after = text(&app, &page, &sarah).await;
    assert!(!after.contains("Dit plan wacht op jou"), "nothing left for her to do");
    assert!(after.contains("Wacht nog op: Lotte"));
    assert!(!text(&app, "/", &sarah).await.contains("Plannen die op jou wachten"));

    let lotte = app.web_session("lotte").await;
    let for_lotte = text(&app, &page, &lotte).await;
    assert!(for_lotte.contains(&format!("Sarah: niet akkoord</strong><span> — {why}")));
    assert!(for_lotte.contains("Dit plan wacht op jou"));
}

#[tokio::test]
async fn a_refused_answer_comes_back_with_her_choice_and_the_error_at_the_item() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let (_, page) = demo_plan_page(&app).await;
    let path = format!("{page}/versions/1/items/2/response");
    let fields = [("stance", "disagree"), ("reason", " ")];
    let (_, kept, shown) = app.refused_form_shown_again(&path, &sarah, &fields).await;
    let form = &shown[shown.find(r#"id="item-2-answer""#).expect("the form")..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        form.contains(r#"value="disagree" required checked"#),
        "her choice is still selected: {form}"
    );
    assert!(
        form.contains(r#"aria-describedby="item-2-answer-error" aria-invalid="true" autofocus"#),
        "the reason field says why and takes the focus: {form}"
    );
    assert!(
        form.contains("Schrijf kort waarom."),
        "the error sits at the item: {form}"
    );
    let top = &shown[shown.find(r#"id="plan-error""#).expect("the page's own error line")..];
    assert!(
        !top[..top.find("</p>").unwrap()].contains("Schrijf"),
        "not at the top, far from the item"
    );

    // Kept for her session only, and only once.
    let lotte = app.web_session("lotte").await;
    let stolen = text(
        &app,
        &format!("{page}?error=reason_required"),
        &format!("{lotte}; {kept}"),
    )
    .await;
    assert!(!stolen.contains(r#"aria-invalid="true""#));
    let again = text(&app, &page, &sarah).await;
    assert!(!again.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn sarah_writes_for_the_coming_conference_and_responds_to_a_decision_of_the_last_one() {
    let app = TestApp::spawn().await;
    let sarah = app.web_session("sarah").await;
    let case = app.case_of("Sarah").await;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM conferences WHERE case_id = $1 ORDER BY held_on")
        .bind(case)
        .fetch_all(&app.db)
        .await
        .unwrap();
    let (past, coming) = (ids[0], ids[1]);

    let plans = text(&app, &format!("/cases/{case}/plans"), &sarah).await;
    assert!(plans.contains(&format!("href=\"/cases/{case}/conferences/{coming}\"")));

    let coming_page = format!("/cases/{case}/conferences/{coming}");
    let shown = text(&app, &coming_page, &sarah).await;
    assert!(shown.contains("Schrijf op wat je belangrijk vindt voor dit overleg."));
    let wish = "Ik wil vragen of mijn moeder mee mag naar het volgende overleg.";
    let back = post_form(&app, &sarah, &format!("{coming_page}/input"), &[("body", wish)]).await;
    assert_eq!(back, format!("{coming_page}?saved=input-form#input-title"));
    assert!(text(&app, &coming_page, &sarah)
        .await
        .contains(&format!(">{wish}</textarea>")));

    let past_page = format!("/cases/{case}/conferences/{past}");
    let record = text(&app, &past_page, &sarah).await;
    assert!(record.contains("Wat betekent dit voor jou?"));
    assert!(record.contains("Je ziet je kinderen om de twee weken"));
    let too_late = post_form(&app, &sarah, &format!("{past_page}/input"), &[("body", "Nog iets")]).await;
    assert_eq!(too_late, format!("{past_page}?error=conference_held#input-form"));
    let decision: i64 = sqlx::query_scalar("SELECT MIN(id) FROM conference_decisions WHERE conference_id = $1")
        .bind(past)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let answer = "Dank je, ik ben er klaar voor.";
    let path = format!("{past_page}/decisions/{decision}/responses");
    assert_eq!(
        post_form(&app, &sarah, &path, &[("body", answer)]).await,
        format!("{past_page}?saved=respond-{decision}#decision-{decision}")
    );
    let lotte = app.web_session("lotte").await;
    assert!(text(&app, &past_page, &lotte).await.contains(answer));

    // Lotte forgets to say what a decision means for Sarah: refused, and what she wrote
    // comes back in the form, focused.
    let decision_text = "Sarah mag een weekend per maand bij haar moeder logeren.";
    let (location, _, shown) = app
        .refused_form_shown_again(
            &format!("{past_page}/decisions"),
            &lotte,
            &[("decision", decision_text), ("meaning_for_you", " ")],
        )
        .await;
    assert_eq!(
        location,
        format!("{past_page}?error=invalid_input#record-decision-form")
    );
    let form = &shown[shown.find(r#"id="record-decision-form""#).unwrap()..];
    assert!(
        form.contains(&format!("autofocus>{decision_text}</textarea>")),
        "{form}"
    );
}

/// The `<option>` of a select that carries `label`, as rendered.
fn option_tag<'a>(html: &'a str, select_id: &str, label: &str) -> &'a str {
    let select = &html[html.find(&format!("id=\"{select_id}\"")).expect("the select")..];
    let select = &select[..select.find("</select>").unwrap()];
    let end = select.find(&format!(">{label}</option>")).expect("the option");
    &select[select[..end].rfind("<option").unwrap()..end]
}

#[tokio::test]
async fn lotte_saves_an_item_unchanged_without_undoing_signatures_and_can_name_nobody() {
    let app = TestApp::spawn().await;
    let lotte = app.web_session("lotte").await;
    let (_, page) = demo_plan_page(&app).await;
    let sarah_id = app.user_id("sarah").await.to_string();
    let work = "Werk zoeken met hulp van een trajectbegeleider van de VDAB.";
    let why = "Werk geeft structuur en een eigen inkomen. De strafuitvoeringsrechtbank vraagt ernaar.";

    let unchanged = [
        ("what", work),
        ("owner_user_id", sarah_id.as_str()),
        ("due_on", "2027-03-01"),
        ("why", why),
    ];
    post_form(&app, &lotte, &format!("{page}/items/2"), &unchanged).await;
    let shown = text(&app, &page, &lotte).await;
    assert!(shown.contains("Versie 1: wacht op handtekeningen"), "nothing changed");

    let nobody = [("what", work), ("owner_user_id", ""), ("due_on", ""), ("why", why)];
    post_form(&app, &lotte, &format!("{page}/items/2"), &nobody).await;
    let shown = text(&app, &page, &lotte).await;
    assert!(!shown.contains("Versie 1: wacht op handtekeningen"));
    assert!(
        option_tag(&shown, "item-2-edit-owner", "nog niet afgesproken").contains("selected"),
        "the form shows that nobody is named, so saving it again keeps it so"
    );
    assert!(!option_tag(&shown, "item-2-edit-owner", "Sarah").contains("selected"));
    let at = shown.find("id=\"item-2-edit-due\"").unwrap();
    let start = shown[..at].rfind("<input").unwrap();
    let due = &shown[start..at + shown[at..].find('>').unwrap()];
    assert!(
        due.contains("type=\"date\"") && !due.contains("value="),
        "the date is cleared: {due}"
    );
}
