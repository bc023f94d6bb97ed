//! "Read aloud" for the longer texts: a button that the browser's speech synthesis reads
//! a part of the page with (see `frontend/speech`). It stays hidden until a script has
//! seen that the browser can speak, and the speech module is fetched on the first press,
//! so the button costs a first visit almost nothing.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// Reads the element with the id `target` aloud. Repeating the script tag on a page is
/// harmless: a module script runs once per page.
#[component]
pub fn ReadAloud(target: String, lang: Lang) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let assets = crate::assets::use_assets();
    view! {
        <button type="button" class="read-aloud" data-read-aloud=target aria-pressed="false" hidden>
            {lang.t(Msg::ReadAloud)}
        </button>
        <script
            type="module"
            nonce=nonce
            src=assets.speech_loader
            data-speech-script=assets.speech_script
            data-speech-wasm=assets.speech_wasm
        ></script>
    }
}
