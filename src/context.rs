//! App-wide state handed down through Yew contexts, with one small hook each:
//! the language ([`use_lang`], [`use_lang_state`]) and the dataset
//! ([`use_dataset`]). Both are provided by [`crate::app`]'s shell (the dataset
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

/// The analysis of the dataset in force, computed once per dataset (memoised on the
/// dataset's pointer, so an imported dataset recomputes and nothing else does).
#[hook]
pub fn use_analysis() -> Option<Rc<Analysis>> {
    let data = use_dataset();
    let analysis = use_memo(data.clone(), |data| {
        data.as_ref().map(|d| Rc::new(analyze(&d.0)))
    });
    (*analysis).clone()
}
