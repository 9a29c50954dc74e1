// Two checks a reader feels on a phone (issue 13 items 4 and 5), in headless
// Chromium against dist/:
// - やさしい日本語 has no English: every text node of the interface (the page's whole
//   text, folded parts included, not the charts' drawings) has no Latin word outside a
//   short list of names a reader meets as they are (file formats, a key, licences);
//   data text (names and notes as the city published them: `bdi`, `[lang]`, `.data-text`)
//   and cited document titles (『…』) are not the interface's words;
// - every tap target is at least 24 × 24 CSS px at 360 px wide (WCAG 2.2, 2.5.8), or
//   one of the criterion's exceptions: a link inside a sentence, or an undersized target
//   whose 24 px circle touches no other target.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clean, launchContext, openPage } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATASET = JSON.parse(readFileSync(join(HERE, '..', '..', 'www', 'data', 'dataset.json'), 'utf8'));

const PAGES = [
  '#/',
  '#/goals/1-1',
  '#/kpi/annual-tourists',
  '#/kpi/new-job-openings',
  '#/delays',
  '#/projections',
  '#/revisions',
  '#/data',
  '#/about',
];
const withLang = (hash, lang) => `./${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`;

// Names read as they are: file formats, the program that opens a CSV, the Esc key,
// the text encodings a CSV may use, and the licences' and the chart library's names.
const NAMES = new Set([
  'CSV', 'JSON', 'PNG', 'SVG', 'HTML', 'Excel', 'Esc', 'UTF', 'BOM', 'Shift_JIS',
  'PDL', 'CC', 'BY', 'Apache', 'ECharts', 'License',
  // The indicators' units as the city wrote them (ha): data, shown as published.
  ...DATASET.indicators.flatMap((i) => i.unit?.ja?.match(/[A-Za-z]+/g) ?? []),
]);

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('plain-tappable'));
});

after(async () => {
  await close?.();
});

test('the English-word reader catches what it should and passes names and data', () => {
  assert.deepEqual(latinWords('この ひょうを CSVで ほぞん'), []);
  assert.deepEqual(latinWords('1年ごとの ふえかた（CAGR）'), ['CAGR']);
  assert.deepEqual(latinWords('出典：『重要業績評価指標(KPI)一覧』'), []);
  assert.deepEqual(latinWords('KPI · すること 1-1-1'), ['KPI']);
});

/** The Latin words of a text that are not on the list of names, outside 『cited titles』. */
function latinWords(text) {
  const uncited = text.replace(/『[^』]*』/g, '');
  return [...uncited.matchAll(/[A-Za-z][A-Za-z_]+/g)].map((m) => m[0]).filter((w) => !NAMES.has(w));
}

for (const hash of PAGES) {
  test(`やさしい日本語 ${hash}: no English word in the interface text`, async () => {
    const session = await openPage(context, withLang(hash, 'ja-easy'), { width: 360, height: 780 });
    const { page } = session;
    const { text, labels } = await page.evaluate(() => {
      const skip = 'script, style, noscript, rt, rp, bdi, code, kbd, svg, canvas, [lang]:not(html), .data-text';
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        // A skipped node leaves a gap, so that the words either side stay apart.
        // Every node apart, so that the words of two buttons side by side stay apart.
        all += parent && !parent.closest(skip) ? ` ${n.textContent}` : ' ';
      }
      // Labels a screen reader speaks count too.
      const spoken = [...document.querySelectorAll('[aria-label]')]
        .filter((el) => !el.closest(skip))
        .map((el) => el.getAttribute('aria-label'));
      return { text: all, labels: spoken };
    });
    // The whole text at once, so that a cited title split by furigana stays one title.
    const english = [...new Set([text, ...labels].flatMap((t) => latinWords(t).map((w) => {
      const at = t.replace(/『[^』]*』/g, '').indexOf(w);
      return `${w} in “…${t.replace(/『[^』]*』/g, '').slice(Math.max(0, at - 20), at + 30).replace(/\s+/g, ' ')}…”`;
    })))];
    assert.deepEqual(english, [], 'English words in やさしい日本語');
    clean(session);
    await page.close();
  });
}

test('the tap-target reader finds crowded small targets and passes spaced ones', async () => {
  const session = await openPage(context, './#/', { width: 360, height: 780 });
  const { page } = session;
  await page.evaluate(() => {
    // Only the probes on the page, so nothing of the app stands near them.
    const box = document.createElement('div');
    box.style.cssText = 'position: fixed; left: 100px; top: 300px';
    // Two 12 px buttons 4 px apart (too close), and one alone 100 px away (spaced).
    box.innerHTML = '<button class="probe-a" style="position:absolute;left:0;top:0;width:12px;height:12px;padding:0;min-height:0;min-width:0"></button>'
      + '<button class="probe-b" style="position:absolute;left:16px;top:0;width:12px;height:12px;padding:0;min-height:0;min-width:0"></button>'
      + '<button class="probe-c" style="position:absolute;left:120px;top:0;width:12px;height:12px;padding:0;min-height:0;min-width:0"></button>';
    document.body.replaceChildren(box);
  });
  const found = await page.evaluate(undersizedTargets);
  assert.deepEqual(found.map((t) => t.split(':')[0]).sort(), ['button.probe-a', 'button.probe-b']);
  await page.close();
});

for (const hash of PAGES) {
  test(`${hash} at 360 px: every tap target is 24 × 24 px or spaced as WCAG 2.5.8 allows`, async () => {
    const session = await openPage(context, withLang(hash, 'ja'), { width: 360, height: 780 });
    const { page } = session;
    // Open every fold, so the targets inside them are measured too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const small = await page.evaluate(undersizedTargets);
    assert.deepEqual(small, [], 'tap targets under 24 × 24 px too close to another');
    clean(session);
    await page.close();
  });
}

/**
 * In the page: the tap targets under 24 × 24 px that no exception of WCAG 2.5.8 covers,
 * each as `tag.class: text (w×h)`.
 */
function undersizedTargets() {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]:not(.table-scroll)';
  const targets = [...document.querySelectorAll(selector)]
    .filter((el) => {
      const s = getComputedStyle(el);
      return el.getClientRects().length > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden');
    })
    .map((el) => {
      // An input's label is its target as well: measure the label when there is one.
      const label = el.matches('input') && el.closest('label');
      const box = (label || el).getBoundingClientRect();
      return { el, box, name: `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30)}` };
    });
  const isSmall = (t) => t.box.width < 24 || t.box.height < 24;
  // A link in a sentence: its line's text, not the link, sets its size.
  const inSentence = (el) => el.matches('a') && getComputedStyle(el).display === 'inline'
    && [...el.parentElement.childNodes].some((n) => n !== el && n.nodeType === 3 && n.textContent.trim());
  const centre = (b) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
  const distToBox = (p, b) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  return targets.filter((t) => isSmall(t) && !inSentence(t.el)).filter((t) => {
    const c = centre(t.box);
    // Spacing exception: the 24 px circle on this target meets no other target
    // (and no other undersized target's circle).
    return targets.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el)
      && (isSmall(o) ? Math.hypot(c.x - centre(o.box).x, c.y - centre(o.box).y) < 24 : distToBox(c, o.box) < 12));
  }).map((t) => `${t.name} (${Math.round(t.box.width)}×${Math.round(t.box.height)})`);
}
