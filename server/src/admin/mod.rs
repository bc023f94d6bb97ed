//! The coordinator's page forms.

pub mod forms;
