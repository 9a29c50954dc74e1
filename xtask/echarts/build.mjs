// Builds dist's ECharts bundle: node xtask/echarts/build.mjs [out-file]
// (default build/echarts.js). Run by Trunk's pre_build hook (Trunk.toml), so
// `cargo xtask dist` and `trunk serve` both have it before index.html is read.
// esbuild comes from package-lock.json (node_modules), nothing is downloaded.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = resolve(root, process.argv[2] ?? join('build', 'echarts.js'));

await build({
  entryPoints: [join(root, 'xtask', 'echarts', 'entry.mjs')],
  outfile: out,
  bundle: true,
  // A classic script (IIFE): loaded with `defer`, it runs before the app's
  // module script, which follows it in document order.
  format: 'iife',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2019',
  minify: true,
  // ECharts' dev-only checks and warnings sit behind `__DEV__` and
  // `process.env.NODE_ENV`, which a browser does not define.
  define: { __DEV__: 'false', 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`echarts bundle: ${out}`);
