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

/// Taking a family member out of the circle, or leaving it yourself: a second press,
/// after what it means is said, so that it is never done by a slip of the thumb.
#[component]
pub fn EndMembershipButton(case_id: i64, member: CircleMember, is_you: bool, lang: Lang) -> impl IntoView {
    let (label, explanation) = if is_you {
        (
            lang.t(Msg::LeaveCircleButton),
            lang.t(Msg::LeaveCircleConfirm).to_string(),
        )
    } else {
        (
            lang.t(Msg::RemoveFromCircleButton),
            lang.fill(Msg::RemoveFromCircleConfirm, &[("name", &member.display_name)]),
        )
    };
    view! {
        <details class="member-action">
            <summary>{label}</summary>
            <p>{explanation}</p>
            <form method="post" action=format!("/cases/{case_id}/members/{}/end", member.user_id)>
                <button type="submit" aria-label=format!("{label} — {}", member.display_name)>{label}</button>
            </form>
        </details>
    }
}
