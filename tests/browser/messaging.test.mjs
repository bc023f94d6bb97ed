// Messages in the browser: two people in two browser contexts see each other's messages
// and read receipts arrive without reloading the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, PASSWORD, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

const LIVE = 'span.live-messages[data-live="open"]';

/** Marks the page so a test can tell that it was updated in place, not reloaded. */
async function markPage(page) {
  await page.evaluate(() => {
    window.__notReloaded = true;
  });
}

async function stillSamePage(page) {
  return page.evaluate(() => window.__notReloaded === true);
}

test(
  "sarah writes to lotte, lotte's inbox shows it without a reload, lotte answers and sarah sees the answer and the read receipt",
  { timeout: TEST_TIMEOUT },
  async () => {
    const sarah = await openBrowser();
    const lotte = await openBrowser();
    try {
      await signIn(lotte.page, "lotte");
      await switchLanguage(lotte.page, "nl");
      await lotte.page.goto(BASE + "/messages");
      await lotte.page.waitForSelector(LIVE, { state: "attached" });
      await markPage(lotte.page);

      await signIn(sarah.page, "sarah");
      await switchLanguage(sarah.page, "nl");
      await sarah.page.goto(BASE + "/messages");
      const withLotte = sarah.page.locator("ul.conversations li", { hasText: "Lotte" });
      await Promise.all([sarah.page.waitForURL(/\/messages\/\d+#reply$/), withLotte.locator("a").click()]);
      const threadUrl = sarah.page.url();
      const conversation = threadUrl.match(/\/messages\/(\d+)/)[1];
      const text = `Mag ik donderdag een uur later komen? (${Date.now()})`;
      await sarah.page.fill("#message-body", text);
      await Promise.all([sarah.page.waitForURL(/#message-\d+$/), sarah.page.click(".message-form button[type=submit]")]);
      await sarah.page.waitForSelector(LIVE, { state: "attached" });
      await markPage(sarah.page);

      // Lotte's inbox, untouched since it loaded, now shows one new message and the number in the title.
      const item = lotte.page.locator(`li[data-conversation="${conversation}"]`);
      await item.locator(".unread").waitFor();
      assert.match(await item.locator(".unread").textContent(), /1 nieuw/);
      assert.match(await lotte.page.title(), /^\(1\) Berichten$/);
      assert.ok(await stillSamePage(lotte.page), "lotte's inbox updated without a reload");

      await Promise.all([lotte.page.waitForURL(/\/messages\/\d+#reply$/), item.locator("a").click()]);
      assert.match(await lotte.page.textContent("ol.messages"), /Mag ik donderdag een uur later komen\?/);
      await lotte.page.fill("#message-body", "Dat is goed, tot donderdag.");
      await Promise.all([lotte.page.waitForURL(/#message-\d+$/), lotte.page.click(".message-form button[type=submit]")]);

      // Sarah's open thread gets the answer and the receipt for her own message, in place.
      const answer = sarah.page.locator("ol.messages li", { hasText: "Dat is goed, tot donderdag." }).last();
      await answer.waitFor();
      // Written as the page writes its times ("1 december 2026, 10:09"), not 2026-12-01.
      assert.match(await answer.locator(".milestone-meta").textContent(), /^Lotte · \d{1,2}\u00a0[a-z]+\u00a0\d{4},\u00a0\d{2}:\d{2}$/);
      await sarah.page.locator("li.message-own .read-receipt", { hasText: "Gelezen door Lotte" }).first().waitFor();
      assert.ok(await stillSamePage(sarah.page), "sarah's thread updated without a reload");
      assert.deepEqual(sarah.problems, []);
      assert.deepEqual(sarah.cspViolations, []);
    } finally {
      await sarah.close();
      await lotte.close();
    }
  },
);

/** Whether the element's box lies wholly inside the viewport. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight && box.height > 0;
  });
}

test(
  "a long conversation opens with its newest message and the reply box in view on a 360 × 740 phone, and earlier messages load on request",
  { timeout: TEST_TIMEOUT },
  async () => {
    const login = await fetch(BASE + "/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "youssef", password: PASSWORD, device_name: "test" }),
    });
    const { token } = await login.json();
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const { conversations } = await (await fetch(BASE + "/api/v1/conversations", { headers: auth })).json();
    const conversation = conversations[0].id;
    const run = Date.now();
    for (let i = 1; i <= 30; i++) {
      const sent = await fetch(`${BASE}/api/v1/conversations/${conversation}/messages`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ body: `Bericht ${i} van ${run}`, client_id: `long-${run}-${i}` }),
      });
      assert.equal(sent.status, 201);
    }

    const browser = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = browser;
      await signIn(page, "youssef");
      await switchLanguage(page, "nl");
      await page.goto(BASE + "/messages");
      await Promise.all([page.waitForURL(/\/messages\/\d+#reply$/), page.click(`ul.conversations a[href^="/messages/${conversation}#"]`)]);
      const newest = page.locator("ol.messages li", { hasText: `Bericht 30 van ${run}` });
      assert.ok(await inView(newest), "the newest message is on screen");
      assert.ok(await inView(page.locator("#message-body")), "the reply box is on screen");
      assert.equal(await page.locator("ol.messages li", { hasText: `Bericht 1 van ${run}` }).count(), 0, "the oldest waits for a tap");

      await Promise.all([page.waitForURL(/before=/), page.click("p.earlier-messages a")]);
      assert.equal(await page.locator("ol.messages li", { hasText: `Bericht 10 van ${run}` }).count(), 1, "earlier messages load on request");
      assert.equal(await page.locator("ol.messages li", { hasText: `Bericht 30 van ${run}` }).count(), 0);
      await Promise.all([page.waitForURL(/#reply$/), page.click(`a[href="/messages/${conversation}#reply"]`)]);
      assert.ok(await inView(page.locator("ol.messages li", { hasText: `Bericht 30 van ${run}` })));
    } finally {
      await browser.close();
    }
  },
);
