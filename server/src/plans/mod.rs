//! Co-decided plans' doors: `/api/v1/cases/{case_id}/plans` for phone apps.

pub mod agreement_api;
pub mod api;
pub mod forms;
