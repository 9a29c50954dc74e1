// Every CSV the Data, Projections and Delays pages and an Indicator page offer, downloaded
// in Chromium (issue 13: tidy downloads): one table and one header line per file, no
// interface glyph in the header, `name_en` beside every `name_ja`, and every cell of a
// column of figures a number or empty (the words a screen shows instead, such as "below
// −1,000%" or a reason, are in a note or `…_reason` column beside it). Every table on
// these pages has its own CSV button, and the files' names say which table they hold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, clean, launchContext, openPage } from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('downloads', { acceptDownloads: true }));
});

after(async () => {
  await close?.();
});

const GLYPHS = /[▲▼△▽↕↑↓↗↘→←⬇★◎○●×✓✔＝≠－]/u;
const NUMBER = /^-?\d+(\.\d+)?$/;
const NOTE = { en: ' (note)', ja: '（注記）' };
// The dataset CSVs' columns of figures (docs/data-format.md).
const DATASET_NUMBERS = {
  'machi-kpi-observations.csv': ['year', 'value'],
  'machi-kpi-indicators.csv': [
    'latest_value', 'latest_year', 'achievement_fy2024', 'expected_progress_fy2024',
    'achievement_fy2027', 'pace_ratio_fy2027',
  ],
};

/** RFC 4180 records of a CSV text (quotes, doubled quotes, line breaks in quotes). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 1; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** Clicks `locator`; returns the file's name and text (BOM checked and removed). */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file.suggestedFilename()} has a BOM`);
  return { name: file.suggestedFilename(), text: bytes.subarray(3).toString('utf8') };
}

/**
 * What the reader makes of each column of the table the button saves: `names` (two
 * columns, `_ja` and `_en`), `number` (a column of figures, maybe a note column after
 * it) or `text`; read from the same attributes as `components::download`.
 */
async function columnKinds(button) {
  return button.evaluate((b) => {
    let table;
    if (b.classList.contains('table-csv')) {
      table = document.getElementById(`${b.getAttribute('aria-describedby')}-region`).querySelector('table');
    } else {
      for (let el = b.parentElement; el && !table; el = el.parentElement) {
        if (el.id) table = document.getElementById(`${el.id}-table`)?.querySelector('table');
      }
    }
    const rows = [...table.querySelectorAll('tbody tr, tfoot tr')].filter((tr) => tr.closest('table') === table);
    const cells = rows.map((tr) => [...tr.children].filter((c) => c.matches('td, th')));
    const n = Math.max(...cells.map((r) => r.length));
    return Array.from({ length: n }, (_, c) => {
      const col = cells.map((r) => r[c]).filter(Boolean);
      if (col.some((x) => x.hasAttribute('data-names'))) return 'names';
      if (col.some((x) => x.hasAttribute('data-num') || x.classList.contains('num'))) return 'number';
      return 'text';
    });
  });
}

/** The checks every CSV passes; `numbers` are the indexes of its columns of figures. */
function checkTidy(name, records, numbers) {
  assert.ok(records.length >= 2, `${name}: a header and rows`);
  const [header, ...rows] = records;
  assert.ok(header.length >= 2, `${name}: the first line is a header, not a caption: ${header}`);
  for (const h of header) {
    assert.doesNotMatch(h, GLYPHS, `${name}: glyph in header ${JSON.stringify(h)}`);
    assert.equal(h, h.trim().replace(/\s+/g, ' '), `${name}: header ${JSON.stringify(h)} is clean`);
  }
  // One table per file: every line has the header's fields and no line repeats it.
  for (const r of rows) assert.equal(r.length, header.length, `${name}: ${r}`);
  assert.ok(!rows.some((r) => r.join(',') === header.join(',')), `${name}: one header line`);
  header.forEach((h, i) => {
    if (h.endsWith('name_ja')) assert.equal(header[i + 1], h.replace(/_ja$/, '_en'), `${name}: name_en beside ${h}`);
  });
  assert.ok(!header.some((h) => h.endsWith('name_en')) || header.some((h) => h.endsWith('name_ja')), name);
  for (const c of numbers) {
    for (const r of rows) {
      assert.ok(r[c] === '' || NUMBER.test(r[c]), `${name}: column ${JSON.stringify(header[c])} holds ${JSON.stringify(r[c])}`);
    }
  }
}

/** The CSV columns that hold figures, from the table's column kinds. */
function numberColumns(name, header, kinds, note) {
  const out = [];
  let i = 0;
  for (const kind of kinds) {
    if (kind === 'names') {
      assert.match(header[i], /_ja$/, `${name}: ${header}`);
      assert.match(header[i + 1], /_en$/, `${name}: ${header}`);
      i += 2;
    } else if (kind === 'number') {
      out.push(i);
      i += 1;
      if (header[i]?.endsWith(note)) i += 1;
    } else i += 1;
  }
  assert.equal(i, header.length, `${name}: every column accounted for: ${header}`);
  return out;
}

/** Downloads every CSV of the page at `hash`; returns the files by name. */
async function everyCsv(hash, lang) {
  const session = await openPage(context, `./${hash}`, { width: 1280, height: 900 });
  const { page } = session;
  await page.waitForSelector('main h1');
  await page.waitForSelector('button.table-csv', { state: 'attached' });
  // Tables folded under a summary (the Delays page's per-indicator tables, an
  // Indicator page's computation) are opened, as a reader would to download them.
  await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
  const files = new Map();
  // Every table in main has its own button: a region's or its chart's.
  const tables = await page.locator('main table').count();
  const tableButtons = page.locator('main button.table-csv, main button.chart-dl-csv');
  assert.equal(await tableButtons.count(), tables, `${hash}: one CSV button per table`);
  for (const button of await tableButtons.all()) {
    const kinds = await columnKinds(button);
    await button.scrollIntoViewIfNeeded();
    const { name, text } = await download(page, button);
    assert.ok(!files.has(name), `${hash}: ${name} is one table's file`);
    assert.match(text, /\r\n$/, `${name}: CRLF`);
    const records = parseCsv(text);
    checkTidy(name, records, numberColumns(name, records[0], kinds, NOTE[lang]));
    files.set(name, records);
  }
  // The dataset CSVs (the page tools under every page; the Data page's own buttons).
  const datasetButtons = page.locator('button.dl-indicators-csv, button.dl-observations-csv, button.download[data-file$=".csv"]');
  for (const button of await datasetButtons.all()) {
    await button.scrollIntoViewIfNeeded();
    const { name, text } = await download(page, button);
    const records = parseCsv(text);
    const numbers = DATASET_NUMBERS[name].map((n) => records[0].indexOf(n));
    assert.ok(numbers.every((i) => i >= 0), `${name}: ${records[0]}`);
    checkTidy(name, records, numbers);
    // Reason columns hold codes, never a number's words.
    records[0].forEach((h, i) => {
      if (!h.endsWith('_reason')) return;
      for (const r of records.slice(1)) assert.match(r[i], /^([a-z_]+)?$/, `${name}: ${h} ${r[i]}`);
    });
    assert.ok(!text.includes('n/a ('), `${name}: no "n/a (…)" in a figure`);
    files.set(`${name} (${hash})`, records);
  }
  clean(session);
  await page.close();
  return files;
}

test('Data page: every CSV is tidy, the template too', async () => {
  const files = await everyCsv('#/data?lang=en', 'en');
  const data = files.get('machi-kpi-data-data-table.csv');
  assert.ok(data, [...files.keys()].join(', '));
  assert.deepEqual(data[0].slice(0, 2), ['name_ja', 'name_en']);
  assert.ok(data[0].includes('measure_ja') && data[0].includes('measure_en'), data[0].join(','));
  const obs = files.get('machi-kpi-observations.csv (#/data?lang=en)');
  assert.deepEqual(obs[0].slice(2, 4), ['name_ja', 'name_en']);
  // The template offered beside the import has the same columns.
  const session = await openPage(context, './#/data?lang=en');
  const [file] = await Promise.all([session.page.waitForEvent('download'), session.page.click('a.template-link')]);
  const { readFileSync } = await import('node:fs');
  const template = parseCsv(readFileSync(await file.path()).subarray(3).toString('utf8'));
  assert.deepEqual(template[0], obs[0]);
  checkTidy('template-next-year.csv', template, [template[0].indexOf('year'), template[0].indexOf('value')]);
  clean(session);
  await session.page.close();
});

test('Projections page: the exact rates are numbers, their words beside them', async () => {
  for (const lang of ['en', 'ja']) {
    const files = await everyCsv(`#/projections${lang === 'en' ? '?lang=en' : ''}`, lang);
    const table = files.get('machi-kpi-projections-proj-table.csv');
    assert.ok(table, [...files.keys()].join(', '));
    const [header, ...rows] = table;
    assert.deepEqual(header.slice(0, 2), ['name_ja', 'name_en']);
    const rates = header.map((h, i) => (h.endsWith('(%)') ? i : -1)).filter((i) => i >= 0);
    assert.equal(rates.length, 2, header.join(','));
    // A rate the page words ("far beyond the target") is still its number here.
    const beyond = rows.filter((r) => rates.some((i) => r[i] !== '' && (Number(r[i]) < -100 || Number(r[i]) > 1000)));
    assert.ok(beyond.length > 0, 'some exact rate is beyond what the page prints');
    for (const r of beyond) {
      const i = rates.find((k) => r[k] !== '' && (Number(r[k]) < -100 || Number(r[k]) > 1000));
      assert.ok(header[i + 1].endsWith(NOTE[lang]) && r[i + 1] !== '', `words beside ${r[i]}: ${r}`);
    }
    if (lang === 'en') writeFileSync(join(OUT, 'downloads-projections-en.csv'), table.map((r) => r.join(',')).join('\n'));
  }
});

test('Delays page: each of its tables in its own file', async () => {
  const files = await everyCsv('#/delays?lang=en', 'en');
  const names = [...files.keys()].filter((n) => !n.includes('(#'));
  assert.ok(names.includes('machi-kpi-delays-dip-table.csv'), names.join(', '));
  assert.ok(names.includes('machi-kpi-delays-comparison.csv'), names.join(', '));
  assert.ok(names.length >= 5, names.join(', '));
  const dip = files.get('machi-kpi-delays-dip-table.csv');
  assert.deepEqual(dip[0].slice(0, 2), ['name_ja', 'name_en']);
  assert.ok(dip[0].some((h) => h.endsWith('(%)')), dip[0].join(','));
});

test('an Indicator page: its projections, source cells and chart table', async () => {
  const files = await everyCsv('#/kpi/annual-tourists?lang=en', 'en');
  const names = [...files.keys()].filter((n) => !n.includes('(#'));
  assert.ok(names.some((n) => n.startsWith('machi-kpi-kpi-annual-tourists-proj-')), names.join(', '));
  const proj = files.get(names.find((n) => n.startsWith('machi-kpi-kpi-annual-tourists-proj-')));
  assert.ok(proj[0].some((h) => h.endsWith('(%)')), proj[0].join(','));
});
