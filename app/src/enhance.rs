//! Progressive enhancement for plain forms: post the form with `fetch` and read the
//! JSON answer, so a page can show an error in place instead of reloading.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, FormData, Headers, HtmlFormElement, RequestInit, Response, UrlSearchParams};

/// Tells the page (and tests) that the forms inside `root` are enhanced.
pub fn mark_enhanced(root: &Element) {
    if let Ok(forms) = root.query_selector_all("form") {
        for index in 0..forms.length() {
            if let Some(form) = forms.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = form.set_attribute("data-enhanced", "true");
            }
        }
    }
}

pub fn submit(event: web_sys::SubmitEvent) {
    let Some(form) = event.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
        return;
    };
    event.prevent_default();
    if form.get_attribute("aria-busy").is_some() {
        return;
    }
    let _ = form.set_attribute("aria-busy", "true");
    wasm_bindgen_futures::spawn_local(async move {
        let result = post_form(&form).await;
        match result {
            Ok(target) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(&target);
                }
            }
            Err(code) => show_error(&form, &code),
        }
        let _ = form.remove_attribute("aria-busy");
    });
}

/// Shows the translated text for `code` in the form's alert, falling back to the
/// general "something went wrong" text.
fn show_error(form: &HtmlFormElement, code: &str) {
    let Ok(Some(alert)) = form.query_selector("[role=alert]") else {
        return;
    };
    let attribute = format!("data-{}", code.replace('_', "-"));
    let text = alert
        .get_attribute(&attribute)
        .or_else(|| alert.get_attribute("data-internal"))
        .unwrap_or_default();
    alert.set_text_content(Some(&text));
}

/// Posts the form to its action. `Ok` carries where to go next, `Err` an error code.
async fn post_form(form: &HtmlFormElement) -> Result<String, String> {
    let failed = |_| "internal".to_string();
    let window = web_sys::window().ok_or("internal".to_string())?;
    let data = FormData::new_with_form(form).map_err(failed)?;
    let body = UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(failed)?;
    let headers = Headers::new().map_err(failed)?;
    headers.set("Accept", "application/json").map_err(failed)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    let json = JsFuture::from(response.json().map_err(failed)?).await.map_err(failed)?;
    if response.ok() {
        return Ok(text_at(&json, &["redirect"]).unwrap_or_else(|| "/".into()));
    }
    Err(text_at(&json, &["error", "code"]).unwrap_or_else(|| "internal".into()))
}

fn text_at(value: &JsValue, path: &[&str]) -> Option<String> {
    let mut current = value.clone();
    for key in path {
        current = js_sys::Reflect::get(&current, &JsValue::from_str(key)).ok()?;
    }
    current.as_string()
}
