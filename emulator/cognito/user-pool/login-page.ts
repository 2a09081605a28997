/**
 * The managed login pages: plain HTML with inline styles and no scripts or
 * external assets, so they work offline and under a strict CSP.
 */

/** Sent with every page: nothing but the page itself and its inline styles may load. */
export const PAGE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
} as const;

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f2f3f3; color: #16191f; margin: 0; }
  main { max-width: 22rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 20%); }
  h1 { font-size: 1.4rem; margin: 0 0 1.5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.5rem; font-size: 1rem; border: 1px solid #687078; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #0972d3; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: 0.6rem; font-size: 1rem; font-weight: 600; color: #fff; background: #0972d3; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #b3261e; background: #fdecea; border-left: 4px solid #b3261e; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

interface LoginPageModel {
  /** The app client's name, shown so the user knows what they sign in to. */
  clientName: string;
  username?: string;
  error?: string;
}

/** The form posts back to the page's own URL (the interaction's). */
export function loginPage({ clientName, username = '', error }: LoginPageModel): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="error"' : '';
  return page(
    'Sign in',
    `<h1>Sign in to ${escapeHtml(clientName)}</h1>
${error ? `<p class="error" id="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${error ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${error ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** An error shown in place of a redirect (an unknown client, a refused redirect or sign-out URL). */
export function errorPage(title: string, detail: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(detail)}</p>`);
}
