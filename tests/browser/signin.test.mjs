// Signing in, with and without JavaScript, and the language switcher.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BASE,
  TEST_TIMEOUT,
  gotoWhenReady,
  openBrowser,
  pathOf,
  signIn,
  switchLanguage,
  unexpected,
  waitForHydration,
} from "./support.mjs";

// The island's sign-in request answers 401 for a wrong password; Chromium logs that as an error.
const FAILED_SIGNIN_REQUEST = /Failed to load resource: the server responded with a status of 401/;

test(
  "sarah signs in through the page once it has hydrated, lands on her home page and sees her name and her circle of six",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page, problems, cspViolations } = browser;
      await signIn(page, "sarah");
      assert.equal(pathOf(page), "/");
      assert.match(await page.textContent("#page-title"), /Sarah/);
      assert.equal(await page.locator("li.circle-member").count(), 6, "Sarah, Marleen, Yusuf, Lotte, Ahmed and Karim");
      assert.deepEqual(unexpected(problems), [], "no console errors");
      assert.deepEqual(cspViolations, [], "no Content-Security-Policy violations");
    } finally {
      await browser.close();
    }
  },
);

test(
  "a wrong password shows the translated error in place, without leaving /signin or reloading the page",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page, problems, cspViolations } = browser;
      await gotoWhenReady(page, "/signin");
      await waitForHydration(page);
      const navigations = [];
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
      // A reload would make a new document and lose this.
      await page.evaluate(() => {
        window.__brugSameDocument = true;
      });
      await page.fill("#username", "sarah");
      await page.fill("#password", "not her password");
      await page.click("#signin-submit");
      await page.waitForFunction(() => document.querySelector("#signin-error")?.textContent.trim().length > 0);
      const message = (await page.textContent("#signin-error")).trim();
      assert.ok(message.length > 0, "an error is shown");
      assert.match(message, /wachtwoord/i, `the message is in Dutch: ${message}`);
      assert.equal(pathOf(page), "/signin");
      assert.deepEqual(navigations, [], "no navigation happened");
      assert.equal(await page.evaluate(() => window.__brugSameDocument), true, "the page was not reloaded");
      assert.equal(await page.inputValue("#username"), "sarah", "what she typed is still there");
      assert.deepEqual(unexpected(problems, FAILED_SIGNIN_REQUEST), [], "no other console errors");
      assert.deepEqual(cspViolations, [], "no Content-Security-Policy violations");
    } finally {
      await browser.close();
    }
  },
);

test(
  "with JavaScript off, sarah signs in by submitting the form and lands on her home page with her name",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      await signIn(page, "sarah", { hydrated: false });
      assert.equal(pathOf(page), "/");
      assert.match(await page.textContent("#page-title"), /Sarah/);
      assert.equal(await page.locator("li.circle-member").count(), 6);
    } finally {
      await browser.close();
    }
  },
);

test(
  "with JavaScript off, a wrong password brings back the sign-in page with an explanation",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = browser;
      await gotoWhenReady(page, "/signin");
      await page.fill("#username", "sarah");
      await page.fill("#password", "not her password");
      await Promise.all([page.waitForEvent("load"), page.click("#signin-submit")]);
      assert.equal(pathOf(page), "/signin");
      const message = (await page.textContent("#signin-error")).trim();
      assert.ok(message.length > 0, "an error is shown");
    } finally {
      await browser.close();
    }
  },
);

test("the home page sends someone who has not signed in to the sign-in page", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await gotoWhenReady(page, "/");
    assert.equal(pathOf(page), "/signin");
    assert.equal(await page.locator("#signin-form").count(), 1);
  } finally {
    await browser.close();
  }
});

test("after signing in, switching to Arabic turns the page right-to-left", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page, problems, cspViolations } = browser;
    await signIn(page, "sarah");
    await switchLanguage(page, "ar");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
    assert.equal(pathOf(page), "/", "she stays on her home page");
    assert.match(await page.textContent("#page-title"), /Sarah/);
    // And back: Dutch is left-to-right again (this also leaves sarah's account in Dutch).
    await switchLanguage(page, "nl");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "ltr");
    assert.deepEqual(unexpected(problems), [], "no console errors");
    assert.deepEqual(cspViolations, [], "no Content-Security-Policy violations");
  } finally {
    await browser.close();
  }
});

// Beyond the sign-in contract: the sign-out button sits in the header's `.site-nav`.
test("signing out ends the session: the home page asks to sign in again", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, "marleen");
    await Promise.all([page.waitForURL(/\/signin/), page.click(".site-nav button[type=submit]")]);
    await page.goto(BASE + "/");
    assert.equal(pathOf(page), "/signin");
  } finally {
    await browser.close();
  }
});
