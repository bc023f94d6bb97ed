//! Case conferences' doors: `/api/v1` for phone apps, page forms.

pub mod api;
pub mod forms;
