//! When a person is reminded of appointments: `/api/v1/me/reminders` for phone apps; the
//! settings page's form saves the same choice.

pub mod api;
