// Messages in the browser: two people in two browser contexts see each other's messages
// and read receipts arrive without reloading the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

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
      await Promise.all([sarah.page.waitForURL(/\/messages\/\d+$/), withLotte.locator("a").click()]);
      const threadUrl = sarah.page.url();
      const conversation = threadUrl.match(/\/messages\/(\d+)$/)[1];
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

      await Promise.all([lotte.page.waitForURL(/\/messages\/\d+$/), item.locator("a").click()]);
      assert.match(await lotte.page.textContent("ol.messages"), /Mag ik donderdag een uur later komen\?/);
      await lotte.page.fill("#message-body", "Dat is goed, tot donderdag.");
      await Promise.all([lotte.page.waitForURL(/#message-\d+$/), lotte.page.click(".message-form button[type=submit]")]);

      // Sarah's open thread gets the answer and the receipt for her own message, in place.
      await sarah.page.locator("ol.messages li", { hasText: "Dat is goed, tot donderdag." }).waitFor();
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
