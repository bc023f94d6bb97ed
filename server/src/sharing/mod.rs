//! Sharing's doors: `/api/v1` for phone apps, page forms for the participant and workers.

pub mod api;
pub mod forms;
