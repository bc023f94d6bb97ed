//! The changes-since feed's door: `/api/v1` for phone apps that sync after being offline.

pub mod api;
