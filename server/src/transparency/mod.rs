//! The access log's door for phone apps.

pub mod api;
