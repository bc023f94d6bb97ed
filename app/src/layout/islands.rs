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

/// Loads the WebAssembly after the page is idle, only when the page has islands.
#[component]
pub fn IslandLoader() -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce src="/pkg/loader.js"></script> }
}
