use crate::plans::Person;
use crate::trajectory::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DecisionResponse {
    pub id: i64,
    pub by: Person,
    pub body: String,
    pub created_at: i64,
}

/// A decision of the conference, and what it means for the participant in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Decision {
    pub id: i64,
    pub decision: String,
    pub meaning_for_you: String,
    pub recorded_by: Person,
    pub recorded_at: i64,
    /// The participant's responses, oldest first.
    pub responses: Vec<DecisionResponse>,
}

/// What the participant wrote for the conference beforehand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConferenceInput {
    pub body: String,
    pub updated_at: i64,
}

/// The record of one case conference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Conference {
    pub id: i64,
    pub case_id: i64,
    pub held_on: Date,
    /// Who took part, in plain words (services and people; not all have an account).
    pub participants: String,
    pub input: Option<ConferenceInput>,
    /// Whether the participant can still write input: until the day of the conference.
    pub input_open: bool,
    pub decisions: Vec<Decision>,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Conferences {
    pub case_id: i64,
    /// Newest date first.
    pub conferences: Vec<Conference>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// A worker records that a conference takes (or took) place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewConference {
    pub held_on: Date,
    pub participants: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewInput {
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewDecision {
    pub decision: String,
    pub meaning_for_you: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewDecisionResponse {
    pub body: String,
}

/// The conference page: the record, and what the viewer may add to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceView {
    pub conference: Conference,
    /// The participant: writes input and responds to decisions.
    pub yours: bool,
    /// A worker of the case: records decisions.
    pub may_record: bool,
}
