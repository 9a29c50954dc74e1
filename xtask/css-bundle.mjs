// Joins the app's stylesheets into one file, build/app.css, in the order
// below (the cascade depends on it): one render-blocking request instead of
// four (issue 9, item 2). Run by Trunk's pre_build hook (Trunk.toml);
// index.html links the result. Add a new stylesheet here, not in index.html.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHEETS = ['www/style.css', 'www/pages-goal-kpi.css', 'www/pages_tables.css', 'www/portal.css'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'app.css');
const text = SHEETS.map((sheet) => `/* ${sheet} */\n${readFileSync(join(root, sheet), 'utf8').trim()}\n`).join('\n');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`css bundle: ${out} (${SHEETS.length} sheets)`);
