//! Reunification's doors: `/api/v1` for phone apps, page forms for workers.

pub mod api;
pub mod forms;
