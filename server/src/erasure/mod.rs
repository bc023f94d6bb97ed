//! Being forgotten: `/api/v1/me/erasure` and `/api/v1/erasure-requests` for phone apps, and
//! the settings and admin pages' forms.

pub mod api;
pub mod forms;
