import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BASE, gotoWhenReady, openBrowser, signIn, switchLanguage } from "./support.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG_22_AA,
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

// axe is injected as an inline script, which Brug's policy forbids: only this context bypasses it.
for (const lang of ["nl", "ar"]) {
  test(`the sign-in and home pages have no WCAG 2.2 AA violations in ${lang}`, async () => {
    const browser = await openBrowser({ bypassCSP: true });
    try {
      const { page } = browser;
      await gotoWhenReady(page, "/signin");
      if (lang !== "nl") await switchLanguage(page, lang);
      assert.deepEqual(await violations(page), [], `/signin in ${lang}`);
      await signIn(page, "sarah");
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.deepEqual(await violations(page), [], `/ in ${lang}`);
    } finally {
      await browser.close();
    }
  });
}

test("the join, devices, administration and code pages have no WCAG 2.2 AA violations", async () => {
  const browser = await openBrowser({ bypassCSP: true });
  try {
    const { page } = browser;
    await gotoWhenReady(page, "/join");
    assert.deepEqual(await violations(page), [], "/join");
    await signIn(page, "coordinator");
    for (const path of ["/devices", "/admin"]) {
      await page.goto(BASE + path);
      assert.deepEqual(await violations(page), [], path);
    }
    await page.fill("#case-name", "Samira");
    await Promise.all([page.waitForURL(/\/admin\?saved/), page.click("form[action='/admin/cases'] button")]);
    assert.deepEqual(await violations(page), [], "/admin after saving");
    await Promise.all([page.waitForURL(/\/code\?value=/), page.click("form[action='/reset-codes'] button")]);
    assert.match(await page.textContent(".one-time-code"), /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.deepEqual(await violations(page), [], "/code");
  } finally {
    await browser.close();
  }
});

test("the sign-in and home pages fit a 360-pixel-wide phone without sideways scrolling", async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await gotoWhenReady(page, "/signin");
    assert.ok(await noHorizontalScroll(page), "/signin");
    await signIn(page, "sarah");
    assert.ok(await noHorizontalScroll(page), "/");
    for (const path of ["/devices", "/join"]) {
      await page.goto(BASE + path);
      assert.ok(await noHorizontalScroll(page), path);
    }
  } finally {
    await browser.close();
  }
});
