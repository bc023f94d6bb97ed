//! Release without a gap: `/api/v1/cases/{case_id}/release…` for phone apps, and the
//! release page's forms.

pub mod api;
pub mod forms;
