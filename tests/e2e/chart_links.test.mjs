// Every chart's own link, share button and embed (issue 13 item 7), in
// headless Chromium against dist/ (run by `cargo xtask e2e`). For every chart
// panel of the Overview and of one Indicator page, in Japanese and English:
// the panel's link is the page at that chart (language, era kept) and opening
// it focuses that panel; the share button hands that address to
// `navigator.share` (stubbed), and without `navigator.share` puts it on the
// clipboard and says so in the panel's status (or shows it, selected, when
// the clipboard refuses); the chart's embed snippet frames that chart alone
// (one panel, no header or navigation) and its frame posts its height to the
// host page, which then fits it. Waits are on page conditions, never on time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, OUT, axeViolations, chartsDrawn, clean, launchContext, openPage } from './harness.mjs';

// `subject`: what an Indicator page's chart is about, put before its heading where the
// chart travels alone (shared, embedded), since "推移と見通し" alone names no indicator.
const PAGES = [
  { name: 'overview', hash: '#/', view: 'overview', panels: 2, subject: {} },
  { name: 'kpi', hash: '#/kpi/annual-tourists', view: 'kpi/annual-tourists', panels: 1, subject: { ja: '年間観光入込客数', en: 'Annual tourist visits' } },
];
/** The title a chart travels with: its subject, when it has one, then its heading. */
const travelTitle = (p, lang, title) => (p.subject[lang] ? `${p.subject[lang]}: ${title}` : title);
const LANGS = ['ja', 'en'];
const COPIED = { ja: 'リンクをコピーしました', en: 'Link copied' };
const COPY_FAILED = { ja: 'コピーできませんでした', en: 'could not be copied' };

/** The page's address with `lang` (and the Gregorian era, which links must keep). */
function address(p, lang) {
  const q = [lang === 'ja' ? null : `lang=${lang}`, 'era=gregorian'].filter(Boolean).join('&');
  return `./${p.hash}?${q}`;
}

/** `[{ id, title, href }]` of every chart panel on the page, in order. */
async function panels(page) {
  return page.$$eval('main section.panel', (els) => els.map((el) => ({
    id: el.id,
    title: el.querySelector('h3').textContent.trim(),
    href: el.querySelector('a.chart-link')?.href ?? null,
  })));
}

/** The host window records every message its frames post (before any script runs). */
async function recordMessages(context) {
  await context.addInitScript(() => {
    if (window !== window.top) return;
    window.__messages = [];
    window.addEventListener('message', (e) => {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      window.__messages.push({ frame: frame ? frame.id : null, data: e.data });
    });
  });
}

test('each chart panel links to the page at that chart, and the link opens it focused', async () => {
  const { context, close } = await launchContext('chart-links');
  try {
    for (const p of PAGES) {
      for (const lang of LANGS) {
        const session = await openPage(context, address(p, lang), { width: 360, height: 780 });
        const { page } = session;
        const list = await panels(page);
        assert.equal(list.length, p.panels, `${p.name}: chart panels`);
        for (const { id, href } of list) {
          assert.ok(href, `${p.name} ${id}: a link`);
          const hash = new URL(href).hash;
          assert.ok(hash.startsWith(`${p.hash}?`), `${hash}: the same page`);
          const q = new URLSearchParams(hash.split('?')[1]);
          assert.equal(q.get('chart'), id);
          assert.equal(q.get('era'), 'gregorian', 'the era is kept');
          assert.equal(q.get('lang'), lang === 'ja' ? null : lang, 'the language is kept');
          assert.equal(q.getAll('chart').length, 1);

          // Opened afresh at a phone's size: that panel is in view and focused.
          const opened = await openPage(context, href, { width: 360, height: 780 });
          await opened.page.waitForFunction((i) => document.activeElement?.id === i, id);
          const box = await opened.page.evaluate((i) => {
            const r = document.getElementById(i).getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, inner: innerHeight, y: scrollY, lang: document.documentElement.lang };
          }, id);
          assert.ok(box.top >= -1 && box.top < box.inner / 2, `${id} at the top of the view: ${JSON.stringify(box)}`);
          assert.equal(box.lang, lang);
          if (id !== list[0].id || p.name !== 'overview') assert.ok(box.y > 0, `${id}: scrolled to`);
          clean(opened);
          await opened.page.close();
        }
        // Followed inside the app (a click), the last panel is brought into view and focused.
        const last = list[list.length - 1];
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click(`#${last.id} a.chart-link`);
        await page.waitForFunction((i) => document.activeElement?.id === i, last.id);
        assert.equal(new URL(page.url()).hash, new URL(last.href).hash);
        clean(session);
        await page.close();
      }
    }
  } finally {
    await close();
  }
});

test('share: navigator.share gets the chart\'s title and permalink', async () => {
  const { context, close } = await launchContext('chart-share');
  try {
    await context.addInitScript(() => {
      window.__shared = [];
      Navigator.prototype.share = function share(data) {
        window.__shared.push({ title: data.title, url: data.url, keys: Object.keys(data).sort() });
        return Promise.resolve();
      };
    });
    for (const p of PAGES) {
      for (const lang of LANGS) {
        const session = await openPage(context, address(p, lang));
        const { page } = session;
        const list = await panels(page);
        assert.equal(list.length, p.panels);
        for (const [n, { id, title, href }] of list.entries()) {
          await page.click(`#${id} button.chart-share-button`);
          await page.waitForFunction((k) => window.__shared.length === k, n + 1);
          const shared = await page.evaluate(() => window.__shared.at(-1));
          assert.equal(shared.url, href, `${p.name} ${lang} ${id}: the permalink`);
          assert.equal(shared.title, travelTitle(p, lang, title));
          assert.deepEqual(shared.keys, ['title', 'url']);
          assert.equal(await page.textContent(`#${id} .chart-share-status`), '', 'nothing to say after a share');
        }
        clean(session);
        await page.close();
      }
    }
  } finally {
    await close();
  }
});

test('share without navigator.share: the permalink goes to the clipboard and the status says so', async () => {
  const { context, close } = await launchContext('chart-share-copy');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
    await context.addInitScript(() => {
      delete Navigator.prototype.share;
      delete navigator.share;
    });
    for (const p of PAGES) {
      for (const lang of LANGS) {
        const session = await openPage(context, address(p, lang), { width: 360, height: 780 });
        const { page } = session;
        assert.equal(await page.evaluate(() => 'share' in navigator), false);
        const list = await panels(page);
        assert.equal(list.length, p.panels);
        for (const { id, href } of list) {
          await page.evaluate(() => navigator.clipboard.writeText('-'));
          await page.click(`#${id} button.chart-share-button`);
          await page.waitForFunction(([i, text]) => document.querySelector(`#${i} .chart-share-status`).textContent.includes(text), [id, COPIED[lang]]);
          assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href, `${p.name} ${lang} ${id}`);
          assert.equal(await page.getAttribute(`#${id} .chart-share-status`, 'role'), 'status');
        }
        if (p.name === 'overview' && lang === 'ja') {
          await page.locator(`#${list[1].id}`).scrollIntoViewIfNeeded();
          await page.locator(`#${list[1].id}`).screenshot({ path: join(OUT, 'chart-share-copied-360.png') });
        }
        clean(session);
        await page.close();
      }
    }

    // The clipboard refuses: the address is shown, selected, to copy by hand.
    const refused = await launchContext('chart-share-refused');
    try {
      await refused.context.addInitScript(() => {
        delete Navigator.prototype.share;
        Clipboard.prototype.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
      for (const lang of LANGS) {
        const session = await openPage(refused.context, address(PAGES[0], lang), { width: 360, height: 780 });
        const { page } = session;
        const [{ id, href }] = await panels(page);
        await page.click(`#${id} button.chart-share-button`);
        await page.waitForSelector(`#${id} .chart-share-status input.chart-address`);
        assert.match(await page.textContent(`#${id} .chart-share-status`), new RegExp(COPY_FAILED[lang]));
        assert.equal(await page.inputValue(`#${id} .chart-address`), href);
        const selected = await page.evaluate(() => {
          const el = document.activeElement;
          return el.classList.contains('chart-address') && el.selectionStart === 0 && el.selectionEnd === el.value.length;
        });
        assert.ok(selected, 'the address is focused and selected');
        if (lang === 'en') await page.locator(`#${id}`).screenshot({ path: join(OUT, 'chart-share-refused-360.png') });
        clean(session);
        await page.close();
      }
    } finally {
      await refused.close();
    }
  } finally {
    await close();
  }
});

test('chart tools: compact, labelled and reachable at 360 px, and at 1280 px', async () => {
  const { context, close } = await launchContext('chart-tools');
  try {
    for (const [width, height] of [[360, 780], [1280, 800]]) {
      for (const p of PAGES) {
        const session = await openPage(context, address(p, 'en'), { width, height });
        const { page } = session;
        await chartsDrawn(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${p.name} ${width}: no sideways scroll (${overflow})`);
        const tools = await page.$$eval('main section.panel', (els) => els.flatMap((el) => [
          ...el.querySelectorAll('.view-switch button, .chart-downloads button, .chart-share a, .chart-share button'),
        ].map((t) => {
          const r = t.getBoundingClientRect();
          return { panel: el.id, cls: t.className, w: r.width, h: r.height, name: t.getAttribute('aria-label') ?? t.textContent.trim(), text: t.textContent.trim(), tab: t.tabIndex };
        })));
        for (const t of tools) {
          assert.ok(t.w >= 24 && t.h >= 24, `${t.panel} ${t.cls}: ${t.w}×${t.h}`);
          assert.ok(t.name.includes(t.text), `${t.cls}: the visible text "${t.text}" is in its name "${t.name}"`);
          assert.ok(t.tab >= 0, `${t.cls}: keyboard reachable`);
        }
        const share = tools.filter((t) => /chart-link|chart-share-button|chart-embed/.test(t.cls));
        assert.equal(share.length, p.panels * 3, 'link, share and embed in every panel');
        // The three sit on at most two lines of the panel's head at 360 px.
        const rows = await page.$$eval('main section.panel .panel-head', (heads) => heads.map((h) => {
          // Tops within 10 px of each other are one line (the switch and buttons differ in height).
          const tops = [...h.querySelectorAll('.view-switch, .chart-downloads, .chart-share')].map((e) => e.getBoundingClientRect().top).sort((a, b) => a - b);
          return tops.filter((t, i) => i === 0 || t - tops[i - 1] > 10).length;
        }));
        for (const r of rows) assert.ok(r <= 2, `tool rows: ${r}`);
        // Keyboard: Tab reaches the first panel's link, and Enter follows it.
        const first = (await panels(page))[0];
        await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
        let reached = false;
        for (let i = 0; i < 120 && !reached; i += 1) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate((i) => document.activeElement?.matches(`#${i} a.chart-link`), first.id);
        }
        assert.ok(reached, 'Tab reaches the chart link');
        await page.keyboard.press('Enter');
        await page.waitForFunction((i) => document.activeElement?.id === i, first.id);
        if (p.name === 'overview') {
          const violations = await axeViolations(page, { seriousOnly: true });
          assert.deepEqual(violations, [], `axe at ${width}`);
          const panel = page.locator('#status-by-goal');
          await panel.scrollIntoViewIfNeeded();
          await panel.screenshot({ path: join(OUT, `chart-tools-${width}.png`) });
        } else {
          await page.locator(`#${first.id}`).screenshot({ path: join(OUT, `chart-tools-kpi-${width}.png`) });
        }
        clean(session);
        await page.close();
      }
    }
  } finally {
    await close();
  }
});

test('chart embed: the snippet frames that chart alone, which posts its height, in ja and en', async () => {
  const { context, close } = await launchContext('chart-embed');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
    await recordMessages(context);
    for (const p of PAGES) {
      for (const lang of LANGS) {
        const session = await openPage(context, address(p, lang));
        const { page } = session;
        const list = await panels(page);
        assert.equal(list.length, p.panels);
        const snippets = [];
        for (const { id, title } of list) {
          const opener = page.locator(`#${id} button.chart-embed`);
          await opener.click();
          await page.waitForSelector(`#${id} dialog.chart-embed-dialog[open]`);
          const code = await page.inputValue(`#${id}-embed-code`);
          const src = code.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
          const frameHeight = Number(code.match(/ height="(\d+)"/)[1]);
          const embedId = code.match(/data-machi-kpi-embed="([^"]+)"/)[1];
          const url = new URL(src);
          assert.equal(url.origin, new URL(BASE).origin, 'an absolute address of this app');
          const [path, query] = url.hash.split('?');
          assert.equal(path, `#/embed/chart/${p.view}/${id}`, 'that chart\'s embed view');
          const q = new URLSearchParams(query);
          assert.equal(q.get('era'), 'gregorian');
          assert.equal(q.get('lang'), lang === 'ja' ? null : lang);
          assert.equal(q.get('embed_id'), embedId);
          const chartHeight = await page.evaluate((i) => document.getElementById(`${i}-chart`).getBoundingClientRect().height, id);
          assert.ok(frameHeight > chartHeight, `iframe height ${frameHeight} fits the chart's ${chartHeight}`);
          const travelling = travelTitle(p, lang, title);
          assert.match(code, new RegExp(`title="[^"]*${travelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\'', '&#39;')}"`), 'titled by the chart and its subject');
          assert.equal(await page.textContent(`#${id}-embed-dialog-title`), lang === 'ja' ? 'このグラフを埋め込む' : 'Embed this chart');
          if (p.name === 'overview' && lang === 'ja' && id === list[1].id) {
            await page.screenshot({ path: join(OUT, 'chart-embed-dialog-1280.png') });
          }
          await page.keyboard.press('Escape');
          await page.waitForFunction((i) => !document.querySelector(`#${i} dialog.chart-embed-dialog`).open, id);
          assert.equal(await page.evaluate((i) => document.activeElement.matches(`#${i} button.chart-embed`), id), true, 'focus back on the button');
          snippets.push({ id, src, embedId, code });
        }
        // The page's own embed dialog is still the whole view's.
        await page.click('button.embed-button');
        assert.match(await page.inputValue('#embed-code'), new RegExp(`#/embed/${p.view.replace('/', '\\/')}\\?`));
        await page.keyboard.press('Escape');
        clean(session);
        await page.close();

        // A host page with each chart's snippet pasted as it is.
        const host = await context.newPage();
        await host.setViewportSize({ width: 1280, height: 900 });
        const errors = [];
        host.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        host.on('pageerror', (e) => errors.push(String(e)));
        await host.goto(new URL('./embed-host.html', BASE).href);
        // The sample page's own two iframes start loading the app at once;
        // removing them mid-load aborts their wasm fetch (a console error of
        // the test's making), so they are replaced only once they run.
        await host.waitForFunction(() => [...document.querySelectorAll('.embeds iframe')]
          .every((f) => f.contentDocument?.documentElement?.getAttribute('data-app') === 'running'));
        await host.evaluate((codes) => {
          const main = document.querySelector('.embeds');
          main.replaceChildren();
          codes.forEach(({ embedId, code }) => {
            const figure = document.createElement('figure');
            const template = document.createElement('template');
            template.innerHTML = code.replace('<iframe ', `<iframe id="${embedId}" `);
            figure.append(template.content.querySelector('iframe'));
            main.append(figure);
          });
        }, snippets);
        for (const { id, src, embedId } of snippets) {
          await host.waitForFunction((frameId) => {
            const f = document.getElementById(frameId);
            const d = f && f.contentDocument;
            if (d?.documentElement?.getAttribute('data-app') !== 'running') return false;
            const h = Math.ceil(d.documentElement.getBoundingClientRect().height);
            return h > 150 && f.style.height === `${h}px`;
          }, embedId);
          const frame = await (await host.$(`#${embedId}`)).contentFrame();
          assert.equal(await frame.getAttribute('html', 'lang'), lang);
          assert.equal(await frame.locator('section.panel').count(), 1, 'exactly one chart panel');
          assert.equal(await frame.getAttribute('section.panel', 'id'), id);
          assert.equal(await frame.locator('.site-header, .main-nav, .lang-switch, .site-footer, .page-tools').count(), 0, 'no site header, navigation or footer');
          assert.equal(await frame.locator('nav:visible, h1:visible, h2:visible').count(), 0, 'no page navigation or headings (a breadcrumb) shown');
          assert.equal(await frame.locator('.embed-source').count(), 1, 'a source line');
          assert.equal(await frame.locator('.data-as-of:not(.solo-chart .data-as-of)').count(), 1, 'a data date line');
          assert.equal(await frame.locator('.chart-share').count(), 0, 'no share tools inside an embed');
          // Nothing else of the page is visible: every visible text is the panel's or the source lines'.
          const strays = await frame.evaluate(() => [...document.querySelectorAll('main *')]
            .filter((el) => el.getClientRects().length > 0 && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
            .filter((el) => !el.closest('section.panel, .embed-source, .data-as-of'))
            .map((el) => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`));
          assert.deepEqual(strays, [], 'only the chart panel and its source lines are visible');
          await frame.waitForFunction(() => document.querySelector('.echart svg:not(.echart-static svg), .echart canvas'));
          // The full dashboard link opens the page at that chart.
          const full = new URL(await frame.getAttribute('.embed-full', 'href'), src);
          assert.equal(new URLSearchParams(full.hash.split('?')[1]).get('chart'), id);
          assert.equal(await frame.getAttribute('.embed-full', 'target'), '_blank');
          // The table toggle works in the embed, and the frame follows.
          const before = await host.evaluate((i) => parseFloat(document.getElementById(i).style.height), embedId);
          await frame.click('button.view-table');
          await host.waitForFunction(([i, h]) => parseFloat(document.getElementById(i).style.height) !== h, [embedId, before]);
          await frame.click('button.view-chart');
        }
        const messages = await host.evaluate(() => window.__messages);
        for (const { embedId } of snippets) {
          const mine = messages.filter((m) => m.frame === embedId);
          assert.ok(mine.length >= 2, `${embedId}: height messages (${mine.length})`);
          for (const { data } of mine) {
            assert.deepEqual(Object.keys(data), ['machi-kpi-height']);
            assert.equal(data['machi-kpi-height'].id, embedId);
            assert.ok(Number.isInteger(data['machi-kpi-height'].height) && data['machi-kpi-height'].height > 0);
          }
        }
        if (p.name === 'overview') {
          await host.screenshot({ path: join(OUT, `chart-embed-host-${lang}-1280.png`), fullPage: true });
          const frame = await (await host.$(`#${snippets[0].embedId}`)).contentFrame();
          const violations = await axeViolations(frame, { seriousOnly: true });
          assert.deepEqual(violations, [], 'axe in the chart embed');
        }
        if (p.name === 'kpi' && lang === 'en') {
          await host.setViewportSize({ width: 360, height: 780 });
          await host.waitForFunction((frameId) => {
            const f = document.getElementById(frameId);
            const h = Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height);
            return f.style.height === `${h}px`;
          }, snippets[0].embedId);
          await host.screenshot({ path: join(OUT, 'chart-embed-host-kpi-360.png'), fullPage: true });
        }
        assert.deepEqual(errors, [], 'console errors');
        await host.close();
      }
    }
  } finally {
    await close();
  }
});
