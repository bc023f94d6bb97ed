//! The queries that run on every look at a long history use an index on both databases:
//! a conversation with a million messages or a case with a million audit rows costs a
//! page what a new one does. Each database is asked for its plan of each query.

use integration::TestApp;
use sqlx::Row;

/// The database's plan of the query, line by line.
async fn plan(app: &TestApp, query: &app::db::hot_queries::HotQuery) -> Vec<String> {
    let mut connection = app.db.acquire().await.expect("a connection");
    let (explain, column) = if app.backend == "postgres" {
        // With sequential scans priced out, a plan that still reads a whole table has no
        // index it could use: on the test's small tables the planner would otherwise pick a
        // scan on its own, index or not.
        // Sorting is priced out too: a page that can come in an index's order does.
        for setting in ["SET enable_seqscan = off", "SET enable_sort = off"] {
            sqlx::query(setting).execute(&mut *connection).await.unwrap();
        }
        ("EXPLAIN", 0)
    } else {
        ("EXPLAIN QUERY PLAN", 3)
    };
    let sql = format!("{explain} {}", query.sql);
    let mut statement = sqlx::query(&sql);
    for _ in 0..query.parameters {
        statement = statement.bind(1_i64);
    }
    let rows = statement
        .fetch_all(&mut *connection)
        .await
        .unwrap_or_else(|error| panic!("{}: {error}", query.name));
    rows.iter()
        .map(|row| row.try_get::<String, _>(column).unwrap())
        .collect()
}

/// The plan's lines that read a whole table (or, for a page of a history, sort what
/// matches instead of reading it in an index's order), on the test's database.
fn whole_table_reads(app: &TestApp, query: &app::db::hot_queries::HotQuery, plan: &[String]) -> Vec<String> {
    plan.iter()
        .filter(|line| {
            let sorts = if app.backend == "postgres" {
                line.trim_start()
                    .trim_start_matches("->")
                    .trim_start()
                    .starts_with("Sort")
            } else {
                line.contains("TEMP B-TREE FOR ORDER BY")
            };
            let scans = if app.backend == "postgres" {
                line.contains("Seq Scan")
            } else {
                // "SCAN m" reads a table; "SCAN m USING INDEX …" walks an index, and
                // "SEARCH …" seeks in one.
                line.trim_start().starts_with("SCAN ") && !line.contains("USING")
            };
            scans || (query.in_index_order && sorts)
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn the_queries_over_long_histories_never_read_a_whole_table() {
    let app = TestApp::spawn().await;
    let queries = app::db::hot_queries::all();
    assert!(queries.len() >= 10, "the list names every hot query");
    let mut scans = Vec::new();
    for query in &queries {
        let plan = plan(&app, query).await;
        for line in whole_table_reads(&app, query, &plan) {
            scans.push(format!("{}: {line}", query.name));
        }
        // A query with an index of its own (a partial one, say) reads that index: were
        // its conditions and the index's to drift apart, it would walk a wider one.
        if let Some(index) = query.index {
            assert!(
                plan.iter().any(|line| line.contains(index)),
                "{} does not read {index}:\n{}",
                query.name,
                plan.join("\n")
            );
        }
    }
    assert!(scans.is_empty(), "reads a whole table:\n{}", scans.join("\n"));
}
