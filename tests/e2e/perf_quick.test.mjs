// `cargo xtask perf --quick` produces its table: every row measured (a number,
// not "not measured"), whatever the figures are. The timings themselves are
// never judged here (they vary with the machine); the perf command reports
// them beside their budgets. Quick mode: one Lighthouse run per page and few
// samples, so this costs a few minutes, not the full run's ten.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('cargo xtask perf --quick prints the whole table', { timeout: 30 * 60 * 1000 }, () => {
  const r = spawnSync('cargo', ['run', '--quiet', '-p', 'xtask', '--', 'perf', '--quick'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.equal(r.status, 0, 'cargo xtask perf --quick failed');
  const lines = r.stdout.split('\n');
  const row = (start) => {
    const line = lines.find((l) => l.trimStart().startsWith(start));
    assert.ok(line, `no row "${start}" in:\n${r.stdout}`);
    return line.split(' │ ').map((c) => c.trim());
  };
  assert.deepEqual(row('figure'), ['figure', 'machi-kpi', 'peer', 'app/peer', 'budget', 'meets']);
  const measured = (start, { peer = false } = {}) => {
    const cells = row(start);
    assert.match(cells[1], /\d/, `${start}: machi-kpi not measured`);
    if (peer) {
      assert.match(cells[2], /\d/, `${start}: peer not measured`);
      // A ratio to a peer figure of 0 (a CLS of 0) has no value.
      if (Number.parseFloat(cells[2]) !== 0) assert.match(cells[3], /^\d+(\.\d+)?$/, `${start}: no ratio`);
    }
    return cells;
  };
  const wasmFile = lines.find((l) => /^\s+\S+\.wasm\s/.test(l));
  assert.ok(wasmFile, 'a .wasm file of dist/ is listed');
  measured('first view total');
  measured('code section');
  for (const figure of ['performance', 'accessibility', 'best practices', 'first contentful paint',
    'largest contentful paint', 'total blocking time', 'cumulative layout shift', 'bytes transferred',
    'navigation → first chart painted']) {
    measured(figure, { peer: true });
  }
  measured('route change → DOM updated, p50');
  measured('route change → DOM updated, p95');
  measured('JS heap after GC');
  measured('embedded dataset (');
  measured('embedded dataset, wasm in Chromium');
  measured('synthetic (');
  measured('synthetic, wasm in Chromium');
  assert.ok(!r.stdout.includes('note: not measured'), `something was not measured:\n${r.stdout}`);
});
