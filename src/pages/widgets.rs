//! Page furniture shared by the Basic goal, Indicator and About pages: the
//! breadcrumb, the "shown in Japanese" note, and [`ViewSwitch`], a radio
//! group whose every choice is an address (method, scenario, era).
//!
//! A switch does not hold state: choosing an option pushes the URL that
//! names it, and the page re-reads the URL. So a copied link reopens the same
//! view, and back/forward step through the choices.

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::kpi_widgets::{navigate, QueryLink};
use crate::i18n::era::Era;
use crate::i18n::pages_goal_kpi::{pt, PKey};
use crate::i18n::Lang;
use crate::pages::view_state::ViewState;
use crate::routes::Route;

/// Properties of [`Breadcrumb`].
#[derive(Properties, PartialEq)]
pub struct BreadcrumbProps {
    /// From the top: a route to link to (or `None` for the current page) and its label.
    pub items: Vec<(Option<Route>, String)>,
    /// The query links carry (era, lang).
    #[prop_or_default]
    pub query: Vec<(&'static str, String)>,
}

/// "Overview › Basic goal 1-1 › …", the last item being the current page.
#[component]
pub fn Breadcrumb(props: &BreadcrumbProps) -> Html {
    let lang = crate::use_lang();
    furigana::rubify(
        lang,
        html! {
            <nav class="breadcrumb" aria-label={pt(lang, PKey::BreadcrumbLabel)}>
                <ol>
                    { for props.items.iter().map(|(route, label)| match route {
                        Some(r) => html! {
                            <li><QueryLink to={r.clone()} query={props.query.clone()}>{ label }</QueryLink></li>
                        },
                        None => html! { <li aria-current="page">{ label }</li> },
                    }) }
                </ol>
            </nav>
        },
    )
}

/// On the English page, a note that the next text is Japanese only.
pub fn japanese_only(lang: Lang) -> Html {
    if lang == Lang::En {
        html! { <p class="note ja-only">{ pt(lang, PKey::JapaneseOnly) }</p> }
    } else {
        html! {}
    }
}

/// One choice of a [`ViewSwitch`].
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchOption {
    /// The value as written in the URL (also the radio's value).
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
    /// The query of the address this choice opens.
    pub query: Vec<(&'static str, String)>,
}

/// Properties of [`ViewSwitch`].
#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    /// The radio group's name and the base of its ids (`method`, `scenario`, `era`).
    pub name: AttrValue,
    /// The `<legend>`.
    pub legend: AttrValue,
    pub options: Vec<SwitchOption>,
    /// The page the choices open.
    pub route: Route,
}

/// A labelled radio group (fieldset + legend) that navigates on change.
#[component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    let navigator = use_navigator();
    furigana::rubify(
        crate::use_lang(),
        html! {
            <fieldset class="view-option" data-switch={props.name.clone()}>
                <legend>{ &props.legend }</legend>
                <div class="options">
                    { for props.options.iter().map(|o| {
                        let id = format!("{}-{}", props.name, o.value);
                        let onchange = {
                            let navigator = navigator.clone();
                            let route = props.route.clone();
                            let query = o.query.clone();
                            Callback::from(move |_: Event| {
                                if let Some(n) = &navigator {
                                    navigate(n, &route, &query);
                                }
                            })
                        };
                        html! {
                            <label for={id.clone()} class={classes!(o.selected.then_some("selected"))}>
                                <input type="radio" id={id} name={props.name.clone()} value={o.value}
                                    checked={o.selected} {onchange} />
                                { &o.label }
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
        },
    )
}

/// The era switch for a page whose other state is `view`.
pub fn era_switch(
    lang: Lang,
    era: Era,
    route: Route,
    view: ViewState,
    lang_q: Option<String>,
) -> Html {
    let options = Era::ALL
        .iter()
        .map(|&e| SwitchOption {
            value: e.slug(),
            label: pt(
                lang,
                match e {
                    Era::Wareki => PKey::EraWareki,
                    Era::Gregorian => PKey::EraGregorian,
                },
            )
            .to_owned(),
            selected: e == era,
            query: view.with_era(lang, e).params(lang_q.as_deref()),
        })
        .collect::<Vec<_>>();
    html! {
        <ViewSwitch name="era" legend={pt(lang, PKey::EraLabel)} {options} {route} />
    }
}
