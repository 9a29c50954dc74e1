//! The two CSV views.
//!
//! `observations`: one row per value, exactly the columns of [`OBSERVATION_COLUMNS`];
//! written and read (`name_en` may be missing from a file: older exports and templates
//! have `name_ja` only). `indicators`: one row per indicator and series with its metadata
//! and computed metrics; written only (it is derived). Both are UTF-8 with BOM and CRLF.
//!
//! Tidy: one table per file, one header line, every name in Japanese and English, and a
//! column of numbers holds only numbers (or nothing): an undefined metric leaves its
//! number empty and gives its reason code in the `…_reason` column beside it
//! ([`crate::analysis::Unavailable::slug`]).

use std::collections::HashMap;

use crate::analysis::{self, Metric};
use crate::cell::{self, SeriesLabel};
use crate::error::{ErrorKind, ImportError, ImportErrors, Text, Thing};
use crate::model::{Dataset, EditionId, Observation, Period, PeriodKind, Role, Value, ValueState};

/// The observations CSV header, in order.
pub const OBSERVATION_COLUMNS: [&str; 13] = [
    "indicator_id",
    "goal_id",
    "name_ja",
    "name_en",
    "series",
    "role",
    "edition",
    "period_kind",
    "year",
    "value",
    "unit",
    "state",
    "raw",
];

/// Observations columns a file may leave out (informative, added later than the rest):
/// import reads files written before they existed.
pub const OPTIONAL_OBSERVATION_COLUMNS: [&str; 1] = ["name_en"];

/// The observations CSV's columns of numbers (every cell a number or empty).
pub const OBSERVATION_NUMBER_COLUMNS: [&str; 2] = ["year", "value"];

/// The indicators CSV header, in order.
pub const INDICATOR_COLUMNS: [&str; 34] = [
    "indicator_id",
    "goal_id",
    "measure_id",
    "kind",
    "name_ja",
    "name_en",
    "unit_ja",
    "unit_en",
    "direction",
    "cumulative",
    "series",
    "departments",
    "editions",
    "official_status",
    "baseline_raw",
    "latest_value",
    "latest_value_reason",
    "latest_year",
    "target_fy2024_raw",
    "achievement_fy2024",
    "achievement_fy2024_reason",
    "expected_progress_fy2024",
    "expected_progress_fy2024_reason",
    "outlook_fy2024",
    "outlook_fy2024_reason",
    "target_fy2027_raw",
    "achievement_fy2027",
    "achievement_fy2027_reason",
    "outlook_fy2027",
    "outlook_fy2027_reason",
    "covid_affected",
    "indicative_status",
    "pace_ratio_fy2027",
    "pace_ratio_fy2027_reason",
];

/// The indicators CSV's columns of numbers (every cell a number or empty; the reason for
/// an empty one is in the `…_reason` column after it).
pub const INDICATOR_NUMBER_COLUMNS: [&str; 6] = [
    "latest_value",
    "latest_year",
    "achievement_fy2024",
    "expected_progress_fy2024",
    "achievement_fy2027",
    "pace_ratio_fy2027",
];

/// Whether a spreadsheet would read a text cell as a formula: `=`, `@`, a tab or CR at the
/// start always; `+` or `-` when a name follows (`+cmd|…`, `-A1`) or a call or reference
/// is in it (`-1+SUM(A1)`), but not for numbers with or without a unit (`-3.5`, `+12.3%`,
/// `-5件`) or `-` alone (the sources' "not available"). The one rule for every CSV the
/// program writes: the app's view CSV uses it too.
pub fn looks_like_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => match chars.next() {
            None => false,
            Some(c) if c.is_ascii_digit() || c == '.' || c == ' ' => {
                s.contains(['(', '|', '!', '=', '@', '"'])
            }
            Some(_) => true,
        },
        _ => false,
    }
}

/// Text cells that a spreadsheet would run as a formula get a leading `'` (OWASP's advice for
/// CSV injection); import removes it again, so the round trip is exact.
pub fn defuse(s: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(s) || (s.starts_with('\'') && looks_like_formula(&s[1..])) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Reverses [`defuse`].
pub fn undefuse(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest)
            if looks_like_formula(rest)
                || (rest.starts_with('\'') && looks_like_formula(&rest[1..])) =>
        {
            rest
        }
        _ => s,
    }
}

/// Formats a number the shortest way that reads back to the same value.
pub fn format_number(x: f64) -> String {
    format!("{x}")
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Vec<u8> {
    let body = w.into_inner().expect("writing to memory cannot fail");
    let mut out = Vec::with_capacity(body.len() + 3);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    out.extend_from_slice(&body);
    out
}

/// The observations CSV (UTF-8 with BOM, CRLF).
pub fn export_observations(ds: &Dataset) -> Vec<u8> {
    let mut w = writer();
    w.write_record(OBSERVATION_COLUMNS)
        .expect("in-memory write");
    for ind in &ds.indicators {
        for o in &ind.observations {
            let value = o.value.number().map(format_number).unwrap_or_default();
            w.write_record([
                ind.id.as_str(),
                ind.goal_id.as_str(),
                &defuse(&ind.name_ja),
                &defuse(&ind.name_en),
                o.series.as_deref().unwrap_or(""),
                o.role.slug(),
                o.edition.slug(),
                o.period.kind.slug(),
                &o.period.year.to_string(),
                &value,
                if o.value.number().is_some() {
                    ind.unit.ja.as_str()
                } else {
                    ""
                },
                o.value.state().slug(),
                &defuse(&o.raw),
            ])
            .expect("in-memory write");
        }
    }
    finish(w)
}

/// A metric as a number cell and a reason cell: the number (rounded to 6 decimals) and
/// nothing, or nothing and the reason code.
fn metric_cells(m: &Metric<f64>) -> [String; 2] {
    match m {
        Metric::Value(v) => [format_number((v * 1e6).round() / 1e6), String::new()],
        Metric::Unavailable(u) => [String::new(), u.slug().to_string()],
    }
}

/// A metric that exists only where the indicator has a target of that edition: both cells
/// empty without one.
fn target_metric_cells<T>(t: Option<&T>, f: impl Fn(&T) -> Metric<f64>) -> [String; 2] {
    t.map(|t| metric_cells(&f(t))).unwrap_or_default()
}

/// A series' target analysis, or the one target of every series.
fn pick_series<'a>(
    v: &'a [analysis::TargetAnalysis],
    series: Option<&str>,
) -> Option<&'a analysis::TargetAnalysis> {
    v.iter()
        .find(|t| t.series.as_deref() == series)
        .or_else(|| v.iter().find(|t| t.series.is_none()))
        .or_else(|| if series.is_none() { v.first() } else { None })
}

/// The indicators CSV: metadata and computed metrics, one row per indicator and series
/// (one row, `series` empty, for an indicator of one series). The indicator's own
/// columns (names, official status, outlooks, indicative status) repeat on each of its
/// series rows.
pub fn export_indicators(ds: &Dataset, a: &analysis::Analysis) -> Vec<u8> {
    let mut w = writer();
    w.write_record(INDICATOR_COLUMNS).expect("in-memory write");
    for (ind, ia) in ds.indicators.iter().zip(&a.indicators) {
        let raw_of = |edition: EditionId, role: Role, series: Option<&str>| {
            let of = |o: &&Observation| o.edition == edition && o.role == role;
            ind.observations
                .iter()
                .filter(of)
                .find(|o| o.series.as_deref() == series)
                .or_else(|| ind.observations.iter().find(of))
                .map(|o| o.raw.clone())
                .unwrap_or_default()
        };
        let outlook = |v: &[analysis::TargetAnalysis], m: &Metric<analysis::Outlook>| {
            if v.is_empty() {
                return [String::new(), String::new()];
            }
            match m {
                Metric::Value(o) => [o.slug().to_string(), String::new()],
                Metric::Unavailable(u) => [String::new(), u.slug().to_string()],
            }
        };
        let [outlook24, outlook24_reason] = outlook(&ia.fy2024, &ia.outlook_fy2024);
        let [outlook27, outlook27_reason] = outlook(&ia.fy2027, &ia.outlook_fy2027);
        let series_rows: Vec<Option<&str>> = if ind.series.is_empty() {
            vec![None]
        } else {
            ind.series.iter().map(|s| Some(s.id.as_str())).collect()
        };
        for series in series_rows {
            // The series' target analysis, or the indicator's one target for all series.
            let (t24, t27) = (
                pick_series(&ia.fy2024, series),
                pick_series(&ia.fy2027, series),
            );
            let latest = t24.or(t27).map(|t| &t.latest);
            let [latest_value, latest_reason] = match latest {
                Some(Metric::Value(p)) => [format_number(p.value), String::new()],
                Some(Metric::Unavailable(u)) => [String::new(), u.slug().to_string()],
                None => [String::new(), String::new()],
            };
            let latest_year = latest
                .and_then(|m| m.value())
                .map(|p| p.period.year.to_string())
                .unwrap_or_default();
            let baseline = {
                let b = raw_of(EditionId::Fy2021Report, Role::Baseline, series);
                if b.is_empty() {
                    raw_of(EditionId::Revision2024, Role::Baseline, series)
                } else {
                    b
                }
            };
            let [ach24, ach24_reason] = target_metric_cells(t24, |t| t.achievement.clone());
            let [exp24, exp24_reason] = target_metric_cells(t24, |t| t.expected_progress.clone());
            let [ach27, ach27_reason] = target_metric_cells(t27, |t| t.achievement.clone());
            let [pace27, pace27_reason] =
                target_metric_cells(t27, |t| t.pace_ratio.as_ref().map(|p| p.ratio));
            let record = [
                ind.id.clone(),
                ind.goal_id.clone(),
                ind.measure_id.clone().unwrap_or_default(),
                match ind.kind {
                    crate::model::IndicatorKind::NumericGoal => "numeric_goal".into(),
                    crate::model::IndicatorKind::Kpi => "kpi".into(),
                },
                ind.name_ja.clone(),
                ind.name_en.clone(),
                ind.unit.ja.clone(),
                ind.unit.en.clone(),
                ind.direction.slug().into(),
                ind.cumulative.to_string(),
                series.unwrap_or("").to_string(),
                ind.departments.join(";"),
                ind.editions
                    .iter()
                    .map(|e| e.slug())
                    .collect::<Vec<_>>()
                    .join(";"),
                ind.status.map(|s| s.slug().to_string()).unwrap_or_default(),
                baseline,
                latest_value,
                latest_reason,
                latest_year,
                raw_of(EditionId::Fy2021Report, Role::Target, series),
                ach24,
                ach24_reason,
                exp24,
                exp24_reason,
                outlook24.clone(),
                outlook24_reason.clone(),
                raw_of(EditionId::Revision2024, Role::Target, series),
                ach27,
                ach27_reason,
                outlook27.clone(),
                outlook27_reason.clone(),
                ia.covid_affected.to_string(),
                match &ia.indicative_status {
                    Metric::Value(s) => s.as_official().slug().to_string(),
                    Metric::Unavailable(_) => String::new(),
                },
                pace27,
                pace27_reason,
            ];
            w.write_record(record.iter().map(|f| defuse(f).into_owned()))
                .expect("in-memory write");
        }
    }
    finish(w)
}

type Key = (String, Option<String>, Role, EditionId, Period);

/// Reads an observations CSV (already decoded) and applies it to `base`: a row whose
/// indicator, series, role, edition and period match an existing observation replaces it;
/// any other row is added. Nothing is removed. Every error is reported with its line,
/// column and field; on any error `base` is not changed (a new dataset is returned).
pub fn import_observations(base: &Dataset, text: &str) -> Result<Dataset, ImportErrors> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(ImportErrors::single(csv_error(text, &e))),
    };
    let mut col: HashMap<&str, usize> = HashMap::new();
    let mut errs = Vec::new();
    for name in OBSERVATION_COLUMNS {
        match headers.iter().position(|h| h.trim() == name) {
            Some(i) => {
                col.insert(name, i);
            }
            None if OPTIONAL_OBSERVATION_COLUMNS.contains(&name) => {}
            None => errs.push(
                ImportError::new(ErrorKind::MissingColumn(name.into()))
                    .at(Some(1), None)
                    .field(name),
            ),
        }
    }
    if !errs.is_empty() {
        return Err(ImportErrors(errs));
    }
    let mut ds = base.clone();
    let mut index: HashMap<Key, (usize, usize)> = HashMap::new();
    for (ii, ind) in ds.indicators.iter().enumerate() {
        for (oi, o) in ind.observations.iter().enumerate() {
            index.insert(
                (
                    ind.id.clone(),
                    o.series.clone(),
                    o.role,
                    o.edition,
                    o.period,
                ),
                (ii, oi),
            );
        }
    }
    let mut seen_rows: HashMap<Key, usize> = HashMap::new();
    // Rows read, and rows that carried something to import.
    let (mut rows_seen, mut rows_filled) = (0usize, 0usize);
    for rec in rdr.records() {
        rows_seen += 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errs.push(csv_error(text, &e));
                continue;
            }
        };
        let line = rec.position().map(|p| line_at(text, p.byte()));
        let get = |name: &str| rec.get(col[name]).unwrap_or("").trim();
        // A template row left as it was (or an empty row a spreadsheet wrote): nothing
        // was filled in, so there is nothing to import; it is not a "not available" value.
        if ["value", "state", "raw"].iter().all(|c| get(c).is_empty()) {
            continue;
        }
        rows_filled += 1;
        let mut row_errs = Vec::new();
        let bad = |name: &str, expected: Text, found: &str| {
            ImportError::new(ErrorKind::InvalidValue {
                expected,
                found: found.into(),
            })
            .at(line, Some(col[name] + 1))
            .field(name)
        };
        let id = get("indicator_id");
        let Some(ii) = ds.indicators.iter().position(|i| i.id == id) else {
            errs.push(
                ImportError::new(ErrorKind::UnknownReference {
                    what: Thing::Indicator,
                    id: id.into(),
                })
                .at(line, Some(col["indicator_id"] + 1))
                .field("indicator_id"),
            );
            continue;
        };
        let ind = &ds.indicators[ii];
        let goal = get("goal_id");
        // `goal_id` is there for people reading the file; the row is matched by
        // `indicator_id`. Japanese Excel shows `1-1` as 1月1日 and saves it so: that is the
        // same id and is accepted; any other date is reported as what it is.
        match excel_date_parts(goal) {
            Some(date) if Some(date) == goal_parts(&ind.goal_id) => {}
            Some(_) => row_errs.push(
                ImportError::new(ErrorKind::IdTurnedIntoDate {
                    found: goal.into(),
                    expected: ind.goal_id.clone(),
                })
                .at(line, Some(col["goal_id"] + 1))
                .field("goal_id"),
            ),
            None if !goal.is_empty() && goal != ind.goal_id => row_errs.push(bad(
                "goal_id",
                Text::new(
                    format!("the indicator's goal {}", ind.goal_id),
                    format!("指標の基本目標 {}", ind.goal_id),
                ),
                goal,
            )),
            None => {}
        }
        let series = match get("series") {
            "" => None,
            s if ind.series.iter().any(|x| x.id == s) => Some(s.to_string()),
            s => {
                row_errs.push(bad(
                    "series",
                    Text::new(
                        "one of the indicator's series or empty",
                        "指標の系列名か空欄",
                    ),
                    s,
                ));
                None
            }
        };
        let role = Role::from_slug(get("role"));
        if role.is_none() {
            row_errs.push(bad(
                "role",
                Text::new(
                    "baseline, actual or target",
                    "baseline・actual・target のいずれか",
                ),
                get("role"),
            ));
        }
        let edition = EditionId::from_slug(get("edition"));
        match edition {
            None => row_errs.push(bad(
                "edition",
                Text::new(
                    "fy2021_report, revision_2024 or update",
                    "fy2021_report・revision_2024・update のいずれか",
                ),
                get("edition"),
            )),
            Some(e) if !ind.in_edition(e) => row_errs.push(bad(
                "edition",
                Text::new(
                    "an edition this indicator appears in",
                    "この指標が載っている版",
                ),
                get("edition"),
            )),
            _ => {}
        }
        let kind = PeriodKind::from_slug(get("period_kind"));
        if kind.is_none() {
            row_errs.push(bad(
                "period_kind",
                Text::new(
                    "fiscal_year or calendar_year",
                    "fiscal_year (年度) か calendar_year (年)",
                ),
                get("period_kind"),
            ));
        }
        let year = get("year")
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y));
        if year.is_none() {
            row_errs.push(bad(
                "year",
                Text::new("a Gregorian year such as 2022", "2022 のような西暦年"),
                get("year"),
            ));
        }
        let raw = undefuse(rec.get(col["raw"]).unwrap_or("")).to_string();
        let unit = get("unit");
        if !unit.is_empty() && unit != ind.unit.ja {
            row_errs.push(bad(
                "unit",
                Text::new(
                    format!("the indicator's unit '{}' or empty", ind.unit.ja),
                    format!("指標の単位「{}」か空欄", ind.unit.ja),
                ),
                unit,
            ));
        }
        let state = ValueState::from_slug(get("state"));
        let value_text = cell::normalize_width(get("value")).replace(',', "");
        let number = if value_text.is_empty() {
            None
        } else {
            value_text.parse::<f64>().ok().filter(|x| x.is_finite())
        };
        if !value_text.is_empty() && number.is_none() {
            row_errs.push(bad("value", Text::new("a number", "数値"), get("value")));
        }
        // A number beside a state that has none would be dropped without a word.
        if let (Some(st), Some(_)) = (state, number) {
            if matches!(
                st,
                ValueState::NotAvailable | ValueState::Pending | ValueState::Qualitative
            ) {
                row_errs.push(
                    ImportError::new(ErrorKind::ValueContradictsState {
                        value: get("value").into(),
                        state: get("state").into(),
                    })
                    .at(line, Some(col["value"] + 1))
                    .field("value"),
                );
            }
        }
        let value = match state {
            None => {
                row_errs.push(bad(
                    "state",
                    Text::new(
                        "number, pending, not_available, none or qualitative",
                        "number・pending・not_available・none・qualitative のいずれか",
                    ),
                    get("state"),
                ));
                None
            }
            Some(ValueState::Number) => match number {
                Some(n) => Some(Value::Number { number: n }),
                None => {
                    if value_text.is_empty() {
                        row_errs.push(bad(
                            "value",
                            Text::new(
                                "a number (the state is 'number')",
                                "数値 (state が number のため)",
                            ),
                            "",
                        ));
                    }
                    None
                }
            },
            Some(ValueState::None) => Some(Value::None {
                number: number.unwrap_or(0.0),
                words: raw.clone(),
            }),
            Some(ValueState::Pending) => Some(Value::Pending {
                announced: cell::parse_pending(&cell::normalize_width(raw.trim())).flatten(),
            }),
            Some(ValueState::NotAvailable) => Some(Value::NotAvailable),
            Some(ValueState::Qualitative) => Some(Value::Qualitative { text: raw.clone() }),
        };
        if !row_errs.is_empty() {
            errs.extend(row_errs);
            continue;
        }
        let (Some(role), Some(edition), Some(kind), Some(year), Some(value)) =
            (role, edition, kind, year, value)
        else {
            continue;
        };
        let period = Period { kind, year };
        let key: Key = (ind.id.clone(), series.clone(), role, edition, period);
        if let Some(first) = seen_rows.insert(key.clone(), line.unwrap_or(0)) {
            errs.push(
                ImportError::new(ErrorKind::Duplicate {
                    what: Thing::Row,
                    id: format!(
                        "{id} {} {} {year} (first on line {first})",
                        role.slug(),
                        edition.slug()
                    ),
                })
                .at(line, None),
            );
            continue;
        }
        let derived_caveats = || {
            let labels: Vec<SeriesLabel<'_>> = ind
                .series
                .iter()
                .map(|s| SeriesLabel {
                    id: &s.id,
                    label_ja: &s.label_ja,
                })
                .collect();
            cell::parse_cell(&raw, &ind.unit.ja, period, &labels)
                .ok()
                .and_then(|cells| {
                    cells
                        .into_iter()
                        .find(|c| c.series == series || c.series.is_none())
                })
                .map(|c| c.caveats)
                .unwrap_or_default()
        };
        let caveats = derived_caveats();
        match index.get(&key) {
            Some(&(ii2, oi)) => {
                let o = &mut ds.indicators[ii2].observations[oi];
                if o.value != value || o.raw != raw {
                    o.caveats = caveats;
                    o.value = value;
                    o.raw = raw;
                }
            }
            None => {
                let ind = &mut ds.indicators[ii];
                ind.observations.push(Observation {
                    series,
                    role,
                    edition,
                    column_ja: "取込 (CSV)".into(),
                    period,
                    value,
                    raw,
                    caveats,
                    base_of_target: false,
                });
            }
        }
    }
    if !errs.is_empty() {
        return Err(ImportErrors(errs));
    }
    if rows_filled == 0 {
        return Err(ImportErrors::single(ImportError::new(
            ErrorKind::NothingToImport { rows: rows_seen },
        )));
    }
    super::validate::validate(&ds)?;
    Ok(ds)
}

/// The field separator: a tab when the header line has tabs and no commas (Excel's
/// "Unicode テキスト" and other tab-separated saves), else a comma.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.contains('\t') && !header.contains(',') {
        b'\t'
    } else {
        b','
    }
}

/// `1-1` → (1, 1): a goal id read as month and day, the way Excel reads it.
fn goal_parts(id: &str) -> Option<(u32, u32)> {
    let (a, b) = id.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The month and day of a cell that a spreadsheet wrote as a date: `1月1日`, `2019/1/1`,
/// `2019-01-01`, `1/1`, `1-Jan` (English Excel), `Jan-01`, `Jan 01` (LibreOffice).
fn excel_date_parts(cell: &str) -> Option<(u32, u32)> {
    let s = crate::cell::normalize_width(cell.trim());
    let num = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let valid = |m: u32, d: u32| ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d));
    if let Some(rest) = s.strip_suffix('日') {
        let (m, d) = rest.split_once('月')?;
        return valid(num(m)?, num(d)?);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month_name = |t: &str| {
        MONTHS
            .iter()
            .position(|m| t.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    let parts: Vec<&str> = s.split(['/', '-', ' ']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => valid(num(m)?, num(d)?),
        [m, d] if s.contains('/') => valid(num(m)?, num(d)?),
        [d, m] if month_name(m).is_some() => valid(month_name(m)?, num(d)?),
        [m, d] if month_name(m).is_some() => valid(month_name(m)?, num(d)?),
        _ => None,
    }
}

/// The 1-based line of a byte offset. The csv crate's own line count does not advance on
/// CRLF line ends (what Excel and our exports write), so lines are counted here.
fn line_at(text: &str, byte: u64) -> usize {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    // After a CRLF record the reader's position can sit on the `\n`: step over line ends.
    while end < bytes.len() && (bytes[end] == b'\n' || bytes[end] == b'\r') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() + 1
}

fn csv_error(text: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map(|p| line_at(text, p.byte()));
    let msg = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Text::new(
            format!("this row has {len} fields but the header has {expected_len}"),
            format!("この行の項目数は {len} ですが、見出し行は {expected_len} です"),
        ),
        csv::ErrorKind::Utf8 { .. } => Text::new(
            "the text is not valid UTF-8",
            "UTF-8 の文字として読めません",
        ),
        _ => Text::new(e.to_string(), e.to_string()),
    };
    ImportError::new(ErrorKind::Csv(msg)).at(line, None)
}
