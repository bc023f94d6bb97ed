//! A push service on loopback, for tests: it takes what Brug sends, answers 201 (or 410
//! "gone" for endpoints the test names), and keeps each delivery for the test to decrypt.

use app::push::crypto::decrypt;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::elliptic_curve::rand_core::{OsRng, RngCore};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::SecretKey;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A phone's side of a subscription: its private key and auth secret.
pub struct Phone {
    secret: SecretKey,
    auth: [u8; 16],
}

impl Default for Phone {
    fn default() -> Self {
        Phone::new()
    }
}

impl Phone {
    pub fn new() -> Phone {
        let mut auth = [0u8; 16];
        OsRng.fill_bytes(&mut auth);
        Phone {
            secret: SecretKey::random(&mut OsRng),
            auth,
        }
    }

    /// The subscription as the phone's browser gives it, for `endpoint`.
    pub fn subscription(&self, endpoint: &str) -> Value {
        let public = self.secret.public_key().to_encoded_point(false);
        json!({ "endpoint": endpoint, "keys": {
            "p256dh": URL_SAFE_NO_PAD.encode(public.as_bytes()),
            "auth": URL_SAFE_NO_PAD.encode(self.auth),
        }})
    }

    /// What the phone shows of a delivery: it decrypts with its own key.
    pub fn read(&self, body: &[u8]) -> Value {
        serde_json::from_slice(&decrypt(body, &self.secret, &self.auth).expect("it decrypts")).unwrap()
    }
}

#[derive(Clone, Debug)]
pub struct Delivery {
    pub endpoint_id: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

#[derive(Clone, Default)]
struct Inbox {
    deliveries: Arc<Mutex<Vec<Delivery>>>,
}

pub struct PushReceiver {
    pub base: String,
    inbox: Inbox,
}

async fn receive(
    State(inbox): State<Inbox>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> StatusCode {
    let gone = id.starts_with("gone");
    if let Ok(mut deliveries) = inbox.deliveries.lock() {
        deliveries.push(Delivery {
            endpoint_id: id,
            headers,
            body: body.to_vec(),
        });
    }
    if gone {
        StatusCode::GONE
    } else {
        StatusCode::CREATED
    }
}

impl PushReceiver {
    pub async fn start() -> PushReceiver {
        let inbox = Inbox::default();
        let app = Router::new()
            .route("/push/{id}", post(receive))
            .with_state(inbox.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("an address"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        PushReceiver { base, inbox }
    }

    pub fn endpoint(&self, id: &str) -> String {
        format!("{}/push/{id}", self.base)
    }

    /// How many deliveries the endpoint `id` has had so far.
    pub fn deliveries_to(&self, id: &str) -> usize {
        self.inbox
            .deliveries
            .lock()
            .map(|d| d.iter().filter(|d| d.endpoint_id == id).count())
            .unwrap_or(0)
    }

    /// Every delivery to the endpoint `id` so far, oldest first.
    pub fn all_to(&self, id: &str) -> Vec<Delivery> {
        self.inbox
            .deliveries
            .lock()
            .map(|d| d.iter().filter(|d| d.endpoint_id == id).cloned().collect())
            .unwrap_or_default()
    }

    /// Waits up to five seconds for a delivery to the endpoint `id`.
    pub async fn delivery_to(&self, id: &str) -> Option<Delivery> {
        for _ in 0..100 {
            let found = self
                .inbox
                .deliveries
                .lock()
                .ok()
                .and_then(|d| d.iter().find(|d| d.endpoint_id == id).cloned());
            if found.is_some() {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }
}
