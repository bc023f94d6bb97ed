//! The copy-of-my-data benchmark: how large Sarah's copy is and how long it takes as her
//! conversation with Lotte and her access log grow, and how much memory the process needs
//! for it (the copy streams, so that stays flat however large the copy is). Starts the
//! real server on a fresh database (SQLite, or PostgreSQL when BRUG_TEST_POSTGRES_URL
//! names one) and fills it through SQL. Run it by hand on a release build:
//!
//!     cargo run --release -p integration --features bench --bin export_size -- [COPIES PER SIZE]

use integration::TestApp;
use std::time::Instant;

/// Messages in her conversation and rows in her access log, added before each measurement.
const SIZES: [i64; 3] = [10_000, 100_000, 1_000_000];

#[tokio::main]
async fn main() {
    let copies: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    // No time limit: a copy of a million messages takes a while on a debug build.
    let http = reqwest::Client::new();
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let (case, sarah_id, lotte_id) = (
        app.case_of("Sarah").await,
        app.user_id("sarah").await,
        app.user_id("lotte").await,
    );
    println!(
        "Brug copy-of-my-data benchmark: {} database, {copies} copies per size\n",
        app.backend
    );
    println!("| messages and access-log rows | copy size MB | p50 s | max s | process peak memory MB |");
    println!("| --- | --- | --- | --- | --- |");
    let mut filled = 0;
    for size in SIZES {
        fill(&app, filled, size, conversation, case, sarah_id, lotte_id).await;
        filled = size;
        let mut seconds = Vec::new();
        let mut bytes = 0;
        for _ in 0..copies {
            let started = Instant::now();
            let mut response = http
                .get(app.url("/api/v1/me/export"))
                .bearer_auth(&sarah)
                .send()
                .await
                .expect("the copy starts");
            assert!(response.status().is_success());
            // Counted as it arrives, not kept: the peak memory is the server's own.
            bytes = 0;
            while let Some(chunk) = response.chunk().await.expect("the whole copy") {
                bytes += chunk.len();
            }
            seconds.push(started.elapsed().as_secs_f64());
        }
        seconds.sort_by(f64::total_cmp);
        println!(
            "| {size} | {:.1} | {:.2} | {:.2} | {:.0} |",
            bytes as f64 / 1e6,
            seconds[seconds.len() / 2],
            seconds[seconds.len() - 1],
            peak_memory_mb()
        );
    }
}

/// The most memory this process (benchmark and server) has held so far.
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

async fn fill(app: &TestApp, from: i64, to: i64, conversation: i64, case: i64, sarah: i64, lotte: i64) {
    let numbers = |body: &str| -> String {
        if app.backend == "postgres" {
            format!("{body} FROM generate_series($1 + 1, $2) AS seq(n)")
        } else {
            format!(
                "WITH RECURSIVE seq(n) AS (SELECT $1 + 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $2) {body} FROM seq"
            )
        }
    };
    let messages = numbers(&format!(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at) \
         SELECT {conversation}, CASE WHEN n % 2 = 1 THEN {sarah} ELSE {lotte} END, 'copy-' || n, \
         'Bericht ' || n || ': zullen we donderdag om tien uur afspreken bij het justitiehuis?', 1700000000 + n"
    ));
    let audit = numbers(&format!(
        "INSERT INTO audit_log (at, actor_user_id, action, case_id, object_type, object_id, request_id) \
         SELECT 1700000000 + n, {lotte}, 'case_read', {case}, 'trajectory', 1, 'copy'"
    ));
    let mut tx = app.db.begin().await.expect("a transaction");
    for sql in [&messages, &audit] {
        sqlx::query(sql)
            .bind(from)
            .bind(to)
            .execute(&mut *tx)
            .await
            .unwrap_or_else(|error| panic!("{error}: {sql}"));
    }
    tx.commit().await.expect("the fill commits");
}
