//! The browser side of live messages: listens to `/events` and updates the page in place
//! (a new message in the open thread, a read receipt, the unread counts and the number in
//! the title), so nobody has to reload. Text is only ever set as text, never as markup.

use crate::layout::LiveLabels;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventSource, Headers, MessageEvent, RequestInit};

fn field(value: &JsValue, path: &[&str]) -> JsValue {
    let mut current = value.clone();
    for key in path {
        current = js_sys::Reflect::get(&current, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    }
    current
}

fn number(value: &JsValue, path: &[&str]) -> i64 {
    field(value, path).as_f64().unwrap_or(0.0) as i64
}

fn text(value: &JsValue, path: &[&str]) -> String {
    field(value, path).as_string().unwrap_or_default()
}

fn element(document: &Document, tag: &str, class: &str, content: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    element.set_class_name(class);
    element.set_text_content(Some(content));
    Some(element)
}

/// Reads the settings the page carries (see `LiveSettings`) and starts listening.
pub fn start() {
    let Some(settings) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("live-settings"))
    else {
        return;
    };
    let attribute = |name: &str| settings.get_attribute(name).unwrap_or_default();
    let conversation_id = attribute("data-conversation").parse::<i64>().ok();
    let Ok(viewer_id) = attribute("data-viewer").parse::<i64>() else {
        return;
    };
    let labels = LiveLabels {
        you: attribute("data-you"),
        read_by: attribute("data-read-by"),
        unread: attribute("data-unread"),
        unread_forms: attribute("data-unread-forms"),
        title: attribute("data-title"),
        today: attribute("data-today"),
    };
    let Ok(source) = EventSource::new("/events") else {
        return;
    };
    let on_message = {
        let labels = labels.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Ok(data) = js_sys::JSON::parse(&event.data().as_string().unwrap_or_default()) {
                on_new_message(&data, conversation_id, viewer_id, &labels);
            }
        })
    };
    let on_read = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Ok(data) = js_sys::JSON::parse(&event.data().as_string().unwrap_or_default()) {
            on_read_receipt(&data, conversation_id, viewer_id, &labels);
        }
    });
    // Tells the page (and tests) that live updates are on.
    let on_open = Closure::<dyn FnMut()>::new(move || {
        let marker = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".live-messages").ok().flatten());
        if let Some(marker) = marker {
            let _ = marker.set_attribute("data-live", "open");
        }
    });
    let _ = source.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("read", on_read.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("open", on_open.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_message.forget();
    on_read.forget();
    on_open.forget();
    std::mem::forget(source);
}

/// A moment that is happening now, written as the server writes it: `today` is the
/// page's "YYYY-MM-DD|15 december 2026", so no month names or date arithmetic need to be
/// in the WebAssembly. Past midnight the moment is written `YYYY-MM-DD HH:MM`.
fn written_now(unix: i64, today: &str) -> String {
    let stamp = crate::local_time::format_local(unix);
    match today.split_once('|') {
        Some((iso, text)) if stamp.starts_with(iso) => format!("{text},\u{a0}{}", &stamp[11..]),
        _ => stamp,
    }
}

fn set_title(document: &Document, labels: &LiveLabels, unread_total: i64) {
    let title = if unread_total > 0 {
        format!("({}) {}", crate::messaging::unread_label(unread_total), labels.title)
    } else {
        labels.title.clone()
    };
    document.set_title(&title);
}

fn on_new_message(data: &JsValue, open: Option<i64>, viewer_id: i64, labels: &LiveLabels) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    set_title(&document, labels, number(data, &["unread_total"]));
    let conversation = number(data, &["conversation_id"]);
    let id = number(data, &["message", "id"]);
    let sender = number(data, &["message", "sender_id"]);
    match open {
        Some(open) if open == conversation => {
            if document.get_element_by_id(&format!("message-{id}")).is_some() {
                return;
            }
            let own = sender == viewer_id;
            let who = if own {
                labels.you.clone()
            } else {
                text(data, &["message", "sender_name"])
            };
            let meta = format!(
                "{who} · {}",
                written_now(number(data, &["message", "sent_at"]), &labels.today)
            );
            let Ok(Some(list)) = document.query_selector("ol.messages") else {
                return;
            };
            let Some(item) = element(&document, "li", if own { "message message-own" } else { "message" }, "") else {
                return;
            };
            item.set_id(&format!("message-{id}"));
            let body = element(&document, "p", "message-body", &text(data, &["message", "body"]));
            if let Some(body) = &body {
                let _ = body.set_attribute("lang", &text(data, &["message", "lang"]));
                let _ = body.set_attribute("dir", "auto");
            }
            for child in [element(&document, "p", "milestone-meta", &meta), body]
                .into_iter()
                .flatten()
            {
                let _ = item.append_child(&child);
            }
            let _ = list.append_child(&item);
            if !own {
                mark_read(open, id);
            }
        }
        Some(_) => {}
        None => {
            let selector = format!("li[data-conversation=\"{conversation}\"]");
            let Ok(Some(item)) = document.query_selector(&selector) else {
                return;
            };
            if sender != viewer_id {
                let unread = item
                    .get_attribute("data-unread")
                    .and_then(|u| u.parse::<i64>().ok())
                    .unwrap_or(0)
                    + 1;
                show_unread(&document, &item, unread, labels);
            }
            // The most recent conversation goes to the top, as on a fresh page.
            if let Some(list) = item.parent_element() {
                let _ = list.prepend_with_node_1(&item);
            }
        }
    }
}

fn show_unread(document: &Document, item: &Element, unread: i64, labels: &LiveLabels) {
    let _ = item.set_attribute("data-unread", &unread.to_string());
    let badge = match item.query_selector(".unread") {
        Ok(Some(badge)) => Some(badge),
        _ => element(document, "p", "unread", "").and_then(|badge| item.append_child(&badge).ok().map(|_| badge)),
    };
    if let Some(badge) = badge {
        if unread > 0 {
            // The page told which plural form each number takes (the rules stay on the server).
            let form = labels
                .unread_forms
                .as_bytes()
                .get((unread.min(99) - 1) as usize)
                .map_or(5, |digit| usize::from(digit - b'0'));
            let text = labels.unread.split('|').nth(form).unwrap_or_default();
            badge.set_text_content(Some(&text.replace("{count}", &crate::messaging::unread_label(unread))));
        } else {
            badge.remove();
        }
    }
}

fn on_read_receipt(data: &JsValue, open: Option<i64>, viewer_id: i64, labels: &LiveLabels) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    set_title(&document, labels, number(data, &["unread_total"]));
    let conversation = number(data, &["conversation_id"]);
    let reader = number(data, &["read", "user_id"]);
    if reader == viewer_id {
        if open.is_none() {
            let selector = format!("li[data-conversation=\"{conversation}\"]");
            if let Ok(Some(item)) = document.query_selector(&selector) {
                show_unread(&document, &item, 0, labels);
            }
        }
        return;
    }
    if open != Some(conversation) {
        return;
    }
    let up_to = number(data, &["read", "up_to"]);
    let line = labels
        .read_by
        .replace("{name}", &text(data, &["read", "display_name"]))
        .replace(
            "{time}",
            &written_now(number(data, &["read", "read_at"]), &labels.today),
        );
    let Ok(own) = document.query_selector_all("li.message-own") else {
        return;
    };
    for index in 0..own.length() {
        let Some(item) = own.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let id = item
            .id()
            .trim_start_matches("message-")
            .parse::<i64>()
            .unwrap_or(i64::MAX);
        let marker = format!("read-{reader}");
        if id <= up_to && item.query_selector(&format!(".{marker}")).ok().flatten().is_none() {
            if let Some(receipt) = element(&document, "p", &format!("read-receipt {marker}"), &line) {
                let _ = item.append_child(&receipt);
            }
        }
    }
}

/// Tells the server the open thread was read up to a message that just arrived.
fn mark_read(conversation: i64, up_to: i64) {
    let Some(window) = web_sys::window() else { return };
    let init = RequestInit::new();
    init.set_method("POST");
    if let Ok(headers) = Headers::new() {
        let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
        let _ = headers.set("Accept", "application/json");
        init.set_headers(&headers);
    }
    init.set_body(&JsValue::from_str(&format!("up_to={up_to}")));
    let _ = window.fetch_with_str_and_init(&format!("/messages/{conversation}/read"), &init);
}
