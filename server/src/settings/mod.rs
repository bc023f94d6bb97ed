//! Leaving quickly, and the settings page's form.

pub mod forms;
