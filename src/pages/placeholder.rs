//! [`Placeholder`]: the page shown for routes that are not built yet, and
//! [`NotFound`]. Both say plainly what is going on and link back.

use crate::i18n::furigana;
use yew::prelude::*;

use crate::components::link::AppLink;
use crate::i18n::{t, Key};
use crate::routes::Route;
use crate::use_lang;

/// Properties of [`Placeholder`].
#[derive(Properties, PartialEq)]
pub struct PlaceholderProps {
    /// The page's title.
    pub title: AttrValue,
}

/// A page that is not built yet, saying so.
#[component]
pub fn Placeholder(props: &PlaceholderProps) -> Html {
    let lang = use_lang();
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page placeholder">
                <h1>{ &props.title }</h1>
                <p class="notice" role="status">{ t(lang, Key::NotBuiltYet) }</p>
                <p>{ t(lang, Key::NotBuiltYetHint) }</p>
                <p><AppLink to={Route::Overview}>{ t(lang, Key::BackToOverview) }</AppLink></p>
            </div>
        },
    )
}

/// The page for unknown addresses.
#[component]
pub fn NotFound() -> Html {
    let lang = use_lang();
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page placeholder">
                <h1>{ t(lang, Key::NotFoundTitle) }</h1>
                <p>{ t(lang, Key::NotFoundBody) }</p>
                <p><AppLink to={Route::Overview}>{ t(lang, Key::BackToOverview) }</AppLink></p>
            </div>
        },
    )
}
