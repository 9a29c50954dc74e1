import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const lang of ['ja', 'en']) {
  const p = await b.newPage({ viewport: { width: 360, height: 780 } });
  await p.goto(`http://127.0.0.1:8765/#/kpi/annual-tourists?lang=${lang}`);
  await p.waitForSelector('#kpi-chart'); await p.waitForTimeout(3000);
  await p.locator('#kpi-chart').scrollIntoViewIfNeeded();
  await p.focus('#kpi-chart [tabindex="0"]').catch(() => {});
  await p.keyboard.press('ArrowRight'); await p.waitForTimeout(300);
  await p.keyboard.press('ArrowRight'); await p.waitForTimeout(500);
  await p.locator('#kpi-chart').screenshot({ path: `/tmp/tip-${lang}.png` });
  console.log(lang, await p.evaluate(() => [...document.querySelectorAll('#kpi-chart div')].map((d) => d.textContent).filter((t) => /万人|visits/.test(t) && t.length < 80).slice(0, 3)));
  await p.close();
}
await b.close();
