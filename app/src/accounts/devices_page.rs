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
            <p>{lang.fill(Msg::SignedInSince, &[("time", &format_time(device.created_at))])}</p>
            <p>{lang.fill(Msg::LastActive, &[("time", &format_time(device.last_seen_at))])}</p>
            <form method="post" action=format!("/devices/{}/signout", device.id)>
                <button type="submit">{lang.t(Msg::SignOutDevice)}</button>
            </form>
        </li>
    }
}

/// A UTC date and time, written the same way in every language (YYYY-MM-DD HH:MM).
pub fn format_time(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let seconds = unix.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_written_as_utc_dates() {
        assert_eq!(super::format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::format_time(1_795_872_000), "2026-11-28 13:20 UTC");
    }
}
