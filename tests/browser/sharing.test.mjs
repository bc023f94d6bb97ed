// Consent in the browser: what a family member sees follows the participant's choice at
// once, and the participant sees who looked at her file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

async function openCasePage(page, suffix) {
  await Promise.all([page.waitForURL(new RegExp(`/cases/\\d+${suffix}$`)), page.click(`a[href$="${suffix}"]`)]);
}

test(
  "marleen sees the reunification steps until sarah takes the share back, and sarah sees lotte's reading of her file",
  { timeout: TEST_TIMEOUT },
  async () => {
    const marleen = await openBrowser();
    const lotte = await openBrowser();
    const sarah = await openBrowser();
    try {
      await signIn(marleen.page, "marleen");
      await switchLanguage(marleen.page, "nl");
      await openCasePage(marleen.page, "/reunification");
      const reunificationUrl = marleen.page.url();
      assert.match(await marleen.page.textContent("main"), /Amira/);

      await signIn(lotte.page, "lotte");
      await openCasePage(lotte.page, "/trajectory");

      await signIn(sarah.page, "sarah");
      await switchLanguage(sarah.page, "nl");
      await openCasePage(sarah.page, "/sharing");
      const forMarleen = sarah.page.locator("section.family-sharing", { hasText: "Marleen" });
      await forMarleen.locator('input[name="share_reunification"]').uncheck();
      await Promise.all([sarah.page.waitForLoadState("load"), forMarleen.locator('button[type="submit"]').first().click()]);
      assert.equal(await forMarleen.locator('input[name="share_reunification"]').isChecked(), false);

      const after = await marleen.page.goto(reunificationUrl);
      assert.equal(after.status(), 403);
      assert.doesNotMatch(await marleen.page.textContent("main"), /Amira/);
      assert.match(await marleen.page.textContent("main"), /niet met jou gedeeld/);

      await sarah.page.goto(sarah.page.url().replace(/\/sharing$/, "/access-log"));
      assert.match(await sarah.page.textContent("main"), /Lotte \(justitieassistent\).*bekeek het traject/);

      // Share again, so the demo circle is as it was for whoever runs the suite next.
      await sarah.page.goto(sarah.page.url().replace(/\/access-log$/, "/sharing"));
      await forMarleen.locator('input[name="share_reunification"]').check();
      await Promise.all([sarah.page.waitForLoadState("load"), forMarleen.locator('button[type="submit"]').first().click()]);
      assert.equal((await marleen.page.goto(reunificationUrl)).status(), 200);
    } finally {
      await marleen.close();
      await lotte.close();
      await sarah.close();
    }
  },
);
