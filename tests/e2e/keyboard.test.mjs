// Keyboard reading of charts (DESIGN.md §2) and the language switch keeping
// the page's query, in headless Chromium against dist/ (same harness as
// overview.test.mjs: Debian's Chromium, loopback only, no service worker).
//
// - A chart is focusable; ←/→ step through its data points, the value is
//   announced in the chart's aria-live region and shown as the tooltip; Esc
//   hides the tooltip, also one opened by the mouse.
// - The language links keep every other query pair (here `scenario`).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OUT, chartsDrawn, clean, launchContext, openPage,
} from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('keys', { acceptDownloads: true }));
});

after(async () => {
  await close?.();
});

/** Opens `path` at 1280×800 once every chart has drawn. */
async function open(path) {
  const session = await openPage(context, path);
  await chartsDrawn(session.page);
  return session;
}

/** Whether the ECharts tooltip of the chart `#<id>` is shown. */
function tooltipShown(page, id) {
  return page.evaluate((chartId) => {
    const tip = [...document.querySelectorAll(`#${chartId} > div`)]
      .find((el) => el.style.zIndex === '9999999');
    if (!tip) return false;
    const s = getComputedStyle(tip);
    return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
  }, id);
}

async function waitTooltip(page, id, shown) {
  await page.waitForFunction(([chartId, want]) => {
    const tip = [...document.querySelectorAll(`#${chartId} > div`)]
      .find((el) => el.style.zIndex === '9999999');
    const s = tip && getComputedStyle(tip);
    const visible = Boolean(s) && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
    return visible === want;
  }, [id, shown]);
}

/** Focuses the chart panel's keyboard wrapper and presses `keys`. */
async function press(page, panel, keys) {
  const wrapper = page.locator(`#${panel} .echart-keys`);
  assert.equal(await wrapper.getAttribute('tabindex'), '0');
  assert.equal(await wrapper.getAttribute('role'), 'application');
  assert.equal(await wrapper.getAttribute('aria-labelledby'), `${panel}-title`);
  assert.match(await wrapper.getAttribute('aria-describedby'), new RegExp(`^${panel}-summary ${panel}-chart-keys$`));
  await wrapper.focus();
  for (const key of keys) await page.keyboard.press(key);
  return page.locator(`#${panel} [aria-live="polite"]`);
}

test('the Overview charts are read by keyboard: ←/→, Home/End, Esc', async () => {
  const session = await open('./#/');
  const { page } = session;
  const figures = await page.$$eval('[data-figure]', (els) => Object.fromEntries(
    els.map((el) => [el.getAttribute('data-figure'), el.textContent.trim()]),
  ));

  // Donut: the second slice is 概ね順調に進捗, 18 as the page's figure says.
  const donutLive = await press(page, 'status-donut', ['ArrowRight', 'ArrowRight']);
  await page.waitForFunction(() => document.querySelector('#status-donut [aria-live]').textContent.includes(': '));
  const donutText = (await donutLive.textContent()).trim();
  assert.match(donutText, /概ね順調に進捗/);
  assert.ok(donutText.endsWith(`: ${figures.mostly_on_track}`), donutText);
  assert.equal(figures.mostly_on_track, '18');
  await waitTooltip(page, 'status-donut-chart', true);
  await page.screenshot({ path: join(OUT, 'keyboard-donut-tooltip.png') });
  await page.keyboard.press('Escape');
  await waitTooltip(page, 'status-donut-chart', false);
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('#status-donut [aria-live]').textContent.trim().endsWith(': 6'));
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('#status-donut [aria-live]').textContent.trim().endsWith(': 11'));
  await page.keyboard.press('Escape');

  // By goal (stacked bars): series 順調に進捗, second goal; the table says the same.
  const barLive = await press(page, 'status-by-goal', ['ArrowRight', 'ArrowRight']);
  await page.waitForFunction(() => document.querySelector('#status-by-goal [aria-live]').textContent.includes(': '));
  const row = page.locator('#status-by-goal tbody tr').nth(1);
  const goal = (await row.locator('th').textContent()).trim();
  const onTrack = (await row.locator('td').first().textContent()).trim();
  assert.ok(goal.startsWith('基本目標1-2'), goal);
  // The chart names goals by id and title (the table by "基本目標" and id).
  const title = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'www', 'data', 'dataset.json'), 'utf8'))
    .strategy.goals.find((g) => g.id === '1-2').title_ja;
  assert.equal((await barLive.textContent()).trim(), `順調に進捗, 1-2 ${title}: ${onTrack}`);
  await waitTooltip(page, 'status-by-goal-chart', true);
  await page.keyboard.press('Escape');
  await waitTooltip(page, 'status-by-goal-chart', false);

  // A tooltip opened by the mouse, with the focus elsewhere, also closes on Esc.
  await page.locator('#status-by-goal .echart-keys').blur();
  const box = await page.locator('#status-by-goal-chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await waitTooltip(page, 'status-by-goal-chart', true);
  await page.keyboard.press('Escape');
  await waitTooltip(page, 'status-by-goal-chart', false);
  assert.equal(await tooltipShown(page, 'status-by-goal-chart'), false);
  clean(session);
  await page.close();
});

test('the language switch keeps the page query: Projections at the recent pace', async () => {
  const session = await open('./#/projections?scenario=recent&lang=en');
  const { page } = session;
  assert.ok(await page.locator('#scenario-recent').isChecked());
  const ja = page.locator('.lang-switch a', { hasText: /^日本語$/ });
  assert.equal(await ja.getAttribute('href'), '#/projections?scenario=recent');
  await ja.click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  assert.match(page.url(), /#\/projections\?scenario=recent$/);
  assert.ok(await page.locator('#scenario-recent').isChecked(), 'still the recent pace');
  assert.equal(
    await page.locator('.lang-switch a[hreflang="en"]').getAttribute('href'),
    '#/projections?scenario=recent&lang=en',
  );
  clean(session);
  await page.close();
});
