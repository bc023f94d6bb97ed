// Two server processes behind one PostgreSQL database: a message sent through one appears
// live on a page held by the other, and the answer travels back. scripts/test starts both
// processes (BRUG_URL and BRUG_URL_SECOND) on a fresh database; the default `node --test`
// run does not pick this file up, because it needs that setup.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "../support.mjs";

const SECOND = (process.env.BRUG_URL_SECOND ?? "").replace(/\/+$/, "");
const LIVE = 'span.live-messages[data-live="open"]';

test(
  "sarah writes through one server process and lotte's page on the other shows it live, and the answer comes back",
  { timeout: TEST_TIMEOUT },
  async () => {
    assert.ok(SECOND, "BRUG_URL_SECOND names the second server process");
    assert.notEqual(SECOND, BASE);
    const sarah = await openBrowser();
    const lotte = await openBrowser();
    try {
      await signIn(lotte.page, "lotte", { base: SECOND });
      await switchLanguage(lotte.page, "nl");
      await lotte.page.goto(SECOND + "/messages");
      await lotte.page.waitForSelector(LIVE, { state: "attached" });
      await lotte.page.evaluate(() => {
        window.__notReloaded = true;
      });

      await signIn(sarah.page, "sarah");
      await switchLanguage(sarah.page, "nl");
      await sarah.page.goto(BASE + "/messages");
      const withLotte = sarah.page.locator("ul.conversations li", { hasText: "Lotte" });
      await Promise.all([sarah.page.waitForURL(/\/messages\/\d+#reply$/), withLotte.locator("a").click()]);
      const conversation = sarah.page.url().match(/\/messages\/(\d+)/)[1];
      await sarah.page.waitForSelector(LIVE, { state: "attached" });
      await sarah.page.fill("#message-body", "Via de eerste server.");
      await Promise.all([sarah.page.waitForURL(/#message-\d+$/), sarah.page.click(".message-form button[type=submit]")]);
      await sarah.page.waitForSelector(LIVE, { state: "attached" });

      const item = lotte.page.locator(`li[data-conversation="${conversation}"]`);
      await item.locator(".unread").waitFor({ timeout: 10_000 });
      assert.ok(await lotte.page.evaluate(() => window.__notReloaded === true), "updated in place");

      await Promise.all([lotte.page.waitForURL(/\/messages\/\d+#reply$/), item.locator("a").click()]);
      await lotte.page.fill("#message-body", "Antwoord via de tweede server.");
      await Promise.all([lotte.page.waitForURL(/#message-\d+$/), lotte.page.click(".message-form button[type=submit]")]);
      await sarah.page
        .locator("ol.messages li", { hasText: "Antwoord via de tweede server." })
        .waitFor({ timeout: 10_000 });
      assert.deepEqual(sarah.problems, []);
      assert.deepEqual(lotte.problems, []);
    } finally {
      await sarah.close();
      await lotte.close();
    }
  },
);
