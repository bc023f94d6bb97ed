// Brug's service worker: the app shell works offline, and case data is not kept on the
// device unless the person marked it as their own phone. The server fills in SHELL and
// VERSION when it sends this file.
const SHELL = __SHELL__;
const VERSION = "__VERSION__";
const SHELL_CACHE = `brug-shell-${VERSION}`;
// Pages the server marked as keepable ("my own phone"); removed on sign-out and quick exit.
const OWN_PHONE_CACHE = "brug-own-phone";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("brug-shell-") && n !== SHELL_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "forget") event.waitUntil(caches.delete(OWN_PHONE_CACHE));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Signing out or leaving quickly forgets what this phone kept.
    if (url.pathname === "/signout" || url.pathname === "/leave") {
      event.respondWith(caches.delete(OWN_PHONE_CACHE).then(() => fetch(request)));
    }
    return;
  }
  if (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/style/") || url.pathname === "/icon.svg") {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.type === "opaqueredirect" || response.status === 401) {
            // The server sends a page away when the session is gone (signed out elsewhere,
            // a new password, a closed account): nothing kept for it stays on the phone.
            return caches.delete(OWN_PHONE_CACHE).then(() => response);
          }
          if (response.ok && response.headers.get("brug-keep-offline") === "1") {
            const copy = response.clone();
            caches.open(OWN_PHONE_CACHE).then((cache) => cache.put(url.pathname, copy));
          } else if (!response.ok) {
            // No longer shown (a share taken back): no longer kept either.
            return caches
              .open(OWN_PHONE_CACHE)
              .then((cache) => cache.delete(url.pathname))
              .then(() => response);
          }
          return response;
        })
        .catch(async () => {
          const own = await caches.open(OWN_PHONE_CACHE).then((cache) => cache.match(url.pathname));
          return own || (await caches.match("/offline")) || Response.error();
        }),
    );
  }
});

// A push says only that something new is there, in the person's language; the page says what.
self.addEventListener("push", (event) => {
  let message = { title: "Brug", body: "" };
  try {
    message = event.data.json();
  } catch (error) {
    // An unreadable push still tells the person, without content.
  }
  event.waitUntil(self.registration.showNotification(message.title || "Brug", { body: message.body, icon: "/icon.svg", tag: "brug" }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow("/"));
});
