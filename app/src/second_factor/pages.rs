use super::{load_second_factor, Enrolment, SecondFactorStep, RECOVERY_CODES_COOKIE};
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, ErrorNotice, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/signin/second-factor`: the code after the password, the same code again before a
/// sensitive action, or the setup of an authenticator app where one is still missing.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let lang = use_lang();
    let error = use_form_error().map(|code| lang.t(code.message()));
    // Only a path on this site: the form never sends anyone elsewhere.
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .filter(|n| super::is_local_path(n))
        .unwrap_or_else(|| "/".to_string());
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new({
                let next = next.clone();
                async move {
                    match load_second_factor().await {
                        Ok(SecondFactorStep::Verify { step_up, passkey }) => view! { <Verify step_up passkey error next lang/> }.into_any(),
                        Ok(SecondFactorStep::Enrol(enrolment)) => view! { <Enrol enrolment error lang/> }.into_any(),
                        Err(error) => view! { <Page><ErrorNotice error/></Page> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Verify(step_up: bool, passkey: bool, error: Option<&'static str>, next: String, lang: Lang) -> impl IntoView {
    let intro = if step_up {
        Msg::ErrStepUpRequired
    } else {
        Msg::SecondFactorIntro
    };
    let passkey_next = next.clone();
    view! {
        <leptos_meta::Title text=lang.t(Msg::SecondFactorTitle)/>
        <Page signed_in=step_up>
            <h1 id="page-title">{lang.t(Msg::SecondFactorTitle)}</h1>
            <p>{lang.t(intro)}</p>
            <form id="second-factor-form" class="stacked-form" method="post" action="/signin/second-factor">
                <p id="second-factor-error" class="form-error" role="alert">{error}</p>
                <input type="hidden" name="next" value=next/>
                <label for="second-factor-code">{lang.t(Msg::SecondFactorCodeLabel)}</label>
                <input id="second-factor-code" name="code" type="text" autocomplete="one-time-code"
                    autocapitalize="characters" spellcheck="false" required maxlength="12"
                    aria-describedby="second-factor-error" dir="ltr"/>
                <button type="submit" class="primary">{lang.t(Msg::ConfirmButton)}</button>
            </form>
            {passkey.then(|| view! {
                <p>
                    <button type="button" id="passkey-use" data-next=passkey_next.clone() data-failed=lang.t(Msg::ErrPasskeyRefused) hidden>
                        {lang.t(Msg::PasskeyUseButton)}
                    </button>
                </p>
                <PasskeyScript/>
            })}
        </Page>
    }
}

/// The two passkey ceremonies, in the browser: signing with a passkey (the second-factor
/// page's `#passkey-use` button) and making a new one (the settings page's
/// `#passkey-add-form`). Passkeys need JavaScript, so both stay hidden until this script
/// shows them; without it the code from the app still works. The server's options carry
/// binary values as base64url, which the browser's API takes as bytes.
const PASSKEY_SCRIPT: &str = r#"(function(){if(!window.PublicKeyCredential||!navigator.credentials)return;
function b64(b){var s="",a=new Uint8Array(b);for(var i=0;i<a.length;i++)s+=String.fromCharCode(a[i]);return btoa(s).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}
function bytes(t){var p="=".repeat((4-t.length%4)%4),r=atob((t+p).replace(/-/g,"+").replace(/_/g,"/"));return Uint8Array.from(r,function(c){return c.charCodeAt(0)})}
function ids(l){(l||[]).forEach(function(c){c.id=bytes(c.id)})}
function post(u,body){return fetch(u,{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(body||{})}).then(function(r){return r.json().then(function(j){if(!r.ok)throw j;return j},function(){if(!r.ok)throw{};return{}})})}
var use=document.getElementById("passkey-use");
if(use){use.hidden=false;use.addEventListener("click",function(){var out=document.getElementById("second-factor-error");
post("/signin/passkey/challenge").then(function(o){var k=o.publicKey;k.challenge=bytes(k.challenge);ids(k.allowCredentials);return navigator.credentials.get({publicKey:k})})
.then(function(c){var r=c.response;return post("/signin/passkey",{next:use.dataset.next,credential:{id:c.id,rawId:b64(c.rawId),type:c.type,extensions:{},
response:{authenticatorData:b64(r.authenticatorData),clientDataJSON:b64(r.clientDataJSON),signature:b64(r.signature),userHandle:r.userHandle?b64(r.userHandle):null}}})})
.then(function(a){location.assign(a.next)},function(){out.textContent=use.dataset.failed})})}
var add=document.getElementById("passkey-add-form");
if(add){add.hidden=false;add.addEventListener("submit",function(e){e.preventDefault();var out=document.getElementById("passkey-status"),name=add.elements.name.value;
post("/settings/passkeys/challenge").then(function(o){var k=o.publicKey;k.challenge=bytes(k.challenge);k.user.id=bytes(k.user.id);ids(k.excludeCredentials);return navigator.credentials.create({publicKey:k})})
.then(function(c){var r=c.response;return post("/settings/passkeys",{name:name,credential:{id:c.id,rawId:b64(c.rawId),type:c.type,extensions:c.getClientExtensionResults(),
response:{attestationObject:b64(r.attestationObject),clientDataJSON:b64(r.clientDataJSON),transports:r.getTransports?r.getTransports():null}}})})
.then(function(){location.assign("/settings?saved=passkey")},function(j){if(j&&j.error&&j.error.code==="step_up_required"){location.assign("/signin/second-factor?next=/settings");return}out.textContent=add.dataset.failed})})}})();"#;

#[component]
pub fn PasskeyScript() -> impl IntoView {
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    view! { <script nonce=nonce inner_html=PASSKEY_SCRIPT></script> }
}

#[component]
fn Enrol(enrolment: Enrolment, error: Option<&'static str>, lang: Lang) -> impl IntoView {
    view! {
        <leptos_meta::Title text=lang.t(Msg::EnrolTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::EnrolTitle)}</h1>
            <p>{lang.t(Msg::EnrolIntro)}</p>
            // The SVG is made on the server from the setup address, never from input.
            <div class="setup-qr" role="img" aria-label=lang.t(Msg::EnrolTitle) inner_html=enrolment.qr_svg></div>
            <p>{lang.t(Msg::EnrolKeyLabel)} ": " <code id="setup-key" class="setup-key" dir="ltr">{enrolment.key}</code></p>
            <form id="enrol-form" class="stacked-form" method="post" action="/signin/enrol">
                <p id="enrol-error" class="form-error" role="alert">{error}</p>
                <label for="enrol-code">{lang.t(Msg::SecondFactorCodeLabel)}</label>
                <input id="enrol-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                    required maxlength="6" aria-describedby="enrol-error" dir="ltr"/>
                <button type="submit" class="primary">{lang.t(Msg::ConfirmButton)}</button>
            </form>
        </Page>
    }
}

/// The recovery codes this request carries, taken out of their cookie: shown once.
fn take_recovery_codes() -> Vec<String> {
    #[cfg(feature = "ssr")]
    {
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Vec::new();
        };
        let Some(value) = crate::web::cookie(&parts.headers, RECOVERY_CODES_COOKIE) else {
            return Vec::new();
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let clear =
                format!("{RECOVERY_CODES_COOKIE}=; Path=/signin/recovery-codes; Max-Age=0; HttpOnly; SameSite=Strict");
            if let Ok(clear) = http::HeaderValue::from_str(&clear) {
                response.append_header(http::header::SET_COOKIE, clear);
            }
        }
        // Only what is shaped like a code is shown: this page never echoes other text.
        value
            .split('.')
            .filter(|c| {
                c.len() == 9
                    && c.chars()
                        .enumerate()
                        .all(|(i, ch)| if i == 4 { ch == '-' } else { ch.is_ascii_alphanumeric() })
            })
            .map(str::to_string)
            .collect()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = RECOVERY_CODES_COOKIE;
        Vec::new()
    }
}

#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let lang = use_lang();
    let codes = take_recovery_codes();
    view! {
        <leptos_meta::Title text=lang.t(Msg::RecoveryCodesTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::RecoveryCodesTitle)}</h1>
            <p>{lang.t(Msg::RecoveryCodesIntro)}</p>
            <ol id="recovery-codes" class="recovery-codes" lang="en" dir="ltr">
                {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ol>
            <p><a href="/">{lang.t(Msg::BackHome)}</a></p>
        </Page>
    }
}
