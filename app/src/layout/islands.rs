//! The only WebAssembly Brug ships: an island that enhances plain forms, and the loader
//! that fetches it on pages that have one. Pages without islands load no script at all.

use leptos::prelude::*;

/// Wraps server-rendered forms. Without WebAssembly they post and redirect as usual.
/// Once hydrated, a form posts with `fetch`; an error code in the answer is shown in the
/// form's `role="alert"` element using the translation in its `data-<code>` attribute,
/// and success follows the answer's `redirect`.
#[island]
pub fn EnhancedForms(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            crate::enhance::mark_enhanced(&root);
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        crate::enhance::submit(event);
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! { <div class="enhanced-forms" node_ref=root on:submit=on_submit>{children()}</div> }
}

/// What the live updates need to know, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveLabels {
    /// How the viewer's own messages are signed ("You").
    pub you: String,
    /// "Read by {name} · {time}".
    pub read_by: String,
    /// "{count} new" in its six plural forms, joined by `|`.
    pub unread: String,
    /// Which of those forms each number from 1 to 99 takes, one digit each.
    pub unread_forms: String,
    /// The page title, to which the unread number is put in front.
    pub title: String,
    /// Today as `YYYY-MM-DD|15 december 2026`, to write the time of what arrives live the
    /// way the page writes its times.
    pub today: String,
}

/// Keeps the messages pages current without a reload: a new message appears in the open
/// thread, read receipts and unread counts update, and the title carries the unread
/// number (only the number). Without WebAssembly the pages are simply as rendered.
/// It takes no props (props would bring a JSON parser into the WebAssembly): what it
/// needs is on the page, in `LiveSettings`' data attributes.
#[island]
pub fn LiveMessages() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| crate::live_client::start());
    view! { <span class="live-messages" hidden></span> }
}

/// The live updates' settings, written into the page for `LiveMessages` to read.
#[component]
pub fn LiveSettings(conversation_id: Option<i64>, viewer_id: i64, labels: LiveLabels) -> impl IntoView {
    view! {
        <span
            id="live-settings"
            hidden
            data-conversation=conversation_id.map(|id| id.to_string()).unwrap_or_default()
            data-viewer=viewer_id.to_string()
            data-you=labels.you
            data-read-by=labels.read_by
            data-unread=labels.unread
            data-unread-forms=labels.unread_forms
            data-title=labels.title
            data-today=labels.today
        ></span>
        <LiveMessages/>
        <IslandLoader/>
    }
}

/// Loads the WebAssembly after the page is idle, only when the page has islands.
#[component]
pub fn IslandLoader() -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let assets = crate::assets::use_assets();
    view! {
        <script type="module" nonce=nonce src=assets.loader data-brug-script=assets.script data-brug-wasm=assets.wasm></script>
    }
}
