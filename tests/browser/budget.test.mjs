// The size budget: a first visit to the sign-in or home page may cost at most 60 kB of
// WebAssembly and JavaScript, brotli-compressed. Measured on what Chromium really loads,
// files and the scripts written into the page alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { brotliCompressSync, constants } from "node:zlib";
import { BASE, TEST_TIMEOUT, gotoWhenReady, openBrowser, signIn } from "./support.mjs";

const BUDGET = 60 * 1024;

function brotliSize(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Records every script and WebAssembly response while `visit` runs. */
async function scriptBytes(page, visit) {
  const loaded = [];
  const transfers = [];
  const onResponse = async (response) => {
    const url = response.url();
    if (/\.(m?js|wasm)(\?|$)/.test(url)) loaded.push(response.body().then((body) => ({ url, body })));
    // What crossed the network for everything the visit loaded (compressed bodies and headers).
    transfers.push(response.request().sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
  };
  page.on("response", onResponse);
  await visit();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const files = await Promise.all(loaded);
  // Scripts written into the page count too (the quick exit's, the island loader's).
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll("script:not([src])")].map((script) => script.textContent),
  );
  files.push(...inline.map((text, index) => ({ url: `inline script ${index + 1}`, body: Buffer.from(text) })));
  const rows = files.map(({ url, body }) => ({ file: url.replace(BASE, ""), raw: body.length, brotli: brotliSize(body) }));
  const transferred = (await Promise.all(transfers)).reduce((sum, bytes) => sum + bytes, 0);
  return { rows, brotli: rows.reduce((sum, row) => sum + row.brotli, 0), transferred };
}

test("a first visit to the sign-in page stays within 60 kB of WebAssembly and JavaScript", { timeout: TEST_TIMEOUT }, async () => {
  // Without the service worker, whose own fetches would hide what crossed the network (it
  // installs after the page has loaded, from the browser's cache).
  const browser = await openBrowser({ serviceWorkers: "block" });
  try {
    const { page } = browser;
    const measured = await scriptBytes(page, async () => {
      await gotoWhenReady(page, "/signin");
      await page.waitForSelector('#signin-form[data-enhanced="true"]');
    });
    console.log(`first visit /signin: ${JSON.stringify(measured.rows)} total ${measured.brotli} bytes brotli; ${measured.transferred} bytes transferred in all`);
    assert.ok(measured.rows.some((row) => row.file.endsWith(".wasm")), "the island's WebAssembly was loaded");
    assert.ok(measured.brotli <= BUDGET, `${measured.brotli} > ${BUDGET}`);
  } finally {
    await browser.close();
  }
});

test("a first visit to the home page stays within 60 kB of WebAssembly and JavaScript", { timeout: TEST_TIMEOUT }, async () => {
  const browser = await openBrowser({ javaScriptEnabled: false });
  const fresh = await openBrowser({ serviceWorkers: "block" });
  try {
    // Sign in without JavaScript, so nothing is cached, then open home in a fresh browser with the cookie.
    await signIn(browser.page, "sarah", { hydrated: false });
    await fresh.context.addCookies(await browser.context.cookies());
    const measured = await scriptBytes(fresh.page, () => gotoWhenReady(fresh.page, "/"));
    assert.match(await fresh.page.textContent("#page-title"), /Sarah/);
    console.log(`first visit /: ${JSON.stringify(measured.rows)} total ${measured.brotli} bytes brotli; ${measured.transferred} bytes transferred in all`);
    assert.ok(measured.brotli <= BUDGET, `${measured.brotli} > ${BUDGET}`);
  } finally {
    await browser.close();
    await fresh.close();
  }
});

test("the site's files carry a content hash, come compressed and may be kept for a year; pages are never kept", { timeout: TEST_TIMEOUT }, async () => {
  const page = await fetch(BASE + "/signin", { headers: { "accept-encoding": "br" } });
  assert.equal(page.headers.get("content-encoding"), "br");
  assert.equal(page.headers.get("cache-control"), "no-store");
  const html = await page.text();
  const files = [...html.matchAll(/(?:href|src|data-brug-script|data-brug-wasm)="(\/(?:pkg|style)\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(files.length >= 4, `the stylesheet, the loader, the script and the WebAssembly: ${files}`);
  for (const file of files) {
    assert.match(file, /\.[0-9a-f]{16}\.(js|wasm|css)$/, file);
    const response = await fetch(BASE + file, { headers: { "accept-encoding": "br, gzip" } });
    assert.equal(response.status, 200, file);
    assert.equal(response.headers.get("content-encoding"), "br", file);
    assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable", file);
  }
});
