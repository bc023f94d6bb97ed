use super::{load_settings, SettingsView, TextSize};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, ErrorNotice, Page};
use crate::reminders::RemindWhen;
use crate::second_factor::{PasskeyScript, PasskeySummary};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let lang = use_lang();
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_settings().await {
                    Ok(view) => view! { <Settings view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The errors the password form can end in: shown beside it, not at the top of the page.
fn is_about_the_password(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::WrongPassword
            | ErrorCode::PasswordTooShort
            | ErrorCode::PasswordTooLong
            | ErrorCode::PasswordTooCommon
            | ErrorCode::TooManyAttempts
    )
}

#[component]
fn Settings(view: SettingsView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let (password_error, error) = match error {
        Some(code) if is_about_the_password(code) => (Some(code), None),
        other => (None, other),
    };
    let saved = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("saved"));
    let password_changed = saved.as_deref() == Some("password");
    let passkey_added = saved.as_deref() == Some("passkey");
    view! {
        <leptos_meta::Title text=lang.t(Msg::SettingsTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::SettingsTitle)}</h1>
            {view.second_factor.is_none().then(|| view! {
                <p><a href="/preferences">{lang.t(Msg::PreferencesTitle)}</a></p>
            })}
            <p id="settings-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            <form class="stacked-form card" method="post" action="/settings">
                <fieldset>
                    <legend>{lang.t(Msg::TextSizeLegend)}</legend>
                    {TextSize::ALL.iter().map(|size| {
                        let id = format!("text-size-{}", size.as_str());
                        view! {
                            <label class="choice" for=id.clone()>
                                <input type="radio" id=id.clone() name="text_size" value=size.as_str()
                                    checked=view.text_size == *size/>
                                <span>{lang.t(size.label())}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{lang.t(Msg::LeaveQuickly)}</legend>
                    <p>{lang.t(Msg::QuickExitExplained)}</p>
                    <p class="keyboard-hint">{lang.t(Msg::QuickExitEscapeHint)}</p>
                    <label class="choice" for="quick-exit-signs-out">
                        <input type="checkbox" id="quick-exit-signs-out" name="quick_exit_signs_out"
                            checked=view.quick_exit_signs_out/>
                        <span>{lang.t(Msg::QuickExitSignsOutLabel)}</span>
                    </label>
                </fieldset>
                {view.reminders.map(|chosen| view! { <ReminderChoice chosen lang/> })}
                <fieldset>
                    <legend>{lang.t(Msg::OwnPhoneLegend)}</legend>
                    <p>{lang.t(Msg::OwnPhoneExplained)}</p>
                    <label class="choice" for="own-phone">
                        <input type="checkbox" id="own-phone" name="own_phone" checked=view.own_phone/>
                        <span>{lang.t(Msg::OwnPhoneLabel)}</span>
                    </label>
                </fieldset>
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
            <Notifications push_key=view.push_key lang/>
            <PasswordChange error=password_error changed=password_changed lang/>
            {view.second_factor.map(|on| {
                let passkeys = view.passkeys.clone();
                view! { <SecondFactorStatus on passkeys added=passkey_added lang/> }
            })}
            <MyData lang/>
            <crate::erasure::ErasureChoice request=view.erasure lang/>
        </Page>
    }
}

/// A copy of everything Brug keeps about the person: to read and print, or as a file.
#[component]
fn MyData(lang: Lang) -> impl IntoView {
    view! {
        <section class="card" id="my-data" aria-labelledby="my-data-title">
            <h2 id="my-data-title">{lang.t(Msg::MyDataSettingsTitle)}</h2>
            <p>{lang.t(Msg::MyDataSettingsIntro)}</p>
            <ul>
                <li><a href="/settings/my-data">{lang.t(Msg::MyDataReadLink)}</a></li>
                <li><a href="/settings/my-data.json" download="">{lang.t(Msg::MyDataDownloadLink)}</a></li>
            </ul>
        </section>
    }
}

/// When appointments are reminded of, for the people they are about.
#[component]
fn ReminderChoice(chosen: RemindWhen, lang: Lang) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{lang.t(Msg::RemindLegend)}</legend>
            <p id="remind-explained">{lang.t(Msg::RemindExplained)}</p>
            {RemindWhen::ALL.iter().map(|when| {
                let id = format!("remind-{}", when.as_str());
                view! {
                    <label class="choice" for=id.clone()>
                        <input type="radio" id=id.clone() name="remind_appointments" value=when.as_str()
                            checked=chosen == *when aria-describedby="remind-explained"/>
                        <span>{lang.t(when.label())}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Changing one's own password: the current one first, then the new one.
#[component]
fn PasswordChange(error: Option<ErrorCode>, changed: bool, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" id="password" aria-labelledby="password-title">
            <h2 id="password-title">{lang.t(Msg::ChangePasswordTitle)}</h2>
            <p>{lang.t(Msg::ChangePasswordIntro)}</p>
            {changed.then(|| view! { <p class="notice" role="status">{lang.t(Msg::PasswordChangedNotice)}</p> })}
            <form class="stacked-form" method="post" action="/settings/password">
                <p id="password-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
                <label for="current-password">{lang.t(Msg::CurrentPasswordLabel)}</label>
                <input id="current-password" name="current_password" type="password" autocomplete="current-password"
                    required aria-describedby="password-error"/>
                <label for="new-password">{lang.t(Msg::NewPasswordLabel)}</label>
                <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                    required minlength="8" maxlength="128" aria-describedby="password-hint password-error"/>
                <p id="password-hint" class="hint">{lang.t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary">{lang.t(Msg::ChangePasswordButton)}</button>
            </form>
        </section>
    }
}

/// Staff see whether their second factor is on, and set it up when it is not.
#[component]
fn SecondFactorStatus(on: bool, passkeys: Vec<PasskeySummary>, added: bool, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" id="second-factor" aria-labelledby="second-factor-title">
            <h2 id="second-factor-title">{lang.t(Msg::SecondFactorTitle)}</h2>
            {if on {
                view! {
                    <p>{lang.t(Msg::SecondFactorOn)}</p>
                    <Passkeys passkeys added lang/>
                }.into_any()
            } else {
                view! {
                    <p>{lang.t(Msg::SecondFactorOff)}</p>
                    <p><a href="/signin/second-factor">{lang.t(Msg::EnrolTitle)}</a></p>
                }.into_any()
            }}
        </section>
    }
}

/// The person's passkeys, each with a button to remove it, and a form to add one (shown
/// by the script where the browser can make passkeys).
#[component]
fn Passkeys(passkeys: Vec<PasskeySummary>, added: bool, lang: Lang) -> impl IntoView {
    let empty = passkeys.is_empty();
    view! {
        <h3 id="passkeys-title">{lang.t(Msg::PasskeysTitle)}</h3>
        <p>{lang.t(Msg::PasskeysIntro)}</p>
        <p id="passkey-status" role="status">{added.then(|| lang.t(Msg::PasskeyAdded))}</p>
        {empty.then(|| view! { <p>{lang.t(Msg::PasskeysNone)}</p> })}
        <ul id="passkeys" class="plain-list">
            {passkeys.into_iter().map(|p| {
                let action = format!("/settings/passkeys/{}/remove", p.id);
                let added_on = lang.fill(Msg::PasskeyAddedOn, &[("time", &crate::local_time::written(lang, p.created_at))]);
                let used_on = p.last_used_at.map(|at| lang.fill(Msg::PasskeyUsedOn, &[("time", &crate::local_time::written(lang, at))]));
                view! {
                    <li>
                        <strong>{p.name}</strong> " · " {added_on}
                        {used_on.map(|u| view! { " · " {u} })}
                        <form method="post" action=action class="inline-form">
                            <button type="submit" class="link-button">{lang.t(Msg::PasskeyRemoveButton)}</button>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ul>
        <form id="passkey-add-form" class="stacked-form" data-failed=lang.t(Msg::ErrPasskeyRefused) hidden>
            <label for="passkey-name">{lang.t(Msg::PasskeyNameLabel)}</label>
            <input id="passkey-name" name="name" type="text" required maxlength="60"/>
            <button type="submit">{lang.t(Msg::PasskeyAddButton)}</button>
        </form>
        <PasskeyScript/>
    }
}

/// Asks this browser for notifications and registers it. It needs JavaScript, so the
/// button stays hidden until the script shows it; the notifications only ever say that
/// something new is there.
const ALLOW_SCRIPT: &str = r#"(function(){var b=document.getElementById("push-allow"),s=document.getElementById("push-status");
if(!b||!("serviceWorker"in navigator)||!("PushManager"in window))return;b.hidden=false;
function key(k){var p="=".repeat((4-k.length%4)%4),r=atob((k+p).replace(/-/g,"+").replace(/_/g,"/"));
return Uint8Array.from(r,function(c){return c.charCodeAt(0)})}
b.addEventListener("click",function(){Notification.requestPermission().then(function(p){
if(p!=="granted"){s.textContent=s.dataset.refused;return}
return navigator.serviceWorker.ready.then(function(r){return r.pushManager.subscribe({userVisibleOnly:true,applicationServerKey:key(b.dataset.key)})})
.then(function(sub){return fetch("/push/subscriptions",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(sub)})})
.then(function(r){s.textContent=r.ok?s.dataset.on:s.dataset.failed})}).catch(function(){s.textContent=s.dataset.failed})})})();"#;

#[component]
fn Notifications(push_key: String, lang: Lang) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    view! {
        <section class="card" aria-labelledby="notifications-title">
            <h2 id="notifications-title">{lang.t(Msg::NotificationsTitle)}</h2>
            <p>{lang.t(Msg::NotificationsExplained)}</p>
            <button type="button" id="push-allow" data-key=push_key hidden>{lang.t(Msg::NotificationsAllow)}</button>
            <p id="push-status" role="status" data-on=lang.t(Msg::NotificationsOn)
                data-refused=lang.t(Msg::NotificationsRefused) data-failed=lang.t(Msg::NotificationsFailed)></p>
            <script nonce=nonce inner_html=ALLOW_SCRIPT></script>
        </section>
    }
}

/// What the service worker shows when there is no connection and nothing was kept.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <leptos_meta::Title text=lang.t(Msg::OfflineTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::OfflineTitle)}</h1>
            <p class="notice">{lang.t(Msg::OfflineText)}</p>
            <p><a href="/">{lang.t(Msg::TryAgain)}</a></p>
        </Page>
    }
}
