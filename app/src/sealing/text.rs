//! The most sensitive text at rest: what people write to each other and about themselves
//! (messages, plans, conferences, preferences, notes) is stored sealed with
//! XChaCha20-Poly1305 under a key derived from `BRUG_SECRET_KEY`, so the database file,
//! a copy of it or a backup shows none of it.
//!
//! A sealed value names the key that sealed it, so keys can be rotated: a new
//! `BRUG_SECRET_KEY` seals from then on, the previous keys still open, and the background
//! pass in `reseal` moves every value to the new key. Each value is bound to its column:
//! moved into another column, it no longer opens.
//!
//! Only equality and order on other columns (ids, times) are used for lists, so sealing
//! the text changes no query's plan or order.

use super::SecretBytes;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// What every sealed value starts with, followed by its key id, `$`, and base64 of the
/// nonce and the ciphertext. Text from before sealing (or written by hand) does not start
/// with it and is read as it is.
const PREFIX: &str = "$brug$x1$";
const NONCE_LEN: usize = 24;

/// The columns kept sealed. The name is bound into each value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    MessageBody,
    MilestoneResponseBody,
    PlanItemWhat,
    PlanItemWhy,
    PlanResponseReason,
    PlanCommentBody,
    PlanProposalWhat,
    PlanProposalWhy,
    PlanProposalReason,
    PlanProposalDeclineReason,
    ConferenceParticipants,
    ConferenceInputBody,
    ConferenceDecision,
    ConferenceDecisionMeaning,
    DecisionResponseBody,
    PreferencesTimesNote,
    PreferencesWhatHelps,
    PreferencesWhatToAvoid,
    ReunificationConditions,
    ReunificationChangeReason,
    ReleaseNoteBody,
    TranslationBody,
}

/// Where a sealed column lives, for the pass that reseals it: its table, the column, and
/// the columns that name one row.
pub struct Place {
    pub column: Column,
    pub table: &'static str,
    pub value: &'static str,
    pub keys: &'static [&'static str],
}

impl Column {
    pub const ALL: [Place; 22] = [
        place(Column::MessageBody, "messages", "body", &["id"]),
        place(Column::MilestoneResponseBody, "milestone_responses", "body", &["id"]),
        place(Column::PlanItemWhat, "plan_items", "what", &["id"]),
        place(Column::PlanItemWhy, "plan_items", "why", &["id"]),
        place(
            Column::PlanResponseReason,
            "plan_item_responses",
            "reason",
            &["version_id", "item_key", "user_id"],
        ),
        place(Column::PlanCommentBody, "plan_comments", "body", &["id"]),
        place(Column::PlanProposalWhat, "plan_proposals", "what", &["id"]),
        place(Column::PlanProposalWhy, "plan_proposals", "why", &["id"]),
        place(Column::PlanProposalReason, "plan_proposals", "reason", &["id"]),
        place(
            Column::PlanProposalDeclineReason,
            "plan_proposals",
            "decline_reason",
            &["id"],
        ),
        place(Column::ConferenceParticipants, "conferences", "participants", &["id"]),
        place(
            Column::ConferenceInputBody,
            "conference_inputs",
            "body",
            &["conference_id"],
        ),
        place(Column::ConferenceDecision, "conference_decisions", "decision", &["id"]),
        place(
            Column::ConferenceDecisionMeaning,
            "conference_decisions",
            "meaning_for_you",
            &["id"],
        ),
        place(Column::DecisionResponseBody, "decision_responses", "body", &["id"]),
        place(Column::PreferencesTimesNote, "preferences", "times_note", &["user_id"]),
        place(Column::PreferencesWhatHelps, "preferences", "what_helps", &["user_id"]),
        place(
            Column::PreferencesWhatToAvoid,
            "preferences",
            "what_to_avoid",
            &["user_id"],
        ),
        place(
            Column::ReunificationConditions,
            "reunification_steps",
            "conditions",
            &["id"],
        ),
        place(
            Column::ReunificationChangeReason,
            "reunification_step_changes",
            "reason",
            &["id"],
        ),
        place(Column::ReleaseNoteBody, "release_item_notes", "body", &["id"]),
        place(Column::TranslationBody, "content_translations", "body", &["id"]),
    ];

    pub fn place(self) -> &'static Place {
        Column::ALL
            .iter()
            .find(|place| place.column == self)
            .expect("every column has its place")
    }

    /// What a value is bound to: its table and column.
    fn binding(self) -> Vec<u8> {
        let place = self.place();
        [place.table, ".", place.value].concat().into_bytes()
    }
}

const fn place(column: Column, table: &'static str, value: &'static str, keys: &'static [&'static str]) -> Place {
    Place {
        column,
        table,
        value,
        keys,
    }
}

/// The keys that seal and open text at rest: the current one seals, every one opens.
#[derive(Clone)]
pub struct TextKeys(Arc<Ring>);

struct Ring {
    current: TextKey,
    previous: Vec<TextKey>,
}

struct TextKey {
    id: String,
    cipher: XChaCha20Poly1305,
}

impl TextKey {
    /// A key of its own for text, derived from the secret, so the same secret is never
    /// used by two ciphers; its id is a short fingerprint that gives nothing of it away.
    fn derive(secret: &SecretBytes) -> TextKey {
        let key: [u8; 32] = Sha256::new()
            .chain_update(b"brug text at rest")
            .chain_update(secret)
            .finalize()
            .into();
        let id = hex::encode(&Sha256::new().chain_update(b"brug key id").chain_update(key).finalize()[..4]);
        TextKey {
            id,
            cipher: XChaCha20Poly1305::new(&key.into()),
        }
    }
}

impl std::fmt::Debug for TextKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TextKeys(current {})", self.0.current.id)
    }
}

/// A sealed value that does not open: a changed byte, a value moved from another column,
/// or a key no longer configured.
#[derive(Debug, thiserror::Error)]
#[error("a value of {0} does not open with the configured keys (key id {1})")]
pub struct Unopenable(&'static str, String);

impl TextKeys {
    pub fn new(current: &SecretBytes, previous: &[SecretBytes]) -> TextKeys {
        TextKeys(Arc::new(Ring {
            current: TextKey::derive(current),
            previous: previous.iter().map(TextKey::derive).collect(),
        }))
    }

    pub fn current_id(&self) -> &str {
        &self.0.current.id
    }

    /// Empty text stays empty: it holds nothing to hide, and "nothing written" stays
    /// something a query can ask for (`reason <> ''`).
    pub fn seal(&self, column: Column, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        let nonce: [u8; NONCE_LEN] = rand::random();
        let key = &self.0.current;
        let sealed = key
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: text.as_bytes(),
                    aad: &column.binding(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any text shorter than 256 GiB");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{PREFIX}{}${}", key.id, URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The text of a stored value: opened when sealed, as it is when from before sealing.
    pub fn open(&self, column: Column, stored: String) -> Result<String, Unopenable> {
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Ok(stored);
        };
        let refused = |id: &str| Unopenable(column.place().value, id.to_string());
        let (id, body) = rest.split_once('$').ok_or_else(|| refused(""))?;
        let ring = &self.0;
        let key = std::iter::once(&ring.current)
            .chain(&ring.previous)
            .find(|key| key.id == id)
            .ok_or_else(|| refused(id))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(body)
            .ok()
            .filter(|bytes| bytes.len() > NONCE_LEN)
            .ok_or_else(|| refused(id))?;
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let text = key
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: &column.binding(),
                },
            )
            .map_err(|_| refused(id))?;
        String::from_utf8(text).map_err(|_| refused(id))
    }

    /// A stored value that may be, when it is not `None`.
    pub fn open_optional(&self, column: Column, stored: Option<String>) -> Result<Option<String>, Unopenable> {
        stored.map(|stored| self.open(column, stored)).transpose()
    }

    /// The opened text of column `name` of a row.
    pub fn read(&self, row: &sqlx::any::AnyRow, name: &str, column: Column) -> Result<String, sqlx::Error> {
        use sqlx::Row;
        Ok(self.open(column, row.try_get(name)?)?)
    }

    /// The same for a column that may be empty (NULL).
    pub fn read_optional(
        &self,
        row: &sqlx::any::AnyRow,
        name: &str,
        column: Column,
    ) -> Result<Option<String>, sqlx::Error> {
        use sqlx::Row;
        Ok(self.open_optional(column, row.try_get(name)?)?)
    }

    /// Seals a value that may be empty (NULL stays NULL).
    pub fn seal_optional(&self, column: Column, text: Option<&str>) -> Option<String> {
        text.map(|text| self.seal(column, text))
    }

    /// Whether a stored value is sealed with the current key, or empty (the resealing
    /// pass leaves those alone).
    pub fn is_current(&self, stored: &str) -> bool {
        stored.is_empty()
            || stored
                .strip_prefix(PREFIX)
                .and_then(|rest| rest.split_once('$'))
                .is_some_and(|(id, _)| id == self.0.current.id)
    }
}

impl From<Unopenable> for sqlx::Error {
    fn from(error: Unopenable) -> sqlx::Error {
        sqlx::Error::Decode(Box::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::{Column, TextKeys};

    fn keys(byte: u8) -> TextKeys {
        TextKeys::new(&[byte; 32], &[])
    }

    #[test]
    fn sealed_text_shows_nothing_and_opens_only_in_its_own_column() {
        let keys = keys(1);
        let sealed = keys.seal(Column::MessageBody, "Hoe gaat het met Amira?");
        assert!(!sealed.contains("Amira"));
        assert_eq!(
            keys.open(Column::MessageBody, sealed.clone()).unwrap(),
            "Hoe gaat het met Amira?"
        );
        assert!(keys.open(Column::PlanCommentBody, sealed.clone()).is_err());
        assert_ne!(
            sealed,
            keys.seal(Column::MessageBody, "Hoe gaat het met Amira?"),
            "a fresh nonce each time"
        );
        let mut changed = sealed.into_bytes();
        let last = changed.len() - 1;
        changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
        assert!(keys
            .open(Column::MessageBody, String::from_utf8(changed).unwrap())
            .is_err());
        assert_eq!(
            keys.seal(Column::PlanResponseReason, ""),
            "",
            "nothing written stays empty"
        );
    }

    #[test]
    fn text_from_before_sealing_reads_as_it_is() {
        assert_eq!(
            keys(1).open(Column::MessageBody, "Tot morgen".into()).unwrap(),
            "Tot morgen"
        );
        assert_eq!(
            keys(1).open_optional(Column::PlanProposalDeclineReason, None).unwrap(),
            None
        );
    }

    #[test]
    fn after_rotation_old_values_open_and_new_ones_use_the_new_key() {
        let old = keys(1);
        let sealed_before = old.seal(Column::MessageBody, "eerder");
        let rotated = TextKeys::new(&[2; 32], &[[1; 32]]);
        assert_ne!(rotated.current_id(), old.current_id());
        assert!(!rotated.is_current(&sealed_before));
        assert_eq!(
            rotated.open(Column::MessageBody, sealed_before.clone()).unwrap(),
            "eerder"
        );
        let sealed_after = rotated.seal(Column::MessageBody, "later");
        assert!(rotated.is_current(&sealed_after));
        assert!(
            keys(2).open(Column::MessageBody, sealed_before).is_err(),
            "a key that is gone opens nothing"
        );
        assert_eq!(keys(2).open(Column::MessageBody, sealed_after).unwrap(), "later");
    }
}
