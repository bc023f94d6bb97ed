// Installable and calm offline: the manifest and service worker are there; without a
// connection the shell shows a calm offline page and no case data; on "my own phone" the
// last-seen pages stay readable, until a quick exit deletes them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, PASSWORD, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

/** Waits until the service worker controls the page (after its first install). */
async function underServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the service worker controls the page");
}

test("Brug can be added to the home screen: a manifest that names nothing but Brug, and a service worker", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.goto(BASE + "/signin");
    const href = await page.getAttribute('link[rel="manifest"]', "href");
    const manifest = await (await fetch(BASE + href)).json();
    assert.equal(manifest.name, "Brug");
    assert.equal(manifest.display, "standalone");
    assert.ok(manifest.icons.length > 0);
    const words = JSON.stringify(manifest).toLowerCase();
    for (const telling of ["prison", "gevangenis", "justi", "famil", "return", "terug"]) {
      assert.ok(!words.includes(telling), `the manifest says nothing about what Brug is for (${telling})`);
    }
    await underServiceWorker(page);
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
  }
});

test("offline, the shell shows a calm offline page and no case data is kept on a phone that is not marked as one's own", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page, context } = browser;
    await signIn(page, "sarah");
    await switchLanguage(page, "nl");
    await underServiceWorker(page);
    await Promise.all([page.waitForURL(/\/trajectory$/), page.click('a[href$="/trajectory"]')]);
    const trajectory = page.url();
    assert.ok((await page.locator("li.milestone").count()) >= 4);

    await context.setOffline(true);
    await page.goto(trajectory);
    assert.match(await page.textContent("h1"), /Geen verbinding/);
    assert.equal(await page.locator("li.milestone").count(), 0, "no milestone was kept");
  } finally {
    await browser.close();
  }
});

test("on her own phone sarah reads her last-seen milestones offline, and after a quick exit they are gone", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page, context } = browser;
    await context.route("https://www.meteo.be/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Het weer</title>" }),
    );
    await signIn(page, "sarah");
    await switchLanguage(page, "nl");
    await underServiceWorker(page);
    await page.goto(BASE + "/settings");
    await page.check("#own-phone");
    await Promise.all([page.waitForURL(/\/settings$/), page.click("form.stacked-form button[type=submit]")]);
    assert.ok(await page.isChecked("#own-phone"));

    await page.goto(BASE + "/");
    await Promise.all([page.waitForURL(/\/trajectory$/), page.click('a[href$="/trajectory"]')]);
    const trajectory = page.url();
    const online = await page.locator("li.milestone").count();
    assert.ok(online >= 4);

    await context.setOffline(true);
    await page.goto(trajectory);
    assert.equal(await page.locator("li.milestone").count(), online, "the last-seen milestones are readable offline");

    await context.setOffline(false);
    await page.goto(trajectory);
    await Promise.all([page.waitForURL(/meteo\.be/), page.click("a.quick-exit")]);
    await context.setOffline(true);
    await page.goto(trajectory);
    assert.match(await page.textContent("h1"), /Geen verbinding/);
    assert.equal(await page.locator("li.milestone").count(), 0, "the quick exit deleted what the phone kept");
  } finally {
    await browser.close();
  }
});

test("pages kept on her own phone go once the server says her session ended elsewhere", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page, context } = browser;
    await signIn(page, "sarah");
    await switchLanguage(page, "nl");
    await underServiceWorker(page);
    await page.goto(BASE + "/settings");
    await page.check("#own-phone");
    await Promise.all([page.waitForURL(/\/settings$/), page.click("form.stacked-form button[type=submit]")]);
    await page.goto(BASE + "/");
    await Promise.all([page.waitForURL(/\/trajectory$/), page.click('a[href$="/trajectory"]')]);
    const trajectory = page.url();
    assert.ok((await page.locator("li.milestone").count()) >= 4);

    // On another device she signs out everywhere (a lost phone, a changed password).
    const login = await fetch(BASE + "/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "sarah", password: PASSWORD, device_name: "laptop" }),
    });
    const { token } = await login.json();
    const ended = await fetch(BASE + "/api/v1/me/sign-out-everywhere", { method: "POST", headers: { authorization: `Bearer ${token}` } });
    assert.equal(ended.status, 204);

    await page.goto(trajectory);
    await page.waitForURL(/\/signin$/);
    await context.setOffline(true);
    await page.goto(trajectory);
    assert.match(await page.textContent("h1"), /Geen verbinding/);
    assert.equal(await page.locator("li.milestone").count(), 0, "nothing of the ended session was kept");
  } finally {
    await browser.close();
  }
});
