//! Sarah's release plan, drafted by Lotte and waiting for Sarah's and Lotte's signatures.

use crate::access;
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::db::{now, Tx};
use crate::error::AppError;
use crate::plans::storage::{self, StoredItem};
use crate::plans::{PlanKind, VersionState};
use std::collections::HashMap;

/// (what, owner, due date, why)
const ITEMS: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "Elke maand een gesprek met Lotte over hoe het gaat.",
        "lotte",
        None,
        "Zo volgen we samen je voorwaarden op, en kun je vragen stellen voor er iets misloopt.",
    ),
    (
        "Werk zoeken met hulp van een trajectbegeleider van de VDAB.",
        "sarah",
        Some("2027-03-01"),
        "Werk geeft structuur en een eigen inkomen. De strafuitvoeringsrechtbank vraagt ernaar.",
    ),
    (
        "Bij je moeder wonen tot je een eigen woning vindt.",
        "sarah",
        None,
        "Een vast adres is een voorwaarde voor je vrijlating.",
    ),
];

pub async fn load(tx: &mut Tx<'_>, case_id: i64, ids: &HashMap<&str, i64>) -> Result<(), AppError> {
    let at = now();
    let lotte = ids["lotte"];
    // Lotte drafts the plan through the same worker check as in the app: plan storage
    // takes nothing else. The check reads only her membership, which is loaded already.
    let as_lotte = Viewer {
        user_id: lotte,
        username: "lotte".to_string(),
        display_name: "Lotte".to_string(),
        role: AccountRole::Worker,
        organisation_id: None,
        language: None,
        session_id: 0,
        second_factor_since: None,
        second_factor_at: None,
    };
    let case = access::require_case_worker(tx, &as_lotte, case_id).await?;
    let plan = storage::insert_plan(tx, &case, PlanKind::Release, "", lotte, at).await?;
    let version = storage::insert_version(tx, &plan, 1, lotte, at).await?;
    for (what, owner, due_on, why) in ITEMS {
        let item = StoredItem {
            what,
            owner_user_id: Some(ids[owner]),
            due_on: *due_on,
            why,
            milestone_id: None,
            reunification_step_id: None,
        };
        storage::append_item(tx, &plan, &version, item).await?;
    }
    for party in ["sarah", "lotte"] {
        storage::add_party(tx, &version, ids[party]).await?;
    }
    storage::set_state(tx, &version, VersionState::AwaitingSignatures, at).await?;
    Ok(())
}
