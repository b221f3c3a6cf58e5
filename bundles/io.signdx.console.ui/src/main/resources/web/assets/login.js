// The login page: posts the credentials as JSON and, once the session cookie is set, goes to the app
// (to the page the user first asked for, kept in the hash).
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

function target() {
  return '/ui/' + (location.hash.startsWith('#/') ? location.hash : '');
}

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    showError('Enter your user name and password.');
    return;
  }
  submit.disabled = true;
  try {
    const resp = await fetch('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'signdx' },
      body: JSON.stringify({ username, password }),
    });
    if (resp.ok) {
      location.replace(target());
      return;
    }
    let message = '';
    try {
      message = (await resp.json()).error || '';
    } catch (e) {
      // not JSON: fall back to the status below
    }
    if (resp.status === 401) {
      showError('Wrong user name or password.');
    } else {
      showError(message || ('Sign-in failed (' + resp.status + ').'));
    }
    form.password.value = '';
    form.password.focus();
  } catch (e) {
    showError('The server cannot be reached.');
  } finally {
    submit.disabled = false;
  }
});

// Someone already signed in (a second tab, a bookmark) goes straight to the app.
fetch('/api/session', { credentials: 'same-origin', headers: { 'X-Requested-With': 'signdx', 'Accept': 'application/json' } })
  .then((resp) => { if (resp.ok) { location.replace(target()); } })
  .catch(() => { /* stay on the form */ });
