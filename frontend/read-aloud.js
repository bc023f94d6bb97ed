// Shows the read-aloud buttons where the browser can speak, and fetches the speech module
// (WebAssembly) only on the first press. Without this script, or in a browser that cannot
// speak, the buttons stay hidden and the text is there to read. The page names the files
// (their names carry a content hash) on this script's tag.
const files = document.querySelector("script[data-speech-script]")?.dataset ?? {};
if ("speechSynthesis" in window) {
  let speech;
  const load = async () => {
    const mod = await import(files.speechScript ?? "/pkg/speech.js");
    await mod.default({ module_or_path: files.speechWasm ?? "/pkg/speech_bg.wasm" });
    return mod;
  };
  for (const button of document.querySelectorAll("button[data-read-aloud]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      speech ??= load();
      (await speech).toggle(button);
    });
  }
}
