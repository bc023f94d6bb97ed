//! Appointments' doors: `/api/v1` for phone apps and the calendar file for browsers.

pub mod api;
pub mod files;
pub mod forms;
