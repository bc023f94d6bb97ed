//! Leaving quickly, on every page and before any WebAssembly: the "Leave quickly" link,
//! and a small inline script that replaces the page with a neutral one (so Back does not
//! return to it), asks the server to sign out (the person's setting decides), and
//! answers Escape pressed three times. When Back still reaches a Brug page of this tab
//! after a quick exit, the script hides it at once and leaves again. Without JavaScript
//! the link goes to `/leave`, which does the same on the server. The same script registers
//! the service worker, and a quick exit also deletes what "my own phone" kept offline.

use crate::i18n::Msg;
use leptos::prelude::*;

pub(crate) const SCRIPT: &str = r#"(function(){var d=document.currentScript.dataset,u=d.exit,k="brug-left",t=[];
function go(){try{sessionStorage.setItem(k,"1");caches.delete("brug-own-phone")}catch(e){}
try{navigator.sendBeacon("/leave")}catch(e){}location.replace(u)}
function again(){try{if(sessionStorage.getItem(k)){document.documentElement.style.visibility="hidden";location.replace(u)}}catch(e){}}
var n=performance.getEntriesByType&&performance.getEntriesByType("navigation")[0];
if(n&&n.type==="back_forward"){again()}else{try{sessionStorage.removeItem(k)}catch(e){}}
addEventListener("pageshow",function(e){if(e.persisted)again()});
addEventListener("keydown",function(e){if(e.key!=="Escape")return;var now=Date.now();
t=t.filter(function(x){return now-x<3000});t.push(now);if(t.length>=3)go()});
addEventListener("click",function(e){var a=e.target.closest&&e.target.closest("[data-quick-exit]");
if(a){e.preventDefault();go()}});
if("serviceWorker"in navigator)navigator.serviceWorker.register("/sw.js").catch(function(){})})();"#;

/// The script, in the document's head so it runs before anything else of the page.
#[component]
pub fn QuickExitScript(neutral_url: String) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    view! { <script nonce=nonce data-exit=neutral_url inner_html=SCRIPT></script> }
}

#[component]
pub fn QuickExitLink() -> impl IntoView {
    let lang = super::use_lang();
    view! {
        <a class="quick-exit" href="/leave" data-quick-exit="" rel="nofollow">{lang.t(Msg::LeaveQuickly)}</a>
    }
}
