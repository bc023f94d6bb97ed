//! Two case conferences for Sarah: one a month ago with its decisions, one in two weeks
//! that she can still write her input for.

use crate::db::{now, Tx};
use crate::error::AppError;
use crate::sealing::text::Column;
use std::collections::HashMap;

const WHO: &str = "Lotte (justitieassistent), Ahmed (jeugdhulp), Karim (buddy), de psychosociale dienst";

/// (decision, what it means for you)
const DECISIONS: &[(&str, &str)] = &[
    (
        "Sarah kan vanaf februari een opleiding volgen tijdens haar penitentiair verlof.",
        "Je mag op verlof naar de lessen gaan. Lotte regelt de toestemming met de gevangenis.",
    ),
    (
        "De begeleide bezoeken met de kinderen gaan door, elke twee weken.",
        "Je ziet je kinderen om de twee weken, met Ahmed erbij. Na drie maanden bekijken we samen de volgende stap.",
    ),
];

fn date_in_days(days: i64) -> String {
    crate::accounts::format_time(now() + days * 86_400)
        .chars()
        .take(10)
        .collect()
}

async fn insert(tx: &mut Tx<'_>, case_id: i64, held_on: &str, by: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO conferences (case_id, held_on, participants, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case_id)
    .bind(held_on)
    .bind(tx.text_keys().seal(Column::ConferenceParticipants, WHO))
    .bind(by)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?)
}

pub async fn load(tx: &mut Tx<'_>, case_id: i64, ids: &HashMap<&str, i64>) -> Result<(), AppError> {
    let lotte = ids["lotte"];
    let past = insert(tx, case_id, &date_in_days(-30), lotte).await?;
    sqlx::query("INSERT INTO conference_inputs (conference_id, author_id, body, updated_at) VALUES ($1, $2, $3, $4)")
        .bind(past)
        .bind(ids["sarah"])
        .bind(tx.text_keys().seal(
            Column::ConferenceInputBody,
            "Ik wil graag een opleiding volgen, zodat ik later werk vind. En ik mis mijn kinderen.",
        ))
        .bind(now())
        .execute(&mut **tx)
        .await?;
    for (decision, meaning) in DECISIONS {
        sqlx::query(
            "INSERT INTO conference_decisions (conference_id, decision, meaning_for_you, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(past)
        .bind(tx.text_keys().seal(Column::ConferenceDecision, decision))
        .bind(tx.text_keys().seal(Column::ConferenceDecisionMeaning, meaning))
        .bind(lotte)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    }
    insert(tx, case_id, &date_in_days(14), lotte).await?;
    Ok(())
}
