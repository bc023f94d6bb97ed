//! A person's own conditions: `/api/v1/me/preferences` for phone apps, `/preferences` for
//! the page form.

pub mod api;
pub mod forms;
