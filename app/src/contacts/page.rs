use super::{load_contacts, Contact, ContactKind, ContactsView};
use crate::error::ErrorCode;
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, use_saved, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_contacts(case_id).await {
                    Ok(view) => view! { <WhoIsWho view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WhoIsWho(view: ContactsView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let ContactsView { contacts, may_edit, .. } = view;
    let case_id = contacts.case_id;
    let empty = contacts.contacts.is_empty();
    view! {
        <leptos_meta::Title text=lang.t(Msg::ContactsTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::ContactsTitle)}</h1>
            <p>{crate::i18n::Reader::new(contacts.reader == crate::circle::MemberKind::Participant, &contacts.participant_name)
                .say(lang, Msg::ContactsIntroOwn, Msg::ContactsIntro)}</p>
            <p id="contacts-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoContactsYet)}</p> })}
            <ul class="contacts">
                {contacts.contacts.into_iter().map(|c| view! { <ContactCard contact=c may_edit lang/> }).collect_view()}
            </ul>
            {may_edit.then(|| view! { <AddContactForm case_id lang/> })}
        </Page>
    }
}

#[component]
fn ContactCard(contact: Contact, may_edit: bool, lang: Lang) -> impl IntoView {
    let heading = format!("contact-{}", contact.id);
    let subtitle = if contact.organisation.is_empty() {
        contact.role.clone()
    } else {
        format!("{} · {}", contact.role, contact.organisation)
    };
    // What the worker wrote, in its own language and direction; the labels in the page's.
    let content = contact.lang.code();
    let fact = move |label: Msg, value: &str| {
        (!value.is_empty())
            .then(|| view! { <dt>{lang.t(label)}</dt><dd lang=content dir="auto">{value.to_string()}</dd> })
    };
    let phone_link = (!contact.phone.is_empty()).then(|| {
        let dial: String = contact
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        view! { <dt>{lang.t(Msg::PhoneLabel)}</dt><dd><a href=format!("tel:{dial}") dir="ltr" class="phone">{contact.phone.clone()}</a></dd> }
    });
    view! {
        <li class="card contact" id=heading.clone() aria-labelledby=format!("{heading}-name")>
            <h2 id=format!("{heading}-name") dir="auto">{contact.name.clone()}</h2>
            <p class="milestone-meta">{lang.t(contact.kind.label())}" — "<span lang=content dir="auto">{subtitle}</span></p>
            <dl class="milestone-facts">
                {fact(Msg::WhyInvolvedLabel, &contact.why_involved)}
                {fact(Msg::DecidesLabel, &contact.decides)}
                {phone_link}
                {fact(Msg::OfficeHoursLabel, &contact.office_hours)}
                {fact(Msg::LanguagesLabel, &contact.languages)}
                {fact(Msg::StandInLabel, &contact.stand_in)}
            </dl>
            {may_edit.then(|| view! { <ChangeContactForm contact=contact.clone() lang/> })}
        </li>
    }
}

/// The fields a worker fills in, with the values of `contact` when changing one, or what
/// she typed when the form was refused.
#[component]
fn ContactFields(prefix: String, contact: Option<Contact>, kept: Kept, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let error_id = id("error");
    let value = |name: &str, pick: fn(&Contact) -> &String| {
        kept.value(name)
            .or_else(|| contact.as_ref().map(|c| pick(c).clone()))
            .unwrap_or_default()
    };
    let kind = kept
        .value("kind")
        .and_then(|k| ContactKind::parse(&k))
        .or(contact.as_ref().map(|c| c.kind));
    view! {
        <p id=error_id class="form-error" role="alert">{kept.error(lang)}</p>
        <label for=id("kind")>{lang.t(Msg::ContactKindLabel)}</label>
        <select id=id("kind") name="kind">
            {ContactKind::ALL.iter().map(|k| view! {
                <option value=k.as_str() selected=Some(*k) == kind>{lang.t(k.label())}</option>
            }).collect_view()}
        </select>
        <label for=id("name")>{lang.t(Msg::NameLabel)}</label>
        <input id=id("name") name="name" type="text" required maxlength="120" value=value("name", |c| &c.name)/>
        <label for=id("organisation")>{lang.t(Msg::OrganisationLabel)}</label>
        <input id=id("organisation") name="organisation" type="text" maxlength="120" value=value("organisation", |c| &c.organisation)/>
        <label for=id("role")>{lang.t(Msg::RoleInWordsLabel)}</label>
        <input id=id("role") name="role" type="text" required maxlength="120" value=value("role", |c| &c.role)/>
        <label for=id("why")>{lang.t(Msg::WhyInvolvedLabel)}</label>
        <textarea id=id("why") name="why_involved" rows="2" required maxlength="1000">{value("why_involved", |c| &c.why_involved)}</textarea>
        <label for=id("decides")>{lang.t(Msg::DecidesLabel)}</label>
        <textarea id=id("decides") name="decides" rows="2" maxlength="1000">{value("decides", |c| &c.decides)}</textarea>
        <label for=id("phone")>{lang.t(Msg::PhoneLabel)}</label>
        <input id=id("phone") name="phone" type="tel" maxlength="40" value=value("phone", |c| &c.phone)/>
        <label for=id("hours")>{lang.t(Msg::OfficeHoursLabel)}</label>
        <input id=id("hours") name="office_hours" type="text" maxlength="200" value=value("office_hours", |c| &c.office_hours)/>
        <label for=id("languages")>{lang.t(Msg::LanguagesLabel)}</label>
        <input id=id("languages") name="languages" type="text" maxlength="200" value=value("languages", |c| &c.languages)/>
        <label for=id("stand-in")>{lang.t(Msg::StandInLabel)}</label>
        <input id=id("stand-in") name="stand_in" type="text" maxlength="200" value=value("stand_in", |c| &c.stand_in)/>
    }
}

#[component]
fn ChangeContactForm(contact: Contact, lang: Lang) -> impl IntoView {
    let action = format!("/cases/{}/contacts/{}", contact.case_id, contact.id);
    let prefix = format!("contact-{}", contact.id);
    let form = format!("{prefix}-form");
    let kept = Kept::of(&form);
    let (saved, open) = (use_saved(&form), kept.is_back());
    view! {
        {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
        <details class="worker-tools" open=open>
            <summary>{lang.t(Msg::ChangeContactTitle)}</summary>
            <form class="stacked-form" id=form method="post" action=action>
                <ContactFields prefix contact=Some(contact) kept lang/>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}

#[component]
fn AddContactForm(case_id: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="add-contact">
            <h2 id="add-contact">{lang.t(Msg::AddContactTitle)}</h2>
            <form class="stacked-form" id="new-contact-form" method="post" action=format!("/cases/{case_id}/contacts/new")>
                <ContactFields prefix="new-contact".to_string() contact=None kept=Kept::of("new-contact-form") lang/>
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}
