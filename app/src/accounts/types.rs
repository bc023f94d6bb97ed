use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AccountRole {
    Participant,
    Family,
    Worker,
    Coordinator,
}

impl AccountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountRole::Participant => "participant",
            AccountRole::Family => "family",
            AccountRole::Worker => "worker",
            AccountRole::Coordinator => "coordinator",
        }
    }

    pub fn parse(value: &str) -> Option<AccountRole> {
        [
            AccountRole::Participant,
            AccountRole::Family,
            AccountRole::Worker,
            AccountRole::Coordinator,
        ]
        .into_iter()
        .find(|role| role.as_str() == value)
    }

    pub fn label(self) -> Msg {
        match self {
            AccountRole::Participant => Msg::RoleParticipant,
            AccountRole::Family => Msg::RoleFamily,
            AccountRole::Worker => Msg::RoleWorker,
            AccountRole::Coordinator => Msg::RoleCoordinator,
        }
    }

    /// Participants and family members often use a shared phone: shorter idle sessions.
    pub fn uses_private_timeout(self) -> bool {
        matches!(self, AccountRole::Participant | AccountRole::Family)
    }

    /// Workers and coordinators: they open other people's files, and sign in with a
    /// second factor.
    pub fn is_staff(self) -> bool {
        matches!(self, AccountRole::Worker | AccountRole::Coordinator)
    }
}

/// A username: 3 to 32 characters of lowercase letters, digits, `.`, `-` or `_`,
/// starting with a letter. Usernames, not email addresses: many of our people have none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Username, ErrorCode> {
        let candidate = raw.trim().to_lowercase();
        let length = candidate.chars().count();
        let starts_with_letter = candidate.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let allowed = candidate
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
        if (3..=32).contains(&length) && starts_with_letter && allowed {
            Ok(Username(candidate))
        } else {
            Err(ErrorCode::InvalidUsername)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who is signed in, as pages and phone apps see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: AccountRole,
    pub language: Option<Lang>,
    pub organisation: Option<String>,
}

/// One signed-in browser or phone of the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceSession {
    pub id: i64,
    pub device_name: String,
    pub kind: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub current: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_simple_username_is_accepted_and_lowercased() {
        assert_eq!(Username::parse("  Sarah.B ").unwrap().as_str(), "sarah.b");
    }

    #[test]
    fn an_email_address_is_not_a_username() {
        assert_eq!(Username::parse("sarah@example.org"), Err(ErrorCode::InvalidUsername));
    }

    #[test]
    fn too_short_and_too_long_usernames_are_refused() {
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse(&"a".repeat(33)).is_err());
        assert!(Username::parse(&"a".repeat(32)).is_ok());
    }

    proptest! {
        #[test]
        fn a_parsed_username_always_satisfies_the_rules(raw in "\\PC{0,40}") {
            if let Ok(name) = Username::parse(&raw) {
                let s = name.as_str();
                prop_assert!((3..=32).contains(&s.chars().count()));
                prop_assert!(s.chars().next().unwrap().is_ascii_lowercase());
                prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c)));
            }
        }

        #[test]
        fn parsing_a_username_twice_gives_the_same_name(raw in "[a-zA-Z][a-zA-Z0-9._-]{2,31}") {
            let once = Username::parse(&raw).unwrap();
            prop_assert_eq!(Username::parse(once.as_str()).unwrap(), once);
        }
    }
}

/// One page of the person's signed-in devices, oldest sign-in first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeviceList {
    pub devices: Vec<DeviceSession>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}
