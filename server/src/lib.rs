//! The Brug server: configuration, the HTTP doors (pages, page forms and `/api/v1`) and
//! the application that ties them to the service layer in the `app` crate.

mod accounts;
mod admin;
mod api;
mod application;
mod appointments;
mod changes;
mod circle;
mod circle_requests;
mod conferences;
pub mod config;
mod contacts;
mod erasure;
mod export;

mod http;
mod install;
mod messaging;
mod metrics;
mod plans;
mod preferences;
mod push;
mod release;
mod reminders;
mod reunification;
mod second_factor;
mod settings;
mod sharing;
pub mod telemetry;
mod trajectory;
mod translations;
mod transparency;

pub use application::Application;

/// Chosen here, in the library, so that the server binary, the tests and the benchmarks
/// that start an `Application` all measure the allocator production runs with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
