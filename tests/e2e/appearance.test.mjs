// Appearance: dark mode from `prefers-color-scheme` and the print stylesheet.
// Dark mode must keep every page readable (axe: no serious or critical
// violation, colour contrast included) with charts on their light panel;
// print must drop the navigation and controls.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OUT, axeViolations, chartsDrawn, clean, launchContext, openPage } from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('appearance', { colorScheme: 'dark' }));
});

after(async () => {
  await close?.();
});

/** The computed background colour of `selector`, as [r, g, b]. */
async function background(page, selector) {
  const css = await page.$eval(selector, (el) => getComputedStyle(el).backgroundColor);
  return css.match(/\d+/g).slice(0, 3).map(Number);
}

for (const path of ['./#/', './#/kpi/security-lights?lang=en', './#/delays', './#/data?lang=en']) {
  test(`dark mode is readable: ${path}`, async () => {
    const session = await openPage(context, path);
    const { page } = session;
    await chartsDrawn(page, { some: false });
    const [r, g, b] = await background(page, 'body');
    assert.ok(r + g + b < 120, `dark page background (got rgb ${r}, ${g}, ${b})`);
    if (await page.$('.echart')) {
      const [cr, cg, cb] = await background(page, '.echart');
      assert.ok(cr + cg + cb > 700, 'charts keep their light panel');
    }
    assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], 'axe (dark)');
    if (path === './#/') await page.screenshot({ path: join(OUT, 'overview-ja-1280-dark.png') });
    clean(session);
    await page.close();
  });
}

test('print hides the navigation, language switch and page tools', async () => {
  const session = await openPage(context, './#/');
  const { page } = session;
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  for (const selector of ['.main-nav', '.lang-switch', '.page-tools']) {
    assert.equal(await page.$eval(selector, (el) => getComputedStyle(el).display), 'none', selector);
  }
  assert.equal(await page.$eval('h1', (el) => getComputedStyle(el).display), 'block');
  clean(session);
  await page.close();
});
