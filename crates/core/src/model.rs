//! The dataset model: the strategy's structure and every indicator with its observations.
//!
//! This is the in-memory form of the versioned dataset format described in
//! `docs/data-format.md`; [`crate::io`] reads and writes it. Every figure keeps its
//! source cell verbatim ([`Observation::raw`]) beside its parsed meaning ([`Value`]),
//! its real period ([`Period`]) and the caveats that change how it reads ([`Caveat`]).
//! Nothing here computes: the arithmetic lives in [`crate::analysis`].

use serde::{Deserialize, Serialize};

/// The format identifier written in every dataset file.
pub const FORMAT_ID: &str = "machi-kpi/dataset";
/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole dataset: the strategy, its source editions and all indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Always [`FORMAT_ID`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for files this crate writes.
    pub version: u32,
    /// The source documents (editions) the observations come from.
    pub editions: Vec<Edition>,
    /// Pillars, basic goals and measures.
    pub strategy: Strategy,
    /// Departments responsible for indicators, with English names.
    pub departments: Vec<Department>,
    /// Every numeric goal and KPI of every edition.
    pub indicators: Vec<Indicator>,
}

/// Which source document an observation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditionId {
    /// 第2期総合戦略数値目標・重要業績評価指標(KPI)一覧, the FY2021 progress report (targets FY2024).
    Fy2021Report,
    /// The strategy as revised in March 2024 (targets FY2027).
    #[serde(rename = "revision_2024")]
    Revision2024,
    /// Actuals published after these two documents (e.g. the next progress report), added
    /// by city staff through import. An update carries actuals only, never targets, and may
    /// be attached to any indicator.
    Update,
}

impl EditionId {
    /// Every edition, oldest first.
    pub const ALL: [EditionId; 3] = [
        EditionId::Fy2021Report,
        EditionId::Revision2024,
        EditionId::Update,
    ];

    /// The editions that set targets (FY2024 and FY2027).
    pub const WITH_TARGETS: [EditionId; 2] = [EditionId::Fy2021Report, EditionId::Revision2024];

    /// The identifier used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            EditionId::Fy2021Report => "fy2021_report",
            EditionId::Revision2024 => "revision_2024",
            EditionId::Update => "update",
        }
    }

    /// Parses [`EditionId::slug`].
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.slug() == s)
    }
}

/// One source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: EditionId,
    pub title_ja: String,
    pub title_en: String,
    pub publisher_ja: String,
    /// The fiscal year of this edition's targets.
    pub target_fy: i32,
    /// The fiscal year the edition evaluates, if it is a progress report.
    pub evaluated_fy: Option<i32>,
    /// The seed file it was transcribed from.
    pub source_file: String,
}

/// The strategy's structure (from the March 2024 revision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub title_ja: String,
    pub title_en: String,
    pub city_ja: String,
    pub city_en: String,
    /// 将来都市像, the city vision.
    pub vision_ja: String,
    pub vision_en: String,
    pub period: StrategyPeriod,
    /// 計画人口, the planned population.
    pub planned_population: u32,
    pub pillars: Vec<Pillar>,
    pub goals: Vec<Goal>,
}

/// The strategy's period in fiscal years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyPeriod {
    pub start_fy: i32,
    pub end_fy: i32,
    /// The end before the March 2024 revision extended it.
    pub original_end_fy: i32,
    pub note_ja: String,
    pub note_en: String,
}

/// One of the three pillars (しごと / ひと / まちの創生).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    pub name_ja: String,
    pub name_en: String,
}

/// A basic goal (基本目標), e.g. `1-1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub pillar_id: String,
    /// The title as the 2024 revision prints it.
    pub title_ja: String,
    pub title_en: String,
    /// The title as the FY2021 report prints it, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_report_ja: Option<String>,
    /// 基本的方向, the basic direction.
    pub direction_ja: String,
    /// Indicators that are this goal's numeric goal (the revision replaced 2-1's).
    pub numeric_goal_ids: Vec<String>,
    pub measures: Vec<Measure>,
}

/// A specific measure (具体的な施策), e.g. `1-1-2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub number: u8,
    pub title_ja: String,
    pub title_en: String,
    pub summary_ja: String,
    /// 主な取組, the main initiatives.
    pub initiatives_ja: Vec<String>,
}

/// A department (指標の担当課).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name_ja: String,
    pub name_en: String,
}

/// Whether an indicator is a basic goal's numeric goal or a measure's KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    NumericGoal,
    Kpi,
}

/// Which way the city wants an indicator to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    /// Keep a level (e.g. zero waiting children, open every day).
    Maintain,
}

impl Direction {
    pub fn slug(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
        }
    }
}

/// Which side of a value is better; for `maintain` targets it says which way a miss lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    /// `d` of the methodology: +1 when higher is better, −1 when lower is.
    pub fn sign(self) -> f64 {
        match self {
            Better::Higher => 1.0,
            Better::Lower => -1.0,
        }
    }
}

/// The city's official progress judgment (進捗状況) in the FY2021 report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficialStatus {
    OnTrack,
    MostlyOnTrack,
    DelayedCovid,
    Delayed,
}

impl OfficialStatus {
    /// All statuses, best first.
    pub const ALL: [OfficialStatus; 4] = [
        OfficialStatus::OnTrack,
        OfficialStatus::MostlyOnTrack,
        OfficialStatus::DelayedCovid,
        OfficialStatus::Delayed,
    ];

    /// The status exactly as the report writes it.
    pub fn name_ja(self) -> &'static str {
        match self {
            OfficialStatus::OnTrack => "順調に進捗",
            OfficialStatus::MostlyOnTrack => "概ね順調に進捗",
            OfficialStatus::DelayedCovid => "進捗の遅れ (コロナ)",
            OfficialStatus::Delayed => "進捗の遅れ",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            OfficialStatus::OnTrack => "On track",
            OfficialStatus::MostlyOnTrack => "Mostly on track",
            OfficialStatus::DelayedCovid => "Delayed (COVID-19)",
            OfficialStatus::Delayed => "Delayed",
        }
    }

    /// The identifier used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            OfficialStatus::OnTrack => "on_track",
            OfficialStatus::MostlyOnTrack => "mostly_on_track",
            OfficialStatus::DelayedCovid => "delayed_covid",
            OfficialStatus::Delayed => "delayed",
        }
    }

    /// Parses a slug, or the Japanese label with or without the space before （コロナ）.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        Self::ALL.into_iter().find(|st| {
            st.slug() == t
                || st
                    .name_ja()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    == squeezed.replace('（', "(").replace('）', ")")
        })
    }

    /// Whether this is one of the two delayed statuses.
    pub fn is_delayed(self) -> bool {
        matches!(self, OfficialStatus::DelayedCovid | OfficialStatus::Delayed)
    }
}

/// The unit of an indicator's values, in Japanese (as the source writes it) and English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub ja: String,
    pub en: String,
}

/// A series of a multi-series indicator (男性/女性, 小学校/中学校).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub label_ja: String,
    pub label_en: String,
}

/// The FY2021 report's notes: ① what was done, ② issues, ③ next steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// The cell verbatim (some cells carry `<p>` markup from the PDF export; it is text, never HTML).
    pub raw: String,
    pub done_ja: String,
    pub issues_ja: String,
    pub next_ja: String,
}

/// A numeric goal or KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable, readable id used in URLs and exports.
    pub id: String,
    pub goal_id: String,
    /// `None` for a numeric goal.
    pub measure_id: Option<String>,
    pub kind: IndicatorKind,
    /// The name as the FY2021 report prints it (or the revision, for added indicators).
    pub name_ja: String,
    pub name_en: String,
    /// The name as the 2024 revision prints it, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_name_ja: Option<String>,
    /// An easy name in やさしい日本語 beside the official one, with a reading on
    /// every kanji (`｜仕事《しごと》`, see [`crate::ruby`]); shown in that mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_easy_ja: Option<String>,
    pub unit: Unit,
    pub direction: Direction,
    pub better: Better,
    /// 累計: values are running totals.
    pub cumulative: bool,
    /// Empty for a single-series indicator.
    pub series: Vec<Series>,
    /// 解説・算出方法等.
    pub definition_ja: Option<String>,
    /// 指標の担当課, split; empty when the source gives none.
    pub departments: Vec<String>,
    /// The department cell verbatim.
    pub department_raw: Option<String>,
    /// The FY2021 report's official status; `None` for indicators added later.
    pub status: Option<OfficialStatus>,
    pub notes: Option<Notes>,
    /// The editions this indicator appears in.
    pub editions: Vec<EditionId>,
    /// The indicator this one replaced in the revision.
    pub replaces: Option<String>,
    pub observations: Vec<Observation>,
    /// Transcription decisions taken where the sources were ambiguous.
    pub decisions: Vec<String>,
}

impl Indicator {
    /// The ids of the series to compute separately: one `None` for a single-series indicator.
    pub fn series_ids(&self) -> Vec<Option<&str>> {
        if self.series.is_empty() {
            vec![None]
        } else {
            self.series.iter().map(|s| Some(s.id.as_str())).collect()
        }
    }

    /// Whether the indicator appears in an edition (every indicator may take updates).
    pub fn in_edition(&self, edition: EditionId) -> bool {
        edition == EditionId::Update || self.editions.contains(&edition)
    }

    /// The target `edition` sets for `series` (or for the whole indicator), if any.
    pub fn target(&self, edition: EditionId, series: Option<&str>) -> Option<&Observation> {
        self.observations
            .iter()
            .find(|o| o.role == Role::Target && o.edition == edition && o.applies_to(series))
    }
}

/// What an observation is: the edition's baseline, an actual, or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Baseline,
    Actual,
    Target,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Baseline, Role::Actual, Role::Target];

    pub fn slug(self) -> &'static str {
        match self {
            Role::Baseline => "baseline",
            Role::Actual => "actual",
            Role::Target => "target",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.slug() == s)
    }
}

/// Fiscal year (年度, April–March) or calendar year (年).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    FiscalYear,
    CalendarYear,
}

impl PeriodKind {
    pub fn slug(self) -> &'static str {
        match self {
            PeriodKind::FiscalYear => "fiscal_year",
            PeriodKind::CalendarYear => "calendar_year",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        match s {
            "fiscal_year" => Some(PeriodKind::FiscalYear),
            "calendar_year" => Some(PeriodKind::CalendarYear),
            _ => None,
        }
    }
}

/// The period a value refers to, with the Gregorian year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub kind: PeriodKind,
    pub year: i32,
}

impl Period {
    pub fn fiscal(year: i32) -> Self {
        Period {
            kind: PeriodKind::FiscalYear,
            year,
        }
    }

    pub fn calendar(year: i32) -> Self {
        Period {
            kind: PeriodKind::CalendarYear,
            year,
        }
    }

    /// The time coordinate used by projections. A fiscal year and the calendar year with
    /// the same number overlap by nine months; we treat them as the same point so that
    /// projections stay in whole years (see `docs/methodology.md`).
    pub fn t(self) -> f64 {
        f64::from(self.year)
    }

    /// Number of days in the period (a fiscal year Y contains February of Y + 1).
    pub fn days(self) -> u32 {
        let feb_year = match self.kind {
            PeriodKind::FiscalYear => self.year + 1,
            PeriodKind::CalendarYear => self.year,
        };
        let leap = (feb_year % 4 == 0 && feb_year % 100 != 0) || feb_year % 400 == 0;
        if leap {
            366
        } else {
            365
        }
    }
}

/// The parsed meaning of a source cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum Value {
    /// A number in the indicator's unit (万/億 multipliers already applied).
    Number { number: f64 },
    /// Not yet published; `announced` is the announced publication month (`YYYY-MM`).
    Pending { announced: Option<String> },
    /// `-`: not available.
    NotAvailable,
    /// A stated absence such as 待機児童なし: the number is 0, the words are kept.
    None { number: f64, words: String },
    /// A text target (or a "to be set later" note).
    Qualitative { text: String },
}

impl Value {
    /// The number, for `Number` and `None`.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number { number } | Value::None { number, .. } => Some(*number),
            _ => None,
        }
    }

    /// The state's identifier, as in the observations CSV.
    pub fn state(&self) -> ValueState {
        match self {
            Value::Number { .. } => ValueState::Number,
            Value::Pending { .. } => ValueState::Pending,
            Value::NotAvailable => ValueState::NotAvailable,
            Value::None { .. } => ValueState::None,
            Value::Qualitative { .. } => ValueState::Qualitative,
        }
    }
}

/// The kind of a [`Value`], without its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueState {
    Number,
    Pending,
    NotAvailable,
    None,
    Qualitative,
}

impl ValueState {
    pub const ALL: [ValueState; 5] = [
        ValueState::Number,
        ValueState::Pending,
        ValueState::NotAvailable,
        ValueState::None,
        ValueState::Qualitative,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ValueState::Number => "number",
            ValueState::Pending => "pending",
            ValueState::NotAvailable => "not_available",
            ValueState::None => "none",
            ValueState::Qualitative => "qualitative",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == s)
    }
}

/// Something attached to a value that changes how it reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Caveat {
    /// ※関連事業参加者: participants of a substitute event (the original was cancelled).
    RelatedEventParticipants,
    /// (閏年): a leap year's 366 days.
    LeapYear,
    /// (※): a footnote explains the value; its text when the source gives it.
    Footnote {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    /// The value's period is older than its column's (data that lags).
    EarlierPeriod,
    /// The cell repeats a value of a period already given: one observation, counted once.
    RepeatsPeriod,
    /// A target to be set later (設定予定).
    ToBeSetLater,
}

impl Caveat {
    pub fn slug(&self) -> &'static str {
        match self {
            Caveat::RelatedEventParticipants => "related_event_participants",
            Caveat::LeapYear => "leap_year",
            Caveat::Footnote { .. } => "footnote",
            Caveat::EarlierPeriod => "earlier_period",
            Caveat::RepeatsPeriod => "repeats_period",
            Caveat::ToBeSetLater => "to_be_set_later",
        }
    }
}

/// One value of an indicator: a source cell with its meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The series id; `None` when the value concerns the whole indicator.
    pub series: Option<String>,
    pub role: Role,
    pub edition: EditionId,
    /// The source column's heading.
    pub column_ja: String,
    pub period: Period,
    pub value: Value,
    /// The source cell verbatim.
    pub raw: String,
    pub caveats: Vec<Caveat>,
    /// True for a later actual that the revision uses as the base of its target.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub base_of_target: bool,
}

impl Observation {
    /// Whether this observation belongs to the given series (whole-indicator values belong to all).
    pub fn applies_to(&self, series: Option<&str>) -> bool {
        match (&self.series, series) {
            (None, _) => true,
            (Some(s), Some(want)) => s == want,
            (Some(_), None) => false,
        }
    }

    pub fn has_caveat(&self, slug: &str) -> bool {
        self.caveats.iter().any(|c| c.slug() == slug)
    }
}

impl Dataset {
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.strategy.goals.iter().find(|g| g.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn measure(&self, id: &str) -> Option<(&Goal, &Measure)> {
        self.strategy
            .goals
            .iter()
            .find_map(|g| g.measures.iter().find(|m| m.id == id).map(|m| (g, m)))
    }

    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.strategy.pillars.iter().find(|p| p.id == id)
    }

    pub fn department_en(&self, name_ja: &str) -> Option<&str> {
        self.departments
            .iter()
            .find(|d| d.name_ja == name_ja)
            .map(|d| d.name_en.as_str())
    }

    pub fn edition(&self, id: EditionId) -> Option<&Edition> {
        self.editions.iter().find(|e| e.id == id)
    }
}
