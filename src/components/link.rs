//! [`AppLink`]: an in-app link that keeps (or switches) the language.
//!
//! yew-router's `Link` cannot set `aria-current`, `lang` or `hreflang`, so this
//! renders the `<a>` itself: a real `href` (`#/delays?lang=en`, so opening in
//! a new tab works) and a click handler that navigates through the router.
//!
//! In embed mode (`#/embed/...`) a link opens the full dashboard in a new
//! tab instead (`target="_blank"`), so the embedding page's frame keeps
//! showing the embedded view.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::use_lang_state;
use crate::i18n::Lang;
use crate::routes::Route;

/// Properties of [`AppLink`].
#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    /// Where to go.
    pub to: Route,
    /// Show the target in this language (default: the current one).
    #[prop_or_default]
    pub lang: Option<Lang>,
    #[prop_or_default]
    pub class: Classes,
    /// `aria-current` value (`page` for the current page, `true` for the
    /// current language).
    #[prop_or_default]
    pub current: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route that carries the language query.
#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let state = use_lang_state();
    let navigator = use_navigator();
    let lang = props.lang.unwrap_or(state.lang);
    let href = state.href(&props.to, lang);
    let embed = use_route::<Route>().is_some_and(|r| r.is_embed());
    let onclick = {
        let to = props.to.clone();
        let query = state.query_for(lang);
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if embed {
                return;
            }
            let Some(navigator) = &navigator else { return };
            e.prevent_default();
            let pushed = match &query {
                Some(q) => navigator.push_with_query(&to, q).is_ok(),
                None => {
                    navigator.push(&to);
                    true
                }
            };
            if !pushed {
                navigator.push(&to);
            }
        })
    };
    // Links that switch language say which language their text is in.
    let (lang_attr, hreflang) = match props.lang {
        Some(l) => (Some(l.html_lang()), Some(l.html_lang())),
        None => (None, None),
    };
    html! {
        <a {href} class={props.class.clone()} aria-current={props.current.clone()}
            lang={lang_attr} {hreflang} {onclick}
            target={embed.then_some("_blank")} rel={embed.then_some("noopener noreferrer")}>
            { props.children.clone() }
        </a>
    }
}
