//! The second-factor doors: `/api/v1` routes for phone apps and the page forms.

pub mod api;
pub mod forms;
pub mod passkeys;
