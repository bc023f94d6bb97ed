use super::DeviceSession;
use crate::error::AppError;
use leptos::prelude::*;

/// The devices where the signed-in person is signed in.
#[server(prefix = "/s", endpoint = "devices")]
pub async fn load_devices() -> Result<Vec<DeviceSession>, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    super::service::devices(&state, &viewer).await
}
