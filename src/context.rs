//! App-wide state handed down through Yew contexts, with one small hook each:
//! the language ([`use_lang`], [`use_lang_state`]) and the dataset
//! ([`use_dataset`]) and its analysis ([`use_analysis`], computed once per
//! dataset by [`AnalysisProvider`]). They are provided by [`crate::app`]'s shell (the dataset
//! through [`crate::data_source::DataProvider`], which can swap it for an
//! imported one); components never reach for globals.

use std::rc::Rc;

use machi_kpi_core::analysis::{analyze, Analysis};
use machi_kpi_core::Dataset;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::routes::LangState;

/// The dataset, shared by pointer. Equality is identity: a dataset is never
/// mutated, only replaced whole (an import makes a new `Rc`), so comparing
/// pointers is exact and O(1).
#[derive(Clone)]
pub struct DataContext(pub Rc<Dataset>);

impl PartialEq for DataContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The language in force (Japanese outside a provider).
#[hook]
pub fn use_lang() -> Lang {
    use_lang_state().lang
}

/// The language in force and how links keep it.
#[hook]
pub fn use_lang_state() -> LangState {
    use_context::<LangState>().unwrap_or_default()
}

/// The dataset, if the shell loaded it (it renders an error page otherwise).
#[hook]
pub fn use_dataset() -> Option<DataContext> {
    use_context::<DataContext>()
}

/// The analysis of one dataset, shared by pointer (equality is identity, as
/// for [`DataContext`]).
#[derive(Clone)]
pub struct AnalysisContext(pub Rc<Analysis>);

impl PartialEq for AnalysisContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`AnalysisProvider`].
#[derive(Properties, PartialEq)]
pub struct AnalysisProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Analyses the dataset in force once and hands the result to every page and
/// widget below it ([`use_analysis`]). Without it each component that asked
/// for the analysis memoised its own copy, so a route change re-ran the whole
/// analysis for the new page (issue 9, item 4). Memoised on the dataset's
/// pointer: an imported dataset recomputes, nothing else does.
#[component]
pub fn AnalysisProvider(props: &AnalysisProviderProps) -> Html {
    let data = use_dataset();
    let analysis = use_memo(data, |data| {
        data.as_ref()
            .map(|d| AnalysisContext(Rc::new(analyze(&d.0))))
    });
    match &*analysis {
        Some(context) => html! {
            <ContextProvider<AnalysisContext> context={context.clone()}>
                { props.children.clone() }
            </ContextProvider<AnalysisContext>>
        },
        None => props.children.clone(),
    }
}

/// The analysis of the dataset in force: the [`AnalysisProvider`]'s, or, for a
/// component rendered without one (unit and SSR tests of a single widget),
/// its own, memoised on the dataset's pointer.
#[hook]
pub fn use_analysis() -> Option<Rc<Analysis>> {
    let provided = use_context::<AnalysisContext>();
    let data = use_dataset();
    // Hooks run unconditionally; the fallback computes only without a provider.
    let own = use_memo((data, provided.is_some()), |(data, provided)| {
        if *provided {
            None
        } else {
            data.as_ref().map(|d| Rc::new(analyze(&d.0)))
        }
    });
    provided.map(|c| c.0).or_else(|| (*own).clone())
}
