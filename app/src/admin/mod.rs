//! Administration for coordinators: organisations, worker accounts, circles and who works
//! in them. It shows who is assigned where, never what is in a case.

mod page;
mod types;

pub use page::AdminPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "admin")]
pub async fn load_admin(search: Option<AdminSearch>) -> Result<AdminOverview, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::overview(&state, &viewer, search.unwrap_or_default()).await
}
