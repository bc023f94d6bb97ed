//! Contact points: every service and person around a case in one place — who they are,
//! why they are involved, what they decide, and how and when to reach them. Answers
//! "who are all these people and what do they want from me?".

mod page;
mod types;

pub use page::ContactsPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "contacts")]
pub async fn load_contacts(case_id: i64) -> Result<ContactsView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::contacts_view(&state, &ctx, &viewer, case_id).await
}
