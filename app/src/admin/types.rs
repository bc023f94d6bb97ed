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
    /// A page of the people in reach, by name, that match `search.people`.
    pub people: Vec<Person>,
    /// A page of the cases in reach, in the order they were opened, that match `search.cases`.
    pub cases: Vec<CaseAssignment>,
    pub search: AdminSearch,
    /// Where the next page of people starts, when there is one.
    pub people_next: Option<String>,
    /// Where the next page of cases starts, when there is one.
    pub cases_next: Option<String>,
}

/// What the coordinator looks for: a part of a person's name or username, a part of a
/// participant's name, and where each list's page starts (a cursor from the page before).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminSearch {
    pub people: String,
    pub cases: String,
    pub people_after: Option<String>,
    pub cases_after: Option<String>,
}
