//! Pages about a participant's case speak to whoever reads them: the participant reads
//! "your next step", her family and her workers read "Sarah's next step".

use super::{Lang, Msg};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reader {
    is_participant: bool,
    participant_name: String,
}

impl Reader {
    pub fn new(is_participant: bool, participant_name: &str) -> Reader {
        Reader {
            is_participant,
            participant_name: participant_name.to_string(),
        }
    }

    pub fn is_participant(&self) -> bool {
        self.is_participant
    }

    /// "Sarah's mother", from a relation or role in words.
    pub fn relation(&self, lang: Lang, relation: &str) -> String {
        lang.fill(
            Msg::FamilyOf,
            &[("relation", relation), ("name", &self.participant_name)],
        )
    }

    /// `own` for the participant; `other`, with `{name}` filled in, for anyone else.
    pub fn say(&self, lang: Lang, own: Msg, other: Msg) -> String {
        if self.is_participant {
            lang.t(own).to_string()
        } else {
            lang.fill(other, &[("name", &self.participant_name)])
        }
    }
}
