import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { DOCUMENT_POLICY, serializePolicy } from './app/config/content-security-policy.js';

/**
 * Puts the console's Content-Security-Policy at the top of index.html's head, before any script. The dev
 * server's own inline script (React refresh) and the <style> elements it injects for CSS need 'unsafe-inline'
 * there; builds (production, e2e) get the policy as it is.
 */
function contentSecurityPolicy(): Plugin {
  const devPolicy = { ...DOCUMENT_POLICY, 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] };
  return {
    name: 'content-security-policy',
    transformIndexHtml: (_html, { server }) => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: serializePolicy(server ? devPolicy : DOCUMENT_POLICY) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  publicDir: 'public',
  build: { outDir: 'dist', sourcemap: true },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
