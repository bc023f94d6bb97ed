//! The circle's door for phone apps.

pub mod api;
