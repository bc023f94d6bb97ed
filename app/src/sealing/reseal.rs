//! The background pass that brings every sealed value to the current key: text written
//! before sealing (an upgraded database), or sealed with a key that was since rotated.
//! It runs once at each start, a batch at a time, so a request never waits long behind
//! it; values already under the current key cost one read.

use super::text::{Place, TextKeys};
use crate::db::Scope;
use sqlx::Row;
use std::time::Duration;

const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Default)]
pub struct Resealed {
    pub values: u64,
}

/// Walks every sealed column in key order and reseals what is not under the current key.
/// Each batch that needs it is one write transaction that changes a value only when it
/// is still the one read (an edit in between wins).
pub async fn reseal_text(unit: &Scope) -> Result<Resealed, sqlx::Error> {
    let mut done = Resealed::default();
    for place in super::text::Column::ALL.iter() {
        let mut after: Option<Vec<i64>> = None;
        loop {
            let (rows, last) = batch(unit, place, after.as_deref()).await?;
            let stale: Vec<(Vec<i64>, String)> = {
                let keys = unit.database().text_keys();
                rows.into_iter().filter(|(_, value)| !keys.is_current(value)).collect()
            };
            if !stale.is_empty() {
                done.values += reseal_rows(unit, place, stale).await?;
            }
            match last {
                Some(last) => after = Some(last),
                None => break,
            }
            // Leave room for requests between batches.
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    Ok(done)
}

type Batch = (Vec<(Vec<i64>, String)>, Option<Vec<i64>>);

/// The next rows after `after` (in key order), and the key of the last one when the
/// batch was full.
async fn batch(unit: &Scope, place: &Place, after: Option<&[i64]>) -> Result<Batch, sqlx::Error> {
    let keys = place.keys.join(", ");
    let placeholders: Vec<String> = (1..=place.keys.len()).map(|n| format!("${n}")).collect();
    let condition = match after {
        Some(_) => format!("WHERE ({keys}) > ({})", placeholders.join(", ")),
        None => String::new(),
    };
    let sql = format!(
        "SELECT {keys}, {value} AS value FROM {table} {condition} ORDER BY {keys} LIMIT {BATCH}",
        value = place.value,
        table = place.table,
    );
    let mut tx = unit.read().await?;
    let mut query = sqlx::query(&sql);
    for key in after.unwrap_or_default() {
        query = query.bind(*key);
    }
    let rows = query.fetch_all(&mut *tx).await?;
    tx.commit().await?;
    let mut found = Vec::with_capacity(rows.len());
    let mut last = None;
    for row in &rows {
        let key = (0..place.keys.len())
            .map(|index| row.try_get::<i64, _>(index))
            .collect::<Result<Vec<_>, _>>()?;
        // A column that may be empty (NULL) has nothing to seal there.
        if let Some(value) = row.try_get::<Option<String>, _>("value")? {
            found.push((key.clone(), value));
        }
        last = Some(key);
    }
    let last = last.filter(|_| rows.len() as i64 == BATCH);
    Ok((found, last))
}

async fn reseal_rows(unit: &Scope, place: &Place, stale: Vec<(Vec<i64>, String)>) -> Result<u64, sqlx::Error> {
    let keys: TextKeys = unit.database().text_keys().clone();
    let matches: Vec<String> = place
        .keys
        .iter()
        .enumerate()
        .map(|(index, key)| format!("{key} = ${}", index + 3))
        .collect();
    let sql = format!(
        "UPDATE {table} SET {value} = $1 WHERE {value} = $2 AND {matches}",
        table = place.table,
        value = place.value,
        matches = matches.join(" AND "),
    );
    let mut tx = unit.write().await?;
    let mut changed = 0;
    for (key, stored) in stale {
        let text = keys.open(place.column, stored.clone())?;
        let mut query = sqlx::query(&sql).bind(keys.seal(place.column, &text)).bind(stored);
        for part in key {
            query = query.bind(part);
        }
        changed += query.execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    Ok(changed)
}
