//! The queries that run on every look at a long history use an index on both databases:
//! a conversation with a million messages or a case with a million audit rows costs a
//! page what a new one does. Each database is asked for its plan of each query.

use integration::TestApp;
use sqlx::Row;

/// The lines of the plan an `EXPLAIN …` statement answers, with `ones` parameters bound
/// to 1; `name` says which query failed.
async fn explained(
    app: &TestApp,
    connection: &mut sqlx::AnyConnection,
    sql: &str,
    ones: usize,
    name: &str,
) -> Vec<String> {
    let column = if app.backend == "postgres" { 0 } else { 3 };
    let mut statement = sqlx::query(sql);
    for _ in 0..ones {
        statement = statement.bind(1_i64);
    }
    statement
        .fetch_all(connection)
        .await
        .unwrap_or_else(|error| panic!("{name}: {error}"))
        .iter()
        .map(|row| row.try_get::<String, _>(column).unwrap())
        .collect()
}

/// The database's plan of the query, line by line.
async fn plan(app: &TestApp, query: &app::db::hot_queries::HotQuery) -> Vec<String> {
    let mut connection = app.db.acquire().await.expect("a connection");
    let explain = if app.backend == "postgres" {
        // With sequential scans priced out, a plan that still reads a whole table has no
        // index it could use: on the test's small tables the planner would otherwise pick a
        // scan on its own, index or not.
        // Sorting is priced out too: a page that can come in an index's order does.
        for setting in ["SET enable_seqscan = off", "SET enable_sort = off"] {
            sqlx::query(setting).execute(&mut *connection).await.unwrap();
        }
        "EXPLAIN"
    } else {
        "EXPLAIN QUERY PLAN"
    };
    let sql = format!("{explain} {}", query.sql);
    explained(app, &mut connection, &sql, query.parameters, query.name).await
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

/// 20,000 messages in one conversation, put in by SQL.
async fn fill_one_conversation(app: &TestApp, conversation: i64, sender: i64) {
    let series = if app.backend == "postgres" {
        "SELECT n FROM generate_series(1, 20000) AS seq(n)"
    } else {
        "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000) SELECT n FROM seq"
    };
    let fill = format!(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at) \
         SELECT $1, $2, 'busy-' || n, 'Bericht', 1700000000 + n FROM ({series}) AS numbers"
    );
    sqlx::query(&fill)
        .bind(conversation)
        .bind(sender)
        .execute(&app.db)
        .await
        .expect("the busy conversation fills");
    sqlx::query("UPDATE conversations SET last_message_id = (SELECT MAX(id) FROM messages) WHERE id = $1")
        .bind(conversation)
        .execute(&app.db)
        .await
        .expect("the busy conversation's newest message");
}

/// The lines of a plan that walk the messages' primary key rather than look one message
/// up by its id.
fn primary_key_walks(app: &TestApp, plan: &[String]) -> Vec<String> {
    if app.backend == "postgres" {
        plan.windows(2)
            .filter(|pair| pair[0].contains("using messages_pkey") && !pair[1].contains("Index Cond: (id = "))
            .map(|pair| pair.join(" / "))
            .collect()
    } else {
        plan.iter()
            .filter(|line| line.contains("PRIMARY KEY (rowid>") || line.contains("PRIMARY KEY (rowid<"))
            .cloned()
            .collect()
    }
}

/// Early on one conversation may hold nearly every message. The statistics the database
/// gathers on its own as the table grows (PostgreSQL's autovacuum analyses it; SQLite
/// gathers none unless asked) must not lead a quiet conversation's list, pages or unread
/// count to walk the busy one along the primary key. Plans are asked for as a prepared
/// statement ends up with them: generic, for any conversation.
#[tokio::test]
async fn a_quiet_conversation_never_walks_through_a_busy_one() {
    let app = TestApp::spawn().await;
    let sarah = app.token("sarah").await;
    let busy = app.conversation_with(&sarah, "lotte").await;
    fill_one_conversation(&app, busy, app.user_id("sarah").await).await;
    let mut connection = app.db.acquire().await.expect("a connection");
    if app.backend == "postgres" {
        for setting in ["ANALYZE", "SET plan_cache_mode = force_generic_plan"] {
            sqlx::query(setting).execute(&mut *connection).await.unwrap();
        }
    }
    let reading_messages = app::db::hot_queries::all()
        .into_iter()
        .filter(|query| query.sql.contains("FROM messages") || query.sql.contains("JOIN messages"));
    let mut walks = Vec::new();
    let mut checked = 0;
    for (number, query) in reading_messages.enumerate() {
        let plan = if app.backend == "postgres" {
            // EXPLAIN with values plans for those values; a prepared statement's generic
            // plan is the one the server keeps for every conversation.
            let name = format!("hot_{number}");
            let types = vec!["bigint"; query.parameters].join(", ");
            let values = vec!["1"; query.parameters].join(", ");
            sqlx::query(&format!("PREPARE {name} ({types}) AS {}", query.sql))
                .execute(&mut *connection)
                .await
                .unwrap_or_else(|error| panic!("{}: {error}", query.name));
            let sql = format!("EXPLAIN EXECUTE {name} ({values})");
            explained(&app, &mut connection, &sql, 0, query.name).await
        } else {
            let sql = format!("EXPLAIN QUERY PLAN {}", query.sql);
            explained(&app, &mut connection, &sql, query.parameters, query.name).await
        };
        for walk in primary_key_walks(&app, &plan) {
            walks.push(format!("{}: {walk}", query.name));
        }
        checked += 1;
    }
    assert!(checked >= 5, "the conversation list and the message pages are checked");
    assert!(
        walks.is_empty(),
        "walks the primary key of messages:\n{}",
        walks.join("\n")
    );
}
