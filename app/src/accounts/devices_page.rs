use super::{load_devices, DeviceSession};
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn DevicesPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <leptos_meta::Title text=lang.t(Msg::DevicesTitle)/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_devices().await {
                    Ok(list) => view! {
                        <Page signed_in=true>
                            <h1 id="page-title">{lang.t(Msg::DevicesTitle)}</h1>
                            <p>{lang.t(Msg::DevicesIntro)}</p>
                            <ul class="device-list">
                                {list.into_iter().map(|d| view! { <DeviceItem device=d lang=lang/> }).collect_view()}
                            </ul>
                            <form method="post" action="/devices/signout-all">
                                <button type="submit">{lang.t(Msg::SignOutEverywhere)}</button>
                            </form>
                        </Page>
                    }.into_any(),
                    Err(error) => view! { <Page><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DeviceItem(device: DeviceSession, lang: Lang) -> impl IntoView {
    let name = if device.device_name.is_empty() {
        lang.t(Msg::WebBrowser).to_string()
    } else {
        device.device_name.clone()
    };
    view! {
        <li class="device card">
            <p class="device-name">
                <strong>{name}</strong>
                {device.current.then(|| view! { " — " {lang.t(Msg::ThisDevice)} })}
            </p>
            <p>{lang.fill(Msg::SignedInSince, &[("time", &crate::local_time::written(lang, device.created_at))])}</p>
            <p>{lang.fill(Msg::LastActive, &[("time", &crate::local_time::written(lang, device.last_seen_at))])}</p>
            <form method="post" action=format!("/devices/{}/signout", device.id)>
                <button type="submit">{lang.t(Msg::SignOutDevice)}</button>
            </form>
        </li>
    }
}

/// A UTC date and time (YYYY-MM-DD HH:MM UTC): for what machines read, such as a
/// calendar file's stamp. Pages write times with [`crate::local_time::format_local`].
pub fn format_time(unix: i64) -> String {
    format!("{} UTC", crate::local_time::civil(unix))
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_written_as_utc_dates() {
        assert_eq!(super::format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::format_time(1_795_872_000), "2026-11-28 13:20 UTC");
    }
}
