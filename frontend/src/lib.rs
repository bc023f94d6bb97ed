//! The WebAssembly entry point. Brug uses Leptos islands: pages are rendered on the
//! server and only the interactive islands ship as WebAssembly, so a cheap phone gets a
//! useful page before (or without) this module.

#[allow(unused_imports)]
use app::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
