//! The integration suite: the real application over HTTP, on SQLite by default and on
//! PostgreSQL when `BRUG_TEST_POSTGRES_URL` is set. The test command runs it on both.

mod access_matrix;
mod admin_pages;
mod appointment_changes;
mod appointments;
mod auth;
mod caseload;
mod changes;
mod circle;
mod conferences;
mod contacts;
mod inbox;
mod invitations;
mod leaving;
mod live;
mod long_histories;
mod messaging;
mod milestone_responses;
mod own_account;
mod pages;
mod pagination;
mod phases;
mod plan_edits;
mod plans;
mod plans_pages;
mod platform;
mod push;
mod query_plans;
mod reunification;
mod second_factor;
mod settings;
mod sharing;
mod trajectory;
mod transparency;
mod under_load;
mod written_for_reader;
