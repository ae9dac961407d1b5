// The ready-made header files for static hosts (public/) must send exactly the policy that the
// browser suite runs under (scripts/serve.ts strictCsp, docs/deploy.md), and the service worker
// must not precache them: they are for the host, not the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strictCsp } from '../../../scripts/serve';
import { precacheList } from '../../../scripts/swPlugin';

const publicDir = path.resolve(import.meta.dirname, '../../../public');
const read = (file: string) => readFileSync(path.join(publicDir, file), 'utf8');

describe('header files for static hosts', () => {
  const policy = strictCsp();

  it('Netlify/Cloudflare _headers carries the strict policy', () => {
    expect(read('_headers')).toContain(`Content-Security-Policy: ${policy}\n`);
  });

  it('Apache .htaccess carries the strict policy and the wasm type', () => {
    const text = read('.htaccess');
    expect(text).toContain(`Header always set Content-Security-Policy "${policy}"`);
    expect(text).toMatch(/AddType application\/wasm \.wasm/);
  });

  it('Azure staticwebapp.config.json carries the strict policy', () => {
    const config = JSON.parse(read('staticwebapp.config.json')) as { globalHeaders: Record<string, string> };
    expect(config.globalHeaders['Content-Security-Policy']).toBe(policy);
  });

  it('the manifest names icons that exist', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { icons: { src: string }[] };
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) expect(() => read(icon.src)).not.toThrow();
  });

  it('the service worker precaches the icons but not the host files', () => {
    const list = precacheList(['index.html', '_headers', '.htaccess', 'staticwebapp.config.json', 'favicon.svg']);
    expect(list).toEqual(['./', './favicon.svg', './index.html']);
  });
});
