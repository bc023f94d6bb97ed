//! Reunification: for each child, the steps back to family life agreed with youth care,
//! shown calmly to the parent and, when the participant shares it, to family.

mod page;
mod types;

pub use page::ReunificationPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "reunification")]
pub async fn load_reunification(case_id: i64) -> Result<Reunification, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::reunification(&state, &ctx, &viewer, case_id).await
}
