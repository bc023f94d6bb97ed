#!/usr/bin/env bash
# Builds Brug: the WebAssembly islands (size-optimised), the site folder, and the server.
# Usage: scripts/build.sh [release|debug|site]   (the server's profile, or `site` for the site
# folder alone; the WebAssembly is always size-optimised)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh

PROFILE="${1:-release}"
SITE="${BRUG_SITE_ROOT:-$ROOT/target/site}"
ensure_build_tools
ensure_brotli

say "Building the WebAssembly islands"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
# A fresh site folder each time, so no file of an earlier build lingers under an old name.
rm -rf "$SITE/pkg" "$SITE/style" "$SITE/assets.txt"
mkdir -p "$SITE/pkg" "$SITE/style"
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/frontend.wasm \
  --target web --no-typescript --out-dir "$SITE/pkg" --out-name brug
say "Shrinking the WebAssembly for phones (wasm-opt -Oz)"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types --enable-mutable-globals \
  --enable-sign-ext --enable-multivalue "$SITE/pkg/brug_bg.wasm" -o "$SITE/pkg/brug_bg.wasm"

cp frontend/loader.js "$SITE/pkg/loader.js"

say "Building the read-aloud module (fetched only when someone presses read aloud)"
cargo build -p speech --lib --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/speech.wasm \
  --target web --no-typescript --out-dir "$SITE/pkg" --out-name speech
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types --enable-mutable-globals \
  --enable-sign-ext --enable-multivalue "$SITE/pkg/speech_bg.wasm" -o "$SITE/pkg/speech_bg.wasm"
cp frontend/read-aloud.js "$SITE/pkg/read-aloud.js"

say "Bundling the styles"
# One file for the browser: the tokens first, then the rules, without the @import.
{ cat style/tokens.css; grep -v '^@import' style/main.css; } > "$SITE/style/main.css"

say "Naming the static files after their content, so browsers may keep them for a year"
# fingerprint FOLDER NAME EXTENSION: renames NAME.EXTENSION to NAME.HASH.EXTENSION, prints the new name.
fingerprint() {
  local hash
  hash="$(sha256sum "$1/$2.$3" | cut -c1-16)"
  mv "$1/$2.$3" "$1/$2.$hash.$3"
  echo "$2.$hash.$3"
}
SCRIPT="$(fingerprint "$SITE/pkg" brug js)"
WASM="$(fingerprint "$SITE/pkg" brug_bg wasm)"
LOADER="$(fingerprint "$SITE/pkg" loader js)"
STYLESHEET="$(fingerprint "$SITE/style" main css)"
SPEECH_LOADER="$(fingerprint "$SITE/pkg" read-aloud js)"
SPEECH_SCRIPT="$(fingerprint "$SITE/pkg" speech js)"
SPEECH_WASM="$(fingerprint "$SITE/pkg" speech_bg wasm)"
# The server reads this at start to name the files in its pages.
printf 'loader /pkg/%s\nscript /pkg/%s\nwasm /pkg/%s\nstylesheet /style/%s\nspeech_loader /pkg/%s\nspeech_script /pkg/%s\nspeech_wasm /pkg/%s\n' \
  "$LOADER" "$SCRIPT" "$WASM" "$STYLESHEET" "$SPEECH_LOADER" "$SPEECH_SCRIPT" "$SPEECH_WASM" > "$SITE/assets.txt"

say "Compressing the static files ahead of time (brotli and gzip, best quality)"
for file in "$SITE"/pkg/*.js "$SITE"/pkg/*.wasm "$SITE"/style/*.css; do
  brotli --best --force --output="$file.br" "$file"
  gzip --best --keep --force "$file"
done

if [ "$PROFILE" = "site" ]; then
  exit 0
elif [ "$PROFILE" = "release" ]; then
  say "Building the server (release; the first time takes several minutes)"
  cargo build -p server --release
else
  say "Building the server (debug)"
  cargo build -p server
fi
