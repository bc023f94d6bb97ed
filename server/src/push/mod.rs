//! Web Push's doors: where phones register and remove their push endpoints.

pub mod api;
