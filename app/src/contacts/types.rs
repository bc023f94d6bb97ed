use serde::{Deserialize, Serialize};

plain_enum!(ContactKind {
    Service => "service", ContactKindService;
    School => "school", ContactKindSchool;
    Employer => "employer", ContactKindEmployer;
    Lawyer => "lawyer", ContactKindLawyer;
    Community => "community", ContactKindCommunity;
    Other => "other", ContactKindOther;
});

/// One contact point of a case. `member_user_id` is set when the contact is a worker in
/// the circle with an account on Brug; others (a school, an employer) have none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Contact {
    pub id: i64,
    pub case_id: i64,
    pub member_user_id: Option<i64>,
    pub kind: ContactKind,
    pub name: String,
    pub organisation: String,
    /// Their role in plain words, e.g. "your justice assistant".
    pub role: String,
    pub why_involved: String,
    pub decides: String,
    pub phone: String,
    pub office_hours: String,
    pub languages: String,
    /// Who to turn to when they are away.
    pub stand_in: String,
    /// Unix seconds of the last change.
    pub updated_at: i64,
    /// The language its texts are written in.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
}

/// What a worker writes for a new contact; text fields other than name, role and why
/// they are involved may stay empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewContact {
    #[serde(default)]
    pub member_user_id: Option<i64>,
    pub kind: ContactKind,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    pub role: String,
    pub why_involved: String,
    #[serde(default)]
    pub decides: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub office_hours: String,
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub stand_in: String,
}

/// A change to a contact: only the fields given are changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactChange {
    pub kind: Option<ContactKind>,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub why_involved: Option<String>,
    pub decides: Option<String>,
    pub phone: Option<String>,
    pub office_hours: Option<String>,
    pub languages: Option<String>,
    pub stand_in: Option<String>,
}

impl ContactChange {
    pub fn apply_to(self, contact: &NewContact) -> NewContact {
        let keep = |new: Option<String>, old: &String| new.unwrap_or_else(|| old.clone());
        NewContact {
            member_user_id: contact.member_user_id,
            kind: self.kind.unwrap_or(contact.kind),
            name: keep(self.name, &contact.name),
            organisation: keep(self.organisation, &contact.organisation),
            role: keep(self.role, &contact.role),
            why_involved: keep(self.why_involved, &contact.why_involved),
            decides: keep(self.decides, &contact.decides),
            phone: keep(self.phone, &contact.phone),
            office_hours: keep(self.office_hours, &contact.office_hours),
            languages: keep(self.languages, &contact.languages),
            stand_in: keep(self.stand_in, &contact.stand_in),
        }
    }
}

impl From<&Contact> for NewContact {
    fn from(contact: &Contact) -> NewContact {
        NewContact {
            member_user_id: contact.member_user_id,
            kind: contact.kind,
            name: contact.name.clone(),
            organisation: contact.organisation.clone(),
            role: contact.role.clone(),
            why_involved: contact.why_involved.clone(),
            decides: contact.decides.clone(),
            phone: contact.phone.clone(),
            office_hours: contact.office_hours.clone(),
            languages: contact.languages.clone(),
            stand_in: contact.stand_in.clone(),
        }
    }
}

/// The contacts of a case, one page at a time, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Contacts {
    pub case_id: i64,
    pub participant_name: String,
    /// How the person reading belongs to the circle: pages say "you" to the participant
    /// and "Sarah's" to everyone else.
    pub reader: crate::circle::MemberKind,
    pub contacts: Vec<Contact>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// The contacts page: the contacts, and whether the viewer may add and change them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactsView {
    pub contacts: Contacts,
    pub may_edit: bool,
    pub yours: bool,
}
