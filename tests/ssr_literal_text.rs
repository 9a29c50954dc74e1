//! Issue 12, finding 1: data text is shown as it is. The Indicator page once removed
//! everything between `<` and `>` from the definition, the notes and the source cells,
//! so `<10件（速報値）` became an empty cell and `待機児童なし（<1人>は0人扱い）` lost
//! words. Rendered natively here (yew's ServerRenderer), the HTML must hold each text
//! escaped (`&lt;`), never cut, and inside an element marked as data text (the class that
//! www/style.css isolates for bidi and wraps).

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use machi_kpi::context::DataContext;
use machi_kpi::i18n::Lang;
use machi_kpi::pages::kpi::KpiPage;
use machi_kpi::routes::{LangState, Route};
use machi_kpi_core::{Dataset, Notes};
use yew::prelude::*;
use yew::ServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

const RAW: &str = "<10件（速報値）";
const DEFINITION: &str = "待機児童なし（<1人>は0人扱い）";
const DONE: &str = "<p>段落</p> & \"引用\" <script>alert(1)</script>";

fn dataset() -> (Dataset, String) {
    let mut ds = Dataset::embedded().expect("embedded dataset");
    let ind = &mut ds.indicators[0];
    ind.definition_ja = Some(DEFINITION.into());
    ind.notes = Some(Notes {
        raw: DONE.into(),
        done_ja: DONE.into(),
        issues_ja: "課題 <b>太字ではない</b>".into(),
        next_ja: "a < b > c".into(),
    });
    ind.observations[0].raw = RAW.into();
    let id = ind.id.clone();
    (ds, id)
}

#[derive(Properties, PartialEq)]
struct Props {
    id: AttrValue,
    lang: &'static str,
}

#[component]
fn KpiWith(props: &Props) -> Html {
    let history = use_memo(props.id.clone(), |id| {
        let h = MemoryHistory::new();
        h.replace(Route::Kpi { id: id.to_string() }.to_path());
        AnyHistory::from(h)
    });
    let lang_state = LangState::from_queries(&format!("lang={}", props.lang), "");
    let data = use_memo((), |_| DataContext(Rc::new(dataset().0)));
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<LangState> context={lang_state}>
                <ContextProvider<DataContext> context={(*data).clone()}>
                    <KpiPage id={props.id.clone()} />
                </ContextProvider<DataContext>>
            </ContextProvider<LangState>>
        </Router>
    }
}

/// How Yew writes a text node.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn definition_notes_and_source_cells_are_shown_literally_in_every_language() {
    let id = dataset().1;
    for lang in Lang::ALL {
        let id = id.clone();
        let html = ServerRenderer::<KpiWith>::with_props(move || Props {
            id: id.into(),
            lang: lang.code(),
        })
        .hydratable(false)
        .render()
        .await;
        for text in [
            RAW,
            DEFINITION,
            DONE,
            "課題 <b>太字ではない</b>",
            "a < b > c",
        ] {
            let want = escaped(text);
            assert!(
                html.contains(&format!(">{want}<")),
                "{lang:?}: {text:?} is not one whole text node of the page"
            );
            let at = html.find(&format!(">{want}<")).unwrap();
            let tag_start = html[..at].rfind('<').unwrap();
            assert!(
                html[tag_start..at].contains("class=\"data-text\""),
                "{lang:?}: {text:?} is not in a .data-text element: {}",
                &html[tag_start..at]
            );
        }
        assert!(
            !html.contains("<script>alert"),
            "{lang:?}: markup from data became markup"
        );
        assert!(!html.contains("<b>太字"), "{lang:?}");
    }
}
