//! [`Footer`]: source and licence attribution (required by PDL1.0) on every
//! page except embeds.

use crate::i18n::furigana;
use yew::prelude::*;

use crate::i18n::{t, Key};
use crate::use_lang;

/// The page footer with the source and licence attribution.
#[component]
pub fn Footer() -> Html {
    let lang = use_lang();
    furigana::rubify(
        lang,
        html! {
            <footer class="site-footer">
                <div class="wrap">
                    <h2>{ t(lang, Key::SourceHeading) }</h2>
                    <p class="source">{ t(lang, Key::FooterSource) }</p>
                    <p>{ t(lang, Key::FooterLicence) }</p>
                    <p>{ t(lang, Key::FooterCharts) }</p>
                </div>
            </footer>
        },
    )
}
