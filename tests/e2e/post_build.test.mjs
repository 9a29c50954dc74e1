// Unit tests of xtask/post-build.mjs (the Trunk post_build hook), plus a
// check of the built dist/ it produced when DIST_DIR is set (cargo xtask e2e).
// No browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentVersion, externalizeLoader, fillWorker, inlineCode, integrity, listFiles } from '../../xtask/post-build.mjs';

const TRUNK_HTML = `<!DOCTYPE html><html><head>
<script src="./boot-1.js" integrity="sha384-x"></script>
<script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-y"></head>
<body><p>hi</p></body></html>`;

test('Trunk\'s inline loader moves to a file with a valid integrity hash', () => {
  const { html, file } = externalizeLoader(TRUNK_HTML);
  assert.ok(file, 'loader found');
  assert.match(file.name, /^start-[0-9a-f]{16}\.js$/);
  assert.match(file.text, /import init, \* as bindings from '\.\/app-1\.js';/);
  const expected = `sha384-${createHash('sha384').update(file.text).digest('base64')}`;
  assert.ok(html.includes(`<script type="module" src="./${file.name}" integrity="${expected}"></script>`));
  assert.ok(html.includes('integrity="sha384-y"'), 'Trunk\'s preload is kept');
  assert.deepEqual(inlineCode(html), []);
  assert.equal(integrity('abc'), 'sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn');
  // Absolute public URLs (trunk serve) are kept.
  assert.match(externalizeLoader(TRUNK_HTML, '/').html, /src="\/start-/);
});

test('inline code a strict CSP would block is found', () => {
  assert.deepEqual(inlineCode('<script src="a.js"></script><script type="application/json">{"a":1}</script>'), []);
  assert.equal(inlineCode('<script>alert(1)</script>').length, 1);
  assert.equal(inlineCode('<button onclick="go()">x</button>').length, 1);
  assert.equal(inlineCode('<a href="javascript:go()">x</a>').length, 1);
  assert.deepEqual(inlineCode('<!-- <a onclick="x"> --><p>fine</p>'), []);
});

test('the worker gets the file list and a version', () => {
  const source = 'const VERSION = "dev"; // x\nconst PRECACHE = ["./", "./index.html"]; // y\nrest();\n';
  const out = fillWorker(source, ['./a-1.js', './index.html'], 'abc');
  assert.match(out, /^const VERSION = "abc";$/m);
  assert.match(out, /^const PRECACHE = \["\.\/","\.\/a-1\.js","\.\/index\.html"\];$/m);
  assert.match(out, /rest\(\);/);
  assert.throws(() => fillWorker('nothing', [], 'v'));
});

const DIST = process.env.DIST_DIR;

test('the built dist/ has no inline script and a complete precache list', { skip: !DIST && 'DIST_DIR not set' }, () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.deepEqual(inlineCode(html), []);
  const start = /<script type="module" src="\.\/(start-[0-9a-f]+\.js)" integrity="([^"]+)"><\/script>/.exec(html);
  assert.ok(start, 'the module loader is a file');
  assert.equal(integrity(readFileSync(join(DIST, start[1]))), start[2]);
  // Every reference in index.html is relative, so dist/ works under any sub-path.
  for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    assert.ok(!/^(\/|https?:)/.test(url), `relative URL: ${url}`);
  }
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const precache = JSON.parse(/^const PRECACHE = (.*);$/m.exec(worker)[1]);
  const files = listFiles(DIST, (rel) => rel === 'sw.js');
  assert.deepEqual(precache, ['./', ...files]);
  assert.ok(files.includes(`./${start[1]}`) && files.includes('./index.html') && files.some((f) => f.endsWith('.wasm')));
  assert.match(worker, new RegExp(`^const VERSION = "${contentVersion(DIST, files)}";$`, 'm'));
  assert.ok(existsSync(join(DIST, 'embed-host.html')) && existsSync(join(DIST, 'embed-parent.js')));
});
