//! The load benchmark: many signed-in clients at once against the real server on a fresh
//! database (SQLite, or PostgreSQL when BRUG_TEST_POSTGRES_URL names a server), next to
//! two baselines measured in the same run on the same database: a bare axum + sqlx page
//! that reads 12 rows, and a bare insert with the same durability. Prints, per route,
//! answers per second, p50 and p99, every answer that was not 2xx, and the ratio to its
//! baseline. Run it by hand on a release build:
//!
//!     cargo run --release -p integration --features bench --bin load -- [CLIENTS] [SECONDS] [ROUTE…]
//!
//! ROUTE names the routes to run (bare-page, bare-statements, home, case-read, list-read,
//! bare-insert, send); without one, all run. One route alone is what a profiler wants to watch.
//!
//! Clients and server share the machine's cores, as do the baselines: compare ratios, not
//! absolute figures between machines. The pool's settings (`BRUG_DB_MAX_CONNECTIONS`,
//! `BRUG_DB_ACQUIRE_TIMEOUT_MS`, `BRUG_DB_BUSY_TIMEOUT_MS`) are taken from the
//! environment, to compare them.

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use integration::TestApp;
use reqwest::{header, Client, RequestBuilder};
use serde_json::json;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let clients: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(64);
    let seconds: u64 = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let run_for = Duration::from_secs(seconds);
    let pool_settings: Vec<(&str, String)> = [
        "BRUG_DB_MAX_CONNECTIONS",
        "BRUG_DB_ACQUIRE_TIMEOUT_MS",
        "BRUG_DB_BUSY_TIMEOUT_MS",
    ]
    .into_iter()
    .filter_map(|name| std::env::var(name).ok().map(|value| (name, value)))
    .collect();
    let extra: Vec<(&str, &str)> = pool_settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = Arc::new(TestApp::spawn_with(&extra).await);
    let bare = bare_server(&app).await;
    let http = Client::builder()
        .pool_max_idle_per_host(clients)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("an HTTP client");

    let sarah_page = app.web_session("sarah").await;
    let lotte = app.token("lotte").await;
    let sarah = app.token("sarah").await;
    let case_id = app.case_of("Sarah").await;
    let conversation = app.conversation_with(&sarah, "lotte").await;

    println!(
        "Brug load benchmark: {} database, {clients} clients, {seconds} s per route\n",
        app.backend
    );
    println!(
        "| route | answers/s | p50 ms | p99 ms | not 2xx | ratio to baseline |\n| --- | --- | --- | --- | --- | --- |"
    );
    let only: Vec<String> = std::env::args().skip(3).collect();
    let wanted = |route: &str| only.is_empty() || only.iter().any(|o| o == route);
    let sequence = Arc::new(AtomicU64::new(0));
    let bare_page = when(
        wanted("bare-page"),
        measure(&http, clients, run_for, |http| http.get(format!("{bare}/rows"))),
    )
    .await;
    print(&bare_page, "bare axum + sqlx page (12 rows)", None);
    let bare_statements = when(
        wanted("bare-statements"),
        measure(&http, clients, run_for, |http| {
            http.get(format!("{bare}/rows-in-steps"))
        }),
    )
    .await;
    print(
        &bare_statements,
        "bare page, 12 rows in a read transaction of 8 statements",
        bare_page.as_ref(),
    );
    let home = when(
        wanted("home"),
        measure(&http, clients, run_for, |http| {
            http.get(app.url("/")).header(header::COOKIE, &sarah_page)
        }),
    )
    .await;
    print(&home, "signed-in home page `/`", bare_page.as_ref());
    let milestones = when(
        wanted("case-read"),
        measure(&http, clients, run_for, |http| {
            http.get(app.url(&format!("/api/v1/cases/{case_id}/milestones")))
                .bearer_auth(&lotte)
        }),
    )
    .await;
    print(
        &milestones,
        "case read `GET /api/v1/cases/{id}/milestones`",
        bare_page.as_ref(),
    );
    let conversations = when(
        wanted("list-read"),
        measure(&http, clients, run_for, |http| {
            http.get(app.url("/api/v1/conversations")).bearer_auth(&lotte)
        }),
    )
    .await;
    print(
        &conversations,
        "list read `GET /api/v1/conversations`",
        bare_page.as_ref(),
    );
    let bare_insert = when(wanted("bare-insert"), {
        let sequence = sequence.clone();
        measure(&http, clients, run_for, move |http| {
            let n = sequence.fetch_add(1, Ordering::Relaxed);
            http.post(format!("{bare}/insert")).body(format!("bare {n}"))
        })
    })
    .await;
    print(&bare_insert, "bare insert (same durability)", None);
    let send = when(
        wanted("send"),
        measure(&http, clients, run_for, |http| {
            let n = sequence.fetch_add(1, Ordering::Relaxed);
            http.post(app.url(&format!("/api/v1/conversations/{conversation}/messages")))
                .bearer_auth(&sarah)
                .json(&json!({ "body": "Hoe gaat het?", "client_id": format!("load-{n}") }))
        }),
    )
    .await;
    print(
        &send,
        "message send `POST /api/v1/conversations/{id}/messages`",
        bare_insert.as_ref(),
    );
}

/// Runs a route's measurement only when it was asked for.
async fn when(wanted: bool, run: impl std::future::Future<Output = Measured>) -> Option<Measured> {
    if wanted {
        Some(run.await)
    } else {
        None
    }
}

fn print(measured: &Option<Measured>, route: &str, baseline: Option<&Measured>) {
    if let Some(measured) = measured {
        measured.print(route, baseline);
    }
}

/// What one route answered during its run.
struct Measured {
    latencies: Vec<Duration>,
    statuses: BTreeMap<String, u64>,
    elapsed: Duration,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn print(&self, route: &str, baseline: Option<&Measured>) {
        let at = |q: f64| {
            if self.latencies.is_empty() {
                return f64::NAN;
            }
            self.latencies[((self.latencies.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0
        };
        let not_ok: Vec<String> = self
            .statuses
            .iter()
            .filter(|(status, _)| !status.starts_with('2'))
            .map(|(status, count)| format!("{count}× {status}"))
            .collect();
        let ratio = baseline.map_or("—".to_string(), |b| {
            format!("{:.2}×", self.per_second() / b.per_second())
        });
        println!(
            "| {route} | {:.0} | {:.1} | {:.1} | {} | {ratio} |",
            self.per_second(),
            at(0.5),
            at(0.99),
            if not_ok.is_empty() {
                "0".to_string()
            } else {
                not_ok.join(", ")
            }
        );
    }
}

/// `clients` clients send `request()` one after another each, for `run_for`.
async fn measure<F>(http: &Client, clients: usize, run_for: Duration, request: F) -> Measured
where
    F: Fn(&Client) -> RequestBuilder + Send + Sync,
{
    let request = &request;
    let started = Instant::now();
    let runs = (0..clients).map(|_| async move {
        let mut latencies = Vec::new();
        let mut statuses: BTreeMap<String, u64> = BTreeMap::new();
        while started.elapsed() < run_for {
            let sent = Instant::now();
            let status = match request(http).send().await {
                Ok(response) => {
                    let status = response.status();
                    let _ = response.bytes().await;
                    status.as_u16().to_string()
                }
                Err(error) if error.is_timeout() => "timeout".to_string(),
                Err(_) => "no answer".to_string(),
            };
            if status.starts_with('2') {
                latencies.push(sent.elapsed());
            }
            *statuses.entry(status).or_default() += 1;
        }
        (latencies, statuses)
    });
    let results = futures_util::future::join_all(runs).await;
    let elapsed = started.elapsed();
    let mut measured = Measured {
        latencies: Vec::new(),
        statuses: BTreeMap::new(),
        elapsed,
    };
    for (latencies, statuses) in results {
        measured.latencies.extend(latencies);
        for (status, count) in statuses {
            *measured.statuses.entry(status).or_default() += count;
        }
    }
    measured.latencies.sort();
    measured
}

/// The baselines: the least an axum + sqlx server on this database can do per request.
async fn bare_server(app: &TestApp) -> String {
    let pool = AnyPoolOptions::new()
        .max_connections(16)
        .after_connect(|conn, _| {
            Box::pin(async move {
                if conn.backend_name() == "SQLite" {
                    sqlx::query("PRAGMA synchronous = FULL").execute(&mut *conn).await?;
                    sqlx::query("PRAGMA busy_timeout = 5000").execute(&mut *conn).await?;
                }
                Ok(())
            })
        })
        .connect(&app.database_url)
        .await
        .expect("the baseline's pool");
    sqlx::query("CREATE TABLE bench_rows (id BIGINT PRIMARY KEY, body TEXT NOT NULL)")
        .execute(&pool)
        .await
        .expect("a table to read");
    for id in 1..=12_i64 {
        sqlx::query("INSERT INTO bench_rows (id, body) VALUES ($1, $2)")
            .bind(id)
            .bind(format!("row {id}"))
            .execute(&pool)
            .await
            .expect("a row");
    }
    sqlx::query("CREATE TABLE bench_inserts (body TEXT NOT NULL)")
        .execute(&pool)
        .await
        .expect("a table to write");
    let router = Router::new()
        .route("/rows", get(read_rows))
        .route("/rows-in-steps", get(read_rows_in_steps))
        .route("/insert", post(insert_row))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("an address");
    // No Nagle delay, as Brug's own server sets it.
    let listener = axum::serve::ListenerExt::tap_io(listener, |socket| {
        let _ = socket.set_nodelay(true);
    });
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}")
}

async fn read_rows(State(pool): State<AnyPool>) -> Result<String, axum::http::StatusCode> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, body FROM bench_rows ORDER BY id")
        .fetch_all(&pool)
        .await
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(rows.into_iter().map(|(id, body)| format!("{id}: {body}\n")).collect())
}

/// The same rows as `read_rows`, read in several statements as a case read reads its
/// parts: BEGIN, six SELECTs of two rows each, COMMIT.
async fn read_rows_in_steps(State(pool): State<AnyPool>) -> Result<String, axum::http::StatusCode> {
    let failed = |_| axum::http::StatusCode::INTERNAL_SERVER_ERROR;
    let mut tx = pool.begin().await.map_err(failed)?;
    let mut text = String::new();
    for (from, to) in [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)] {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, body FROM bench_rows WHERE id BETWEEN $1 AND $2 ORDER BY id")
                .bind(from)
                .bind(to)
                .fetch_all(&mut *tx)
                .await
                .map_err(failed)?;
        text.extend(rows.into_iter().map(|(id, body)| format!("{id}: {body}\n")));
    }
    tx.commit().await.map_err(failed)?;
    Ok(text)
}

async fn insert_row(State(pool): State<AnyPool>, body: String) -> axum::http::StatusCode {
    match sqlx::query("INSERT INTO bench_inserts (body) VALUES ($1)")
        .bind(body)
        .execute(&pool)
        .await
    {
        Ok(_) => axum::http::StatusCode::CREATED,
        Err(_) => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
    }
}
