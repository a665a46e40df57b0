// Portvakt's service worker: it makes the app installable and keeps ONLY the client shell (the stylesheets, the
// script, the icons and an offline page) for when the network is gone. Pages, meeting data, files, signaling and
// media are never stored: a page can carry a person's data, so a page is always fetched from the server and, when
// that fails, the offline page stands in for it. The shell is fetched from the network first, so a new release
// is used as soon as it is online; the cached copy is only the fallback.
const CACHE = 'portvakt-shell-v2';
// what the offline page and the installed app need, under names that never change
const SHELL = [
  '/css/portvakt.css',
  '/css/join.css',
  '/icons/portvakt.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/icons/apple-touch-icon.png',
  '/favicon.ico',
  '/manifest.webmanifest',
  '/offline.html',
];
const SHELL_PATHS = new Set(SHELL);
// the client's script and style sheets carry a hash of their content in their names (the web build): kept as
// they are fetched, since this worker cannot know today's names in advance
const HASHED_CLIENT = /^\/assets\/(portal|portvakt|join)-[A-Za-z0-9_-]+\.(js|css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // an older shell (another version of this worker) is dropped
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('portvakt-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // a page: from the server or not at all, never from a cache; offline, the offline page says so
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
    return;
  }
  if (!(SHELL_PATHS.has(url.pathname) || HASHED_CLIENT.test(url.pathname)) || url.search !== '') return;
  event.respondWith(fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    })
    .catch(() => caches.match(url.pathname).then((cached) => cached ?? Response.error())));
});
