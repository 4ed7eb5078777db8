// The sign-in form, the signed-in officer in the header and the sign-out button of the console.
import { officerLabel } from './format.js';
import { $, field } from './dom.js';

const NOTICES = {
  expired: '登录已过期，请重新登录。',
  logout: '已退出登录。',
};

/** Wires the form (the session tells the app of a sign-in) and the sign-out button. */
export function initSignIn(session) {
  const form = $('login-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const officer = field(form, 'officer').value.trim();
    if (!officer || !field(form, 'password').value) {
      showLoginError(new Error('请填写人员编号和密码'));
      return;
    }
    button.disabled = true;
    try {
      await session.login(officer, field(form, 'password').value, field(form, 'totp').value);
      sessionStorage.setItem('liaison.lastOfficer', officer);
      showLoginError(null);
    } catch (err) {
      showLoginError(err);
    } finally {
      field(form, 'password').value = '';
      field(form, 'totp').value = '';
      button.disabled = false;
    }
  });
  $('logout').addEventListener('click', () => session.logout());
}

function showLoginError(err) {
  $('login-error').textContent = err ? err.message : '';
  $('login-error').hidden = !err;
}

/** Shows the sign-in form (and why, after an expiry or a sign-out), hides the header's user. */
export function showSignIn(reason) {
  $('user').hidden = true;
  $('login-panel').hidden = false;
  const notice = NOTICES[reason];
  $('login-notice').textContent = notice ?? '';
  $('login-notice').hidden = !notice;
  const form = $('login-form');
  const last = sessionStorage.getItem('liaison.lastOfficer');
  if (last && !field(form, 'officer').value) field(form, 'officer').value = last;
  (field(form, 'officer').value ? field(form, 'password') : field(form, 'officer')).focus();
}

/** Hides the form and names the signed-in officer in the header. */
export function showUser(officer) {
  $('login-panel').hidden = true;
  $('user').hidden = false;
  $('user-text').textContent = `当前登录：${officerLabel(officer)}`;
}
