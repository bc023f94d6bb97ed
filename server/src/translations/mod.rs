//! Translations' doors: `/api/v1` for phone apps, a page form for workers.

pub mod api;
pub mod forms;
