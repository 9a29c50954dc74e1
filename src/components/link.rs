//! [`AppLink`]: an in-app link that keeps (or switches) the language.
//!
//! yew-router's `Link` cannot set `aria-current`, `lang` or `hreflang`, so this
//! renders the `<a>` itself: a real `href` (`#/delays?lang=en`, so opening in
//! a new tab works) and a click handler that navigates through the router.
//!
//! With [`AppLinkProps::keep`] (the language switch, and the main
//! navigation carrying `era`) the link keeps those raw query pairs verbatim
//! and replaces only `lang` ([`crate::routes::query_with_lang`]); such a
//! link is followed by the browser (a hash change the router listens to),
//! so the pairs are never decoded and re-encoded.
//!
//! In embed mode (`#/embed/...`) a link opens the full dashboard in a new
//! tab instead (`target="_blank"`), so the embedding page's frame keeps
//! showing the embedded view.

use crate::i18n::furigana;
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
    /// Raw query pairs (`?a=1&b=%E3%81%82`) to keep besides the language.
    #[prop_or_default]
    pub keep: Option<AttrValue>,
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
    let keep = props
        .keep
        .as_deref()
        .filter(|q| !q.trim_start_matches('?').is_empty());
    let href = match keep {
        Some(query) => state.href_keeping(&props.to, lang, query),
        None => state.href(&props.to, lang),
    };
    // Followed by the browser: its `href` carries the kept pairs verbatim.
    let native = keep.is_some();
    let embed = use_route::<Route>().is_some_and(|r| r.is_embed());
    let onclick = {
        let to = props.to.clone();
        let query = state.query_for(lang);
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if embed || native {
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
    furigana::rubify(
        lang,
        html! {
            <a {href} class={props.class.clone()} aria-current={props.current.clone()}
                lang={lang_attr} {hreflang} {onclick}
                target={embed.then_some("_blank")} rel={embed.then_some("noopener noreferrer")}>
                { props.children.clone() }
            </a>
        },
    )
}
