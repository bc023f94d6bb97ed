//! One item of a plan: what, who, by when, why; everyone's answers and comments; and the
//! forms the viewer may use on it.

use super::{ItemFields, ItemResponse, Person, PlanItem, ProposalKind, Stance};
use crate::form_echo::use_form_echo;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_saved, ReadAloud};
use leptos::prelude::*;

/// What the page knows for every item it shows.
#[derive(Clone)]
pub struct ItemContext {
    /// `/cases/{case}/plans/{plan}`: forms post below it.
    pub base: String,
    pub number: i64,
    /// Whether this is the newest version (older ones are read only).
    pub open: bool,
    /// Whether the viewer must still answer and sign this version.
    pub answering: bool,
    pub may_edit: bool,
    pub owners: Vec<Person>,
    pub viewer_id: i64,
}

#[component]
pub fn ItemCard(item: PlanItem, context: ItemContext, lang: Lang) -> impl IntoView {
    let key = item.key;
    let heading = format!("item-{key}-title");
    let fields = item.fields.clone();
    let owner = fields
        .owner
        .as_ref()
        .map(|o| o.display_name.clone())
        .unwrap_or_else(|| lang.t(Msg::NobodyNamedYet).to_string());
    let due = fields.due_on.as_ref().map(|d| d.written(lang));
    view! {
        <li class="card plan-item" id=format!("item-{key}") aria-labelledby=heading.clone()>
            <div id=format!("item-{key}-text")>
                <h2 id=heading.clone()>{fields.what.clone()}</h2>
                <dl class="milestone-facts">
                    <dt>{lang.t(Msg::ItemWhoLabel)}</dt><dd>{owner}</dd>
                    {due.map(|d| view! { <dt>{lang.t(Msg::ItemWhenLabel)}</dt><dd>{d}</dd> })}
                    <dt>{lang.t(Msg::ItemWhyLabel)}</dt><dd>{fields.why.clone()}</dd>
                </dl>
            </div>
            <ReadAloud target=format!("item-{key}-text") lang/>
            <Answers responses=item.responses.clone() lang/>
            <Comments item=item.clone() lang/>
            {context.answering.then(|| {
                let yours = item.responses.iter().find(|r| r.by.user_id == context.viewer_id).cloned();
                view! { <AnswerForm context=context.clone() key yours lang/> }
            })}
            {context.open.then(|| view! {
                <CommentForm base=context.base.clone() key lang/>
                <ProposeChangeForm base=context.base.clone() key lang/>
            })}
            {context.may_edit.then(|| view! { <ChangeItemForm context=context.clone() key fields lang/> })}
        </li>
    }
}

#[component]
fn Answers(responses: Vec<ItemResponse>, lang: Lang) -> impl IntoView {
    (!responses.is_empty()).then(|| {
        view! {
            <ul class="plan-answers" aria-label=lang.t(Msg::AnswersLabel)>
                {responses.into_iter().map(|r| {
                    let class = if r.stance == Stance::Disagree { "answer answer-disagree" } else { "answer" };
                    let line = format!("{}: {}", r.by.display_name, lang.t(r.stance.label()));
                    view! {
                        <li class=class>
                            <strong>{line}</strong>
                            {(!r.reason.is_empty()).then(|| view! { <span>{format!(" — {}", r.reason)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Comments(item: PlanItem, lang: Lang) -> impl IntoView {
    (!item.comments.is_empty()).then(|| {
        view! {
            <ul class="plan-comments" aria-label=lang.t(Msg::CommentsLabel)>
                {item.comments.into_iter().map(|c| view! {
                    <li><strong>{format!("{}: ", c.by.display_name)}</strong>{c.body}</li>
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn AnswerForm(context: ItemContext, key: i64, yours: Option<ItemResponse>, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("item-{key}-{name}");
    let form_id = id("answer");
    // Shown again after a refusal: what she chose and typed, the error at the reason.
    let echo = use_form_echo(&form_id);
    let saved = use_saved(&form_id);
    let current = match &echo {
        Some(echo) => echo.value("stance").and_then(Stance::parse),
        None => yours.as_ref().map(|r| r.stance),
    };
    let reason = match &echo {
        Some(echo) => echo.value("reason").unwrap_or_default().to_string(),
        None => yours.map(|r| r.reason).unwrap_or_default(),
    };
    let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
    let about_reason = echo.as_ref().is_some_and(|e| e.is_about("reason"));
    let action = format!("{}/versions/{}/items/{key}/response", context.base, context.number);
    view! {
        <form class="stacked-form answer-form" id=form_id method="post" action=action>
            <fieldset>
                <legend>{lang.t(Msg::YourAnswerLegend)}</legend>
                {Stance::ALL.iter().map(|stance| view! {
                    <label class="choice">
                        <input type="radio" name="stance" value=stance.as_str() required checked=current == Some(*stance)/>
                        <span>{lang.t(stance.label())}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label for=id("reason")>{lang.t(Msg::DisagreeReasonLabel)}</label>
            <textarea id=id("reason") name="reason" rows="2" maxlength="1000"
                aria-describedby=id("answer-error") aria-invalid=about_reason.then_some("true")
                autofocus=about_reason>{reason}</textarea>
            <p id=id("answer-error") class="form-error" role="alert">{error}</p>
            {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            <button type="submit">{lang.t(Msg::SaveAnswerButton)}</button>
        </form>
    }
}

#[component]
fn CommentForm(base: String, key: i64, lang: Lang) -> impl IntoView {
    let id = format!("item-{key}-comment");
    view! {
        <details class="item-tools">
            <summary>{lang.t(Msg::CommentSummary)}</summary>
            <form class="stacked-form" method="post" action=format!("{base}/items/{key}/comments")>
                <label for=id.clone()>{lang.t(Msg::CommentLabel)}</label>
                <textarea id=id name="body" rows="2" required maxlength="2000"></textarea>
                <button type="submit">{lang.t(Msg::CommentButton)}</button>
            </form>
        </details>
    }
}

#[component]
fn ProposeChangeForm(base: String, key: i64, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("item-{key}-propose-{name}");
    let kinds = [ProposalKind::Reword, ProposalKind::Date, ProposalKind::Remove];
    view! {
        <details class="item-tools">
            <summary>{lang.t(Msg::ProposeSummary)}</summary>
            <form class="stacked-form" method="post" action=format!("{base}/proposals")>
                <input type="hidden" name="item_key" value=key.to_string()/>
                <label for=id("kind")>{lang.t(Msg::ProposalKindLabel)}</label>
                <select id=id("kind") name="kind">
                    {kinds.into_iter().map(|k| view! { <option value=k.as_str()>{lang.t(k.label())}</option> }).collect_view()}
                </select>
                <label for=id("what")>{lang.t(Msg::NewWordingLabel)}</label>
                <textarea id=id("what") name="what" rows="2" maxlength="500"></textarea>
                <label for=id("date")>{lang.t(Msg::NewDateLabel)}</label>
                <input id=id("date") name="due_on" type="date"/>
                <label for=id("reason")>{lang.t(Msg::ProposalReasonLabel)}</label>
                <textarea id=id("reason") name="reason" rows="2" required maxlength="1000"></textarea>
                <button type="submit">{lang.t(Msg::ProposeButton)}</button>
            </form>
        </details>
    }
}

#[component]
fn ChangeItemForm(context: ItemContext, key: i64, fields: ItemFields, lang: Lang) -> impl IntoView {
    let base = context.base.clone();
    let owner = fields.owner.as_ref().map(|o| o.user_id);
    let earlier_owner = fields
        .owner
        .clone()
        .filter(|o| !context.owners.iter().any(|p| p.user_id == o.user_id));
    let id = move |name: &str| format!("item-{key}-edit-{name}");
    view! {
        <details class="worker-tools">
            <summary>{lang.t(Msg::ChangeItemSummary)}</summary>
            <form class="stacked-form" method="post" action=format!("{base}/items/{key}")>
                <label for=id("what")>{lang.t(Msg::ItemWhatLabel)}</label>
                <textarea id=id("what") name="what" rows="2" required maxlength="500">{fields.what.clone()}</textarea>
                <label for=id("owner")>{lang.t(Msg::ItemWhoLabel)}</label>
                <select id=id("owner") name="owner_user_id">
                    <option value="" selected=owner.is_none()>{lang.t(Msg::NobodyNamedYet)}</option>
                    // Someone who left the circle stays named until a worker picks another.
                    {earlier_owner.map(|p| view! { <option value=p.user_id.to_string() selected=true>{p.display_name}</option> })}
                    {context.owners.iter().map(|p| view! {
                        <option value=p.user_id.to_string() selected=owner == Some(p.user_id)>{p.display_name.clone()}</option>
                    }).collect_view()}
                </select>
                <label for=id("due")>{lang.t(Msg::ItemWhenLabel)}</label>
                <input id=id("due") name="due_on" type="date" value=fields.due_on.as_ref().map(|d| d.as_str().to_string())/>
                <label for=id("why")>{lang.t(Msg::ItemWhyLabel)}</label>
                <textarea id=id("why") name="why" rows="2" required maxlength="1000">{fields.why.clone()}</textarea>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
            <form method="post" action=format!("{}/items/{key}/remove", context.base)>
                <button type="submit">{lang.t(Msg::RemoveItemButton)}</button>
            </form>
        </details>
    }
}
