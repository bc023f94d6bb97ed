//! Discreet notifications by Web Push: a phone or browser registers where it can be
//! reached; when something new arrives for a person, each of their subscriptions gets an
//! encrypted, content-free "You have something new" in their language. Never a name,
//! never a message's text.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod address;
#[cfg(feature = "ssr")]
pub mod crypto;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

/// A subscription as the browser's `PushSubscription.toJSON()` gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewSubscription {
    pub endpoint: String,
    pub keys: SubscriptionKeys,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubscriptionKeys {
    /// The subscription's P-256 public key, uncompressed, base64url.
    pub p256dh: String,
    /// Its 16-byte auth secret, base64url.
    pub auth: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Unsubscribe {
    pub endpoint: String,
}

/// The server's VAPID public key, for `pushManager.subscribe({ applicationServerKey })`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PushKey {
    pub public_key: String,
}
