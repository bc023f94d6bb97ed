//! What a coordinator sees: accounts and assignments, no case content. At thousands of
//! cases the lists come a page at a time, and a search narrows them.

use super::{storage, AdminOverview, AdminSearch};
use crate::access;
use crate::accounts::service::Viewer;
use crate::error::AppError;
use crate::pagination::Cursor;
use crate::state::AppState;

/// How many people and how many cases one page of the overview shows.
pub const PAGE_SIZE: usize = 50;
/// The longest search text taken (longer is cut).
const SEARCH_MAX_CHARS: usize = 80;

/// Cuts the item after a full page off and says where the next page starts.
fn next_page<T>(items: &mut Vec<T>, cursor_of: impl Fn(&T) -> Cursor) -> Option<String> {
    if items.len() <= PAGE_SIZE {
        return None;
    }
    items.truncate(PAGE_SIZE);
    items.last().map(|item| cursor_of(item).encode())
}

pub async fn overview(state: &AppState, viewer: &Viewer, search: AdminSearch) -> Result<AdminOverview, AppError> {
    access::require_coordinator(viewer)?;
    let search = AdminSearch {
        people: search.people.trim().chars().take(SEARCH_MAX_CHARS).collect(),
        cases: search.cases.trim().chars().take(SEARCH_MAX_CHARS).collect(),
        ..search
    };
    let people_after = search.people_after.as_deref().map(Cursor::decode).transpose()?;
    let cases_after = search.cases_after.as_deref().map(Cursor::decode).transpose()?;
    let one_more = PAGE_SIZE as i64 + 1;
    let mut tx = state.read().await?;
    let organisations = storage::organisations(&mut tx).await?;
    let after = people_after.as_ref().map(|c| (c.key.as_str(), c.id));
    let mut people = storage::people(&mut tx, viewer, &search.people, after, one_more).await?;
    let after_case = cases_after.map_or(0, |c| c.id);
    let mut cases = storage::case_assignments(&mut tx, viewer, &search.cases, after_case, one_more).await?;
    tx.commit().await?;
    let people_next = next_page(&mut people, |p| Cursor::new(p.display_name.as_str(), p.id));
    let cases_next = next_page(&mut cases, |c| Cursor::by_id(c.case_id));
    Ok(AdminOverview {
        organisations,
        people,
        cases,
        search,
        people_next,
        cases_next,
    })
}
