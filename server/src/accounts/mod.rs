//! The accounts doors: `/api/v1` routes for phone apps and the page forms for browsers.

pub mod api;
pub mod forms;
