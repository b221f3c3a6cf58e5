// Calls to the REST API. The session cookie authenticates; every state-changing call carries the CSRF
// token the session answer gave; X-Requested-With marks the call as the console's own, so that a 401
// never makes the browser show its Basic-authentication dialog.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

export function toLogin() {
  location.assign('/ui/login.html' + (location.hash.startsWith('#/') ? location.hash : ''));
}

function headers(method) {
  const result = { 'Accept': 'application/json', 'X-Requested-With': 'signdx' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    result['X-CSRF-Token'] = csrfToken;
  }
  return result;
}

const STATUS_TEXT = {
  400: 'The request was refused',
  401: 'Your session has ended; sign in again',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'Refused because of a conflict',
  413: 'Too large for the server',
  429: 'Too many attempts; wait a moment',
};

function errorOf(status, body, path) {
  const detail = body && typeof body === 'object' && body.error ? String(body.error) : '';
  const general = STATUS_TEXT[status] || ('The server answered ' + status);
  if (status === 404 && !detail) {
    return new ApiError(status, general + ': ' + path.split('?')[0]);
  }
  return new ApiError(status, detail ? (status === 400 || status === 409 ? detail : general + ': ' + detail) : general);
}

async function readBody(resp) {
  const type = resp.headers.get('Content-Type') || '';
  if (resp.status === 204) {
    return null;
  }
  if (type.includes('json')) {
    try {
      return await resp.json();
    } catch (e) {
      return null;
    }
  }
  const raw = await resp.text();
  return raw ? { text: raw } : null;
}

/**
 * api('/api/signins?q=x'), api('/api/modules/detectors/x/disable', {method: 'POST'}),
 * api('/api/preferences', {method: 'PUT', json: {...}}). Resolves with the parsed JSON body, rejects
 * with an ApiError carrying a readable message.
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const init = { method, credentials: 'same-origin', headers: headers(method) };
  if (options.json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.json);
  } else if (options.form) {
    init.body = options.form;
  }
  let resp;
  try {
    resp = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached.');
  }
  const body = await readBody(resp);
  if (resp.status === 401 && !options.allow401) {
    toLogin();
  }
  if (!resp.ok) {
    throw errorOf(resp.status, body, path);
  }
  return body;
}

/**
 * Posts a multipart form with XMLHttpRequest, whose upload events give a progress bar what fetch does
 * not; onProgress(loaded, total) is called as the bytes go out.
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(headers('POST'))) {
      xhr.setRequestHeader(k, v);
    }
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (e) => {
      if (onProgress) {
        onProgress(e.loaded, e.lengthComputable ? e.total : 0);
      }
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = { text: xhr.responseText };
      }
      if (xhr.status === 401) {
        toLogin();
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(errorOf(xhr.status, body, path));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'The upload failed: the server cannot be reached.')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'The upload was cancelled.')));
    xhr.send(form);
  });
}

/** The list in an answer that is either a bare array or an object holding it under one of the keys. */
export function listOf(body, ...keys) {
  if (Array.isArray(body)) {
    return body;
  }
  for (const k of keys) {
    if (body && Array.isArray(body[k])) {
      return body[k];
    }
  }
  return [];
}
