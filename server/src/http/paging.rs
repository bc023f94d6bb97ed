use crate::http::ApiQuery;
use app::error::AppError;
use app::pagination::PageRequest;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::Deserialize;
use utoipa::IntoParams;

/// `?after=CURSOR&limit=N` on every list of the API.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListPage {
    /// The `next_cursor` of the previous page; absent for the first page.
    after: Option<String>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

/// The page a list request asks for, with a bad cursor refused as `invalid_cursor`.
pub struct Paging(pub PageRequest);

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiQuery(page) = ApiQuery::<ListPage>::from_request_parts(parts, state).await?;
        Ok(Paging(PageRequest::new(page.after.as_deref(), page.limit)?))
    }
}
