//! Reunification: for each child, the steps back to family life agreed with youth care,
//! shown calmly to the parent and, when the participant shares it, to family.

mod forms_view;
mod page;
mod types;

pub use page::ReunificationPage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod step_history;
#[cfg(feature = "ssr")]
mod storage;
#[cfg(feature = "ssr")]
pub(crate) use storage::original_texts;

use crate::error::AppError;
use leptos::prelude::*;

/// The reunification page: the children and their steps, and whether the viewer may
/// add and change them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReunificationView {
    pub reunification: Reunification,
    pub may_edit: bool,
}

#[server(prefix = "/s", endpoint = "reunification")]
pub async fn load_reunification(case_id: i64) -> Result<ReunificationView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let reunification = service::reunification(
        &state,
        &ctx,
        &viewer,
        case_id,
        &crate::pagination::PageRequest::everything(),
    )
    .await?;
    let may_edit = crate::trajectory::service::may_edit(&state, &viewer, case_id).await?;
    Ok(ReunificationView {
        reunification,
        may_edit,
    })
}
