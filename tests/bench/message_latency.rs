//! How long a message takes from the moment it is sent to its arrival on another client's
//! event stream: a few hundred messages from sarah to lotte, one at a time, against the
//! real server on a fresh database (SQLite, or PostgreSQL when BRUG_TEST_POSTGRES_URL is
//! set; with BRUG_BENCH_TWO_SERVERS=1 the stream is held by a second server on the same
//! PostgreSQL database). Prints the median, p90, p99 and the slowest.
//!
//! With IDLE_STREAMS, that many other streams stay open meanwhile (ten for each of as many
//! family members as that takes, invited into Sarah's circle first): what delivery costs
//! when many phones are listening.
//!
//!     cargo run --release -p integration --features bench --bin message-latency -- [MESSAGES] [IDLE_STREAMS]

use integration::{EventStream, TestApp};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let count: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let idle_streams: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(0);
    let sender_app = TestApp::spawn().await;
    let two_servers = std::env::var("BRUG_BENCH_TWO_SERVERS").is_ok_and(|v| v == "1");
    let receiver_app = if two_servers && sender_app.backend == "postgres" {
        Some(sender_app.spawn_second().await)
    } else {
        None
    };
    let receiver = receiver_app.as_ref().unwrap_or(&sender_app);
    let sarah = sender_app.token("sarah").await;
    let lotte = receiver.token("lotte").await;
    let lotte_id = sender_app.user_id("lotte").await;
    let conversation = sender_app
        .list("/api/v1/conversations", &sarah, "conversations")
        .await
        .iter()
        .find(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["user_id"] == lotte_id)
        })
        .expect("sarah's conversation with lotte")["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let _idle = open_idle_streams(&sender_app, idle_streams).await;
    if idle_streams > 0 {
        print_idle_cost(idle_streams).await;
    }
    let mut stream = EventStream::open(receiver, &lotte, None).await;

    let mut latencies = Vec::with_capacity(count);
    for n in 0..count {
        let started = Instant::now();
        let body = json!({ "body": format!("bericht {n}"), "client_id": format!("bench-{n}") });
        let response = sender_app.post_json(&path, Some(&sarah), body).await;
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
        let event = stream
            .next_within(Duration::from_secs(30))
            .await
            .expect("the message arrives");
        assert_eq!(event.data["message"]["client_id"], format!("bench-{n}"));
        latencies.push(started.elapsed());
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{count} messages on {}{}, {idle_streams} other streams open: send to arrival median {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, slowest {:.1} ms",
        sender_app.backend,
        if receiver_app.is_some() {
            ", stream on a second server"
        } else {
            ""
        },
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(*latencies.last().unwrap()),
    );
}

/// `total` open streams of family members of Sarah's case, ten each (the most one person
/// may hold), none of whom the measured messages are for.
async fn open_idle_streams(app: &TestApp, total: usize) -> Vec<EventStream> {
    let lotte = app.token("lotte").await;
    let case_id = app.case_of("Sarah").await;
    let mut streams = Vec::with_capacity(total);
    for person in 0..total.div_ceil(10) {
        let invitation = json!({ "kind": "family", "case_id": case_id, "display_name": format!("Familie {person}"),
                                 "relationship": "other" });
        let invited: serde_json::Value = app
            .post_json("/api/v1/invitations", Some(&lotte), invitation)
            .await
            .json()
            .await
            .expect("an invitation");
        let username = format!("familie{person}");
        let join = json!({ "code": invited["code"], "username": username, "password": "zonnige dagen aan zee" });
        let joined = app.post_json("/api/v1/join", None, join).await;
        assert_eq!(
            joined.status(),
            reqwest::StatusCode::CREATED,
            "family member {person} joins"
        );
        let token: serde_json::Value = app
            .login(&username, "zonnige dagen aan zee")
            .await
            .json()
            .await
            .expect("a token");
        let token = token["token"].as_str().expect("a token").to_string();
        for _ in 0..10.min(total - streams.len()) {
            streams.push(EventStream::open(app, &token, None).await);
        }
    }
    streams
}

/// CPU and memory of this process (the server and its clients together, so an upper
/// bound on the server's) over ten seconds in which only the idle streams are open.
async fn print_idle_cost(streams: usize) {
    tokio::time::sleep(Duration::from_secs(3)).await;
    let before = cpu_ticks();
    tokio::time::sleep(Duration::from_secs(10)).await;
    let used = cpu_ticks() - before;
    let rss_kb: u64 = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        .unwrap_or(0);
    // Ticks are hundredths of a second: 1,000 in ten seconds is one whole core.
    println!(
        "{streams} idle streams, server and clients in one process: {:.1} % of one core, RSS {} MB",
        used as f64 / 10.0,
        rss_kb / 1024
    );
}

fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let field = |n: usize| fields.get(n).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    field(11) + field(12)
}
