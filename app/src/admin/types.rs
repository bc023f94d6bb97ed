use crate::accounts::AccountRole;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: AccountRole,
    pub organisation: Option<String>,
    /// A coordinator closed the account: it can no longer sign in.
    pub disabled: bool,
    /// The person set up a second factor (an authenticator app).
    pub has_second_factor: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseAssignment {
    pub case_id: i64,
    pub participant_name: String,
    pub workers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub cases: Vec<CaseAssignment>,
}
