//! Our own small binding to the global `echarts` object (ECharts 5.6, loaded
//! by `index.html` from the bundle `xtask/echarts/` builds: the bar, line, pie
//! and scatter series, grid, tooltip, legend, title and aria, both renderers
//! and the Japanese locale; a deferred script that runs before the wasm module).
//!
//! charming's `WasmRenderer` cannot choose the renderer or locale, merges
//! options instead of replacing them, has no events and no `dispose`, and
//! unwraps on failure. So charming only *builds* options (see
//! [`crate::charts`]); this module talks to ECharts, and every call is
//! `catch`ed into a [`ChartError`] instead of trapping the wasm instance.
//!
//! Options cross the boundary as JSON text parsed with `JSON.parse`, so maps
//! become plain objects (serde-wasm-bindgen's default would make JS `Map`s,
//! which ECharts ignores). Only [`crate::components::chart`] uses this module,
//! and [`crate::components::chart_export`] for [`export_image`] (PNG and SVG
//! downloads drawn by a short-lived offscreen instance).

use std::fmt;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init`'s return value).
    #[derive(Clone, Debug)]
    pub type EchartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        el: &web_sys::HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EchartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EchartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EchartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn on(this: &EchartsInstance, event: &str, handler: &js_sys::Function) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn off(this: &EchartsInstance, event: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EchartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = dispatchAction)]
    fn dispatch_action(this: &EchartsInstance, payload: &JsValue) -> Result<(), JsValue>;
}

/// An action for [`Echarts::dispatch`] (ECharts' `dispatchAction`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartAction {
    /// `showTip`: the tooltip of one data point.
    ShowTip { series: usize, data: usize },
    /// `hideTip`: hides the tooltip, however it was opened.
    HideTip,
    /// `highlight`: emphasises one data point.
    Highlight { series: usize, data: usize },
    /// `downplay` of every series.
    Downplay,
}

/// Which ECharts renderer draws the chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Renderer {
    /// Crisp text at any zoom, small memory for a few charts, selectable text.
    #[default]
    Svg,
    /// Faster for charts with thousands of points.
    Canvas,
}

impl Renderer {
    /// The name ECharts expects in `init`'s `renderer` option.
    pub fn as_str(self) -> &'static str {
        match self {
            Renderer::Svg => "svg",
            Renderer::Canvas => "canvas",
        }
    }
}

/// What went wrong talking to ECharts. Shown to the reader as a message.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// `echarts.init` failed (e.g. the ECharts bundle did not load).
    Init(String),
    /// The option JSON could not be parsed or `setOption` threw.
    SetOption(String),
    /// Resizing, event binding or the ResizeObserver failed.
    Runtime(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Init(m) => write!(f, "ECharts could not start: {m}"),
            ChartError::SetOption(m) => write!(f, "ECharts rejected the chart options: {m}"),
            ChartError::Runtime(m) => write!(f, "ECharts failed: {m}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Length of chart animations, in milliseconds (ECharts' default is 1000).
pub const ANIMATION_MS: u32 = 300;

/// True when the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Best-effort text of a thrown JS value (an `Error`'s message, a string, …).
pub fn js_error_text(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    err.as_string().unwrap_or_else(|| format!("{err:?}"))
}

/// A live ECharts instance; dropped via [`Echarts::dispose`].
#[derive(Debug)]
pub struct Echarts {
    inner: EchartsInstance,
}

impl Echarts {
    /// `echarts.init(el, null, {renderer, locale})`.
    pub fn init(
        el: &web_sys::HtmlElement,
        renderer: Renderer,
        locale: &str,
    ) -> Result<Self, ChartError> {
        let opts = js_sys::Object::new();
        let set = |k: &str, v: &str| js_sys::Reflect::set(&opts, &k.into(), &v.into());
        set("renderer", renderer.as_str())
            .and_then(|_| set("locale", locale))
            .map_err(|e| ChartError::Init(js_error_text(&e)))?;
        let inner = echarts_init(el, &JsValue::NULL, &opts)
            .map_err(|e| ChartError::Init(js_error_text(&e)))?;
        Ok(Echarts { inner })
    }

    /// Replaces the whole option (`notMerge: true`), so series removed from
    /// the new option disappear instead of lingering from the old one.
    ///
    /// With `animate == false` the option's `animation` is switched off (for
    /// readers who ask for reduced motion, and for the first drawing of a chart
    /// that replaces its prerendered SVG, which must not visibly change).
    /// Otherwise the animation is kept short ([`ANIMATION_MS`]) unless the
    /// option sets its own durations: ECharts' default of one second kept
    /// pages moving long after they had rendered (issue 9).
    pub fn set_option_json(&self, json: &str, animate: bool) -> Result<(), ChartError> {
        let option =
            js_sys::JSON::parse(json).map_err(|e| ChartError::SetOption(js_error_text(&e)))?;
        let set = |key: &str, value: &JsValue| {
            js_sys::Reflect::set(&option, &key.into(), value)
                .map_err(|e| ChartError::SetOption(js_error_text(&e)))
        };
        if !animate {
            set("animation", &JsValue::FALSE)?;
        } else {
            for key in ["animationDuration", "animationDurationUpdate"] {
                if !js_sys::Reflect::has(&option, &key.into()).unwrap_or(true) {
                    set(key, &f64::from(ANIMATION_MS).into())?;
                }
            }
        }
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE)
            .map_err(|e| ChartError::SetOption(js_error_text(&e)))?;
        self.inner
            .set_option(&option, &opts)
            .map_err(|e| ChartError::SetOption(js_error_text(&e)))
    }

    /// Fits the chart to its container's current size.
    pub fn resize(&self) -> Result<(), ChartError> {
        self.inner
            .resize()
            .map_err(|e| ChartError::Runtime(js_error_text(&e)))
    }

    /// Calls `handler` with the raw ECharts event object on every click.
    pub fn on_click(&self, handler: &js_sys::Function) -> Result<(), ChartError> {
        self.inner
            .on("click", handler)
            .map_err(|e| ChartError::Runtime(js_error_text(&e)))
    }

    /// `dispatchAction({type, seriesIndex?, dataIndex?})`.
    pub fn dispatch(&self, action: ChartAction) -> Result<(), ChartError> {
        let (kind, point) = match action {
            ChartAction::ShowTip { series, data } => ("showTip", Some((series, data))),
            ChartAction::HideTip => ("hideTip", None),
            ChartAction::Highlight { series, data } => ("highlight", Some((series, data))),
            ChartAction::Downplay => ("downplay", None),
        };
        let err = |e: JsValue| ChartError::Runtime(js_error_text(&e));
        let payload = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&payload, &k.into(), &v).map_err(err);
        set("type", kind.into())?;
        if let Some((series, data)) = point {
            set("seriesIndex", (series as f64).into())?;
            set("dataIndex", (data as f64).into())?;
        }
        self.inner.dispatch_action(&payload).map_err(err)
    }

    /// Unbinds events and frees the instance (canvas/SVG, listeners, timers).
    /// Errors are ignored: the element is going away anyway.
    pub fn dispose(self) {
        let _ = self.inner.off("click");
        let _ = self.inner.dispose();
    }
}

// Chart images for download (PNG and SVG), drawn by a short-lived offscreen
// instance so the chart on the page is left as it is.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init_any(
        el: &JsValue,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EchartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    fn get_data_url(this: &EchartsInstance, opts: &JsValue) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &EchartsInstance) -> Result<String, JsValue>;
}

/// The format of a chart image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// `getDataURL({type: 'png', pixelRatio: 2, backgroundColor})` of a canvas instance.
    Png,
    /// `renderToSVGString()` of an SVG instance (server-side-rendering mode, no DOM).
    Svg,
}

impl ImageFormat {
    /// `png` / `svg`: file extension and button text.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// Draws `option_json` at `width`×`height` CSS pixels without animation on
/// a white background and returns the PNG as a `data:` URL or the SVG text.
/// The instance is disposed whatever happens.
pub fn export_image(
    option_json: &str,
    width: u32,
    height: u32,
    locale: &str,
    format: ImageFormat,
) -> Result<String, ChartError> {
    const BACKGROUND: &str = "#ffffff";
    let err = |e: JsValue| ChartError::Runtime(js_error_text(&e));
    let option =
        js_sys::JSON::parse(option_json).map_err(|e| ChartError::SetOption(js_error_text(&e)))?;
    let set = |target: &JsValue, key: &str, value: &JsValue| {
        js_sys::Reflect::set(target, &key.into(), value).map_err(err)
    };
    set(&option, "animation", &JsValue::FALSE)?;
    set(&option, "backgroundColor", &BACKGROUND.into())?;

    let opts = js_sys::Object::new();
    set(&opts, "width", &f64::from(width.max(1)).into())?;
    set(&opts, "height", &f64::from(height.max(1)).into())?;
    set(&opts, "locale", &locale.into())?;
    let instance = match format {
        ImageFormat::Svg => {
            set(&opts, "renderer", &"svg".into())?;
            set(&opts, "ssr", &JsValue::TRUE)?;
            echarts_init_any(&JsValue::NULL, &JsValue::NULL, &opts)
        }
        ImageFormat::Png => {
            set(&opts, "renderer", &"canvas".into())?;
            let div = web_sys::window()
                .and_then(|w| w.document())
                .ok_or_else(|| ChartError::Init("no document".into()))?
                .create_element("div")
                .map_err(err)?;
            echarts_init_any(&div, &JsValue::NULL, &opts)
        }
    }
    .map_err(|e| ChartError::Init(js_error_text(&e)))?;

    let result = (|| {
        instance
            .set_option(&option, &JsValue::UNDEFINED)
            .map_err(|e| ChartError::SetOption(js_error_text(&e)))?;
        match format {
            ImageFormat::Svg => instance.render_to_svg_string().map_err(err),
            ImageFormat::Png => {
                let png = js_sys::Object::new();
                set(&png, "type", &"png".into())?;
                set(&png, "pixelRatio", &2.0.into())?;
                set(&png, "backgroundColor", &BACKGROUND.into())?;
                instance.get_data_url(&png).map_err(err)
            }
        }
    })();
    let _ = instance.dispose();
    result
}
