//! The growth benchmark: how the routes that show a history answer as it grows. It starts
//! the real server on a fresh database (SQLite, or PostgreSQL when BRUG_TEST_POSTGRES_URL
//! names a server), times each route on the demo data, then fills the database through
//! SQL to 100,000 and to 1,000,000 messages and audit rows (one demo conversation and
//! Sarah's case get nine tenths, 10,000 other cases the rest) and times them again.
//! With `--through-api` it instead sends 30,000 messages and makes 30,000 audited reads
//! through the API, as people would, and times them after that. Prints p50 and p99 per
//! route and size, and the growth from the fresh figure. Run it by hand on a release build:
//!
//!     cargo run --release -p integration --features bench --bin growth -- [REQUESTS PER ROUTE] [ROUTE NAME PART] [--through-api]

use futures_util::StreamExt;
use integration::TestApp;
use reqwest::{header, Client, RequestBuilder};
use serde_json::json;
use std::time::{Duration, Instant};

/// (messages, audit rows) in the database at each measurement after the demo's own.
const SIZES: [i64; 2] = [100_000, 1_000_000];
const OTHER_CASES: i64 = 10_000;
/// Messages sent, and reads made, through the API with `--through-api`.
const THROUGH_API: i64 = 30_000;
/// Requests in flight at once while filling through the API.
const AT_ONCE: usize = 16;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let through_api = args.iter().any(|arg| arg == "--through-api");
    let mut positional = args.iter().filter(|arg| !arg.starts_with("--"));
    let requests: usize = positional.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    // A second argument keeps only the routes whose name holds it, e.g. `access-log`.
    let only = positional.next().cloned().unwrap_or_default();
    let app = TestApp::spawn().await;
    let http = Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("an HTTP client");
    let world = World::of(&app).await;
    let routes: Vec<Route> = world.routes().into_iter().filter(|r| r.name.contains(&only)).collect();
    let sizes: &[i64] = if through_api { &[THROUGH_API] } else { &SIZES };

    println!(
        "Brug growth benchmark: {} database, {requests} requests per route, one at a time, filled {}\n",
        app.backend,
        if through_api { "through the API" } else { "through SQL" }
    );
    let mut table: Vec<Vec<(f64, f64)>> = vec![Vec::new(); routes.len()];
    let mut generated = 0;
    for &size in std::iter::once(&0).chain(sizes) {
        if size > 0 {
            let started = Instant::now();
            if through_api {
                fill_through_api(&http, &app, &world, size).await;
            } else {
                fill(&app, &world, generated, size).await;
            }
            generated = size;
            eprintln!(
                "filled to {size} messages and audit rows in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        for (row, route) in table.iter_mut().zip(&routes) {
            row.push(time(&http, &app, route, requests).await);
        }
    }
    print!("| route | fresh p50 / p99 ms |");
    for size in sizes {
        print!(" {size} p50 / p99 ms |");
    }
    println!(" growth of p50 at {} |", sizes[sizes.len() - 1]);
    println!("| --- | --- |{} --- |", " --- |".repeat(sizes.len()));
    for (route, row) in routes.iter().zip(&table) {
        print!("| {} |", route.name);
        for (p50, p99) in row {
            print!(" {p50:.2} / {p99:.2} |");
        }
        println!(" {:.1}× |", row[row.len() - 1].0 / row[0].0);
    }
}

/// The people and places the routes are about.
struct World {
    lotte_token: String,
    sarah_token: String,
    lotte_page: String,
    sarah_page: String,
    sarah_id: i64,
    lotte_id: i64,
    case_id: i64,
    conversation: i64,
}

impl World {
    async fn of(app: &TestApp) -> World {
        let sarah_token = app.token("sarah").await;
        let conversation = app.conversation_with(&sarah_token, "lotte").await;
        World {
            lotte_token: app.token("lotte").await,
            lotte_page: app.web_session("lotte").await,
            sarah_page: app.web_session("sarah").await,
            sarah_id: app.user_id("sarah").await,
            lotte_id: app.user_id("lotte").await,
            case_id: app.case_of("Sarah").await,
            conversation,
            sarah_token,
        }
    }

    fn routes(&self) -> Vec<Route> {
        let (case, conversation) = (self.case_id, self.conversation);
        vec![
            Route::api(
                "`GET /api/v1/inbox` as Lotte",
                "/api/v1/inbox".into(),
                &self.lotte_token,
            ),
            Route::page("`/messages` page as Lotte", "/messages".into(), &self.lotte_page),
            Route::api(
                "`GET /api/v1/conversations` as Lotte",
                "/api/v1/conversations".into(),
                &self.lotte_token,
            ),
            Route::api(
                "`GET /api/v1/conversations/{id}/messages?limit=50`",
                format!("/api/v1/conversations/{conversation}/messages?limit=50"),
                &self.lotte_token,
            ),
            Route::page(
                "conversation page as Lotte",
                format!("/messages/{conversation}"),
                &self.lotte_page,
            ),
            Route::api(
                "`GET /api/v1/cases/{id}/access-log` as Sarah",
                format!("/api/v1/cases/{case}/access-log"),
                &self.sarah_token,
            ),
            Route::page(
                "access-log page as Sarah",
                format!("/cases/{case}/access-log"),
                &self.sarah_page,
            ),
            Route::api(
                "`GET /api/v1/cases/{id}/changes?since=0` as Lotte",
                format!("/api/v1/cases/{case}/changes?since=0"),
                &self.lotte_token,
            ),
        ]
    }
}

struct Route {
    name: &'static str,
    path: String,
    /// A bearer token for the API, a cookie for pages.
    credential: (bool, String),
}

impl Route {
    fn api(name: &'static str, path: String, token: &str) -> Route {
        Route {
            name,
            path,
            credential: (true, token.to_string()),
        }
    }

    fn page(name: &'static str, path: String, cookie: &str) -> Route {
        Route {
            name,
            path,
            credential: (false, cookie.to_string()),
        }
    }

    fn request(&self, http: &Client, app: &TestApp) -> RequestBuilder {
        let request = http.get(app.url(&self.path));
        match &self.credential {
            (true, token) => request.bearer_auth(token),
            (false, cookie) => request.header(header::COOKIE, cookie),
        }
    }
}

/// p50 and p99 in milliseconds of `requests` requests one after another, after a few to
/// warm up. A route that does not answer 200 stops the benchmark: its figure would lie.
async fn time(http: &Client, app: &TestApp, route: &Route, requests: usize) -> (f64, f64) {
    let mut latencies = Vec::with_capacity(requests);
    for n in 0..requests + 5 {
        let started = Instant::now();
        let response = route.request(http, app).send().await.expect("an answer");
        let status = response.status();
        response.bytes().await.expect("a body");
        assert!(status.is_success(), "{} answered {status}", route.name);
        if n >= 5 {
            latencies.push(started.elapsed());
        }
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.99))
}

/// Adds messages and audit rows from `from` up to `to` of each: nine tenths in the demo
/// conversation and Sarah's case, the rest in the other cases (made on the first fill).
/// Half the audit rows are looks at the case, half messages sent, as a busy case's are.
async fn fill(app: &TestApp, world: &World, from: i64, to: i64) {
    if from == 0 {
        other_cases(app).await;
    }
    let postgres = app.backend == "postgres";
    // The numbers from..to, as a table `seq(n)`.
    let numbers = |body: &str| -> String {
        if postgres {
            format!("{body} FROM generate_series($1 + 1, $2) AS seq(n)")
        } else {
            format!(
                "WITH RECURSIVE seq(n) AS (SELECT $1 + 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $2) {body} FROM seq"
            )
        }
    };
    let (first_case, first_conversation): (i64, i64) = sqlx::query_as(
        "SELECT MIN(cs.id), MIN(c.id) FROM cases cs JOIN conversations c ON c.case_id = cs.id WHERE cs.label LIKE 'Case %'",
    )
    .fetch_one(&app.db)
    .await
    .expect("the other cases");
    // Every tenth message goes to one of the other cases' conversations; the rest
    // alternate between Sarah and Lotte, Sarah last.
    let messages = numbers(&format!(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at) \
         SELECT CASE WHEN n % 10 = 0 THEN {first_conversation} + (n / 10) % {OTHER_CASES} ELSE {conversation} END, \
         CASE WHEN n % 2 = 1 THEN {sarah} ELSE {lotte} END, 'growth-' || n, 'Bericht ' || n, 1700000000 + n",
        conversation = world.conversation,
        sarah = world.sarah_id,
        lotte = world.lotte_id,
    ));
    let audit = numbers(&format!(
        "INSERT INTO audit_log (at, actor_user_id, action, case_id, object_type, object_id, request_id) \
         SELECT 1700000000 + n, {lotte}, CASE WHEN n % 2 = 0 THEN 'message_sent' ELSE 'case_read' END, \
         CASE WHEN n % 10 = 0 THEN {first_case} + (n / 10) % {OTHER_CASES} ELSE {case} END, \
         CASE WHEN n % 2 = 0 THEN 'message' ELSE 'trajectory' END, 1, 'growth'",
        lotte = world.lotte_id,
        case = world.case_id,
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
    // What every send keeps: the newest message, the wait for an answer, and Lotte's read
    // marks now and then (every thousandth message).
    let newest = "UPDATE conversations SET last_message_id = \
        (SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = conversations.id) WHERE id = $1 OR id >= $2";
    sqlx::query(newest)
        .bind(world.conversation)
        .bind(first_conversation)
        .execute(&mut *tx)
        .await
        .expect("the newest messages");
    sqlx::query("UPDATE conversations SET waiting_since = COALESCE(waiting_since, 1700000000) WHERE id = $1")
        .bind(world.conversation)
        .execute(&mut *tx)
        .await
        .expect("the wait for an answer");
    sqlx::query(
        "INSERT INTO read_marks (conversation_id, user_id, up_to_message_id, read_at) \
         SELECT conversation_id, $1, id, sent_at FROM messages WHERE conversation_id = $2 AND id % 1000 = 0 AND id > \
         COALESCE((SELECT MAX(up_to_message_id) FROM read_marks WHERE conversation_id = $2 AND user_id = $1), 0)",
    )
    .bind(world.lotte_id)
    .bind(world.conversation)
    .execute(&mut *tx)
    .await
    .expect("read marks");
    tx.commit().await.expect("the fill commits");
    settle(app).await;
}

/// What the database does on its own as a history grows, done at once so the timing does
/// not depend on when it happens: on PostgreSQL autovacuum clears the row versions that
/// 30,000 sends leave behind on a conversation's row and read marks, and analyses the
/// tables; on SQLite the WAL is checkpointed.
async fn settle(app: &TestApp) {
    let settle = if app.backend == "postgres" {
        "VACUUM ANALYZE"
    } else {
        "PRAGMA wal_checkpoint(TRUNCATE)"
    };
    sqlx::query(settle)
        .execute(&app.db)
        .await
        .expect("the database settles");
}

/// `count` messages in the demo conversation, Sarah and Lotte in turn, and `count` reads
/// of Sarah's trajectory by Lotte, each recorded in Sarah's access log: through the API,
/// a few at a time. Every one must succeed.
async fn fill_through_api(http: &Client, app: &TestApp, world: &World, count: i64) {
    let messages = format!("/api/v1/conversations/{}/messages", world.conversation);
    let trajectory = format!("/api/v1/cases/{}/milestones", world.case_id);
    let requests = (0..count).flat_map(|n| {
        let sender = if n % 2 == 0 {
            &world.sarah_token
        } else {
            &world.lotte_token
        };
        let send = http
            .post(app.url(&messages))
            .bearer_auth(sender)
            .json(&json!({ "body": format!("Bericht {n}"), "client_id": format!("through-api-{n}") }));
        let read = http.get(app.url(&trajectory)).bearer_auth(&world.lotte_token);
        [send, read]
    });
    futures_util::stream::iter(requests)
        .map(|request| async move {
            let response = request.send().await.expect("an answer");
            assert!(response.status().is_success(), "filling answered {}", response.status());
        })
        .buffer_unordered(AT_ONCE)
        .collect::<Vec<()>>()
        .await;
    settle(app).await;
}

/// 10,000 other cases, each with a conversation: weight in the tables that nobody of the
/// demo can see.
async fn other_cases(app: &TestApp) {
    let postgres = app.backend == "postgres";
    let cases = if postgres {
        format!("INSERT INTO cases (label, created_at) SELECT 'Case ' || n, 1700000000 FROM generate_series(1, {OTHER_CASES}) AS seq(n)")
    } else {
        format!(
            "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {OTHER_CASES}) \
             INSERT INTO cases (label, created_at) SELECT 'Case ' || n, 1700000000 FROM seq"
        )
    };
    let conversations = "INSERT INTO conversations (case_id, kind, created_at) \
        SELECT id, 'group', 1700000000 FROM cases WHERE label LIKE 'Case %' ORDER BY id";
    let mut tx = app.db.begin().await.expect("a transaction");
    for sql in [cases.as_str(), conversations] {
        sqlx::query(sql)
            .execute(&mut *tx)
            .await
            .unwrap_or_else(|error| panic!("{error}: {sql}"));
    }
    tx.commit().await.expect("the other cases commit");
}
