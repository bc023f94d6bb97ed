use super::{
    load_conversations, load_thread, Conversation, ConversationsView, InboxItem, Message, OverdueNotice, ThreadView,
};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, LiveLabels, LiveSettings, Page};
use leptos::prelude::*;

#[component]
pub fn ConversationsPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_conversations().await {
                    Ok(view) => view! { <Conversations view lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Lotte (your justice assistant)", for everyone in the conversation but the viewer.
fn others(conversation: &Conversation, viewer_id: i64, lang: Lang) -> String {
    let to_participant = conversation
        .members
        .iter()
        .any(|m| m.user_id == viewer_id && m.kind == crate::circle::MemberKind::Participant);
    conversation
        .members
        .iter()
        .filter(|m| m.user_id != viewer_id)
        .map(|m| {
            format!(
                "{} ({})",
                m.display_name,
                m.role_in_words(lang, &conversation.participant_name, to_participant)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn Conversations(view: ConversationsView, lang: Lang) -> impl IntoView {
    let ConversationsView {
        list,
        viewer_id,
        inbox,
        settings,
    } = view;
    let is_worker = inbox.is_some();
    let empty = list.conversations.is_empty();
    // For workers the inbox's order (waiting longest first); for others the most recent
    // conversation first.
    let (items, overdue_elsewhere) = match inbox {
        Some(inbox) => (inbox.conversations, inbox.overdue_elsewhere),
        None => {
            let mut conversations = list.conversations;
            conversations.sort_by_key(|c| std::cmp::Reverse(c.last_message_id));
            let items = conversations
                .into_iter()
                .map(|conversation| InboxItem {
                    conversation,
                    waiting_since: None,
                    due_at: None,
                    overdue: false,
                })
                .collect();
            (items, Vec::new())
        }
    };
    let conversations: Vec<Conversation> = items.iter().map(|i| i.conversation.clone()).collect();
    let total_unread: i64 = conversations.iter().map(|c| c.unread).sum();
    // Only a number in the title: a shared phone's tab shows nothing of who or what.
    let title = if total_unread > 0 {
        format!("({}) {}", super::unread_label(total_unread), lang.t(Msg::MessagesTitle))
    } else {
        lang.t(Msg::MessagesTitle).to_string()
    };
    view! {
        <leptos_meta::Title text=title/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::MessagesTitle)}</h1>
            {(!is_worker).then(|| view! { <p>{lang.t(Msg::ContactIntro)}</p> })}
            <p>{lang.t(Msg::MessagesIntro)}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoConversations)}</p> })}
            <ul class="conversations">
                {items.into_iter().map(|item| view! { <ConversationItem item viewer_id lang/> }).collect_view()}
            </ul>
            {(!overdue_elsewhere.is_empty()).then(|| view! { <OverdueElsewhere notices=overdue_elsewhere lang/> })}
            <super::settings_view::Settings settings is_worker lang/>
            <LiveSettings conversation_id=None viewer_id labels=live_labels(lang)/>
        </Page>
    }
}

#[component]
fn ConversationItem(item: InboxItem, viewer_id: i64, lang: Lang) -> impl IntoView {
    let InboxItem {
        conversation,
        waiting_since,
        overdue,
        ..
    } = item;
    let with = others(&conversation, viewer_id, lang);
    let when = conversation
        .last_message_at
        .map(|at| crate::local_time::written(lang, at));
    let unread = conversation.unread;
    view! {
        <li class="card conversation" data-conversation=conversation.id.to_string() data-unread=unread.to_string()>
            <a href=format!("/messages/{}#reply", conversation.id)>{lang.fill(Msg::ConversationWith, &[("names", &with)])}</a>
            <p class="milestone-meta">
                {lang.t(conversation.kind.label())}
                {when.map(|w| format!(" · {w}"))}
            </p>
            {waiting_since.map(|since| view! {
                <p class="waiting">{lang.fill(Msg::WaitingSince, &[("time", &crate::local_time::written(lang, since))])}</p>
            })}
            {overdue.then(|| view! { <p class="overdue-mark">{lang.t(Msg::OverdueLabel)}</p> })}
            {(unread > 0).then(|| view! {
                <p class="unread">{super::unread_text(lang, unread)}</p>
            })}
        </li>
    }
}

#[component]
pub fn ThreadPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_route_id("conversation_id");
    let error = use_form_error();
    let before = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("before"));
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_thread(id, before).await {
                    Ok(thread) => view! { <Thread thread error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Thread(thread: ThreadView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    // A refused message comes back in the box, as typed.
    let echo = crate::form_echo::use_form_echo("reply");
    let kept = echo
        .as_ref()
        .and_then(|e| e.value("body"))
        .unwrap_or_default()
        .to_string();
    let error = error.or_else(|| echo.as_ref().and_then(|e| e.error_code()));
    let about_body = echo.is_some();
    let ThreadView {
        page,
        viewer_id,
        client_id,
        preferences,
    } = thread;
    let with = others(&page.conversation, viewer_id, lang);
    let heading = lang.fill(Msg::ConversationWith, &[("names", &with)]);
    let id = page.conversation.id;
    let empty = page.messages.is_empty();
    let earlier = page
        .older_cursor
        .map(|cursor| format!("/messages/{id}?before={cursor}"));
    let showing_newest = page.newer_cursor.is_none();
    view! {
        <leptos_meta::Title text=lang.t(Msg::MessagesTitle)/>
        <Page signed_in=true>
            <p><a href="/messages">{lang.t(Msg::AllConversations)}</a></p>
            <h1 id="page-title">{heading}</h1>
            <p>{lang.t(Msg::MessagesIntro)}</p>
            <crate::preferences::PreferencesCard members=preferences folded=true lang/>
            {page.conversation.stand_ins.iter().map(|s| {
                let until = crate::local_time::written_date(lang, &crate::local_time::local_date(s.until_at));
                let line = lang.fill(Msg::StandInNotice, &[("away", &s.away_name), ("until", &until), ("stand_in", &s.stand_in_name)]);
                view! { <p class="notice">{line}</p> }
            }).collect_view()}
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoMessagesYet)}</p> })}
            {earlier.map(|href| view! { <p class="earlier-messages"><a href=href>{lang.t(Msg::OlderMessages)}</a></p> })}
            <ol class="messages">
                {page.messages.into_iter().map(|m| view! { <MessageItem message=m viewer_id lang/> }).collect_view()}
            </ol>
            {(!showing_newest).then(|| view! {
                <p><a href=format!("/messages/{id}#reply")>{lang.t(Msg::NewestMessages)}</a></p>
            })}
            {showing_newest.then(|| view! { <LiveSettings conversation_id=Some(id) viewer_id labels=live_labels(lang)/> })}
            // Links into a conversation end in #reply: the page opens with the newest
            // messages above the reply box, both in view.
            <form class="stacked-form message-form" id="reply" method="post" action=format!("/messages/{id}/send")>
                <input type="hidden" name="client_id" value=client_id/>
                <label for="message-body">{lang.t(Msg::YourMessageLabel)}</label>
                <textarea id="message-body" name="body" rows="4" required maxlength="4000" aria-describedby="message-error"
                    aria-invalid=about_body.then_some("true") autofocus=about_body>{kept}</textarea>
                <p id="message-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
                <button type="submit" class="primary">{lang.t(Msg::SendButton)}</button>
            </form>
        </Page>
    }
}

#[component]
fn MessageItem(message: Message, viewer_id: i64, lang: Lang) -> impl IntoView {
    let own = message.sender_id == viewer_id;
    let sender = if own {
        lang.t(Msg::YouLabel).to_string()
    } else {
        message.sender_name.clone()
    };
    let meta = format!("{sender} · {}", crate::local_time::written(lang, message.sent_at));
    // The reader's id in the class lets live updates add a later receipt only once.
    let receipts: Vec<(String, String)> = message
        .read_by
        .iter()
        .map(|r| {
            let time = crate::local_time::written(lang, r.read_at);
            let line = lang.fill(Msg::ReadBy, &[("name", &r.display_name), ("time", &time)]);
            (format!("read-receipt read-{}", r.user_id), line)
        })
        .collect();
    view! {
        <li class="message" class:message-own=own id=format!("message-{}", message.id)>
            <p class="milestone-meta">{meta}</p>
            // Text, never markup: Leptos escapes it, and CSS keeps the line breaks.
            <p class="message-body" lang=message.lang.code() dir="auto">{message.body.clone()}</p>
            {receipts.into_iter().map(|(class, line)| view! { <p class=class>{line}</p> }).collect_view()}
        </li>
    }
}

fn live_labels(lang: Lang) -> LiveLabels {
    LiveLabels {
        you: lang.t(Msg::YouLabel).to_string(),
        read_by: lang.t(Msg::ReadBy).to_string(),
        unread: crate::i18n::PluralMsg::UnreadCount.all_forms(lang),
        #[cfg(feature = "ssr")]
        unread_forms: crate::i18n::form_indexes(lang),
        #[cfg(not(feature = "ssr"))]
        unread_forms: String::new(),
        title: lang.t(Msg::MessagesTitle).to_string(),
        today: {
            // Pages render on the server only (islands); the browser reads this attribute.
            #[cfg(feature = "ssr")]
            let now = crate::db::now();
            #[cfg(not(feature = "ssr"))]
            let now = 0;
            let today = crate::local_time::local_date(now);
            format!("{today}|{}", crate::local_time::written_date(lang, &today))
        },
    }
}

/// Colleagues' conversations in the worker's cases that are past their promise: who and
/// since when, never what.
#[component]
fn OverdueElsewhere(notices: Vec<OverdueNotice>, lang: Lang) -> impl IntoView {
    view! {
        <section class="card overdue" aria-labelledby="overdue-elsewhere">
            <h2 id="overdue-elsewhere">{lang.t(Msg::OverdueElsewhereTitle)}</h2>
            <ul>
                {notices.into_iter().map(|n| {
                    let line = lang.fill(Msg::OverdueNoticeLine, &[
                        ("names", &n.members.join(", ")),
                        ("name", &n.participant_name),
                        ("time", &crate::local_time::written(lang, n.waiting_since)),
                    ]);
                    view! { <li>{line}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
