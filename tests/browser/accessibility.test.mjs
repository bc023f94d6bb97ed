// WCAG 2.2 AA (axe-core) in Dutch and Arabic, and 360-pixel-wide screens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  BASE,
  TEST_TIMEOUT,
  gotoWhenReady,
  openBrowser,
  pathOf,
  signIn,
  switchLanguage,
  waitForHydration,
} from "./support.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PHONE_WIDTH = 360;

/**
 * Runs axe on the current page and returns one readable line per violation (empty when
 * clean); the lines are printed too, so a failure says what and where.
 */
async function violations(page, label) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG_22_AA,
  );
  const lines = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  if (lines.length > 0) console.log(`axe violations on ${label}:\n  ${lines.join("\n  ")}`);
  return lines;
}

/** The document's width at a 360-pixel viewport; more means sideways scrolling. */
async function documentWidth(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

// axe is injected as an inline script, which Brug's policy forbids: only these contexts bypass it.
for (const lang of ["nl", "ar"]) {
  test(`the sign-in and home pages have no WCAG 2.2 AA violations in ${lang}`, { timeout: TEST_TIMEOUT }, async () => {
    const browser = await openBrowser({ bypassCSP: true });
    try {
      const { page } = browser;
      await gotoWhenReady(page, "/signin");
      await waitForHydration(page);
      if (lang !== "nl") {
        await switchLanguage(page, lang);
        await waitForHydration(page);
      }
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.deepEqual(await violations(page, `/signin (${lang})`), [], `/signin in ${lang}`);

      await signIn(page, "sarah");
      // The server remembers a signed-in person's language: set it rather than assume it.
      await switchLanguage(page, lang);
      assert.equal(pathOf(page), "/");
      assert.deepEqual(await violations(page, `/ (${lang})`), [], `/ in ${lang}`);
      if (lang !== "nl") await switchLanguage(page, "nl"); // leave sarah's account in Dutch
    } finally {
      await browser.close();
    }
  });
}

// Beyond the sign-in contract: the join, devices, settings, offline, administration and
// code pages, left-to-right and right-to-left.
for (const lang of ["nl", "ar"]) {
  test(
    `the join, devices, settings, offline, administration and code pages have no WCAG 2.2 AA violations in ${lang}`,
    { timeout: TEST_TIMEOUT },
    async () => {
      const browser = await openBrowser({ bypassCSP: true });
      try {
        const { page } = browser;
        await gotoWhenReady(page, "/join");
        if (lang !== "nl") await switchLanguage(page, lang);
        assert.deepEqual(await violations(page, `/join (${lang})`), [], "/join");
        await signIn(page, "coordinator");
        await switchLanguage(page, lang);
        for (const path of ["/devices", "/settings", "/settings/my-data", "/offline", "/admin/erasure-requests", "/admin"]) {
          await page.goto(BASE + path);
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          assert.deepEqual(await violations(page, `${path} (${lang})`), [], path);
        }
        await page.fill("#case-name", `Samira ${lang}`);
        await Promise.all([page.waitForURL(/\/admin\?saved/), page.click("form[action='/admin/cases'] button")]);
        assert.deepEqual(await violations(page, `/admin after saving (${lang})`), [], "/admin after saving");
        await Promise.all([page.waitForURL(/\/code$/), page.click("form[action='/reset-codes'] button")]);
        assert.match(await page.textContent(".one-time-code"), /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        assert.deepEqual(await violations(page, `/code (${lang})`), [], "/code");
        if (lang !== "nl") await switchLanguage(page, "nl");
      } finally {
        await browser.close();
      }
    },
  );
}

// No bypassCSP here: this is the page as people get it.
test(
  "the sign-in and home pages fit a 360-pixel-wide phone without sideways scrolling",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await gotoWhenReady(page, "/signin");
      await waitForHydration(page);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, `/signin is ${await documentWidth(page)} px wide`);
      await signIn(page, "sarah");
      assert.equal(pathOf(page), "/");
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, `/ is ${await documentWidth(page)} px wide`);
      for (const path of ["/devices", "/join"]) {
        await page.goto(BASE + path);
        assert.ok((await documentWidth(page)) <= PHONE_WIDTH, `${path} is ${await documentWidth(page)} px wide`);
      }
    } finally {
      await browser.close();
    }
  },
);

for (const lang of ["nl", "ar"]) test(`the case pages and the caseload have no WCAG 2.2 AA violations in ${lang}, for the participant and for a worker`, { timeout: TEST_TIMEOUT }, async () => {
  for (const username of ["sarah", "lotte"]) {
    const browser = await openBrowser({ bypassCSP: true });
    try {
      const { page } = browser;
      await signIn(page, username);
      await switchLanguage(page, lang);
      await Promise.all([page.waitForURL(/\/cases\/\d+\/trajectory$/), page.click('a[href$="/trajectory"]')]);
      assert.ok((await page.locator("li.milestone").count()) >= 4, "the milestones are listed");
      assert.deepEqual(await violations(page, `trajectory (${username}, ${lang})`), [], username);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, `no sideways scrolling for ${username}`);
      const caseBase = page.url().replace(/\/trajectory$/, "");
      for (const [suffix, label] of [["/access-log", "access log"], ["/sharing", "sharing"], ["/reunification", "reunification"], ["/appointments", "appointments"], ["/contacts", "who is who"], ["/release", "release checklist"], ["/plans", "plans"]]) {
        await page.goto(caseBase + suffix);
        assert.equal(pathOf(page), new URL(caseBase + suffix).pathname, `the ${label} page itself`);
        assert.match(await page.textContent("#page-title"), /\S/);
        assert.deepEqual(await violations(page, `${label} (${username}, ${lang})`), [], `${label} for ${username}`);
        assert.ok((await documentWidth(page)) <= PHONE_WIDTH, `no sideways scrolling on the ${label} page`);
      }
      await Promise.all([page.waitForURL(/\/plans\/\d+$/), page.click("ul.plans a")]);
      assert.deepEqual(await violations(page, `plan (${username})`), [], `a plan for ${username}`);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, "no sideways scrolling on a plan");
      await page.goto(caseBase + "/plans");
      await Promise.all([page.waitForURL(/\/conferences\/\d+$/), page.click("ul.conferences a")]);
      assert.deepEqual(await violations(page, `case conference (${username})`), [], `a case conference for ${username}`);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, "no sideways scrolling on a case conference");
      await page.goto(BASE + "/messages");
      assert.deepEqual(await violations(page, `messages (${username})`), [], `messages for ${username}`);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, "no sideways scrolling on the messages page");
      await Promise.all([page.waitForURL(/\/messages\/\d+#reply$/), page.click('ul.conversations a')]);
      assert.deepEqual(await violations(page, `conversation (${username})`), [], `conversation for ${username}`);
      assert.ok((await documentWidth(page)) <= PHONE_WIDTH, "no sideways scrolling in a conversation");
      if (username === "lotte") {
        await page.goto(BASE + "/caseload");
        assert.match(await page.textContent("#page-title"), /\S/);
        assert.deepEqual(await violations(page, `caseload (${lang})`), [], "caseload");
        assert.ok((await documentWidth(page)) <= PHONE_WIDTH, "no sideways scrolling on the caseload");
      }
      if (lang !== "nl") await switchLanguage(page, "nl"); // leave the account in Dutch
    } finally {
      await browser.close();
    }
  }
});
