import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, gotoWhenReady, openBrowser, signIn, switchLanguage, waitForHydration } from "./support.mjs";

test("sarah signs in through the hydrated page and lands on her home page with her circle", async () => {
  const browser = await openBrowser();
  try {
    const { page, problems } = browser;
    await signIn(page, "sarah");
    assert.match(await page.textContent("#page-title"), /Sarah/);
    assert.equal(await page.locator("li.circle-member").count(), 6);
    assert.deepEqual(problems, [], "no console errors or CSP violations");
  } finally {
    await browser.close();
  }
});

test("a wrong password shows the error in place without reloading the page", async () => {
  const browser = await openBrowser();
  try {
    const { page, problems } = browser;
    await gotoWhenReady(page, "/signin");
    await waitForHydration(page);
    const navigations = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.fill("#username", "sarah");
    await page.fill("#password", "not her password");
    await page.click("#signin-submit");
    await page.waitForFunction(() => document.querySelector("#signin-error").textContent.trim().length > 0);
    assert.match(await page.textContent("#signin-error"), /wachtwoord/i, "the message is in Dutch");
    assert.equal(page.url(), BASE + "/signin");
    assert.deepEqual(navigations, [], "the page did not reload");
    assert.deepEqual(problems.filter((p) => !p.includes("401")), []);
  } finally {
    await browser.close();
  }
});

test("without JavaScript, signing in still works and a wrong password is explained", async () => {
  const browser = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = browser;
    await signIn(page, "sarah", { hydrated: false });
    assert.match(await page.textContent("#page-title"), /Sarah/);

    await page.click(".site-nav button[type=submit]");
    await page.waitForURL(/\/signin/);
    await page.fill("#username", "sarah");
    await page.fill("#password", "not her password");
    await Promise.all([page.waitForURL(/\/signin\?error=invalid_credentials/), page.click("#signin-submit")]);
    assert.ok((await page.textContent("#signin-error")).trim().length > 0);
  } finally {
    await browser.close();
  }
});

test("switching to Arabic turns the page right-to-left", async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, "sarah");
    await switchLanguage(page, "ar");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
    assert.match(await page.textContent("#page-title"), /Sarah/);
  } finally {
    await browser.close();
  }
});

test("signing out ends the session: the home page asks to sign in again", async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, "marleen");
    await Promise.all([page.waitForURL(/\/signin/), page.click(".site-nav button[type=submit]")]);
    await page.goto(BASE + "/");
    assert.match(page.url(), /\/signin$/);
  } finally {
    await browser.close();
  }
});
