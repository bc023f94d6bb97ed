//! Many people at once: the home page, a case read and message sending from 64 clients
//! together for a few seconds. No answer may be a server error or time out, every
//! acknowledged message is stored exactly once, and every case read is in the access
//! log. (Speed is measured by the load benchmark, not here.)

use integration::TestApp;
use reqwest::header;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

const CLIENTS: usize = 64;
const RUN_FOR: Duration = Duration::from_secs(3);

#[derive(Default)]
struct Tally {
    /// Status code → how many answers had it.
    statuses: HashMap<u16, u64>,
    /// Requests that got no answer at all (timeout, reset).
    failures: Vec<String>,
    /// The client ids of messages the server acknowledged.
    acknowledged: Vec<String>,
    /// Case reads that were answered 200.
    milestone_reads: i64,
    home_pages: u64,
}

#[derive(Clone, Copy)]
enum Visit {
    HomePage,
    Milestones,
    SendMessage,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_people_at_once_get_answers_and_lose_nothing() {
    let app = Arc::new(TestApp::spawn().await);
    let sarah_page = app.web_session("sarah").await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let case_id = app.case_of("Sarah").await;
    let lotte_id = app.user_id("lotte").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;
    let reads_before = app.audit_count("case_read", lotte_id).await;
    // A client of its own with room for 64 connections at once, and a deadline per
    // request well above any wait a person would accept.
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();

    let mut clients = Vec::new();
    for client in 0..CLIENTS {
        let (app, http, tally) = (app.clone(), http.clone(), tally.clone());
        let (sarah_page, lotte, sarah) = (sarah_page.clone(), lotte.clone(), sarah.clone());
        let visit = [Visit::HomePage, Visit::Milestones, Visit::SendMessage][client % 3];
        clients.push(tokio::spawn(async move {
            let mut sent = 0;
            while started.elapsed() < RUN_FOR {
                let (request, client_id) = match visit {
                    Visit::HomePage => (http.get(app.url("/")).header(header::COOKIE, &sarah_page), None),
                    Visit::Milestones => (
                        http.get(app.url(&format!("/api/v1/cases/{case_id}/milestones")))
                            .bearer_auth(&lotte),
                        None,
                    ),
                    Visit::SendMessage => {
                        sent += 1;
                        let client_id = format!("load-{client}-{sent}");
                        let body = json!({ "body": "Hoe gaat het?", "client_id": client_id });
                        (
                            http.post(app.url(&format!("/api/v1/conversations/{conversation}/messages")))
                                .bearer_auth(&sarah)
                                .json(&body),
                            Some(client_id),
                        )
                    }
                };
                let answer = request.send().await;
                let mut tally = tally.lock().await;
                match answer {
                    Ok(response) => {
                        let status = response.status();
                        *tally.statuses.entry(status.as_u16()).or_default() += 1;
                        if status.is_success() {
                            match visit {
                                Visit::HomePage => tally.home_pages += 1,
                                Visit::Milestones => tally.milestone_reads += 1,
                                Visit::SendMessage => tally.acknowledged.extend(client_id),
                            }
                        }
                    }
                    Err(error) => tally.failures.push(error.to_string()),
                }
            }
        }));
    }
    for client in clients {
        client.await.unwrap();
    }

    let tally = tally.lock().await;
    assert!(
        tally.failures.is_empty(),
        "requests without an answer: {:?}",
        tally.failures
    );
    let server_errors: Vec<_> = tally.statuses.iter().filter(|(status, _)| **status >= 500).collect();
    assert!(
        server_errors.is_empty(),
        "server errors: {server_errors:?} of {:?}",
        tally.statuses
    );
    assert!(
        tally.home_pages > 0 && tally.milestone_reads > 0 && !tally.acknowledged.is_empty(),
        "every kind of visit was answered: {:?}",
        tally.statuses
    );

    let stored: Vec<(String, i64)> = sqlx::query_as(
        "SELECT client_id, COUNT(*) FROM messages WHERE conversation_id = $1 AND client_id LIKE 'load-%' \
         GROUP BY client_id",
    )
    .bind(conversation)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let stored: HashMap<String, i64> = stored.into_iter().collect();
    for client_id in &tally.acknowledged {
        assert_eq!(
            stored.get(client_id),
            Some(&1),
            "acknowledged message {client_id} is stored once"
        );
    }

    let reads_after = app.audit_count("case_read", lotte_id).await;
    assert_eq!(
        reads_after - reads_before,
        tally.milestone_reads,
        "every answered case read is in the access log"
    );
    // The week's summary, added up from counts the writer kept batch by batch while 64
    // clients read at once, says what the log itself holds.
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE case_id = $1 AND actor_user_id = $2 \
         AND action = 'case_read' AND object_type LIKE '%trajectory%'",
    )
    .bind(case_id)
    .bind(lotte_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let access_log = app.get(&format!("/api/v1/cases/{case_id}/access-log"), &sarah).await;
    let access_log: serde_json::Value = access_log.json().await.unwrap();
    let summed = access_log["last_seven_days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["actor_name"] == "Lotte" && line["category"] == "trajectory")
        .map(|line| line["looks"].as_i64().unwrap());
    assert_eq!(
        summed,
        Some(logged),
        "Sarah reads how often Lotte looked at her trajectory"
    );
}

/// Polls `future` at most `polls` times and then drops it, as the server drops a request
/// whose client went away (a closed tab, a phone that lost its signal).
async fn give_up_after<F: std::future::Future>(future: F, polls: usize) {
    let mut future = std::pin::pin!(future);
    for _ in 0..polls {
        if futures_util::poll!(future.as_mut()).is_ready() {
            return;
        }
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn a_request_dropped_while_its_transaction_begins_leaves_nothing_open_for_the_next() {
    // Two connections, so every one of them serves the writes below.
    let app = TestApp::spawn_with(&[("BRUG_DB_MAX_CONNECTIONS", "2")]).await;
    let root = app::db::Scope::root(app.database.clone());
    let case_id = app.case_of("Sarah").await;
    for attempt in 0..60 {
        let unit = root.fresh();
        give_up_after(
            async {
                let tx = unit.read().await.expect("a read transaction");
                tx.commit().await.expect("the read ends");
            },
            1 + attempt % 6,
        )
        .await;
        drop(unit);
        // The next person's write, on whichever connection the pool lends: it must not
        // find itself inside the read that was left behind.
        let unit = root.fresh();
        let mut tx = unit.write().await.expect("a write transaction");
        let changed = sqlx::query("UPDATE cases SET label = label WHERE id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await;
        assert!(
            changed.is_ok(),
            "a write after a dropped read (attempt {attempt}): {changed:?}"
        );
        tx.commit().await.expect("the write commits");
    }
}
