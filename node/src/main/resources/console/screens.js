// The console's screens. A screen is one file under screens/ that calls register() once, plus one
// import line in screens/index.js; the shell (app.js) builds the navigation from what is
// registered, shows the screen whose path matches the address (#/...), and hands it live events.
//
// register({
//   id: 'inbox',                 // unique
//   nav: '线索', order: 10,       // in the navigation bar (leave nav out for a screen reached by link)
//   href: '#/',                  // where the navigation link goes
//   path: /^#\/(inbox\/.*)?$/,   // the addresses the screen shows; match groups go to show()
//   action: 'LEAD_READ',         // the node's action the officer needs (format.js can())
//   show(root, match, ctx),      // renders into root (a <section>); may be async
//   onEvent(type, data, ctx),    // optional: a live event while the screen is shown
// })
//
// ctx: { api(path, options), officer, self, names, roster, directory(), go(hash), toast(text) }

const screens = [];

export function register(screen) {
  if (screens.some((s) => s.id === screen.id)) throw new Error(`screen ${screen.id} registered twice`);
  screens.push(screen);
  screens.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Every registered screen, in navigation order. */
export function all() {
  return [...screens];
}

/** The screen that shows this address, with its match; null when none does. */
export function match(hash) {
  for (const s of screens) {
    const m = s.path.exec(hash);
    if (m) return { screen: s, match: m };
  }
  return null;
}
