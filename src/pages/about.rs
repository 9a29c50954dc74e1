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

use machi_kpi_core::analysis::{
    Analysis, BaseSource, IndicatorAnalysis, Method, Metric, Outlook, OutlookCounts, Scenario,
    TargetAnalysis,
};
use machi_kpi_core::{Caveat, Dataset, EditionId, Indicator};
use yew::prelude::*;
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
        era: view.era,
        ds,
        a: &analysis,
        link_query: ViewState {
            era: view.era,
            ..ViewState::default()
        }
        .params(state.query_for(lang).and_then(|q| q.lang).as_deref()),
    };
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
    }
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
    /// The first indicator (preferred one first) whose analysis passes `ok`.
    fn pick(
        &self,
        preferred: &str,
        ok: impl Fn(&Indicator, &IndicatorAnalysis) -> bool,
    ) -> Option<(&'a Indicator, &'a IndicatorAnalysis)> {
        let ds = self.ds;
        let a = self.a;
        let pref = ds.indicator(preferred).into_iter();
        pref.chain(ds.indicators.iter())
            .filter_map(|i| a.indicator(&i.id).map(|x| (i, x)))
            .find(|(i, x)| ok(i, x))
    }

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
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="sources-caption">
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
            </div>
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

fn methodology(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let fy24 = EditionId::Fy2021Report;
    let fy27 = EditionId::Revision2024;

    // Achievement and expected progress: an increasing indicator, T ≠ b.
    let inc = c.pick("security-lights", |i, a| {
        !i.cumulative
            && i.series.is_empty()
            && first_target(a, fy24).is_some_and(|t| {
                numeric(t)
                    && target_ne_base(t)
                    && t.cagr_since_baseline.value().is_some()
                    && t.pace_ratio.value().is_some()
            })
    });
    let maintain = c.pick("daycare-waiting-children", |_, a| {
        first_target(a, fy24).is_some_and(|t| numeric(t) && !target_ne_base(t))
    });
    let achievement_ex = inc.and_then(|(i, a)| {
        let t = first_target(a, fy24)?;
        let m = maintain.and_then(|(mi, ma)| first_target(ma, fy24).map(|mt| (mi, mt)));
        Some(html! {
            <>
                { example_heading(c, i, t) }
                { formula_list(&[formulas::achievement(i, t, lang)]) }
                if let Some((mi, mt)) = m {
                    { example_heading(c, mi, mt) }
                    { formula_list(&[formulas::achievement(mi, mt, lang)]) }
                }
            </>
        })
    });
    let expected_ex = inc.and_then(|(i, a)| {
        let t = first_target(a, fy24)?;
        let schedule = match (&t.achievement, &t.expected_progress) {
            (Metric::Value(a), Metric::Value(e)) => text::schedule_text(lang, *a, *e),
            _ => "",
        };
        Some(html! {
            <>
                { example_heading(c, i, t) }
                { formula_list(&[formulas::expected(t, lang)]) }
                <p>{ schedule }</p>
            </>
        })
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
    let rebased = c.pick("family-support-members", |_, a| {
        a.fy2027
            .iter()
            .any(|t| matches!(&t.base, Metric::Value(b) if b.source == BaseSource::Rebased))
    });
    let earliest = c.pick("parenting-support-center-consultations", |_, a| {
        a.fy2024
            .iter()
            .any(|t| matches!(&t.base, Metric::Value(b) if b.source == BaseSource::EarliestActual))
    });
    let repeated =
        c.ds.indicators
            .iter()
            .find(|i| i.id == "livability" && has_repeat(i))
            .or_else(|| c.ds.indicators.iter().find(|i| has_repeat(i)));
    let base_ex = html! {
        <>
            if let Some((i, a)) = rebased {
                if let Some(t) = a.fy2027.first() {
                    { example_heading(c, i, t) }
                    { base_line(i, t) }
                }
            }
            if let Some((i, a)) = earliest {
                if let Some(t) = a.fy2024.first() {
                    { example_heading(c, i, t) }
                    { base_line(i, t) }
                }
            }
            if let Some(i) = repeated {
                { repeat_example(c, i) }
            }
        </>
    };

    // CAGR projection and pace ratio: the increasing example again.
    let cagr_ex = inc.and_then(|(i, a)| {
        let t = first_target(a, fy24)?;
        Some(html! {
            <>
                { example_heading(c, i, t) }
                { formula_list(&formulas::projection(i, t, Method::Cagr, Scenario::SinceBaseline, lang)) }
            </>
        })
    });
    let pace_ex = inc.and_then(|(i, a)| {
        let t = first_target(a, fy24)?;
        Some(html! {
            <>
                { example_heading(c, i, t) }
                { formula_list(&[formulas::pace_ratio(i, t, lang)]) }
            </>
        })
    });
    // Least-squares line: a cumulative indicator's FY2027 target.
    let line_ex = c
        .pick("new-farmers", |i, a| {
            i.cumulative
                && a.fy2027.first().is_some_and(|t| {
                    t.line_since_baseline.value().is_some() && !matches!(t.target_met, Metric::Value(true))
                })
        })
        .and_then(|(i, a)| {
            let t = a.fy2027.first()?;
            Some(html! {
                <>
                    { example_heading(c, i, t) }
                    { formula_list(&formulas::projection(i, t, Method::Line, Scenario::SinceBaseline, lang)) }
                </>
            })
        });
    // Scenarios: a COVID-hit indicator whose two scenarios disagree.
    let scenario_ex = c
        .pick("annual-tourists", |_, a| {
            a.covid_affected
                && first_target(a, fy24).is_some_and(|t| {
                    let since = t.cagr_since_baseline.value().map(|p| p.outlook);
                    let recent = t.cagr_recent_pace.value().map(|p| p.outlook);
                    since.is_some() && recent.is_some() && since != recent
                })
        })
        .and_then(|(i, a)| {
            let t = first_target(a, fy24)?;
            let mut list = formulas::projection(i, t, Method::Cagr, Scenario::SinceBaseline, lang);
            list.extend(formulas::projection(
                i,
                t,
                Method::Cagr,
                Scenario::RecentPace,
                lang,
            ));
            list.extend(formulas::yearly_changes(i, t, lang));
            Some(html! {
                <>
                    { example_heading(c, i, t) }
                    { formula_list(&list) }
                </>
            })
        });
    // Outlook classes: the counts over all indicators.
    let counts = |o: &OutlookCounts| -> Vec<(Outlook, usize)> {
        Outlook::ALL.iter().map(|&x| (x, o.get(x))).collect()
    };
    let s = &c.a.summary;
    let outlook_ex = Some(html! {
        <>
            <p data-figure="outlook-counts-fy2024">{ text::outlook_counts_sentence(lang, &period_label(lang, c.era, machi_kpi_core::Period::fiscal(2024)), &counts(&s.outlook_fy2024), s.outlook_fy2024.unavailable) }</p>
            <p data-figure="outlook-counts-fy2027">{ text::outlook_counts_sentence(lang, &period_label(lang, c.era, machi_kpi_core::Period::fiscal(2027)), &counts(&s.outlook_fy2027), s.outlook_fy2027.unavailable) }</p>
        </>
    });
    // COVID dip and recovery.
    let covid_ex = c
        .pick("railway-passengers", |_, a| {
            a.covid.iter().any(|x| x.recovery.value().is_some())
        })
        .and_then(|(i, a)| {
            let ci = a.covid.iter().find(|x| x.recovery.value().is_some())?;
            Some(html! {
                <>
                    <p class="example-title"><strong>{ pt(lang, PKey::WorkedExample) }</strong>{ fmt::colon(lang) }{ c.name(i) }</p>
                    { formula_list(&formulas::covid(i, ci, lang)) }
                </>
            })
        });
    // Indicative status: an indicator where it differs from the official one.
    let indicative_ex = c
        .pick("traffic-accidents", |_, a| a.status_agrees() == Some(false))
        .and_then(|(i, a)| {
            let t = first_target(a, fy24)?;
            Some(html! {
                <>
                    { example_heading(c, i, t) }
                    { formula_list(&[formulas::achievement(i, t, lang), formulas::expected(t, lang)]) }
                    <p>
                        { pt(lang, PKey::IndicativeStatusLabel) }{ fmt::colon(lang) }
                        { crate::components::kpi_widgets::indicative_badge(lang, &a.indicative_status) }
                        { " · " }{ pt(lang, PKey::OfficialStatusLabel) }{ fmt::colon(lang) }
                        { crate::components::kpi_widgets::status_badge(lang, a.official_status) }
                    </p>
                    <p data-figure="agreement">{ text::agreement_sentence(lang, s.agreement.agree, s.agreement.compared) }</p>
                </>
            })
        });
    // Several series.
    let series_ex = c
        .pick("healthy-life-expectancy", |i, a| i.series.len() > 1 && a.fy2024.iter().all(numeric))
        .map(|(i, a)| {
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
    let undefined_ex = c
        .pick("after-school-classrooms", |_, a| {
            a.fy2024
                .first()
                .is_some_and(|t| t.achievement.value().is_none())
        })
        .and_then(|(i, a)| {
            let t = a.fy2024.first()?;
            Some(html! {
                <>
                    { example_heading(c, i, t) }
                    { formula_list(&[formulas::achievement(i, t, lang)]) }
                </>
            })
        });
    let _ = fy27;

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
                { for references(lang).into_iter().map(|r| html! { <li>{ r }</li> }) }
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

fn references(lang: Lang) -> Vec<&'static str> {
    match lang {
        Lang::En => vec![
            "UN Statistics Division: SDG Progress Chart (technical note on the progress assessment).",
            "Statistics Canada and Open SDG: the pace of progress towards targets.",
            "Tama City (多摩市): pro-rated assessment of progress in its strategy reviews.",
            "W3C: Web Content Accessibility Guidelines (WCAG) 2.1.",
            "Digital Agency of Japan: Public Data License (Version 1.0).",
        ],
        Lang::Ja | Lang::JaEasy => vec![
            "国連統計部（UN Statistics Division）：SDG Progress Chart（進捗評価の技術解説）",
            "カナダ統計局（Statistics Canada）・Open SDG：目標に向けた進捗のペース",
            "多摩市：総合戦略の検証における按分による進捗の評価",
            "W3C：Web Content Accessibility Guidelines（WCAG）2.1",
            "デジタル庁：公共データ利用規約（第1.0版）",
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
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="decisions-caption">
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
            </div>
        </section>
    }
}
