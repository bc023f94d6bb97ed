// Shared helpers: a fresh Chromium profile per context, the server's address, sign-in.
import { chromium } from "playwright-core";
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BASE = process.env.BRUG_URL ?? "http://127.0.0.1:3000";
export const PASSWORD = "brug-demo-2026";

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execSync("command -v chromium", { encoding: "utf8" }).trim();
  } catch {
    return "/usr/bin/chromium";
  }
}

// Flags for headless Chromium as root on a closed network.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A phone-sized browser context with its own empty profile. */
export async function openBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "brug-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ARGS,
    viewport: { width: 360, height: 780 },
    locale: "nl-BE",
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The server may still be starting: retry the first load for up to a minute. */
export async function gotoWhenReady(page, path) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await page.goto(BASE + path);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function waitForHydration(page) {
  await page.waitForSelector('#signin-form[data-enhanced="true"]', { timeout: 30_000 });
}

/** Signs in through the page. With `hydrated`, waits for the island first. */
export async function signIn(page, username, { hydrated = true } = {}) {
  await gotoWhenReady(page, "/signin");
  if (hydrated) await waitForHydration(page);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(BASE + "/"), page.click("#signin-submit")]);
}

export async function switchLanguage(page, code) {
  await page.selectOption("#language-select", code);
  await Promise.all([page.waitForLoadState("load"), page.waitForURL(/.*/), page.click(".language-switcher button")]);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}
