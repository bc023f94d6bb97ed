//! The viewer's own messaging settings on the messages page: workers set an away period
//! with a stand-in; participants and family choose whether others see when they read.

use super::MessageSettings;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn Settings(settings: MessageSettings, is_worker: bool, lang: Lang) -> impl IntoView {
    let MessageSettings {
        colleagues,
        away,
        sends_read_receipts,
    } = settings;
    view! {
        <section class="card" aria-labelledby="message-settings">
            <h2 id="message-settings">{lang.t(Msg::MessageSettingsTitle)}</h2>
            {if is_worker {
                match away {
                    Some((until, stand_in)) => view! {
                        <p>{lang.fill(Msg::YouAreAway, &[("until", &crate::local_time::written_date(lang, &until)), ("stand_in", &stand_in)])}</p>
                        <form method="post" action="/messages/away/end">
                            <button type="submit">{lang.t(Msg::BackFromAway)}</button>
                        </form>
                    }.into_any(),
                    None => view! {
                        <form class="stacked-form" method="post" action="/messages/away">
                            <label for="away-until">{lang.t(Msg::AwayUntilLabel)}</label>
                            <input id="away-until" name="until" type="date" required/>
                            <label for="away-stand-in">{lang.t(Msg::StandInChoiceLabel)}</label>
                            <select id="away-stand-in" name="stand_in_id">
                                {colleagues.into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string()>{name}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit">{lang.t(Msg::SaveButton)}</button>
                        </form>
                    }.into_any(),
                }
            } else {
                view! {
                    <form class="stacked-form" method="post" action="/messages/read-receipts">
                        <label class="choice">
                            <input type="checkbox" name="send" value="on" checked=sends_read_receipts/>
                            <span>{lang.t(Msg::SendReadReceiptsLabel)}</span>
                        </label>
                        <button type="submit">{lang.t(Msg::SaveButton)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
