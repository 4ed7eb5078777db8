// 联合行动 (joint operations and joint meetings) as a screen of the shell: the plans list with
// deconfliction alerts, meeting minutes and items at #/actions, one plan at #/actions/<id>.
// The screen's body lives in ../actions.js.
import { showActions } from '../actions.js';
import { register } from '../screens.js';

register({
  id: 'actions',
  nav: '联合行动',
  order: 45,
  href: '#/actions',
  path: /^#\/actions(?:\/(.+))?$/,
  action: 'ACTION_READ',
  show(root, m, ctx) {
    return showActions(root, m[1] ? decodeURIComponent(m[1]) : null, {
      api: ctx.api,
      self: () => ctx.self,
      officer: () => ctx.officer,
    });
  },
});
