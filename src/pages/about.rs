//! The About page (`#/about`): what the site is, its two sources, the licence
//! and the attribution it requires, the accessibility target, the
//! methodology of DESIGN.md §4 with a worked example from the data for every
//! method, and every transcription decision.
//!
//! The worked examples are computed by the core when the page renders, never
//! typed: each picks a preferred indicator (e.g. 防犯灯設置数 for achievement)
//! and falls back to the first indicator that shows the method, so the page
//! stays right with a newer dataset. The formulas are the Indicator page's
//! ([`crate::pages::formulas`]).

use crate::i18n::furigana;
use machi_kpi_core::analysis::{
    Analysis, BaseSource, CovidImpact, IndicatorAnalysis, Method, Metric, Outlook, OutlookCounts,
    Scenario, TargetAnalysis,
};
use machi_kpi_core::{Caveat, Dataset, EditionId, Indicator};
use yew::prelude::*;

use crate::components::table_region::TableRegion;
use yew_router::prelude::*;

use crate::components::kpi_widgets::QueryLink;
use crate::context::{use_analysis, use_dataset, use_lang_state};
use crate::i18n::era::{period_label, Era};
use crate::i18n::kpi_format::{self as fmt, value_text};
use crate::i18n::pages_goal_kpi::{self as text, pt, PKey};
use crate::i18n::Lang;
use crate::pages::formulas::{self, Formula};
use crate::pages::view_state::ViewState;
use crate::routes::Route;

/// The About page.
#[component]
pub fn AboutPage() -> Html {
    let state = use_lang_state();
    let lang = state.lang;
    let data = use_dataset();
    let analysis = use_analysis();
    let location = use_location();
    let view = ViewState::from_query(location.as_ref().map(|l| l.query_str()).unwrap_or(""));
    let (Some(data), Some(analysis)) = (data, analysis) else {
        return html! {};
    };
    let ds = &data.0;
    let ctx = Ctx {
        lang,
        era: view.era_for(lang),
        ds,
        a: &analysis,
        link_query: ViewState {
            era: view.era,
            ..ViewState::default()
        }
        .params(state.query_for(lang).and_then(|q| q.lang).as_deref()),
    };
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page about-page">
                <h1 id="page-title">{ pt(lang, PKey::AboutTitle) }</h1>
                <p class="lead">{ pt(lang, PKey::AboutIntro) }</p>
                <nav class="toc" aria-labelledby="toc-title">
                    <h2 id="toc-title" class="visually-hidden">{ pt(lang, PKey::AboutTitle) }</h2>
                    <ul>
                        { for [
                            ("sources-title", PKey::SourcesHeading),
                            ("licence-title", PKey::LicenceHeading),
                            ("a11y-title", PKey::A11yHeading),
                            ("method-title", PKey::MethodologyHeading),
                            ("decisions-all-title", PKey::DecisionsAllHeading),
                        ].into_iter().map(|(target, key)| html! {
                            <li>
                                <button type="button" class="link-button" onclick={jump_to(target)}>
                                    { pt(lang, key) }
                                </button>
                            </li>
                        }) }
                    </ul>
                </nav>
                { sources(&ctx) }
                { licence(&ctx) }
                { accessibility(&ctx) }
                { methodology(&ctx) }
                { all_decisions(&ctx) }
            </div>
        },
    )
}

/// Scrolls to a section heading and moves the focus there. A fragment link
/// (`#sources`) would be read as a route by the hash router.
fn jump_to(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
            else {
                return;
            };
            el.scroll_into_view();
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.set_attribute("tabindex", "-1");
                let _ = h.focus();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = id;
    })
}

struct Ctx<'a> {
    lang: Lang,
    era: Era,
    ds: &'a Dataset,
    a: &'a Analysis,
    link_query: Vec<(&'static str, String)>,
}

impl<'a> Ctx<'a> {
    fn name(&self, ind: &Indicator) -> Html {
        let lang = self.lang;
        html! {
            <QueryLink to={Route::Kpi { id: ind.id.clone() }} query={self.link_query.clone()}>
                { lang.pick(&ind.name_ja, &ind.name_en) }
            </QueryLink>
        }
    }
}

fn sources(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    html! {
        <section aria-labelledby="sources-title" id="sources">
            <h2 id="sources-title">{ pt(lang, PKey::SourcesHeading) }</h2>
            <p>{ pt(lang, PKey::SourcesIntro) }</p>
            <TableRegion caption_id="sources-caption">
                <table class="data-table sources-table">
                    <caption id="sources-caption">{ pt(lang, PKey::SourcesHeading) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ pt(lang, PKey::ColTitle) }</th>
                            <th scope="col">{ pt(lang, PKey::ColPublisher) }</th>
                            <th scope="col">{ pt(lang, PKey::ColTargetYear) }</th>
                            <th scope="col">{ pt(lang, PKey::ColEvaluatedYear) }</th>
                            <th scope="col">{ pt(lang, PKey::ColSourceFile) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for c.ds.editions.iter().map(|e| html! {
                            <tr data-edition={e.id.slug()}>
                                <th scope="row">
                                    <span lang="ja">{ &e.title_ja }</span>
                                    if lang == Lang::En { <br /><span class="title-en">{ &e.title_en }</span> }
                                </th>
                                <td lang="ja">{ &e.publisher_ja }</td>
                                <td>{ period_label(lang, c.era, machi_kpi_core::Period::fiscal(e.target_fy)) }</td>
                                <td>{ e.evaluated_fy.map(|y| period_label(lang, c.era, machi_kpi_core::Period::fiscal(y))).unwrap_or_else(|| fmt::DASH.to_owned()) }</td>
                                <td><code>{ &e.source_file }</code></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </TableRegion>
        </section>
    }
}

fn licence(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let titles: Vec<&str> = c.ds.editions.iter().map(|e| e.title_ja.as_str()).collect();
    html! {
        <section aria-labelledby="licence-title" id="licence">
            <h2 id="licence-title">{ pt(lang, PKey::LicenceHeading) }</h2>
            <p>{ pt(lang, PKey::LicenceBody) }</p>
            <p class="attribution-label"><strong>{ pt(lang, PKey::AttributionLabel) }</strong></p>
            <blockquote class="attribution" data-figure="attribution">{ text::attribution(lang, &titles) }</blockquote>
            <p>{ pt(lang, PKey::LicenceNotOfficial) }</p>
        </section>
    }
}

fn accessibility(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    html! {
        <section aria-labelledby="a11y-title" id="accessibility">
            <h2 id="a11y-title">{ pt(lang, PKey::A11yHeading) }</h2>
            <p data-figure="wcag">{ pt(lang, PKey::A11yBody) }</p>
            <p>{ pt(lang, PKey::A11yFeatures) }</p>
        </section>
    }
}

/// One method: title, explanation, and its worked example (or a note that
/// the data has none).
fn method(c: &Ctx<'_>, id: &str, title: PKey, body: PKey, example: Option<Html>) -> Html {
    let lang = c.lang;
    let title_id = format!("m-{id}-title");
    html! {
        <section class="method" id={format!("m-{id}")} aria-labelledby={title_id.clone()} data-method={id.to_owned()}>
            <h3 id={title_id}>{ pt(lang, title) }</h3>
            <p>{ pt(lang, body) }</p>
            <div class="example">
                { example.unwrap_or_else(|| html! { <p class="note">{ pt(lang, PKey::ExampleMissing) }</p> }) }
            </div>
        </section>
    }
}

fn formula_list(list: &[Formula]) -> Html {
    html! {
        <ol class="formulas">
            { for list.iter().map(|f| html! {
                <li data-formula={f.id}>
                    <span class="formula-label">{ &f.label }</span>
                    <code class="formula">{ &f.expr }</code>
                </li>
            }) }
        </ol>
    }
}

fn example_heading(c: &Ctx<'_>, ind: &Indicator, ta: &TargetAnalysis) -> Html {
    let lang = c.lang;
    let detail = match ta.target.value() {
        Some(t) => {
            let mut d = text::target_heading(lang, c.era, ta.edition, t.period);
            if let Some(s) = fmt::series_label(lang, ind, ta.series.as_deref()) {
                d.push_str(" — ");
                d.push_str(s);
            }
            d
        }
        None => fmt::edition_name(lang, ta.edition).to_owned(),
    };
    html! {
        <p class="example-title">
            <strong>{ pt(lang, PKey::WorkedExample) }</strong>{ fmt::colon(lang) }
            { c.name(ind) }{ " — " }{ detail }
        </p>
    }
}

/// The fiscal year an edition sets its targets for, from the dataset.
fn target_period(ds: &Dataset, e: EditionId) -> machi_kpi_core::Period {
    machi_kpi_core::Period::fiscal(ds.edition(e).map_or(0, |x| x.target_fy))
}

fn first_target(a: &IndicatorAnalysis, edition: EditionId) -> Option<&TargetAnalysis> {
    a.for_edition(edition).first()
}

fn numeric(t: &TargetAnalysis) -> bool {
    t.achievement.value().is_some()
}

fn target_ne_base(t: &TargetAnalysis) -> bool {
    match (&t.target, &t.base) {
        (Metric::Value(t), Metric::Value(b)) => (t.value - b.point.value).abs() > 1e-12,
        _ => false,
    }
}

/// One worked example: an indicator and the target it illustrates.
#[derive(Clone, Copy)]
pub struct Example<'a> {
    pub ind: &'a Indicator,
    pub ta: &'a TargetAnalysis,
}

/// The worked examples of the methodology: which indicator (and target) illustrates each
/// formula of DESIGN.md §4. Picked once from the data, and used both by this page and by
/// the generator of `docs/methodology.md` (`tests/methodology_doc.rs`), so the two show
/// the same examples with the same figures. Each pick prefers one indicator and falls back
/// to the first that shows the method, so a newer dataset still gets examples.
pub struct WorkedExamples<'a> {
    /// Achievement, expected progress, CAGR projection and pace ratio.
    pub increasing: Option<Example<'a>>,
    /// A maintain target (T = b).
    pub maintain: Option<Example<'a>>,
    pub rebased: Option<Example<'a>>,
    pub earliest: Option<Example<'a>>,
    /// A cell that repeats another period.
    pub repeated: Option<&'a Indicator>,
    /// The least-squares line (a cumulative indicator's second target).
    pub line: Option<Example<'a>>,
    /// A COVID-hit indicator whose two scenarios disagree.
    pub scenario: Option<Example<'a>>,
    pub covid: Option<(&'a Indicator, &'a CovidImpact)>,
    /// An indicator whose indicative status differs from the official one.
    pub indicative: Option<(Example<'a>, &'a IndicatorAnalysis)>,
    pub series: Option<(&'a Indicator, &'a IndicatorAnalysis)>,
    /// An undefined result (a qualitative target).
    pub undefined: Option<Example<'a>>,
}

/// The first indicator (preferred one first) whose analysis passes `ok`.
fn pick<'a>(
    ds: &'a Dataset,
    a: &'a Analysis,
    preferred: &str,
    ok: impl Fn(&Indicator, &IndicatorAnalysis) -> bool,
) -> Option<(&'a Indicator, &'a IndicatorAnalysis)> {
    ds.indicator(preferred)
        .into_iter()
        .chain(ds.indicators.iter())
        .filter_map(|i| a.indicator(&i.id).map(|x| (i, x)))
        .find(|(i, x)| ok(i, x))
}

/// Picks every worked example (see [`WorkedExamples`]).
pub fn worked_examples<'a>(ds: &'a Dataset, a: &'a Analysis) -> WorkedExamples<'a> {
    let first = EditionId::Fy2021Report;
    let ex = |p: Option<(&'a Indicator, &'a IndicatorAnalysis)>,
              target: fn(&'a IndicatorAnalysis) -> Option<&'a TargetAnalysis>| {
        p.and_then(|(ind, x)| target(x).map(|ta| Example { ind, ta }))
    };
    let fy24 = |x: &'a IndicatorAnalysis| x.fy2024.first();
    let fy27 = |x: &'a IndicatorAnalysis| x.fy2027.first();
    let increasing = pick(ds, a, "security-lights", |i, x| {
        !i.cumulative
            && i.series.is_empty()
            && first_target(x, first).is_some_and(|t| {
                numeric(t)
                    && target_ne_base(t)
                    && t.cagr_since_baseline.value().is_some()
                    && t.pace_ratio.value().is_some()
            })
    });
    let maintain = pick(ds, a, "daycare-waiting-children", |_, x| {
        first_target(x, first).is_some_and(|t| numeric(t) && !target_ne_base(t))
    });
    let rebased = pick(ds, a, "family-support-members", |_, x| {
        x.fy2027
            .iter()
            .any(|t| matches!(&t.base, Metric::Value(b) if b.source == BaseSource::Rebased))
    });
    let earliest = pick(ds, a, "parenting-support-center-consultations", |_, x| {
        x.fy2024
            .iter()
            .any(|t| matches!(&t.base, Metric::Value(b) if b.source == BaseSource::EarliestActual))
    });
    let repeated = ds
        .indicators
        .iter()
        .find(|i| i.id == "livability" && has_repeat(i))
        .or_else(|| ds.indicators.iter().find(|i| has_repeat(i)));
    let line = pick(ds, a, "new-farmers", |i, x| {
        i.cumulative
            && x.fy2027.first().is_some_and(|t| {
                t.line_since_baseline.value().is_some()
                    && !matches!(t.target_met, Metric::Value(true))
            })
    });
    let scenario = pick(ds, a, "annual-tourists", |_, x| {
        x.covid_affected
            && first_target(x, first).is_some_and(|t| {
                let since = t.cagr_since_baseline.value().map(|p| p.outlook);
                let recent = t.cagr_recent_pace.value().map(|p| p.outlook);
                since.is_some() && recent.is_some() && since != recent
            })
    });
    let covid = pick(ds, a, "railway-passengers", |_, x| {
        x.covid.iter().any(|c| c.recovery.value().is_some())
    })
    .and_then(|(i, x)| {
        x.covid
            .iter()
            .find(|c| c.recovery.value().is_some())
            .map(|c| (i, c))
    });
    let indicative = pick(ds, a, "traffic-accidents", |_, x| {
        x.status_agrees() == Some(false)
    })
    .and_then(|(ind, x)| first_target(x, first).map(|ta| (Example { ind, ta }, x)));
    let series = pick(ds, a, "healthy-life-expectancy", |i, x| {
        i.series.len() > 1 && x.fy2024.iter().all(numeric)
    });
    let undefined = pick(ds, a, "after-school-classrooms", |_, x| {
        x.fy2024
            .first()
            .is_some_and(|t| t.achievement.value().is_none())
    });
    WorkedExamples {
        increasing: ex(increasing, fy24),
        maintain: ex(maintain, fy24),
        rebased: ex(rebased, fy27),
        earliest: ex(earliest, fy24),
        repeated,
        line: ex(line, fy27),
        scenario: ex(scenario, fy24),
        covid,
        indicative,
        series,
        undefined: ex(undefined, fy24),
    }
}

/// The formulas each worked example of a method shows, with its numbers put in (method
/// ids as in the page's `data-method`): the same lists on the page and in
/// `docs/methodology.md`.
pub fn method_formulas<'a>(
    w: &WorkedExamples<'a>,
    method: &str,
    lang: Lang,
) -> Vec<(Example<'a>, Vec<Formula>)> {
    let one = |e: Option<Example<'a>>, f: &dyn Fn(Example<'a>) -> Vec<Formula>| {
        e.map(|e| (e, f(e))).into_iter().collect::<Vec<_>>()
    };
    match method {
        "achievement" => {
            let mut v = one(w.increasing, &|e| {
                vec![formulas::achievement(e.ind, e.ta, lang)]
            });
            v.extend(one(w.maintain, &|e| {
                vec![formulas::achievement(e.ind, e.ta, lang)]
            }));
            v
        }
        "expected" => one(w.increasing, &|e| vec![formulas::expected(e.ta, lang)]),
        "cagr" => one(w.increasing, &|e| {
            formulas::projection(e.ind, e.ta, Method::Cagr, Scenario::SinceBaseline, lang)
        }),
        "pace" => one(w.increasing, &|e| {
            vec![formulas::pace_ratio(e.ind, e.ta, lang)]
        }),
        "line" => one(w.line, &|e| {
            formulas::projection(e.ind, e.ta, Method::Line, Scenario::SinceBaseline, lang)
        }),
        "scenarios" => one(w.scenario, &|e| {
            let mut list =
                formulas::projection(e.ind, e.ta, Method::Cagr, Scenario::SinceBaseline, lang);
            list.extend(formulas::projection(
                e.ind,
                e.ta,
                Method::Cagr,
                Scenario::RecentPace,
                lang,
            ));
            list.extend(formulas::yearly_changes(e.ind, e.ta, lang));
            list
        }),
        "indicative" => one(w.indicative.map(|(e, _)| e), &|e| {
            vec![
                formulas::achievement(e.ind, e.ta, lang),
                formulas::expected(e.ta, lang),
            ]
        }),
        "undefined" => one(w.undefined, &|e| {
            vec![formulas::achievement(e.ind, e.ta, lang)]
        }),
        _ => Vec::new(),
    }
}

fn methodology(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let w = worked_examples(c.ds, c.a);
    let block = |e: Example<'_>, list: Vec<Formula>| -> Html {
        html! {
            <>
                { example_heading(c, e.ind, e.ta) }
                { formula_list(&list) }
            </>
        }
    };
    let achievement_ex = w.increasing.map(|e| {
        html! {
            <>
                { block(e, method_formulas(&w, "achievement", lang).remove(0).1) }
                if let Some(m) = w.maintain {
                    { block(m, vec![formulas::achievement(m.ind, m.ta, lang)]) }
                }
            </>
        }
    });
    let expected_ex = w.increasing.map(|e| {
        let schedule = match (&e.ta.achievement, &e.ta.expected_progress) {
            (Metric::Value(a), Metric::Value(x)) => text::schedule_text(lang, *a, *x),
            _ => "",
        };
        html! {
            <>
                { block(e, vec![formulas::expected(e.ta, lang)]) }
                <p>{ schedule }</p>
            </>
        }
    });

    // Base of a target: re-based, missing baseline, repeated period.
    let base_line = |i: &Indicator, t: &TargetAnalysis| -> Html {
        match &t.base {
            Metric::Value(b) => html! {
                <p data-base-source={base_slug(b.source)}>
                    <code>{ format!("b = {}", value_text(lang, i, b.point.value)) }</code>
                    { fmt::paren(lang, &period_label(lang, c.era, b.point.period)) }{ " — " }
                    { fmt::base_source_text(lang, b.source) }
                </p>
            },
            Metric::Unavailable(u) => html! { <p>{ fmt::unavailable_text(lang, *u) }</p> },
        }
    };
    let base_ex = html! {
        <>
            { for [w.rebased, w.earliest].into_iter().flatten().map(|e| html! {
                <>
                    { example_heading(c, e.ind, e.ta) }
                    { base_line(e.ind, e.ta) }
                </>
            }) }
            if let Some(i) = w.repeated {
                { repeat_example(c, i) }
            }
        </>
    };
    let formulas_of = |id: &str| -> Option<Html> {
        let blocks = method_formulas(&w, id, lang);
        (!blocks.is_empty()).then(|| {
            html! { <>{ for blocks.into_iter().map(|(e, list)| block(e, list)) }</> }
        })
    };
    let cagr_ex = formulas_of("cagr");
    let pace_ex = formulas_of("pace");
    let line_ex = formulas_of("line");
    let scenario_ex = formulas_of("scenarios");
    // Outlook classes: the counts over all indicators.
    let counts = |o: &OutlookCounts| -> Vec<(Outlook, usize)> {
        Outlook::ALL.iter().map(|&x| (x, o.get(x))).collect()
    };
    let s = &c.a.summary;
    let outlook_ex = Some(html! {
        <>
            <p data-figure="outlook-counts-fy2024">{ text::outlook_counts_sentence(lang, &period_label(lang, c.era, target_period(c.ds, EditionId::Fy2021Report)), &counts(&s.outlook_fy2024), s.outlook_fy2024.unavailable) }</p>
            <p data-figure="outlook-counts-fy2027">{ text::outlook_counts_sentence(lang, &period_label(lang, c.era, target_period(c.ds, EditionId::Revision2024)), &counts(&s.outlook_fy2027), s.outlook_fy2027.unavailable) }</p>
        </>
    });
    // COVID dip and recovery.
    let covid_ex = w.covid.map(|(i, ci)| {
        html! {
            <>
                <p class="example-title"><strong>{ pt(lang, PKey::WorkedExample) }</strong>{ fmt::colon(lang) }{ c.name(i) }</p>
                { formula_list(&formulas::covid(i, ci, lang)) }
            </>
        }
    });
    // Indicative status: an indicator where it differs from the official one.
    let indicative_ex = w.indicative.map(|(_, a)| {
        html! {
            <>
                { for method_formulas(&w, "indicative", lang).into_iter().map(|(e, list)| block(e, list)) }
                <p>
                    { pt(lang, PKey::IndicativeStatusLabel) }{ fmt::colon(lang) }
                    { crate::components::kpi_widgets::indicative_badge(lang, &a.indicative_status) }
                    { " · " }{ pt(lang, PKey::OfficialStatusLabel) }{ fmt::colon(lang) }
                    { crate::components::kpi_widgets::status_badge(lang, a.official_status) }
                </p>
                <p data-figure="agreement">{ text::agreement_sentence(lang, s.agreement.agree, s.agreement.compared) }</p>
            </>
        }
    });
    // Several series.
    let series_ex = w.series.map(|(i, a)| {
        html! {
            <>
                <p class="example-title"><strong>{ pt(lang, PKey::WorkedExample) }</strong>{ fmt::colon(lang) }{ c.name(i) }</p>
                <ul>
                    { for a.fy2024.iter().map(|t| html! {
                        <li>
                            <bdi>{ fmt::series_label(lang, i, t.series.as_deref()).unwrap_or_default() }</bdi>{ fmt::colon(lang) }
                            { pt(lang, PKey::AchievementLabel) }{ " " }{ t.achievement.value().map(|x| fmt::percent(*x, 1)).unwrap_or_default() }
                            { " · " }{ crate::components::kpi_widgets::outlook_badge(lang, &t.outlook) }
                        </li>
                    }) }
                    <li>
                        <strong>{ pt(lang, PKey::OutlookLabel) }</strong>{ fmt::colon(lang) }
                        { crate::components::kpi_widgets::outlook_badge(lang, &a.outlook_fy2024) }
                    </li>
                </ul>
            </>
        }
    });
    // Undefined values.
    let undefined_ex = formulas_of("undefined");

    html! {
        <section aria-labelledby="method-title" id="methodology">
            <h2 id="method-title">{ pt(lang, PKey::MethodologyHeading) }</h2>
            <p>{ pt(lang, PKey::MethodologyIntro) }</p>
            <h3>{ pt(lang, PKey::NotationHeading) }</h3>
            <ul class="notation">
                { for notation(lang).into_iter().map(|(sym, desc)| html! { <li><code>{ sym }</code>{ " " }{ desc }</li> }) }
            </ul>
            { method(c, "achievement", PKey::MAchievementTitle, PKey::MAchievementBody, achievement_ex) }
            { method(c, "expected", PKey::MExpectedTitle, PKey::MExpectedBody, expected_ex) }
            { method(c, "base", PKey::MBaseTitle, PKey::MBaseBody, Some(base_ex)) }
            { method(c, "cagr", PKey::MCagrTitle, PKey::MCagrBody, cagr_ex) }
            { method(c, "line", PKey::MLineTitle, PKey::MLineBody, line_ex) }
            { method(c, "scenarios", PKey::MScenarioTitle, PKey::MScenarioBody, scenario_ex) }
            { method(c, "outlook", PKey::MOutlookTitle, PKey::MOutlookBody, outlook_ex) }
            { method(c, "pace", PKey::MPaceTitle, PKey::MPaceBody, pace_ex) }
            { method(c, "covid", PKey::MCovidTitle, PKey::MCovidBody, covid_ex) }
            { method(c, "indicative", PKey::MIndicativeTitle, PKey::MIndicativeBody, indicative_ex) }
            { method(c, "series", PKey::MSeriesTitle, PKey::MSeriesBody, series_ex) }
            { method(c, "undefined", PKey::MUndefinedTitle, PKey::MUndefinedBody, undefined_ex) }
            <h3>{ pt(lang, PKey::ReferencesLabel) }</h3>
            <ul class="references">
                { for references(lang).into_iter().map(|parts| html! {
                    <li>{ for parts.iter().map(|&(text, part_lang)| match part_lang {
                        Some(l) => html! { <span lang={l}>{ text }</span> },
                        None => html! { { text } },
                    }) }</li>
                }) }
            </ul>
        </section>
    }
}

fn base_slug(s: BaseSource) -> &'static str {
    match s {
        BaseSource::EditionBaseline => "edition_baseline",
        BaseSource::Rebased => "rebased",
        BaseSource::EarliestActual => "earliest_actual",
    }
}

fn has_repeat(i: &Indicator) -> bool {
    i.observations
        .iter()
        .any(|o| o.caveats.contains(&Caveat::RepeatsPeriod))
}

/// The repeated-cell example: the cell, its caveat, and the periods counted.
fn repeat_example(c: &Ctx<'_>, i: &Indicator) -> Html {
    let lang = c.lang;
    let Some(o) = i
        .observations
        .iter()
        .find(|o| o.caveats.contains(&Caveat::RepeatsPeriod))
    else {
        return html! {};
    };
    let pts = machi_kpi_core::analysis::indicator::actual_points(
        i,
        o.series.as_deref(),
        machi_kpi_core::analysis::Scope::Edition(o.edition),
    );
    let periods: Vec<String> = pts
        .iter()
        .map(|p| period_label(lang, c.era, p.period))
        .collect();
    html! {
        <>
            <p class="example-title"><strong>{ pt(lang, PKey::WorkedExample) }</strong>{ fmt::colon(lang) }{ c.name(i) }</p>
            <p>
                <span lang="ja">{ &o.column_ja }</span>{ fmt::colon(lang) }<code lang="ja">{ &o.raw }</code>
                { " — " }{ fmt::caveat_text(lang, &Caveat::RepeatsPeriod) }
            </p>
            <p>{ pt(lang, PKey::CountedPeriods) }{ fmt::colon(lang) }<span data-figure="repeat-periods">{ periods.join(" / ") }</span></p>
        </>
    }
}

fn notation(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            ("b, t_b", "the base value and its year"),
            ("v, t_v", "the latest actual and its year"),
            ("T, t_T", "the target and its year"),
            (
                "d",
                "+1 when an increase is wanted, −1 when a decrease is wanted",
            ),
            (
                "a, e, p",
                "achievement, expected progress, projected achievement",
            ),
        ],
        Lang::Ja => vec![
            ("b, t_b", "基準値とその年"),
            ("v, t_v", "最新の実績値とその年"),
            ("T, t_T", "目標値とその年"),
            ("d", "増加を目指すとき +1、減少を目指すとき −1"),
            ("a, e, p", "達成率、期待進捗、予測達成率"),
        ],
        Lang::JaEasy => vec![
            ("b, t_b", "はじめの 数字と その 年"),
            ("v, t_v", "いちばん 新しい 数字と その 年"),
            ("T, t_T", "目標と その 年"),
            ("d", "ふやしたい とき +1、へらしたい とき −1"),
            (
                "a, e, p",
                "できた 割合、時間から みた 目安、見通しの できた 割合",
            ),
        ],
    }
}

/// The references, each as parts: text in the page's language (`None`) or a title
/// or name in another language, marked with its own (so a screen reader says it in
/// that language and やさしい日本語 is not taken for English).
type Part = (&'static str, Option<&'static str>);

fn references(lang: Lang) -> Vec<Vec<Part>> {
    match lang {
        Lang::En => vec![
            vec![("UN Statistics Division: SDG Progress Chart (technical note on the progress assessment).", None)],
            vec![("Statistics Canada and Open SDG: the pace of progress towards targets.", None)],
            vec![("Tama City (", None), ("多摩市", Some("ja")), ("): pro-rated assessment of progress in its strategy reviews.", None)],
            vec![("W3C: Web Content Accessibility Guidelines (WCAG) 2.1.", None)],
            vec![("Digital Agency of Japan: Public Data License (Version 1.0).", None)],
        ],
        Lang::Ja | Lang::JaEasy => vec![
            vec![("国連統計部（", None), ("UN Statistics Division", Some("en")), ("）：", None), ("SDG Progress Chart", Some("en")), ("（進捗評価の技術解説）", None)],
            vec![("カナダ統計局（", None), ("Statistics Canada", Some("en")), ("）・", None), ("Open SDG", Some("en")), ("：目標に向けた進捗のペース", None)],
            vec![("多摩市：総合戦略の検証における按分による進捗の評価", None)],
            vec![("W3C", Some("en")), ("：", None), ("Web Content Accessibility Guidelines (WCAG) 2.1", Some("en"))],
            vec![("デジタル庁：公共データ利用規約（第1.0版）", None)],
        ],
    }
}

fn all_decisions(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let rows: Vec<(&Indicator, &String)> =
        c.ds.indicators
            .iter()
            .flat_map(|i| i.decisions.iter().map(move |d| (i, d)))
            .collect();
    html! {
        <section aria-labelledby="decisions-all-title" id="decisions">
            <h2 id="decisions-all-title">{ pt(lang, PKey::DecisionsAllHeading) }</h2>
            <p>{ pt(lang, PKey::DecisionsAllIntro) }</p>
            <TableRegion caption_id="decisions-caption">
                <table class="data-table decisions-table">
                    <caption id="decisions-caption">{ format!("{} ({})", pt(lang, PKey::DecisionsAllHeading), rows.len()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ pt(lang, PKey::ColIndicator) }</th>
                            <th scope="col">{ pt(lang, PKey::ColDecision) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(i, d)| html! {
                            <tr data-kpi={i.id.clone()}>
                                <th scope="row">{ c.name(i) }</th>
                                <td lang="en">{ d.as_str() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </TableRegion>
        </section>
    }
}
