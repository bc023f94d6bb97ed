//! Reads a text of the page aloud with the browser's own speech synthesis, in the page's
//! language. A press on a read-aloud button starts reading; a second press, or a press on
//! another button, stops it. `aria-pressed` tells screen readers and the style which
//! button is reading.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement, SpeechSynthesisUtterance};

const PRESSED: &str = "aria-pressed";

thread_local! {
    /// The reading in progress, if any.
    static CURRENT: RefCell<Option<SpeechSynthesisUtterance>> = const { RefCell::new(None) };
}

fn release_all(document: &Document) {
    let Ok(buttons) = document.query_selector_all("button[data-read-aloud]") else {
        return;
    };
    for index in 0..buttons.length() {
        if let Some(button) = buttons.item(index).and_then(|node| node.dyn_into::<HtmlElement>().ok()) {
            let _ = button.set_attribute(PRESSED, "false");
        }
    }
}

/// The text as it is shown, one sentence per line: a heading, a label and its value each
/// end with a full stop, so the voice pauses between them instead of running them together.
fn spoken(shown: &str) -> String {
    let mut text = String::with_capacity(shown.len() + 16);
    for line in shown.lines().map(str::trim).filter(|line| !line.is_empty()) {
        text.push_str(line);
        if !line.ends_with(['.', '?', '!', ':', '؟']) {
            text.push('.');
        }
        text.push(' ');
    }
    text
}

/// Starts or stops reading the element that `button`'s `data-read-aloud` names.
#[wasm_bindgen]
pub fn toggle(button: &HtmlElement) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let synthesis = window.speech_synthesis()?;
    let was_reading = button.get_attribute(PRESSED).as_deref() == Some("true");
    synthesis.cancel();
    release_all(&document);
    if was_reading {
        return Ok(());
    }
    let target = button.dataset().get("readAloud").unwrap_or_default();
    let Some(element) = document
        .get_element_by_id(&target)
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        return Ok(());
    };
    let utterance = SpeechSynthesisUtterance::new_with_text(&spoken(&element.inner_text()))?;
    // The text's own language (a Dutch milestone on an Arabic page is read in Dutch).
    let lang = element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    utterance.set_lang(&lang.unwrap_or_default());
    // When this reading ends (or fails), its button shows that it no longer reads. The
    // end of a reading stopped earlier arrives late and must not release a newer one.
    for set_handler in [
        SpeechSynthesisUtterance::set_onend,
        SpeechSynthesisUtterance::set_onerror,
    ] {
        let (button, this) = (button.clone(), utterance.clone());
        let done = Closure::once_into_js(move || {
            let current = CURRENT.with(|current| current.borrow().as_ref() == Some(&this));
            if current {
                let _ = button.set_attribute(PRESSED, "false");
            }
        });
        set_handler(&utterance, Some(done.unchecked_ref()));
    }
    CURRENT.with(|current| current.replace(Some(utterance.clone())));
    button.set_attribute(PRESSED, "true")?;
    synthesis.speak(&utterance);
    Ok(())
}
