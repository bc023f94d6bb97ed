// Leaving quickly on a phone: the page is replaced by a neutral one, Back does not bring
// Brug back, and for a family member the session is gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, TEST_TIMEOUT, openBrowser, pathOf, signIn, switchLanguage } from "./support.mjs";

const NEUTRAL = /^https:\/\/www\.meteo\.be\//;

/** The neutral page is on the internet; the test answers for it, on a closed network. */
async function fakeNeutralSite(browser) {
  await browser.context.route("https://www.meteo.be/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Het weer</title><h1>Het weer</h1>" }),
  );
}

async function backDoesNotShowBrug(page) {
  await page.goBack({ waitUntil: "commit" }).catch(() => {});
  await page.waitForURL(NEUTRAL);
  await page.waitForLoadState("load");
  assert.equal(await page.title(), "Het weer");
}

test(
  "marleen leaves quickly: the neutral page replaces Brug, Back does not return, and her session is gone",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await fakeNeutralSite(browser);
      await signIn(page, "marleen");
      await switchLanguage(page, "nl");
      await Promise.all([page.waitForURL(/\/reunification$/), page.click('a[href$="/reunification"]')]);
      await Promise.all([page.waitForURL(NEUTRAL), page.click("a.quick-exit")]);
      assert.equal(await page.title(), "Het weer");

      await backDoesNotShowBrug(page);
      await backDoesNotShowBrug(page);

      await page.goto(BASE + "/");
      assert.equal(pathOf(page), "/signin", "the session cookie no longer signs in");
    } finally {
      await browser.close();
    }
  },
);

test(
  "pressing Escape three times leaves too, and sarah, who did not choose to be signed out, stays signed in",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await fakeNeutralSite(browser);
      await signIn(page, "sarah");
      await switchLanguage(page, "nl");
      await Promise.all([page.waitForURL(/\/trajectory$/), page.click('a[href$="/trajectory"]')]);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      assert.match(page.url(), /\/trajectory$/, "two presses are not enough");
      await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press("Escape")]);
      await backDoesNotShowBrug(page);

      await page.goto(BASE + "/");
      assert.equal(pathOf(page), "/", "still signed in");
      assert.match(await page.textContent("h1"), /Sarah/);
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
    }
  },
);
