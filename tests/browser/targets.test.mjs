// Every link, button and form control outside running text is at least 44 × 44 CSS pixels
// on a 360-pixel phone, in Dutch and in Arabic, on every page each kind of reader can
// reach; and "Leave quickly" stays in reach at every scroll position.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

const MIN = 44;
// Links that act rather than show a page: leaving, signing out, calendar files and the
// copy of one's data as a file.
const NOT_A_PAGE = /^\/(leave|signout)\b|\.ics$|\.json$|\/calendar\b|^\/api\//;
const MAX_PAGES = 45;

/** What is too small on the current page, one readable line each. */
async function smallTargets(page) {
  return page.evaluate((min) => {
    // Closed disclosures hide forms that count as much as the rest: open them all.
    for (const details of document.querySelectorAll("details")) details.open = true;
    // A link inside a sentence is exempt (WCAG 2.5.8): its paragraph says more than it.
    const inRunningText = (link) => {
      const block = link.parentElement?.closest("p, dd");
      return !!block && block.textContent.trim().length > link.textContent.trim().length;
    };
    const found = [];
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    for (const control of document.querySelectorAll(controls)) {
      if (control.matches("a") && inRunningText(control)) continue;
      // A check box or radio button is its whole label, which wraps it.
      const target = control.matches("[type=checkbox], [type=radio]") ? control.closest("label") ?? control : control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name = (control.textContent || control.getAttribute("name") || control.id || "").trim().slice(0, 40);
        found.push(`${control.tagName.toLowerCase()} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  }, MIN);
}

/** "Leave quickly" after scrolling to the very end: on screen, large enough, not covered. */
async function quickExitInReach(page) {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const link = document.querySelector("a.quick-exit");
    if (!link) return "missing";
    const box = link.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) return "scrolled away";
    if (box.width < 44 || box.height < 44) return `${Math.round(box.width)}×${Math.round(box.height)}`;
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!onTop || !link.contains(onTop)) return "covered";
    const endSide = document.documentElement.dir === "rtl" ? box.right < innerWidth / 2 : box.left > innerWidth / 2;
    return endSide ? "ok" : "not in the corner it has in this direction";
  });
}

/** The signed-in pages a reader reaches by following links from home, breadth first. */
async function visitEveryPage(page, onPage) {
  const seen = new Set(["/"]);
  const queue = ["/"];
  while (queue.length > 0 && seen.size <= MAX_PAGES) {
    const path = queue.shift();
    const response = await page.goto(BASE + path);
    assert.ok(response.ok(), `${path} answers ${response.status()}`);
    await onPage(path);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll("a[href^='/']:not([data-quick-exit])")].map((a) => new URL(a.href).pathname),
    );
    for (const link of links) {
      if (NOT_A_PAGE.test(link) || seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return seen.size;
}

for (const lang of ["nl", "ar"]) {
  for (const username of ["sarah", "marleen", "lotte", "coordinator"]) {
    test(`every target is at least 44 × 44 px and "Leave quickly" stays in reach for ${username} in ${lang}`, { timeout: TEST_TIMEOUT }, async () => {
      const browser = await openBrowser();
      try {
        const { page } = browser;
        await signIn(page, username, { hydrated: false });
        await switchLanguage(page, lang);
        const problems = [];
        const pages = await visitEveryPage(page, async (path) => {
          for (const line of await smallTargets(page)) problems.push(`${path}: ${line}`);
          const reach = await quickExitInReach(page);
          if (reach !== "ok") problems.push(`${path}: Leave quickly ${reach}`);
        });
        assert.ok(pages >= 3, `${username} reaches several pages (${pages})`);
        assert.deepEqual(problems, [], problems.join("\n"));
      } finally {
        await switchLanguage(browser.page, "nl").catch(() => {});
        await browser.close();
      }
    });
  }
}

test("the sign-in, join and code pages have large enough targets in Dutch and Arabic", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const problems = [];
    for (const lang of ["nl", "ar"]) {
      for (const path of ["/signin", "/join", "/code"]) {
        await page.goto(BASE + path);
        if (lang !== "nl") await switchLanguage(page, lang);
        for (const line of await smallTargets(page)) problems.push(`${path} (${lang}): ${line}`);
        const reach = await quickExitInReach(page);
        if (reach !== "ok") problems.push(`${path} (${lang}): Leave quickly ${reach}`);
      }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  } finally {
    await browser.close();
  }
});
