//! Cross-cutting HTTP concerns: request ids and logging, browser security headers,
//! refusing cross-site writes, and the typed extractors that say who may call a handler.

mod extract;
mod paging;
mod request;
mod security;

pub use extract::{ApiJson, ApiQuery, ApiSession, ApiViewer, Coordinator, Ctx, RequestState};
pub use paging::{ListPage, Paging};
pub use request::{request_context, RequestSetup};
pub use security::{refuse_cross_site_writes, security_headers};
