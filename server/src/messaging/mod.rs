//! Messaging's doors: `/api/v1` for phone apps, and the send form for browsers.

pub mod api;
pub mod events;
pub mod forms;
pub mod wakeups;
