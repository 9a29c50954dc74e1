//! Small building blocks of the Basic goal, Indicator and About pages:
//! status and outlook badges, the progress bar, the sparkline, the display
//! of a value with its period and caveats, and [`QueryLink`] (an in-app link
//! that carries the view's query).
//!
//! Status is never told by colour alone: every badge has its words and a
//! symbol (◎ ○ △ ×, ★ ↗ → ↘), and the progress bar prints its number.
//! Graphics are inline SVG drawn with geometry attributes only (no inline
//! styles, so they work under a strict CSP and in print).

use crate::i18n::furigana;
use machi_kpi_core::analysis::indicator::actual_points;
use machi_kpi_core::analysis::readable::{self as readable, AchievementHeadline, YearMonth};
use machi_kpi_core::analysis::{IndicativeStatus, Metric, Outlook, Scope, TargetAnalysis};
use machi_kpi_core::ruby::RubyPiece;
use machi_kpi_core::{Dataset, Indicator, OfficialStatus, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::era::{period_label, Era};
use crate::i18n::kpi_format::{self as fmt, value_text};
use crate::i18n::pages_goal_kpi::{self as text, pt, PKey};
use crate::i18n::readable as rtext;
use crate::i18n::{messages, Lang};
use crate::routes::Route;

/// The indicator's name for a title or a card: in やさしい日本語 its easy name from
/// the data with the readings the data gives (`<ruby>`), when it has one; otherwise
/// the official name (Japanese modes) or the English name.
pub fn indicator_name(lang: Lang, ind: &Indicator) -> Html {
    match easy_name(lang, ind) {
        Some(pieces) => html! {
            <span class="easy-name">
                { for pieces.into_iter().map(|p| match p {
                    RubyPiece::Text(t) => html! { { t.to_owned() } },
                    RubyPiece::Ruby { base, reading } => html! {
                        <ruby>{ base.to_owned() }<rt>{ reading.to_owned() }</rt></ruby>
                    },
                }) }
            </span>
        },
        None => html! { { lang.pick(&ind.name_ja, &ind.name_en).to_owned() } },
    }
}

/// The easy name [`indicator_name`] shows, with its readings: in やさしい日本語,
/// when the data gives one that parses (the dataset's check refuses the others).
fn easy_name(lang: Lang, ind: &Indicator) -> Option<Vec<RubyPiece<'_>>> {
    let easy = ind
        .name_easy_ja
        .as_deref()
        .filter(|_| lang == Lang::JaEasy)?;
    machi_kpi_core::ruby::parse(easy).ok()
}

/// Whether [`indicator_name`] shows an easy name rather than the official one.
pub fn shows_easy_name(lang: Lang, ind: &Indicator) -> bool {
    easy_name(lang, ind).is_some()
}

/// The official status as a badge: symbol and words, or "no official status".
pub fn status_badge(lang: Lang, status: Option<OfficialStatus>) -> Html {
    match status {
        Some(s) => html! {
            <span class={classes!("badge", "status-badge", format!("status-{}", s.slug()))}
                data-status={s.slug()}>
                <span class="badge-icon" aria-hidden="true">{ fmt::status_icon(s) }</span>
                <span class="visually-hidden">{ pt(lang, PKey::OfficialStatusLabel) }{ fmt::colon(lang) }</span>
                if lang == Lang::JaEasy {
                    // The city's words, and under them the plain gloss: one long
                    // parenthesised line wrapped into four cramped ones on a phone.
                    <span class="badge-text">
                        <span class="badge-official">{ s.name_ja() }</span>
                        <span class="badge-gloss">{ messages::status_short(lang, s) }</span>
                    </span>
                } else {
                    { fmt::status_name(lang, s) }
                }
            </span>
        },
        None => html! {
            <span class="badge status-badge status-none" data-status="none">
                { pt(lang, PKey::NoOfficialStatus) }
            </span>
        },
    }
}

/// The indicative status (computed) as a badge, or "—" with the reason.
pub fn indicative_badge(lang: Lang, m: &Metric<IndicativeStatus>) -> Html {
    match m {
        Metric::Value(s) => {
            let o = s.as_official();
            html! {
                <span class={classes!("badge", "indicative-badge", format!("status-{}", o.slug()))}
                    data-indicative={o.slug()}>
                    <span class="badge-icon" aria-hidden="true">{ fmt::status_icon(o) }</span>
                    { fmt::indicative_name(lang, *s) }
                </span>
            }
        }
        Metric::Unavailable(u) => html! {
            <span class="na" data-indicative="none">{ fmt::unavailable_text(lang, *u) }</span>
        },
    }
}

/// An outlook as a badge (symbol and words), or "—" with the reason.
pub fn outlook_badge(lang: Lang, m: &Metric<Outlook>) -> Html {
    match m {
        Metric::Value(o) => html! {
            <span class={classes!("badge", "outlook-badge", format!("outlook-{}", o.slug()))}
                data-outlook={o.slug()}>
                <span class="badge-icon" aria-hidden="true">{ fmt::outlook_icon(*o) }</span>
                { fmt::outlook_name(lang, *o) }
            </span>
        },
        Metric::Unavailable(u) => html! {
            <span class="na" data-outlook="none">{ fmt::unavailable_text(lang, *u) }</span>
        },
    }
}

/// A metric as text, or "—" with the reason.
pub fn metric_text<T>(lang: Lang, m: &Metric<T>, show: impl Fn(&T) -> String) -> Html {
    match m {
        Metric::Value(v) => html! { { show(v) } },
        Metric::Unavailable(u) => {
            html! { <span class="na">{ fmt::unavailable_text(lang, *u) }</span> }
        }
    }
}

/// The progress bar to a target: the achievement as a filled bar (clamped
/// to 0–100%) with a tick at the expected progress, and the headline in text:
/// the rate only when it is readable, else the change since the base in words
/// ([`readable::achievement_headline`]); the exact rate stays in "show the
/// computation".
pub fn progress_bar(lang: Lang, ind: &Indicator, ta: &TargetAnalysis) -> Html {
    let bar = match (&ta.achievement, &ta.expected_progress) {
        (Metric::Value(a), e) => {
            let fill = (a.clamp(0.0, 1.0) * 100.0).to_string();
            let tick = e.value().map(|e| (e.clamp(0.0, 1.0) * 100.0).to_string());
            html! {
                <svg class="progress-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                    aria-hidden="true" focusable="false">
                    <rect class="track" x="0" y="0" width="100" height="10" />
                    <rect class="fill" x="0" y="0" width={fill} height="10" />
                    if let Some(tick) = tick {
                        <line class="tick" x1={tick.clone()} x2={tick} y1="-1" y2="11"
                            vector-effect="non-scaling-stroke" />
                    }
                </svg>
            }
        }
        _ => html! {},
    };
    let headline = readable::achievement_headline(ta);
    // "Behind schedule" says nothing new under "moved away from the target".
    let schedule = match (&headline, &ta.achievement, &ta.expected_progress) {
        (AchievementHeadline::Achieved, _, _) => None,
        (AchievementHeadline::Percent(_), Metric::Value(a), Metric::Value(e)) => {
            Some(text::schedule_text(lang, *a, *e))
        }
        _ => None,
    };
    html! {
        <div class="progress">
            { bar }
            <p class="progress-text">
                <span class="label">{ pt(lang, PKey::AchievementLabel) }{ " " }</span>
                <strong data-figure="achievement" data-headline={headline_slug(&headline)}>
                    { rtext::achievement_text(lang, ind, &headline) }
                </strong>
                if let (AchievementHeadline::Percent(_), Metric::Value(e)) = (&headline, &ta.expected_progress) {
                    <span class="expected">
                        { if lang == Lang::En { " · " } else { "・" } }
                        { pt(lang, PKey::ExpectedShort) }{ " " }
                        <span data-figure="expected">{ fmt::percent(*e, 1) }</span>
                    </span>
                }
            </p>
            if let Some(s) = schedule {
                <p class="schedule">{ s }</p>
            }
        </div>
    }
}

/// The kind of headline, for tests and styles (`data-headline`).
pub fn headline_slug(h: &AchievementHeadline) -> &'static str {
    match h {
        AchievementHeadline::Achieved => "achieved",
        AchievementHeadline::Percent(_) => "percent",
        AchievementHeadline::MovedAway(_) => "moved-away",
        AchievementHeadline::ChangeOnly(_) => "change-only",
        AchievementHeadline::Unavailable(_) => "unavailable",
    }
}

/// The reader's year and month, from the browser's clock. Natively (server-side
/// rendering, tests) there is no reader, so `None`: the output stays the same whatever
/// day the tests run, and the core's rules take the date as an argument
/// ([`readable::target_timing`]), tested with fixed dates.
pub fn today() -> Option<YearMonth> {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        let (year, month) = (d.get_full_year(), d.get_month());
        // NaN-free by construction: `Date()` is now.
        Some(YearMonth {
            year: year as i32,
            month: month + 1,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The "data as of" line: the latest actuals' period and the editions' titles as the
/// dataset gives them (they carry the publication as the source prints it), each title
/// as data text, bidi-isolated. Marked `data-readable`, not `data-figure`: it is no
/// figure of the page's own (the pages' tests collect those).
pub fn data_as_of(lang: Lang, era: Era, ds: &Dataset) -> Html {
    data_as_of_for(lang, era, ds, None)
}

/// [`data_as_of`] on an Indicator page: that indicator's latest actual instead of the
/// dataset's, in the same one line.
pub fn data_as_of_for(lang: Lang, era: Era, ds: &Dataset, ind: Option<&Indicator>) -> Html {
    let when = match ind {
        Some(i) => rtext::indicator_as_of_text(lang, era, readable::latest_actual(i)),
        None => rtext::data_as_of_text(lang, era, &readable::data_as_of(ds)),
    };
    html! {
        <p class="data-as-of note" data-readable="data-as-of">
            { when }
            { if lang == Lang::En { ". " } else { "。" } }
            { source_titles(lang, ds) }
        </p>
    }
}

/// The data date alone, for a first screen where every line counts (the Overview): the
/// sources follow further down in [`sources_line`].
pub fn data_as_of_brief(lang: Lang, era: Era, ds: &Dataset) -> Html {
    html! {
        <p class="data-as-of note" data-readable="data-as-of">
            { rtext::data_as_of_text(lang, era, &readable::data_as_of(ds)) }
            { if lang == Lang::En { "." } else { "。" } }
        </p>
    }
}

/// "Sources (as published): …" with the title of every edition the data comes from.
pub fn sources_line(lang: Lang, ds: &Dataset) -> Html {
    html! { <p class="sources note">{ source_titles(lang, ds) }</p> }
}

fn source_titles(lang: Lang, ds: &Dataset) -> Html {
    let sep = if lang == Lang::En { "; " } else { "、" };
    html! {
        <>
            { rtext::sources_label(lang) }
            { for ds.editions.iter().enumerate().map(|(i, e)| html! {
                <>{ if i > 0 { sep } else { "" } }<bdi class="data-text">{ lang.pick(&e.title_ja, &e.title_en).to_string() }</bdi></>
            }) }
        </>
    }
}

/// One sentence: why the official status and the projection can differ.
pub fn status_vs_projection(lang: Lang, era: Era, ds: &Dataset) -> Html {
    let evaluated = readable::data_as_of(ds).evaluated_fy;
    html! {
        <p class="note status-vs-projection" data-readable="status-vs-projection">
            { rtext::status_vs_projection(lang, era, evaluated) }
        </p>
    }
}

/// The mark of a target whose year has passed (by the data or by the reader's date).
pub fn target_passed(lang: Lang, ta: &TargetAnalysis, today: Option<YearMonth>) -> Html {
    match rtext::target_passed_text(lang, readable::target_timing(ta, today)) {
        Some(s) => html! { <p class="target-passed" data-readable="target-passed">{ s }</p> },
        None => html! {},
    }
}

/// Points of a sparkline in a `w`×`h` box (pure; tested natively).
pub fn sparkline_points(values: &[(f64, f64)], w: f64, h: f64, pad: f64) -> Vec<(f64, f64)> {
    if values.is_empty() {
        return Vec::new();
    }
    let (t0, t1) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), (t, _)| {
        (a.min(*t), b.max(*t))
    });
    let (v0, v1) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, v)| {
        (a.min(*v), b.max(*v))
    });
    let sx = if t1 > t0 {
        (w - 2.0 * pad) / (t1 - t0)
    } else {
        0.0
    };
    let sy = if v1 > v0 {
        (h - 2.0 * pad) / (v1 - v0)
    } else {
        0.0
    };
    values
        .iter()
        .map(|(t, v)| {
            let x = if t1 > t0 {
                pad + (t - t0) * sx
            } else {
                w / 2.0
            };
            let y = if v1 > v0 {
                h - pad - (v - v0) * sy
            } else {
                h / 2.0
            };
            ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0)
        })
        .collect()
}

/// A small inline-SVG chart of one series' values (baselines and actuals,
/// solid) with its targets (hollow squares). Its accessible name lists the
/// values, so the picture adds nothing a screen reader misses.
pub fn sparkline(lang: Lang, era: Era, ind: &Indicator, series: Option<&str>) -> Html {
    let pts = actual_points(ind, series, Scope::AllEditions);
    let targets: Vec<(f64, f64)> = ind
        .observations
        .iter()
        .filter(|o| o.role == Role::Target && o.applies_to(series))
        .filter_map(|o| o.value.number().map(|v| (o.period.t(), v)))
        .collect();
    if pts.is_empty() {
        return html! {};
    }
    let mut all: Vec<(f64, f64)> = pts.iter().map(|p| (p.period.t(), p.value)).collect();
    let n_actual = all.len();
    all.extend(targets.iter().copied());
    let (w, h) = (160.0, 40.0);
    let xy = sparkline_points(&all, w, h, 5.0);
    let line: Vec<String> = xy[..n_actual]
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect();
    let label = text::sparkline_label(
        lang,
        &pts.iter()
            .map(|p| {
                format!(
                    "{} {}",
                    period_label(lang, era, p.period),
                    value_text(lang, ind, p.value)
                )
            })
            .collect::<Vec<_>>(),
    );
    html! {
        <svg class="sparkline" viewBox={format!("0 0 {w} {h}")} width="160" height="40"
            role="img" aria-label={label}>
            <polyline class="spark-line" points={line.join(" ")} />
            { for xy[..n_actual].iter().map(|(x, y)| html! {
                <circle class="spark-dot" cx={x.to_string()} cy={y.to_string()} r="2.5" />
            }) }
            { for xy[n_actual..].iter().map(|(x, y)| html! {
                <rect class="spark-target" x={(x - 3.5).to_string()} y={(y - 3.5).to_string()}
                    width="7" height="7" />
            }) }
        </svg>
    }
}

/// The latest value of a series with its period, source cell and caveats.
pub fn latest_value(lang: Lang, era: Era, ind: &Indicator, ta: &TargetAnalysis) -> Html {
    match &ta.latest {
        Metric::Value(p) => {
            let obs = fmt::observation_at(ind, ta.series.as_deref(), p.period);
            let caveats: Vec<String> = obs
                .map(|o| {
                    o.caveats
                        .iter()
                        .map(|c| fmt::caveat_text(lang, c))
                        .collect()
                })
                .unwrap_or_default();
            // A later cell still to be published is worth saying.
            let pending = ind.observations.iter().find(|o| {
                o.role == Role::Actual
                    && o.applies_to(ta.series.as_deref())
                    && o.period.year > p.period.year
                    && o.value.number().is_none()
            });
            html! {
                <>
                    <span class="value" data-figure="latest">{ value_text(lang, ind, p.value) }</span>
                    { " " }
                    <span class="period">{ fmt::paren(lang, &period_label(lang, era, p.period)).trim_start().to_owned() }</span>
                    if !caveats.is_empty() {
                        <ul class="caveats">
                            { for caveats.iter().map(|c| html! { <li>{ "※ " }{ c }</li> }) }
                        </ul>
                    }
                    if let Some(o) = pending {
                        <span class="pending">
                            { period_label(lang, era, o.period) }{ fmt::colon(lang) }
                            { fmt::observation_text(lang, era, ind, &o.value) }
                        </span>
                    }
                </>
            }
        }
        Metric::Unavailable(u) => {
            html! { <span class="na">{ fmt::unavailable_text(lang, *u) }</span> }
        }
    }
}

/// Properties of [`QueryLink`].
#[derive(Properties, PartialEq)]
pub struct QueryLinkProps {
    /// Where to go.
    pub to: Route,
    /// The query parameters, in order (non-defaults only).
    #[prop_or_default]
    pub query: Vec<(&'static str, String)>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// An in-app link carrying a query (`#/kpi/x?era=gregorian&lang=en`): a real
/// `href` for new tabs, and router navigation on a plain click.
#[component]
pub fn QueryLink(props: &QueryLinkProps) -> Html {
    let navigator = use_navigator();
    let href = {
        let body: Vec<String> = props
            .query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let q = if body.is_empty() {
            String::new()
        } else {
            format!("?{}", body.join("&"))
        };
        format!("#{}{q}", props.to.to_path())
    };
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            let Some(navigator) = &navigator else { return };
            e.prevent_default();
            navigate(navigator, &to, &query);
        })
    };
    furigana::rubify(
        crate::use_lang(),
        html! {
            <a {href} class={props.class.clone()} {onclick}>{ props.children.clone() }</a>
        },
    )
}

/// Pushes `route` with `query` (or without a query when it is empty).
pub fn navigate(navigator: &Navigator, route: &Route, query: &[(&'static str, String)]) {
    // An empty query would leave a bare `?`; a failed one falls back to the route.
    if query.is_empty() || navigator.push_with_query(route, query).is_err() {
        navigator.push(route);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_fills_its_box() {
        let pts = sparkline_points(
            &[(2019.0, 10.0), (2020.0, 20.0), (2021.0, 15.0)],
            100.0,
            40.0,
            5.0,
        );
        assert_eq!(pts, vec![(5.0, 35.0), (50.0, 5.0), (95.0, 20.0)]);
        // A flat series sits in the middle instead of dividing by zero.
        let flat = sparkline_points(&[(2019.0, 0.0), (2021.0, 0.0)], 100.0, 40.0, 5.0);
        assert_eq!(flat, vec![(5.0, 20.0), (95.0, 20.0)]);
        assert!(sparkline_points(&[], 1.0, 1.0, 0.0).is_empty());
    }
}
