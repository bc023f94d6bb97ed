# Installs what Brug's build and tests need, each step only when it is missing.
# Sourced by the other scripts; every function says what it is doing.

TOOLS_DIR="${BRUG_TOOLS_DIR:-$ROOT/.tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Brug needs the Debian packages: $*. Install them with: sudo apt-get install -y $*" >&2
    return 1
  fi
  if [ -z "${BRUG_APT_UPDATED:-}" ]; then
    say "Updating the Debian package lists"
    apt-get update -qq
    export BRUG_APT_UPDATED=1
  fi
  say "Installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the WebAssembly target to Rust"
    rustup target add wasm32-unknown-unknown
  fi
}

# wasm-bindgen's command-line tool must be the exact version of the library in Cargo.lock.
ensure_wasm_bindgen() {
  local wanted
  wanted="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
  if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wanted" ]; then
    say "Installing wasm-bindgen $wanted (about two minutes, once)"
    cargo install --quiet wasm-bindgen-cli --version "$wanted"
  fi
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
}

# binaryen from npm: Debian's older wasm-opt produces WebAssembly that fails at run time.
ensure_wasm_opt() {
  ensure_node
  if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
    say "Installing wasm-opt (binaryen 132) into .tools"
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private": true}' > package.json
     cd "$TOOLS_DIR" && npm install --silent --no-audit --no-fund binaryen@132.0.0 >/dev/null)
  fi
}

ensure_brotli() {
  if ! command -v brotli >/dev/null; then
    apt_install brotli
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null; then
    apt_install chromium
  fi
}

ensure_postgres() {
  if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt_install postgresql
  fi
}

ensure_browser_test_packages() {
  ensure_node
  if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/browser/node_modules/axe-core" ]; then
    say "Installing the browser-test packages (playwright-core, axe-core)"
    (cd "$ROOT/tests/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund >/dev/null)
  fi
}

# A Python virtual environment in .tools with the OpenAPI validator (from PyPI).
ensure_openapi_validator() {
  if [ ! -x "$TOOLS_DIR/venv/bin/openapi-spec-validator" ]; then
    say "Installing openapi-spec-validator into .tools/venv"
    python3 -m venv "$TOOLS_DIR/venv"
    "$TOOLS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check openapi-spec-validator
  fi
}

# Schemathesis for the API fuzzing, pinned so a new release cannot change what passes.
SCHEMATHESIS_VERSION=4.32.5
ensure_schemathesis() {
  ensure_openapi_validator
  if ! "$TOOLS_DIR/venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    say "Installing Schemathesis $SCHEMATHESIS_VERSION into .tools/venv"
    "$TOOLS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}

# cargo-deny for the supply-chain check, built from crates.io once (several minutes).
ensure_cargo_deny() {
  if ! command -v cargo-deny >/dev/null; then
    say "Installing cargo-deny (several minutes, once)"
    cargo install --quiet --locked cargo-deny || cargo install --quiet cargo-deny
  fi
}

# The supply-chain check: licences, crates in two versions and sources with cargo-deny
# (deny.toml), offline against the crates the build fetched (`cargo fetch` first, for the
# platforms it did not build for); and yanked crates against the crates.io index.
check_supply_chain() {
  cargo fetch --quiet
  cargo deny --offline --log-level error check licenses bans sources
  python3 scripts/yanked.py Cargo.lock
}

# The passkey checks (webauthn-rs) link the system's OpenSSL, found through pkg-config.
ensure_openssl() {
  if ! pkg-config --exists openssl 2>/dev/null; then
    apt_install libssl-dev pkg-config
  fi
}

ensure_build_tools() {
  ensure_openssl
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_wasm_opt
}
