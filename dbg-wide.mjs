import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 360, height: 740 } });
for (const h of ['#/goals/1-1?lang=ja-easy', '#/about?lang=ja-easy']) {
  await p.goto(`http://127.0.0.1:8765/?data=hostile-dataset.json${h}`);
  await p.waitForSelector('html[data-app="running"] main h1');
  await p.waitForTimeout(800);
  const wide = await p.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 362).map((e) => `${e.tagName}.${e.className} w=${Math.round(e.getBoundingClientRect().width)} ${e.textContent.slice(0,40)}`).slice(0, 8));
  console.log(h, wide);
}
await b.close();
