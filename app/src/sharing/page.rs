use super::{load_sharing, Category, FamilySharing, SharingView};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn SharingPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_sharing(case_id).await {
                    Ok(view) => view! { <SharingList view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SharingList(view: SharingView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let SharingView {
        sharing,
        may_share,
        may_restrict,
    } = view;
    // Only the participant decides what her family sees.
    let reader = crate::i18n::Reader::new(may_share, &sharing.participant_name);
    let title = reader.say(lang, Msg::SharingTitle, Msg::SharingTitleOther);
    let empty = sharing.family.is_empty();
    let case_id = sharing.case_id;
    let participant_name = sharing.participant_name.clone();
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            <p>{reader.say(lang, Msg::SharingIntro, Msg::SharingIntroOther)}</p>
            <p><a href=format!("/cases/{case_id}/circle-requests")>{reader.say(lang, Msg::CircleRequestsTitle, Msg::CircleRequestsTitleOther)}</a></p>
            <p id="sharing-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoFamilyYet)}</p> })}
            {sharing.family.into_iter().map(|member| view! {
                <Member member case_id participant_name=participant_name.clone() may_share may_restrict lang/>
            }).collect_view()}
        </Page>
    }
}

#[component]
fn Member(
    member: FamilySharing,
    case_id: i64,
    participant_name: String,
    may_share: bool,
    may_restrict: bool,
    lang: Lang,
) -> impl IntoView {
    let heading = format!("family-{}", member.user_id);
    let relation = member
        .relationship
        .map(|r| match may_share {
            // The participant reads "your mother"; a worker "Sarah's mother".
            true => lang.fill(Msg::YourRole, &[("role", lang.t(r.label()))]),
            false => lang.fill(
                Msg::FamilyOf,
                &[("relation", lang.t(r.label())), ("name", &participant_name)],
            ),
        })
        .unwrap_or_default();
    let action = format!("/cases/{case_id}/sharing/{}", member.user_id);
    let restricted = !member.restrictions.is_empty();
    view! {
        <section class="card family-sharing" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{member.display_name.clone()}</h2>
            <p class="member-role">{relation}</p>
            {member.restrictions.iter().map(|r| view! {
                <p class="notice">{lang.fill(Msg::RestrictedNotice, &[
                    ("who", &r.restricted_by), ("name", &member.display_name),
                    ("what", lang.t(r.category.label())), ("reason", &r.reason),
                ])}</p>
            }).collect_view()}
            <form class="stacked-form" method="post" action=action.clone()>
                <fieldset>
                    <legend>{lang.fill(Msg::WhatMemberSees, &[("name", &member.display_name)])}</legend>
                    {Category::ALL.iter().map(|category| {
                        let id = format!("share-{}-{}", member.user_id, category.as_str());
                        view! {
                            <label class="choice" for=id.clone()>
                                <input type="checkbox" id=id.clone() name=format!("share_{}", category.as_str())
                                    checked=member.shared.contains(category) disabled=!may_share/>
                                <span>{lang.t(category.label())}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                {may_share.then(|| view! { <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button> })}
            </form>
            {may_restrict.then(|| {
                let reason_id = format!("restrict-reason-{}", member.user_id);
                view! {
                    <details class="worker-tools">
                        <summary>{lang.t(Msg::RestrictTitle)}</summary>
                        <form class="stacked-form" method="post" action=format!("{action}/restrict")>
                            <label for=reason_id.clone()>{lang.t(Msg::ReasonLabel)}</label>
                            <textarea id=reason_id name="reason" rows="2" required maxlength="1000"></textarea>
                            <button type="submit">{lang.t(Msg::RestrictButton)}</button>
                        </form>
                        {restricted.then(|| view! {
                            <form method="post" action=format!("{action}/lift")>
                                <button type="submit">{lang.t(Msg::LiftRestrictionButton)}</button>
                            </form>
                        })}
                    </details>
                }
            })}
        </section>
    }
}
