// Read aloud: the button under a plan item hands the item's text to the browser's speech
// synthesis in the page's language. The speech module is fetched only on the first press,
// and without JavaScript the button stays out of the way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, TEST_TIMEOUT, openBrowser, signIn, switchLanguage } from "./support.mjs";

/** Records what the page asks the browser to say; the browser still says it. */
function listenToSpeech(context) {
  return context.addInitScript(() => {
    window.spokenTexts = [];
    if (!window.speechSynthesis) return;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance) => {
      window.spokenTexts.push({ text: utterance.text, lang: utterance.lang });
      speak(utterance);
    };
  });
}

async function openWaitingPlan(page) {
  const waiting = page.locator(".plans-waiting a").first();
  await Promise.all([page.waitForURL(/\/plans\/\d+$/), waiting.click()]);
}

test("read aloud speaks a plan item in the page's language and loads speech only when pressed", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser();
  try {
    const { page, context } = browser;
    await listenToSpeech(context);
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await signIn(page, "sarah");
    await switchLanguage(page, "nl");
    await openWaitingPlan(page);

    const item = page.locator("li.plan-item", { hasText: "Werk zoeken met hulp van een trajectbegeleider" });
    const button = item.locator("button.read-aloud");
    await button.waitFor({ state: "visible" });
    assert.equal(await button.textContent(), "Lees voor");
    assert.ok(!fetched.some((path) => path.includes("speech")), "nothing of the speech module before a press");

    await button.click();
    await page.waitForFunction(() => window.spokenTexts.length === 1);
    const [spoken] = await page.evaluate(() => window.spokenTexts);
    assert.equal(spoken.lang, "nl");
    assert.match(spoken.text, /^Werk zoeken met hulp van een trajectbegeleider van de VDAB\. Wie doet het\? Sarah\. /);
    assert.match(spoken.text, /Waarom\? Werk geeft structuur/);
    assert.ok(!spoken.text.includes("Antwoord bewaren") && !spoken.text.includes("Lees voor"), "only the item, not the forms under it");
    assert.ok(fetched.some((path) => /\/pkg\/speech_bg\.[0-9a-f]+\.wasm$/.test(path)), "the speech module came on the press");

    await switchLanguage(page, "ar");
    const arabic = page.locator("li.plan-item button.read-aloud").first();
    await arabic.waitFor({ state: "visible" });
    await arabic.click();
    await page.waitForFunction(() => window.spokenTexts.length === 1);
    assert.equal((await page.evaluate(() => window.spokenTexts))[0].lang, "ar");

    // A milestone is read in the language it was written in (Dutch), whatever the page's.
    await page.goto(page.url().replace(/\/plans\/\d+$/, "/trajectory"));
    const milestone = page.locator("li.milestone button.read-aloud").first();
    await milestone.waitFor({ state: "visible" });
    await milestone.click();
    await page.waitForFunction(() => window.spokenTexts.length === 1);
    assert.equal((await page.evaluate(() => window.spokenTexts))[0].lang, "nl");
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.cspViolations, []);
  } finally {
    await browser.close();
  }
});

test("without JavaScript the read-aloud button stays hidden and the text is all there", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = browser;
    await signIn(page, "sarah", { hydrated: false });
    await switchLanguage(page, "nl");
    await openWaitingPlan(page);
    const item = page.locator("li.plan-item", { hasText: "Werk zoeken met hulp van een trajectbegeleider" });
    assert.equal(await item.locator("button.read-aloud").isVisible(), false);
    assert.ok(await item.getByText("Werk geeft structuur en een eigen inkomen.").isVisible());
  } finally {
    await browser.close();
  }
});
