//! Messaging's doors: `/api/v1` for phone apps.

pub mod api;
