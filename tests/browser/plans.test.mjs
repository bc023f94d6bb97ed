// A plan on a phone: Sarah finds the plan that waits for her, disagrees with one item and
// says why; Lotte opens the same plan and reads the disagreement and its reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

test(
  "sarah disagrees with an item of her plan on a phone-sized screen, and lotte sees the disagreement and its reason",
  { timeout: TEST_TIMEOUT },
  async () => {
    const sarah = await openBrowser();
    const lotte = await openBrowser();
    try {
      await signIn(sarah.page, "sarah");
      await switchLanguage(sarah.page, "nl");
      const waiting = sarah.page.locator(".plans-waiting a", { hasText: "Plan voor de vrijlating" });
      await Promise.all([sarah.page.waitForURL(/\/plans\/\d+$/), waiting.click()]);
      const planUrl = sarah.page.url();
      await sarah.page.locator("#waits-for-you").waitFor();

      const item = sarah.page.locator("li.plan-item", { hasText: "Werk zoeken met hulp van een trajectbegeleider" });
      const reason = `Ik wil eerst mijn opleiding afmaken (${Date.now()}).`;
      await item.locator('.answer-form input[name="stance"][value="disagree"]').check();
      await item.locator('.answer-form textarea[name="reason"]').fill(reason);
      const save = item.locator(".answer-form button[type=submit]");
      const box = await save.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 360, "the save button fits on the phone screen");
      assert.ok(box.height >= 44, "the save button is a full touch target");
      await Promise.all([sarah.page.waitForURL(/\?saved=item-\d+-answer#item-\d+-answer$/), save.click()]);
      assert.equal(await item.locator('.answer-form [role="status"]').textContent(), "Opgeslagen.", "saved, said at the item");
      const mine = sarah.page.locator("li.plan-item li.answer-disagree", { hasText: reason });
      await mine.waitFor();
      assert.match(await mine.textContent(), /Sarah: niet akkoord/);
      assert.deepEqual(sarah.problems, []);

      await signIn(lotte.page, "lotte");
      await switchLanguage(lotte.page, "nl");
      await lotte.page.goto(planUrl);
      const seen = lotte.page.locator("li.plan-item", { hasText: "Werk zoeken" }).locator("li.answer-disagree");
      await seen.waitFor();
      assert.match(await seen.textContent(), new RegExp(`Sarah: niet akkoord.*${reason.replace(/[().]/g, "\\$&")}`));
      assert.deepEqual(lotte.problems, []);
    } finally {
      await sarah.close();
      await lotte.close();
    }
  },
);
