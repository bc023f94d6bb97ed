//! Reunification's door for phone apps.

pub mod api;
