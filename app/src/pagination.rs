//! Cursor pagination, the same for every list of the API: ask with `after` (the
//! `next_cursor` of the page before) and `limit`; `next_cursor` is absent on the last page.
//! A cursor names the last item seen by its sort key and id, so a page never repeats or
//! skips an item when others are added in between.

use crate::error::{AppError, ErrorCode};

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// Where a list stands: its sort key (a date, or empty for lists in id order) and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cursor {
    pub key: String,
    pub id: i64,
}

impl Cursor {
    pub fn new(key: impl Into<String>, id: i64) -> Cursor {
        Cursor { key: key.into(), id }
    }

    pub fn by_id(id: i64) -> Cursor {
        Cursor::new("", id)
    }

    pub fn encode(&self) -> String {
        if self.key.is_empty() {
            self.id.to_string()
        } else {
            format!("{}_{}", self.key, self.id)
        }
    }

    pub fn decode(raw: &str) -> Result<Cursor, AppError> {
        let (key, id) = raw.rsplit_once('_').unwrap_or(("", raw));
        let id = id.parse().map_err(|_| AppError::new(ErrorCode::InvalidCursor))?;
        Ok(Cursor::new(key, id))
    }
}

/// One page's request: after which item, and how many at most.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub after: Option<Cursor>,
    pub limit: i64,
}

impl PageRequest {
    pub fn new(after: Option<&str>, limit: Option<i64>) -> Result<PageRequest, AppError> {
        Ok(PageRequest {
            after: after.map(Cursor::decode).transpose()?,
            limit: limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        })
    }

    /// The whole list at once: for pages, which show a case's few dozen items together.
    pub fn everything() -> PageRequest {
        PageRequest {
            after: None,
            limit: i64::MAX,
        }
    }

    /// For a list in id order read in SQL: the id to read after.
    pub fn after_id(&self) -> i64 {
        self.after.as_ref().map_or(0, |cursor| cursor.id)
    }

    /// How many to read: one more than the page holds tells whether another follows
    /// (`cut` then drops it and names the next cursor).
    pub fn one_more(&self) -> i64 {
        self.limit.saturating_add(1)
    }

    /// Cuts this page out of a whole list that is sorted by `cursor_of`, and says where
    /// the next page starts.
    pub fn cut<T>(&self, items: Vec<T>, cursor_of: impl Fn(&T) -> Cursor) -> (Vec<T>, Option<String>) {
        let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
        let mut page: Vec<T> = items
            .into_iter()
            .filter(|item| self.after.as_ref().is_none_or(|after| cursor_of(item) > *after))
            .take(limit.saturating_add(1))
            .collect();
        let next = (page.len() > limit).then(|| {
            page.truncate(limit);
            page.last().map(|item| cursor_of(item).encode())
        });
        (page, next.flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(items: &[(String, i64)], limit: i64) -> Vec<i64> {
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let request = PageRequest::new(after.as_deref(), Some(limit)).unwrap();
            let (page, next) = request.cut(items.to_vec(), |(key, id)| Cursor::new(key.clone(), *id));
            assert!(page.len() as i64 <= limit);
            seen.extend(page.iter().map(|(_, id)| *id));
            match next {
                Some(cursor) => after = Some(cursor),
                None => return seen,
            }
        }
    }

    #[test]
    fn pages_together_hold_every_item_once_in_order() {
        let items: Vec<(String, i64)> = vec![
            ("2026-01-01".into(), 4),
            ("2026-01-01".into(), 7),
            ("2026-02-01".into(), 1),
            ("~".into(), 2),
            ("~".into(), 3),
        ];
        for limit in 1..=6 {
            assert_eq!(walk(&items, limit), [4, 7, 1, 2, 3], "limit {limit}");
        }
    }

    #[test]
    fn a_cursor_survives_its_round_trip_and_nonsense_is_refused() {
        for cursor in [Cursor::by_id(17), Cursor::new("2026-12-04T14:00", 3)] {
            assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
        }
        assert_eq!(Cursor::decode("abc").unwrap_err().code, ErrorCode::InvalidCursor);
        assert_eq!(Cursor::decode("2026_x").unwrap_err().code, ErrorCode::InvalidCursor);
    }
}
