//! The rules a dataset must follow beyond its JSON shape: ids unique and readable,
//! references resolvable, numbers finite, observations in the indicator's editions and
//! series, one observation per key. Every broken rule is reported, with the JSON path.

use std::collections::HashSet;

use crate::error::{ErrorKind, ImportError, ImportErrors, Text, Thing};
use crate::model::{Dataset, EditionId, Role, Value, FORMAT_ID, FORMAT_VERSION};

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Checks a dataset; returns every problem found.
pub fn validate(ds: &Dataset) -> Result<(), ImportErrors> {
    let mut errs = Vec::new();
    let mut err = |field: String, kind: ErrorKind| errs.push(ImportError::new(kind).field(field));
    if ds.format != FORMAT_ID {
        err("format".into(), ErrorKind::UnknownFormat);
    }
    if ds.version != FORMAT_VERSION {
        err("version".into(), ErrorKind::UnsupportedVersion(ds.version));
    }
    let goal_ids: HashSet<&str> = ds.strategy.goals.iter().map(|g| g.id.as_str()).collect();
    let pillar_ids: HashSet<&str> = ds.strategy.pillars.iter().map(|p| p.id.as_str()).collect();
    let dept_names: HashSet<&str> = ds.departments.iter().map(|d| d.name_ja.as_str()).collect();
    for (gi, g) in ds.strategy.goals.iter().enumerate() {
        if !pillar_ids.contains(g.pillar_id.as_str()) {
            err(
                format!("strategy.goals[{gi}].pillar_id"),
                ErrorKind::UnknownReference {
                    what: Thing::Pillar,
                    id: g.pillar_id.clone(),
                },
            );
        }
        for (ni, id) in g.numeric_goal_ids.iter().enumerate() {
            if ds.indicator(id).is_none() {
                err(
                    format!("strategy.goals[{gi}].numeric_goal_ids[{ni}]"),
                    ErrorKind::UnknownReference {
                        what: Thing::Indicator,
                        id: id.clone(),
                    },
                );
            }
        }
    }
    let mut seen = HashSet::new();
    for (i, ind) in ds.indicators.iter().enumerate() {
        let at = |f: &str| format!("indicators[{i}].{f}");
        if !is_slug(&ind.id) {
            err(
                at("id"),
                ErrorKind::InvalidValue {
                    expected: Text::new(
                        "an id of lowercase letters, digits and hyphens",
                        "英小文字・数字・ハイフンからなる ID",
                    ),
                    found: ind.id.clone(),
                },
            );
        }
        if !seen.insert(ind.id.as_str()) {
            err(
                at("id"),
                ErrorKind::Duplicate {
                    what: Thing::Indicator,
                    id: ind.id.clone(),
                },
            );
        }
        if let Some(easy) = &ind.name_easy_ja {
            if let Err(problem) = crate::ruby::parse(easy) {
                err(
                    at("name_easy_ja"),
                    ErrorKind::InvalidValue {
                        expected: Text::new(
                            "a name in plain Japanese with a reading on every kanji, as ｜漢字《かんじ》",
                            "すべての漢字に ｜漢字《かんじ》 の形で読みを付けた、やさしい日本語の名前",
                        ),
                        found: format!("{easy} ({problem})"),
                    },
                );
            }
        }
        if !goal_ids.contains(ind.goal_id.as_str()) {
            err(
                at("goal_id"),
                ErrorKind::UnknownReference {
                    what: Thing::BasicGoal,
                    id: ind.goal_id.clone(),
                },
            );
        }
        if let Some(m) = &ind.measure_id {
            match ds.measure(m) {
                Some((g, _)) if g.id == ind.goal_id => {}
                _ => err(
                    at("measure_id"),
                    ErrorKind::UnknownReference {
                        what: Thing::Measure,
                        id: m.clone(),
                    },
                ),
            }
        }
        for d in &ind.departments {
            if !dept_names.contains(d.as_str()) {
                err(
                    at("departments"),
                    ErrorKind::UnknownReference {
                        what: Thing::Department,
                        id: d.clone(),
                    },
                );
            }
        }
        if ind.editions.is_empty() {
            err(
                at("editions"),
                ErrorKind::Inconsistent(Text::new(
                    "an indicator must appear in at least one edition",
                    "指標は少なくとも1つの版に載っている必要があります",
                )),
            );
        }
        let mut keys = HashSet::new();
        for (oi, o) in ind.observations.iter().enumerate() {
            let oat = |f: &str| format!("indicators[{i}].observations[{oi}].{f}");
            if o.edition == EditionId::Update && o.role != Role::Actual {
                err(
                    oat("role"),
                    ErrorKind::Inconsistent(Text::new(
                        "an update (edition 'update') carries actual values only",
                        "追加の実績 (edition が update) には実績値 (actual) だけを書けます",
                    )),
                );
            }
            if !ind.in_edition(o.edition) {
                err(
                    oat("edition"),
                    ErrorKind::Inconsistent(Text::new(
                        format!(
                            "edition {} is not listed in the indicator's editions",
                            o.edition.slug()
                        ),
                        format!("版 {} はこの指標の版に含まれていません", o.edition.slug()),
                    )),
                );
            }
            if let Some(s) = &o.series {
                if !ind.series.iter().any(|x| &x.id == s) {
                    err(
                        oat("series"),
                        ErrorKind::UnknownReference {
                            what: Thing::Series,
                            id: s.clone(),
                        },
                    );
                }
            }
            if let Value::Number { number } | Value::None { number, .. } = &o.value {
                if !number.is_finite() {
                    err(
                        oat("value"),
                        ErrorKind::InvalidValue {
                            expected: Text::new("a finite number", "有限の数値"),
                            found: number.to_string(),
                        },
                    );
                }
            }
            // The announced date of a pending value is what its raw cell says
            // (`令和4年9月 公表予定` → 2022-09): the CSV view carries only the raw cell, so
            // a date that the cell does not give could not survive an export and re-import.
            if let Value::Pending { announced } = &o.value {
                let from_raw =
                    crate::cell::parse_pending(&crate::cell::normalize_width(o.raw.trim()))
                        .flatten();
                if *announced != from_raw {
                    err(
                        oat("value.announced"),
                        ErrorKind::InvalidValue {
                            expected: Text::new(
                                format!(
                                    "the date its raw cell announces ({})",
                                    from_raw.as_deref().unwrap_or("none")
                                ),
                                format!(
                                    "元の記載（raw）が示す公表予定（{}）",
                                    from_raw.as_deref().unwrap_or("なし")
                                ),
                            ),
                            found: announced.clone().unwrap_or_else(|| "null".into()),
                        },
                    );
                }
            }
            if !(1900..=2200).contains(&o.period.year) {
                err(
                    oat("period.year"),
                    ErrorKind::InvalidValue {
                        expected: Text::new("a year between 1900 and 2200", "1900〜2200 の西暦年"),
                        found: o.period.year.to_string(),
                    },
                );
            }
            let key = (o.series.clone(), o.role, o.edition, o.period);
            if !keys.insert(key) {
                err(
                    oat("period"),
                    ErrorKind::Duplicate {
                        what: Thing::Observation,
                        id: format!(
                            "{} {} {} {}",
                            ind.id,
                            o.role.slug(),
                            o.edition.slug(),
                            o.period.year
                        ),
                    },
                );
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(ImportErrors(errs))
    }
}
