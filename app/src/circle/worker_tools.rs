use super::{CircleMember, MemberKind, Relationship};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// What a worker of the case can do from the circle: invite the participant or a family
/// member, and give a code for a new password. Plain forms; they work without JavaScript.
#[component]
pub fn InviteForm(case_id: i64, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("{name}-{case_id}");
    view! {
        <details class="worker-tools">
            <summary>{lang.t(Msg::InviteTitle)}</summary>
            <p>{lang.t(Msg::InviteIntro)}</p>
            <form class="stacked-form" method="post" action="/invitations">
                <input type="hidden" name="case_id" value=case_id.to_string()/>
                <label for=id("invitee-name")>{lang.t(Msg::NameLabel)}</label>
                <input id=id("invitee-name") name="display_name" type="text" required maxlength="80"/>
                <label for=id("invitee-kind")>{lang.t(Msg::InviteeKindLabel)}</label>
                <select id=id("invitee-kind") name="kind">
                    <option value="family">{lang.t(Msg::RoleFamily)}</option>
                    <option value="participant">{lang.t(Msg::RoleParticipant)}</option>
                </select>
                <label for=id("invitee-relationship")>{lang.t(Msg::RelationshipLabel)}</label>
                <select id=id("invitee-relationship") name="relationship">
                    {Relationship::ALL.iter().map(|r| view! { <option value=r.as_str()>{lang.t(r.label())}</option> }).collect_view()}
                </select>
                <button type="submit">{lang.t(Msg::CreateCodeButton)}</button>
            </form>
        </details>
    }
}

#[component]
pub fn ResetCodeButton(member: CircleMember, lang: Lang) -> impl IntoView {
    (member.kind != MemberKind::Worker).then(|| {
        view! {
            <form method="post" action="/reset-codes" class="member-action">
                <input type="hidden" name="user_id" value=member.user_id.to_string()/>
                <button type="submit" aria-label=format!("{} — {}", lang.t(Msg::ResetCodeButton), member.display_name)>
                    {lang.t(Msg::ResetCodeButton)}
                </button>
            </form>
        }
    })
}
