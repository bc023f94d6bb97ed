//! A person's own settings for a shared or small phone: whether the quick exit also signs
//! them out, and the text size (kept on the device, in a cookie).

mod page;

pub use page::{OfflinePage, SettingsPage};

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie that keeps this device's text size.
pub const TEXT_SIZE_COOKIE: &str = "brug_text";
/// The cookie that marks this device as the person's own phone: pages may be kept offline.
pub const OWN_PHONE_COOKIE: &str = "brug_own_phone";

plain_enum!(TextSize {
    Normal => "normal", TextSizeNormal;
    Large => "large", TextSizeLarge;
    Larger => "larger", TextSizeLarger;
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub quick_exit_signs_out: bool,
    pub text_size: TextSize,
    pub own_phone: bool,
    /// The server's VAPID public key, for this browser to subscribe to notifications.
    pub push_key: String,
    /// For staff: whether their second factor is on. `None` for participants and family.
    pub second_factor: Option<bool>,
    /// For staff: their passkeys.
    pub passkeys: Vec<crate::second_factor::PasskeySummary>,
    /// For participants and family: when they are reminded of appointments. `None` for staff.
    pub reminders: Option<crate::reminders::RemindWhen>,
    /// The person's latest request to be erased, if they made one.
    pub erasure: Option<crate::erasure::ErasureRequest>,
}

/// This request's text size, from the device's cookie.
pub fn request_text_size() -> TextSize {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| crate::web::cookie(&p.headers, TEXT_SIZE_COOKIE).and_then(TextSize::parse))
            .unwrap_or(TextSize::Normal)
    }
    #[cfg(not(feature = "ssr"))]
    {
        TextSize::Normal
    }
}

/// Whether this device is marked as the person's own phone.
pub fn request_own_phone() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| crate::web::cookie(&p.headers, OWN_PHONE_COOKIE).map(|v| v == "1"))
            .unwrap_or(false)
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

#[server(prefix = "/s", endpoint = "settings")]
pub async fn load_settings() -> Result<SettingsView, AppError> {
    let (state, _) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    Ok(SettingsView {
        quick_exit_signs_out: service::quick_exit_signs_out(&state, &viewer).await?,
        text_size: request_text_size(),
        own_phone: request_own_phone(),
        push_key: crate::push::service::key(&state).public_key,
        second_factor: viewer.role.is_staff().then_some(viewer.second_factor_since.is_some()),
        passkeys: crate::second_factor::passkeys::list(&state, &viewer).await?,
        reminders: match viewer.role.is_staff() {
            true => None,
            false => Some(crate::reminders::service::choice(&state, &viewer).await?.when),
        },
        erasure: crate::erasure::service::own(&state, &viewer).await?,
    })
}
