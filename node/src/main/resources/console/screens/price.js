// 价格互查 as a screen of the shell: price.js keeps its own panel (#price-panel in index.html) and
// follows the address itself; this registration gives it its navigation link and hides the
// shell's screen while it shows.
import { initPrice } from '../price.js';
import { register } from '../screens.js';

register({
  id: 'price',
  nav: '价格互查',
  order: 60,
  href: '#/price',
  path: /^#\/price(?:\/.*)?$/,
  show(root, m, ctx) {
    document.getElementById('screen').hidden = true;
    initPrice({
      api: ctx.api,
      names: () => ctx.names,
      canWrite: () => (ctx.officer?.roles ?? []).some((r) => r === 'PRICE_CHECKER' || r === 'CHIEF'),
      self: () => ctx.self,
      officer: () => ctx.officer?.id,
    });
  },
});
