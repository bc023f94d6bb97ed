// Passkeys in a real browser: a worker sets up the authenticator app, adds a passkey on the
// settings page, and next time gives the passkey instead of the app's code. Chromium's
// virtual authenticator (DevTools protocol) stands in for the laptop's fingerprint reader;
// the WebAuthn ceremony, the page's script and the server's checks are the real ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { BASE, PASSWORD, TEST_TIMEOUT, gotoWhenReady, openBrowser, pathOf, unexpected, waitForHydration } from "./support.mjs";

// A passkey belongs to a domain; an address such as 127.0.0.1 has none.
const SITE = BASE.replace("://127.0.0.1", "://localhost");

/** The code an authenticator app shows for `key` (RFC 6238: SHA-1, six digits, 30 s). */
function appCode(key, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...key.replace(/\s+/g, "").toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, "0"))
    .join("");
  const secret = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function passwordStep(page, username) {
  await gotoWhenReady(page, "/signin", SITE);
  await waitForHydration(page);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(SITE + "/signin/second-factor"), page.click("#signin-submit")]);
}

test(
  "a worker adds a passkey on the settings page and then signs in with it instead of the app's code",
  { timeout: TEST_TIMEOUT },
  async () => {
    const browser = await openBrowser();
    try {
      const { page, problems, cspViolations } = browser;
      const devtools = await browser.context.newCDPSession(page);
      await devtools.send("WebAuthn.enable");
      const { authenticatorId } = await devtools.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });

      // Pieter (a worker no other browser test signs in as) sets up his authenticator app.
      await gotoWhenReady(page, "/signin", SITE);
      await waitForHydration(page);
      await page.fill("#username", "pieter");
      await page.fill("#password", PASSWORD);
      await Promise.all([page.waitForURL(SITE + "/"), page.click("#signin-submit")]);
      await page.goto(SITE + "/signin/second-factor");
      const key = (await page.textContent("#setup-key")).trim();
      await page.fill("#enrol-code", appCode(key));
      await Promise.all([page.waitForURL(SITE + "/signin/recovery-codes"), page.click("#enrol-form button")]);

      // The form appears only where the browser can make passkeys: here it can.
      await page.goto(SITE + "/settings");
      await page.waitForSelector("#passkey-add-form", { state: "visible" });
      await page.fill("#passkey-name", "Laptop");
      await Promise.all([
        page.waitForURL(SITE + "/settings?saved=passkey"),
        page.click("#passkey-add-form button[type=submit]"),
      ]);
      assert.match(await page.textContent("#passkeys"), /Laptop/);
      const { credentials } = await devtools.send("WebAuthn.getCredentials", { authenticatorId });
      assert.equal(credentials.length, 1, "the passkey is on the laptop's authenticator");

      // Next time: the password, then the passkey.
      await browser.context.clearCookies();
      await passwordStep(page, "pieter");
      await page.waitForSelector("#passkey-use", { state: "visible" });
      await Promise.all([page.waitForURL(SITE + "/"), page.click("#passkey-use")]);
      assert.equal(pathOf(page), "/");
      assert.match(await page.textContent("#page-title"), /Pieter/);
      assert.deepEqual(unexpected(problems), [], "no console errors");
      assert.deepEqual(cspViolations, [], "no Content-Security-Policy violations");
    } finally {
      await browser.close();
    }
  },
);
