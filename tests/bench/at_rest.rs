//! The text-at-rest benchmark: what sealing costs one message, and how long the pass that
//! seals a database's text takes (after an upgrade, or a key rotation, which is the same
//! work: open, seal, write). Starts the real server on a fresh database (SQLite, or
//! PostgreSQL when BRUG_TEST_POSTGRES_URL names one) and fills it through SQL with text
//! as it was stored before sealing. Run it by hand on a release build:
//!
//!     cargo run --release -p integration --features bench --bin at_rest -- [MESSAGES]

use app::sealing::reseal::reseal_text;
use app::sealing::text::{Column, TextKeys};
use integration::TestApp;
use std::time::Instant;

const TEXT: &str = "Bericht 12345: zullen we donderdag om tien uur afspreken bij het justitiehuis?";

#[tokio::main]
async fn main() {
    let messages: i64 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let keys = TextKeys::new(&[7; 32], &[]);
    let rounds = 200_000;
    let started = Instant::now();
    let sealed: Vec<String> = (0..rounds).map(|_| keys.seal(Column::MessageBody, TEXT)).collect();
    let seal_us = started.elapsed().as_secs_f64() * 1e6 / rounds as f64;
    let started = Instant::now();
    for value in sealed {
        assert_eq!(
            keys.open(Column::MessageBody, value).expect("it opens").len(),
            TEXT.len()
        );
    }
    let open_us = started.elapsed().as_secs_f64() * 1e6 / rounds as f64;
    let stored = keys.seal(Column::MessageBody, TEXT).len();

    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    fill(&app, messages, conversation, app.user_id("sarah").await).await;
    let unit = app.state.db.fresh();
    let started = Instant::now();
    let done = reseal_text(&unit).await.expect("the pass");
    let first_pass = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let again = reseal_text(&unit).await.expect("the pass");
    let next_pass = started.elapsed().as_secs_f64();

    println!("Brug text-at-rest benchmark: {} database\n", app.backend);
    println!("| what | figure |");
    println!("| --- | --- |");
    println!("| seal one message ({} characters) | {seal_us:.2} µs |", TEXT.len());
    println!("| open one message | {open_us:.2} µs |");
    println!(
        "| stored size of that message | {stored} bytes (plain: {}) |",
        TEXT.len()
    );
    println!(
        "| first pass over {messages} messages written before sealing | {first_pass:.1} s ({} sealed, {:.0} per second) |",
        done.values,
        done.values as f64 / first_pass
    );
    println!(
        "| the pass at a later start (everything current) | {next_pass:.1} s ({} sealed) |",
        again.values
    );
}

async fn fill(app: &TestApp, count: i64, conversation: i64, sarah: i64) {
    let numbers = |body: &str| -> String {
        if app.backend == "postgres" {
            format!("{body} FROM generate_series(1, $1) AS seq(n)")
        } else {
            format!("WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1) {body} FROM seq")
        }
    };
    let sql = numbers(&format!(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at) \
         SELECT {conversation}, {sarah}, 'plain-' || n, 'Bericht ' || n || ': zullen we donderdag afspreken?', \
         1700000000 + n"
    ));
    sqlx::query(&sql)
        .bind(count)
        .execute(&app.db)
        .await
        .unwrap_or_else(|error| panic!("{error}: {sql}"));
}
