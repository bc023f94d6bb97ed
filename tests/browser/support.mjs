// Shared helpers: a fresh Chromium profile per context, the server's address, sign-in,
// the language switcher, and a record of console errors and CSP violations.
import { chromium } from "playwright-core";
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BASE = (process.env.BRUG_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
export const PASSWORD = "brug-demo-2026";
/** node:test has no timeout of its own; a hung browser must not hang the whole suite. */
export const TEST_TIMEOUT = 120_000;

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    const found = execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  return "/usr/bin/chromium";
}

// Flags for headless Chromium as root on a closed network. Playwright refuses --user-data-dir
// here: the profile is the first argument of launchPersistentContext.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A phone-sized (360 × 780) Dutch browser context with its own empty profile.
 * `problems` collects console errors and uncaught page errors (a missing favicon excepted);
 * `cspViolations` collects every `securitypolicyviolation` event the pages fire.
 */
export async function openBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "brug-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: ARGS,
      viewport: { width: 360, height: 780 },
      locale: "nl-BE",
      ...options,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const problems = [];
  const cspViolations = [];
  if (options.javaScriptEnabled !== false) {
    // Both go through the DevTools protocol, which the page's policy does not govern.
    await context.exposeBinding("__brugCspViolation", (_source, violation) => cspViolations.push(violation));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        window.__brugCspViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`,
        ),
      );
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (/favicon\.ico/.test(message.location()?.url ?? "")) return;
    problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return {
    context,
    page,
    problems,
    cspViolations,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** The server may still be starting: retry a load that cannot connect for up to a minute. */
export async function gotoWhenReady(page, path, base = BASE) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await page.goto(base + path);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The WebAssembly island marks the sign-in form once it has taken over. */
export async function waitForHydration(page) {
  await page.waitForSelector('#signin-form[data-enhanced="true"]', { state: "attached", timeout: 30_000 });
}

/** Pathname of the page's current address, e.g. "/signin". */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/**
 * Signs in through the sign-in page and waits until the home page has loaded.
 * With `hydrated` (the default) it waits for the island first; pass `hydrated: false` when
 * JavaScript is off. `base` picks another server than BRUG_URL.
 */
export async function signIn(page, username, { hydrated = true, password = PASSWORD, base = BASE } = {}) {
  await gotoWhenReady(page, "/signin", base);
  if (hydrated) await waitForHydration(page);
  await page.fill("#username", username);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL(base + "/"), page.click("#signin-submit")]);
  await page.waitForLoadState("load");
}

/**
 * Picks `code` in the footer's language switcher and submits it; waits for the reloaded page
 * in that language. Works with JavaScript off too. When signed in, the server remembers the
 * choice for the account, so tests set the language they need instead of assuming one.
 */
export async function switchLanguage(page, code) {
  await page.selectOption("#language-select", code);
  await Promise.all([page.waitForEvent("load"), page.click("form.language-switcher button")]);
  await page.waitForSelector(`html[lang="${code}"]`, { state: "attached" });
}

/** Console problems other than the ones a test expects (`allowed` regular expressions). */
export function unexpected(problems, ...allowed) {
  return problems.filter((text) => !allowed.some((pattern) => pattern.test(text)));
}
