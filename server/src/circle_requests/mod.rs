//! Circle requests' doors: `/api/v1` for phone apps, page forms for the participant and
//! the case's workers.

pub mod api;
pub mod forms;
