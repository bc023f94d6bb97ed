//! Test support: the real application on port 0 against a fresh database, SQLite by
//! default or PostgreSQL when `BRUG_TEST_POSTGRES_URL` names a server to create one on.

mod passkey;
mod push_receiver;

pub use passkey::SoftPasskey;
pub use push_receiver::{Delivery, Phone, PushReceiver};
use reqwest::{header, redirect, Client, Method, Response, StatusCode};
use serde_json::{json, Value};
use server::config::Settings;
use server::Application;
use sqlx::AnyPool;
use std::path::PathBuf;

pub const DEMO_PASSWORD: &str = app::demo::DEMO_PASSWORD;
/// The key that seals stored secrets in every test server; a second server on the same
/// database needs the same one, as a second process in production would.
pub const TEST_SECRET_KEY: &str = "5f0c3e9a1b2d4f6a8c0e1f3a5b7d9e2c4a6b8d0f1e3c5a7b9d2e4f6a8c0b1d3e";

pub struct TestApp {
    pub base: String,
    pub db: AnyPool,
    /// The application's own database handle, to close it under the running server.
    pub database: app::db::Database,
    pub backend: &'static str,
    pub database_url: String,
    /// The server's wake-up channel for live streams, to watch it from a test.
    pub events: app::messaging::live::EventBus,
    /// The server's clock, which a test may move forward.
    pub clock: app::clock::Clock,
    /// A client that does not follow redirects and keeps no cookies: each test says what it sends.
    pub http: Client,
    /// The server's state, for a test to run what its background loops run.
    pub state: app::state::AppState,
    /// Stop the server and its scheduler as a crash would ([`TestApp::kill`]).
    stoppers: Vec<tokio::task::AbortHandle>,
    _temp: Option<TempDir>,
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn random_suffix() -> String {
    format!("{:016x}", rand::random::<u64>())
}

async fn fresh_database_url() -> (String, Option<TempDir>, &'static str) {
    if let Ok(admin_url) = std::env::var("BRUG_TEST_POSTGRES_URL") {
        sqlx::any::install_default_drivers();
        let name = format!("brug_test_{}", random_suffix());
        let admin = AnyPool::connect(&admin_url)
            .await
            .expect("the test PostgreSQL server answers");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .expect("create a test database");
        admin.close().await;
        let (base, _) = admin_url.rsplit_once('/').expect("a database URL with a path");
        (format!("{base}/{name}"), None, "postgres")
    } else {
        let dir = std::env::temp_dir().join(format!("brug-test-{}", random_suffix()));
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        let url = format!("sqlite://{}/brug.db", dir.display());
        (url, Some(TempDir(dir)), "sqlite")
    }
}

/// An empty database of the backend under test, for a restore to go into; a SQLite one's
/// folder goes when this is dropped.
pub struct EmptyDatabase {
    pub url: String,
    _temp: Option<TempDir>,
}

pub async fn empty_database() -> EmptyDatabase {
    let (url, temp, _) = fresh_database_url().await;
    EmptyDatabase { url, _temp: temp }
}

impl TestApp {
    /// The application with the demo circle loaded.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(&[]).await
    }

    pub async fn spawn_with(extra: &[(&str, &str)]) -> TestApp {
        let (database_url, temp, backend) = fresh_database_url().await;
        TestApp::start(database_url, temp, backend, extra).await
    }

    /// A second server on this one's database, as a second process behind a load
    /// balancer would be: it shares nothing with the first but the database.
    /// A server on a database that already exists (one restored from a backup).
    pub async fn spawn_on(database: &EmptyDatabase) -> TestApp {
        let backend = if database.url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        };
        TestApp::start(database.url.clone(), None, backend, &[]).await
    }

    pub async fn spawn_second(&self) -> TestApp {
        self.spawn_second_with(&[]).await
    }

    pub async fn spawn_second_with(&self, extra: &[(&str, &str)]) -> TestApp {
        TestApp::start(self.database_url.clone(), None, self.backend, extra).await
    }

    /// Stops this server at once, as `kill -9` would a process: no request is answered
    /// any more and its scheduler does nothing more. The database stays.
    pub fn kill(&self) {
        for stopper in &self.stoppers {
            stopper.abort();
        }
    }

    async fn start(
        database_url: String,
        temp: Option<TempDir>,
        backend: &'static str,
        extra: &[(&str, &str)],
    ) -> TestApp {
        let mut vars = vec![
            ("DATABASE_URL".to_string(), database_url.clone()),
            ("BRUG_ADDR".to_string(), "127.0.0.1:0".to_string()),
            ("BRUG_DEMO_DATA".to_string(), "true".to_string()),
            ("BRUG_CONFIG".to_string(), "/dev/null".to_string()),
            ("BRUG_SECRET_KEY".to_string(), TEST_SECRET_KEY.to_string()),
        ];
        vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let settings = Settings::load_from(|key| vars.iter().rfind(|(k, _)| k == key).map(|(_, v)| v.clone()))
            .expect("test settings are valid");
        // The server's log, when a test is being looked into: BRUG_TEST_LOG=1.
        if std::env::var("BRUG_TEST_LOG").is_ok_and(|v| v == "1") {
            server::telemetry::init(&settings);
        }
        let application = Application::build(settings).await.expect("the application starts");
        let base = format!("http://127.0.0.1:{}", application.port());
        // The test's own connections, as an operator's tool would open them: the
        // application's pool is reachable only through its units of work.
        let db = AnyPool::connect(&database_url).await.expect("the test database opens");
        let database = application.state.db.database().clone();
        let events = application.state.events.clone();
        let clock = application.state.clock.clone();
        let state = application.state.clone();
        let scheduler = application.scheduler.clone();
        let server = tokio::spawn(application.run_until_stopped()).abort_handle();
        // A request that gets no answer fails its test instead of hanging the suite.
        let http = Client::builder()
            .redirect(redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .expect("an HTTP client");
        TestApp {
            base,
            db,
            database,
            backend,
            database_url,
            events,
            clock,
            http,
            state,
            stoppers: vec![server, scheduler],
            _temp: temp,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.http
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": password, "device_name": "test phone" }))
            .send()
            .await
            .expect("login request")
    }

    /// A bearer token for a demo account.
    pub async fn token(&self, username: &str) -> String {
        let response = self.login(username, DEMO_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "demo account {username} signs in");
        let body: Value = response.json().await.expect("login JSON");
        body["token"].as_str().expect("a token").to_string()
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET")
    }

    /// The items of one list answer (`{"cases": [...], "next_cursor": ...}` and the like).
    pub async fn list(&self, path: &str, token: &str, field: &str) -> Vec<Value> {
        let response = self.get(path, token).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        let body: Value = response.json().await.expect("a list in JSON");
        body[field]
            .as_array()
            .unwrap_or_else(|| panic!("{field} in {body}"))
            .clone()
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: Value) -> Response {
        let mut request = self.http.post(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("POST")
    }

    /// Any request with a bearer token and, when given, a JSON body.
    pub async fn call(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Response {
        let mut request = self.http.request(method, self.url(path)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("a request")
    }

    /// Signs in through the page form, as a browser without JavaScript does, and returns
    /// the session cookie pair (`name=value`).
    pub async fn web_session(&self, username: &str) -> String {
        let response = self
            .http
            .post(self.url("/signin"))
            .header(header::ORIGIN, &self.base)
            .form(&[("username", username), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .expect("sign-in form");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        session_cookie(&response).expect("a session cookie")
    }

    pub async fn page(&self, path: &str, cookie: Option<&str>) -> Response {
        let mut request = self.http.get(self.url(path));
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.send().await.expect("page")
    }

    /// The HTML of a page as the holder of `cookie` sees it.
    pub async fn page_text(&self, path: &str, cookie: &str) -> String {
        self.page(path, Some(cookie)).await.text().await.expect("a page")
    }

    /// Posts a page form as the holder of the session cookie; the answer is not followed.
    pub async fn form(&self, path: &str, cookie: &str, fields: &[(&str, &str)]) -> Response {
        self.http
            .post(self.url(path))
            .header(header::COOKIE, cookie)
            .form(fields)
            .send()
            .await
            .expect("page form")
    }

    /// Posts a page form that the server refuses, then follows the redirect with the
    /// cookies it gave, as a browser does: (where it sent the browser, the cookie that
    /// kept the input, the page shown). Fails unless the page clears that cookie.
    pub async fn refused_form_shown_again(
        &self,
        path: &str,
        session: &str,
        fields: &[(&str, &str)],
    ) -> (String, String, String) {
        let response = self.form(path, session, fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        let location = response.headers()[header::LOCATION].to_str().unwrap().to_string();
        let kept = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("brug_form="))
            .map(|v| v.split(';').next().unwrap().to_string())
            .expect("what was typed is kept");
        let shown = self.page(&location, Some(&format!("{session}; {kept}"))).await;
        let clears = shown
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("brug_form=;"));
        assert!(clears, "the page clears what it showed");
        (location, kept, shown.text().await.unwrap())
    }

    pub async fn user_id(&self, username: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(&self.db)
            .await
            .expect("a demo user")
    }

    /// The texts of the messages a person sent, as stored (sealed at rest) and opened with
    /// the server's keys, as an operator's tool with the key would read them.
    pub async fn stored_messages_of(&self, sender_id: i64) -> Vec<String> {
        let stored: Vec<String> = sqlx::query_scalar("SELECT body FROM messages WHERE sender_id = $1 ORDER BY id")
            .bind(sender_id)
            .fetch_all(&self.db)
            .await
            .expect("the messages");
        let keys = self.database.text_keys();
        stored
            .into_iter()
            .map(|body| {
                keys.open(app::sealing::text::Column::MessageBody, body)
                    .expect("a message opens")
            })
            .collect()
    }

    /// The pair conversation between the holder of `token` and `other` (a username).
    pub async fn conversation_with(&self, token: &str, other: &str) -> i64 {
        let other_id = self.user_id(other).await;
        let conversations = self.list("/api/v1/conversations", token, "conversations").await;
        let pair = conversations.iter().find(|c| {
            c["kind"] == "pair"
                && c["members"]
                    .as_array()
                    .is_some_and(|members| members.iter().any(|m| m["user_id"] == other_id))
        });
        pair.and_then(|c| c["id"].as_i64())
            .unwrap_or_else(|| panic!("a pair conversation with {other}"))
    }

    pub async fn case_of(&self, participant_name: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM cases WHERE label = $1")
            .bind(participant_name)
            .fetch_one(&self.db)
            .await
            .expect("a demo case")
    }

    /// The actions in the case's access log, as the holder of `token` reads it.
    pub async fn access_log_actions(&self, case_id: i64, token: &str) -> Vec<String> {
        let log: Value = self
            .get(&format!("/api/v1/cases/{case_id}/access-log"), token)
            .await
            .json()
            .await
            .expect("an access log");
        log["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["action"].as_str().map(str::to_string))
            .collect()
    }

    pub async fn audit_count(&self, action: &str, actor: i64) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND actor_user_id = $2")
            .bind(action)
            .bind(actor)
            .fetch_one(&self.db)
            .await
            .expect("count audit rows")
    }
}

/// The `name=value` of the session cookie a response sets, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("brug_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

/// The JSON of a successful answer; anything else fails the test with the answer shown.
pub async fn success(response: Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.expect("JSON");
    assert!(status.is_success(), "{status}: {body}");
    body
}

pub async fn error_code(response: Response) -> (StatusCode, String) {
    let status = response.status();
    let body: Value = response.json().await.expect("an error body in JSON");
    (status, body["error"]["code"].as_str().unwrap_or_default().to_string())
}

/// One server-sent event as a client receives it.
#[derive(Debug, Clone)]
pub struct StreamEvent {
    pub id: Option<i64>,
    pub kind: String,
    pub data: Value,
    /// The event as it came over the wire.
    pub raw: String,
}

/// A client's side of a live event stream.
pub struct EventStream {
    response: Response,
    buffer: String,
}

impl EventStream {
    /// Opens the stream with a bearer token, resuming after `last_event_id` when given.
    pub async fn open(app: &TestApp, token: &str, last_event_id: Option<i64>) -> EventStream {
        let mut request = app.http.get(app.url("/api/v1/events")).bearer_auth(token);
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        let response = request.send().await.expect("the event stream opens");
        assert_eq!(response.status(), StatusCode::OK);
        EventStream {
            response,
            buffer: String::new(),
        }
    }

    /// The next event, waiting at most `within`; `None` when none came in time.
    pub async fn next_within(&mut self, within: std::time::Duration) -> Option<StreamEvent> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(event) = self.take_event() {
                return Some(event);
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.ok()?;
            match chunk.expect("the stream reads") {
                Some(bytes) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                None => return None,
            }
        }
    }

    /// Whether the server ended the stream within `within` (events still arriving are
    /// read and dropped).
    pub async fn ends_within(&mut self, within: std::time::Duration) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Err(_) => return false,
                Ok(Ok(None)) | Ok(Err(_)) => return true,
                Ok(Ok(Some(_))) => continue,
            }
        }
    }

    fn take_event(&mut self) -> Option<StreamEvent> {
        loop {
            let end = self.buffer.find("\n\n")?;
            let block: String = self.buffer.drain(..end + 2).collect();
            let mut event = StreamEvent {
                id: None,
                kind: "message".to_string(),
                data: Value::Null,
                raw: block.clone(),
            };
            let mut data = String::new();
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("id:") {
                    event.id = value.trim().parse().ok();
                } else if let Some(value) = line.strip_prefix("event:") {
                    event.kind = value.trim().to_string();
                } else if let Some(value) = line.strip_prefix("data:") {
                    data.push_str(value.trim_start());
                }
            }
            // Keep-alive comments carry no data.
            if !data.is_empty() {
                event.data = serde_json::from_str(&data).expect("event data in JSON");
                return Some(event);
            }
        }
    }
}
