// Sends the API token when the server asks for one: on a 401 (AUTH_TOKEN) or a refused write
// (WRITE_TOKEN) the explorer asks the person once, keeps the token while the tab is open,
// and repeats the request with "Authorization: Bearer <token>".

import { el, replaceChildren } from '../ui/dom.ts';

const STORAGE_KEY = 'lagebild.token';

let pendingPrompt: Promise<string | undefined> | undefined;

function storedToken(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function withToken(init: RequestInit | undefined, token: string | undefined): RequestInit {
  if (!token) return init ?? {};
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/** Whether the server refused because a token is missing or wrong (not another 403). */
async function needsToken(response: Response): Promise<'access' | 'write' | undefined> {
  if (response.status === 401) return 'access';
  if (response.status !== 403) return undefined;
  const text = await response.clone().text();
  return /write token/i.test(text) ? 'write' : undefined;
}

/**
 * fetch() that carries the session's token and asks for one when the server wants it.
 * A body that is a stream cannot be sent twice; the explorer only sends strings and Blobs.
 */
export async function authorizedFetch(input: string, init?: RequestInit): Promise<Response> {
  const sent = storedToken();
  const response = await fetch(input, withToken(init, sent));
  const kind = await needsToken(response);
  if (!kind) return response;
  // Another request may have been given the token while this one was on its way.
  const meanwhile = storedToken();
  if (meanwhile && meanwhile !== sent) return fetch(input, withToken(init, meanwhile));
  pendingPrompt ??= askForToken(kind).finally(() => (pendingPrompt = undefined));
  const token = await pendingPrompt;
  if (!token) return response;
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private windows may refuse storage; the token then lasts for this request only.
  }
  return fetch(input, withToken(init, token));
}

/** Shows the token dialog; resolves with the entered token, or undefined when cancelled. */
function askForToken(kind: 'access' | 'write'): Promise<string | undefined> {
  const root = document.getElementById('token-overlay') ?? document.body.appendChild(el('div'));
  root.id = 'token-overlay';
  root.className = 'overlay';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-labelledby', 'token-title');
  return new Promise((resolve) => {
    const input = el('input', { attrs: { type: 'password', autocomplete: 'off', id: 'token-input' } });
    const finish = (value: string | undefined) => {
      root.hidden = true;
      resolve(value?.trim() || undefined);
    };
    const form = el(
      'form',
      {
        class: 'dialog',
        on: {
          submit: (event) => {
            event.preventDefault();
            finish(input.value);
          },
        },
      },
      [
        el('h2', { text: kind === 'access' ? 'Access token' : 'Write token', attrs: { id: 'token-title' } }),
        el('p', {
          text:
            kind === 'access'
              ? 'This Lagebild asks for its access token (AUTH_TOKEN). It is kept until this tab is closed.'
              : 'This change writes to the graph, and writes need the write token (WRITE_TOKEN). It is kept until this tab is closed.',
        }),
        el('label', { text: 'Token ', attrs: { for: 'token-input' } }),
        input,
        el('div', { class: 'dialog-buttons' }, [
          el('button', { text: 'Use token', attrs: { type: 'submit', id: 'token-submit' } }),
          el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => finish(undefined) } }),
        ]),
      ],
    );
    replaceChildren(root, [form]);
    root.hidden = false;
    input.focus();
  });
}
