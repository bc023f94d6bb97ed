//! Registering subscriptions and sending the content-free notification to them.

use super::address::{reachable, PublicOnly};
use super::crypto::Vapid;
use super::storage;
use super::{NewSubscription, PushKey, Unsubscribe};
use crate::accounts::service::Viewer;
use crate::db::{now, Scope};
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Lang, Msg};
use crate::sealing::SealingKey;
use crate::state::AppState;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// What the server needs to send: its VAPID key and an HTTPS client.
#[derive(Clone, Debug)]
pub struct Push {
    vapid: Vapid,
    client: reqwest::Client,
    /// Tests run a push receiver on loopback over plain HTTP; a real server never sends there.
    allow_loopback: bool,
}

impl Push {
    /// The key from the configuration, else the one every process of this database shares,
    /// made on first start and kept sealed with `sealing`.
    pub async fn load(
        unit: &Scope,
        configured: Option<&str>,
        sealing: &SealingKey,
        allow_loopback: bool,
    ) -> Result<Push, AppError> {
        let vapid = match configured {
            Some(key) => Vapid::from_private(key).map_err(|_| AppError::new(ErrorCode::Internal))?,
            None => shared_key(unit, sealing).await?,
        };
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .dns_resolver(Arc::new(PublicOnly { allow_loopback }))
            // Push services answer directly; a redirect could lead inside the network.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| AppError::new(ErrorCode::Internal))?;
        Ok(Push {
            vapid,
            client,
            allow_loopback,
        })
    }

    pub fn key(&self) -> PushKey {
        PushKey {
            public_key: self.vapid.public_key(),
        }
    }
}

const VAPID_CONTEXT: &str = "server_keys:vapid";

async fn shared_key(unit: &Scope, sealing: &SealingKey) -> Result<Vapid, AppError> {
    let mut tx = unit.write().await?;
    // Two processes starting together may both make one: the first written wins.
    let fresh = Vapid::generate().private_key();
    storage::insert_vapid_key(&mut tx, &sealing.seal(fresh.as_bytes(), VAPID_CONTEXT)).await?;
    let stored = storage::vapid_key(&mut tx).await?;
    let key = if SealingKey::is_sealed(&stored) {
        let (opened, previous_key) = sealing.open_with_age(&stored, VAPID_CONTEXT)?;
        if previous_key {
            // BRUG_SECRET_KEY was rotated: sealed again with the new one.
            storage::replace_vapid_key(&mut tx, &sealing.seal(&opened, VAPID_CONTEXT)).await?;
        }
        String::from_utf8(opened).map_err(|_| AppError::new(ErrorCode::Internal))?
    } else {
        // A key stored before keys were sealed: sealed now, in place.
        storage::replace_vapid_key(&mut tx, &sealing.seal(stored.as_bytes(), VAPID_CONTEXT)).await?;
        stored
    };
    tx.commit().await?;
    Vapid::from_private(&key).map_err(|_| AppError::new(ErrorCode::Internal))
}

/// `https://host[:port]` of an endpoint, the audience of its VAPID token; `None` when the
/// endpoint is not one Brug sends to.
///
/// The endpoint is read by the URL rules the push client itself follows, so that every
/// spelling of an address (`0x7f000001`, `2130706433`, `0177.0.0.1`, `127.1`,
/// `%31%32%37.0.0.1`) is judged as the address the client would connect to.
fn audience(endpoint: &str, allow_loopback: bool) -> Option<String> {
    let url = url::Url::parse(endpoint).ok()?;
    if !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let loopback = match url.host()? {
        url::Host::Ipv4(ip) => reachable(IpAddr::V4(ip), allow_loopback).then_some(ip.is_loopback())?,
        url::Host::Ipv6(ip) => reachable(IpAddr::V6(ip), allow_loopback).then_some(ip.is_loopback())?,
        url::Host::Domain(name) => name == "localhost",
    };
    let origin = url.origin().ascii_serialization();
    match url.scheme() {
        "https" => Some(origin),
        "http" if allow_loopback && loopback => Some(origin),
        _ => None,
    }
}

fn decoded(value: &str, length: usize) -> Result<Vec<u8>, AppError> {
    URL_SAFE_NO_PAD
        .decode(value.trim().trim_end_matches('='))
        .ok()
        .filter(|bytes| bytes.len() == length)
        .ok_or(AppError::new(ErrorCode::InvalidInput))
}

pub async fn subscribe(state: &AppState, viewer: &Viewer, new: NewSubscription) -> Result<(), AppError> {
    if new.endpoint.len() > 2000 || audience(&new.endpoint, state.push.allow_loopback).is_none() {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let public = decoded(&new.keys.p256dh, 65)?;
    p256::PublicKey::from_sec1_bytes(&public).map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
    decoded(&new.keys.auth, 16)?;
    let mut tx = state.begin().await?;
    // An endpoint belongs to one browser: whoever registers it last receives on it.
    storage::subscribe(&mut tx, viewer.user_id, viewer.session_id, &new, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes one of the viewer's own subscriptions; someone else's endpoint is left alone.
pub async fn unsubscribe(state: &AppState, viewer: &Viewer, gone: Unsubscribe) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    storage::unsubscribe(&mut tx, viewer.user_id, &gone.endpoint).await?;
    tx.commit().await?;
    Ok(())
}

/// Tells each of these people, on every device still signed in that subscribed, that
/// something new is there, after the change is committed and without holding up the request.
pub fn notify(state: &AppState, users: &[i64]) {
    if users.is_empty() {
        return;
    }
    // The task outlives the request: its steps take units of work of their own.
    let state = state.detached();
    let users = users.to_vec();
    tokio::spawn(async move {
        if let Err(error) = send_to(&state, &users).await {
            tracing::warn!(code = error.code.as_str(), "push notifications could not be sent");
        }
    });
}

async fn send_to(state: &AppState, users: &[i64]) -> Result<(), AppError> {
    for user in users {
        send_notice(state, *user, Notice::SomethingNew, None).await?;
    }
    Ok(())
}

/// What a notification says: never a name, never a text, only that there is something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    SomethingNew,
    ReminderTomorrow,
    ReminderToday,
}

impl Notice {
    fn text(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Notice::SomethingNew => Msg::PushSomethingNew,
            Notice::ReminderTomorrow => Msg::PushReminderTomorrow,
            Notice::ReminderToday => Msg::PushReminderToday,
        })
    }
}

/// Sends the notice to every device of the person whose session still lets them in, in
/// their language. `topic` lets the push service replace an earlier notice of the same
/// topic that the device has not fetched yet.
pub async fn send_notice(state: &AppState, user: i64, notice: Notice, topic: Option<&str>) -> Result<(), AppError> {
    let step = state.with_new_unit();
    let mut tx = step.read().await?;
    let subscriptions = storage::subscriptions_of(&mut tx, user).await?;
    tx.commit().await?;
    // Only to devices whose session still lets their person in.
    let at = now();
    let subscriptions = subscriptions
        .into_iter()
        .filter(|subscription| state.sessions.holds(&subscription.session, at));
    // No connection is held while the push services answer.
    drop(step);
    for subscription in subscriptions {
        let lang = subscription
            .language
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default();
        let text = serde_json::json!({ "title": "Brug", "body": notice.text(lang) }).to_string();
        let delivery = send_one(state, &subscription, &text, topic).await;
        if delivery == Delivery::Gone {
            let step = state.with_new_unit();
            let mut tx = step.begin().await?;
            storage::delete_subscription(&mut tx, subscription.id).await?;
            tx.commit().await?;
        }
    }
    Ok(())
}

/// How long a push service keeps a notice for a phone that is away (and how long the
/// VAPID signature on it holds).
const NOTICE_LIFETIME: std::time::Duration = std::time::Duration::from_secs(12 * 3600);

#[derive(PartialEq, Eq)]
enum Delivery {
    Sent,
    Gone,
    Failed,
}

async fn send_one(state: &AppState, to: &storage::Subscription, text: &str, topic: Option<&str>) -> Delivery {
    let push = &state.push;
    let Some(audience) = audience(&to.endpoint, push.allow_loopback) else {
        return Delivery::Gone;
    };
    let (Ok(public), Ok(auth)) = (decoded(&to.p256dh, 65), decoded(&to.auth, 16)) else {
        return Delivery::Gone;
    };
    let signed = push
        .vapid
        .request(&to.endpoint, &audience, (&public, &auth), text, NOTICE_LIFETIME);
    let Some(mut request) = signed.ok().and_then(|r| reqwest::Request::try_from(r).ok()) else {
        return Delivery::Gone;
    };
    let headers = request.headers_mut();
    headers.insert("Urgency", http::HeaderValue::from_static("normal"));
    if let Some(topic) = topic.and_then(|t| http::HeaderValue::from_str(t).ok()) {
        headers.insert("Topic", topic);
    }
    let delivery = match push.client.execute(request).await {
        Ok(response) if response.status().is_success() => Delivery::Sent,
        // The push service says this subscription no longer exists.
        Ok(response) if matches!(response.status().as_u16(), 404 | 410) => Delivery::Gone,
        Ok(response) => {
            tracing::warn!(
                status = response.status().as_u16(),
                "a push service refused a notification"
            );
            Delivery::Failed
        }
        Err(_) => {
            tracing::warn!("a push service could not be reached");
            Delivery::Failed
        }
    };
    let result = match delivery {
        Delivery::Sent => "sent",
        Delivery::Gone => "gone",
        Delivery::Failed => "failed",
    };
    metrics::counter!("brug_push_total", "result" => result).increment(1);
    delivery
}

pub fn key(state: &AppState) -> PushKey {
    state.push.key()
}

#[cfg(test)]
mod tests {
    use super::audience;

    #[test]
    fn only_https_push_services_are_reached_and_loopback_only_when_allowed() {
        assert_eq!(
            audience("https://fcm.googleapis.com/fcm/send/abc", false).as_deref(),
            Some("https://fcm.googleapis.com")
        );
        assert_eq!(audience("http://push.example/x", false), None);
        assert_eq!(audience("http://127.0.0.1:4000/push/1", false), None);
        assert_eq!(
            audience("http://127.0.0.1:4000/push/1", true).as_deref(),
            Some("http://127.0.0.1:4000")
        );
        assert_eq!(audience("https://user@push.example/x", false), None);
        assert_eq!(audience("file:///etc/passwd", true), None);
        assert_eq!(audience("https://10.0.0.7/push", false), None);
        assert_eq!(audience("https://[::1]:8443/push", false), None);
        assert_eq!(audience("https://169.254.169.254/latest", true), None);
    }

    #[test]
    fn no_other_spelling_of_an_inside_address_gets_through() {
        for inside in [
            "https://0x7f000001/push",
            "https://2130706433/push",
            "https://0177.0.0.1/push",
            "https://127.1/push",
            "https://%31%32%37.0.0.1/push",
            "https://0x0a.0.0.7/push",
            "https://167772167/push",
            "https://0/push",
            "https://[::ffff:127.0.0.1]/push",
            "https://[::ffff:a9fe:a9fe]/latest",
            "https://[::127.0.0.1]/push",
            "https://[64:ff9b::a00:7]/push",
            "https://[2002:a00:7::1]/push",
            "https://[fd12::1]/push",
            "https://user:secret@push.example/x",
        ] {
            assert_eq!(audience(inside, false), None, "{inside}");
        }
        assert_eq!(
            audience("https://UPDATES.Push.Services.Mozilla.com:443/wpush/v2/x", false).as_deref(),
            Some("https://updates.push.services.mozilla.com"),
            "a public host, as its origin"
        );
    }
}
