// Loads Brug's WebAssembly islands once the browser is idle, and only on pages that have
// islands. Every page works before (and without) it. Brug's islands are not nested, so
// each one is hydrated directly. The page names the files (their names carry a content
// hash) on this script's tag.
const islands = document.querySelectorAll("leptos-island");
const files = document.querySelector("script[data-brug-script]")?.dataset ?? {};
if (islands.length > 0) {
  const start = async () => {
    const mod = await import(files.brugScript ?? "/pkg/brug.js");
    await mod.default({ module_or_path: files.brugWasm ?? "/pkg/brug_bg.wasm" });
    mod.hydrate();
    for (const island of islands) {
      const hydrateIsland = mod[island.dataset.component];
      if (hydrateIsland) hydrateIsland(island);
    }
  };
  if ("requestIdleCallback" in window) requestIdleCallback(start);
  else setTimeout(start, 0);
}
