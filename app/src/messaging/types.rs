use crate::circle::CircleMember;
use serde::{Deserialize, Serialize};

plain_enum!(ConversationKind {
    Pair => "pair", ConversationPair;
    Group => "group", ConversationGroup;
});

/// Unread messages are counted up to this many per conversation, so a list costs the
/// same however much someone has left unread; more is shown as "99+".
pub const UNREAD_COUNTED_UP_TO: i64 = 100;

/// How an unread number reads: up to 99 as it is, more as "99+".
/// "3 new" (in the reader's plural form), for a conversation or the navigation.
pub fn unread_text(lang: crate::i18n::Lang, count: i64) -> String {
    lang.count(
        crate::i18n::PluralMsg::UnreadCount,
        count.min(UNREAD_COUNTED_UP_TO - 1),
        &unread_label(count),
        "",
    )
}

pub fn unread_label(count: i64) -> String {
    if count >= UNREAD_COUNTED_UP_TO {
        format!("{}+", UNREAD_COUNTED_UP_TO - 1)
    } else {
        count.to_string()
    }
}

/// A conversation as its members see it in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Conversation {
    pub id: i64,
    pub case_id: i64,
    /// How the circle names its participant.
    pub participant_name: String,
    pub kind: ConversationKind,
    /// Everyone in the conversation, the viewer included.
    pub members: Vec<CircleMember>,
    /// The newest message's id, 0 when nothing was written yet.
    pub last_message_id: i64,
    /// Unix seconds of the newest message.
    pub last_message_at: Option<i64>,
    /// Messages from others that the viewer has not read, counted up to
    /// [`UNREAD_COUNTED_UP_TO`] (shown as "99+").
    pub unread: i64,
    /// Workers in it who are away now, and who stands in for them.
    pub stand_ins: Vec<StandIn>,
}

/// A worker who is away, until when, and the colleague who answers meanwhile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StandIn {
    pub away_user_id: i64,
    pub away_name: String,
    /// Unix seconds.
    pub until_at: i64,
    pub stand_in_user_id: i64,
    pub stand_in_name: String,
}

/// A worker's away period: until which day, and which colleague of their organisation
/// stands in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AwayRequest {
    /// The last day away (`YYYY-MM-DD`, inclusive).
    pub until: crate::trajectory::Date,
    pub stand_in_id: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConversationList {
    /// In the order they were started.
    pub conversations: Vec<Conversation>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// When another member read a message (only for members who share read receipts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadReceipt {
    pub user_id: i64,
    pub display_name: String,
    /// Unix seconds.
    pub read_at: i64,
}

/// A message, its text exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: i64,
    pub conversation_id: i64,
    pub sender_id: i64,
    pub sender_name: String,
    pub body: String,
    /// The id the sender's device gave the message, which makes sending idempotent.
    pub client_id: String,
    /// Unix seconds.
    pub sent_at: i64,
    /// The language its sender writes in.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// On the viewer's own messages: who has read it, and when.
    pub read_by: Vec<ReadReceipt>,
}

impl Message {
    /// The message as a family member sees it who was not shown the circle: its sender
    /// and readers by first name.
    pub fn by_first_names(&mut self) {
        self.sender_name = crate::circle::first_name(&self.sender_name);
        for receipt in &mut self.read_by {
            receipt.display_name = crate::circle::first_name(&receipt.display_name);
        }
    }
}

/// A stretch of a conversation, oldest message first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MessagePage {
    pub conversation: Conversation,
    pub messages: Vec<Message>,
    /// Pass as `before` to get older messages; absent when this page starts at the first.
    pub older_cursor: Option<String>,
    /// Pass as `after` to get newer messages; absent when this page ends at the newest.
    pub newer_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewMessage {
    /// Plain text, 1 to 4,000 characters, kept exactly as typed.
    pub body: String,
    /// The device's own id for this message (1 to 100 characters). Sending again with the
    /// same id returns the message already sent instead of a second one.
    pub client_id: String,
}

/// A group conversation the participant starts with several of their workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewGroup {
    pub case_id: i64,
    /// At least two workers of the case.
    pub worker_ids: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadUpTo {
    /// The newest message the viewer has read.
    pub up_to: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadReceiptSetting {
    /// Whether others may see when you read their messages.
    pub send: bool,
}

pub const MAX_BODY_CHARS: usize = 4000;

/// A conversation in a worker's inbox, with how long it has waited for a worker's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InboxItem {
    pub conversation: Conversation,
    /// When the oldest message not yet answered by a worker was sent; absent when nothing waits.
    pub waiting_since: Option<i64>,
    /// When the organisation's response promise runs out for it.
    pub due_at: Option<i64>,
    pub overdue: bool,
}

/// A conversation past its promise in one of the viewer's cases, without its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OverdueNotice {
    pub conversation_id: i64,
    pub case_id: i64,
    pub participant_name: String,
    /// Who is in it, by name.
    pub members: Vec<String>,
    pub waiting_since: i64,
    pub due_at: i64,
}

/// A worker's inbox across their caseload: what waits for an answer first, longest wait
/// on top; then the rest, most recent first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Inbox {
    pub conversations: Vec<InboxItem>,
    /// Conversations of colleagues in the same cases that are past their promise.
    pub overdue_elsewhere: Vec<OverdueNotice>,
}

/// Someone a member adds to a conversation: a worker of the same case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewMember {
    pub user_id: i64,
}

/// How many working days an organisation promises for answering a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResponsePromise {
    /// 1 to 10.
    pub working_days: i64,
}
