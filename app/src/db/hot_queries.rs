//! The queries that run on every look at a long history (a conversation's messages, a
//! case's access log), gathered from their storage modules so that a test can ask each
//! database how it runs them: through an index, never by reading a whole table.

/// One query as its storage module runs it. Every parameter is a number.
#[derive(Clone, Debug)]
pub struct HotQuery {
    pub name: &'static str,
    pub sql: String,
    pub parameters: usize,
    /// A page out of a history: it must come in its index's order, without sorting
    /// everything that matches first.
    pub in_index_order: bool,
    /// The index it must read, when it has one of its own.
    pub index: Option<&'static str>,
}

impl HotQuery {
    pub(crate) fn new(name: &'static str, sql: impl Into<String>, parameters: usize) -> HotQuery {
        HotQuery {
            name,
            sql: sql.into(),
            parameters,
            in_index_order: false,
            index: None,
        }
    }

    /// A page of a history, read in its index's order.
    pub(crate) fn page(name: &'static str, sql: impl Into<String>, parameters: usize) -> HotQuery {
        HotQuery {
            in_index_order: true,
            ..HotQuery::new(name, sql, parameters)
        }
    }

    /// Read through the index `index`, made for this query alone.
    pub(crate) fn through(self, index: &'static str) -> HotQuery {
        HotQuery {
            index: Some(index),
            ..self
        }
    }
}

/// Every hot query of every domain.
pub fn all() -> Vec<HotQuery> {
    let mut queries = crate::messaging::hot_queries();
    queries.extend(crate::transparency::hot_queries());
    queries.extend(crate::changes::hot_queries());
    queries.extend(crate::circle::hot_queries());
    queries
}
