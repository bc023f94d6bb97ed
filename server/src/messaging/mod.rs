//! Messaging's doors: `/api/v1` for phone apps, and the send form for browsers.

pub mod api;
pub mod forms;
