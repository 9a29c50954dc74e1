// The ECharts the app needs, and nothing else: bundled by xtask/echarts/build.mjs
// (esbuild, from the lockfile's echarts 5.6.0) into one classic script that sets
// `globalThis.echarts`. It replaces the 219 KB (gzip) `echarts.common.min.js`.
//
// What is registered follows what the option builders in src/charts/ emit
// (see tests/snapshots/): series bar, line, pie, scatter; components grid (the
// cartesian axes), tooltip (axis and item, with the axis pointer), legend
// (plain and scroll: LegendComponent installs both), title (the donut's centre
// text) and aria (descriptions and decal patterns). Both renderers: the page
// draws with SVG, the PNG download draws with canvas, and the SVG download and
// the build-time prerender use SVG's server-side mode (`ssr: true`,
// `renderToSVGString`). Add a module here when a chart starts using a new
// series type or component, or ECharts will say it is missing.
import { init, use, registerLocale, getInstanceByDom, dispose, version } from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import langJA from 'echarts/lib/i18n/langJA.js';

use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);
// `JA` is the name src/i18n's `echarts_locale()` asks for; `EN` is built in.
registerLocale('JA', langJA);

// Only what src/echarts.rs calls (init; the instance methods come with it),
// plus getInstanceByDom and dispose for the browser tests and tools.
globalThis.echarts = { init, getInstanceByDom, dispose, version };
