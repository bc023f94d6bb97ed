//! The circle's doors: the API for phone apps and the page forms.

pub mod api;
pub mod forms;
