//! Structured logs. Every line inside a request carries its request id (see `http`).

use crate::config::Settings;
use tracing_subscriber::{fmt, EnvFilter};

pub fn init(settings: &Settings) {
    let filter = EnvFilter::try_from_env("BRUG_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    let result = if settings.log_json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    // A second initialisation (tests) is harmless.
    let _ = result;
}
