//! Typed, positioned errors for import and validation.
//!
//! Every problem found in a file is an [`ImportError`] carrying where it is (line, column,
//! field) and what is wrong ([`ErrorKind`]). Both languages are first-class: the UI and the
//! CLI print [`ImportError::message_ja`] and [`ImportError::message_en`], plain sentences a
//! city clerk can act on. Lines and columns count from 1.

use std::fmt;

/// Where in the input a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// A column name (CSV) or a JSON path such as `indicators[3].observations[0].raw`.
    pub field: Option<String>,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are neither UTF-8 nor Shift_JIS (CP932).
    Encoding,
    /// The file is empty.
    Empty,
    /// JSON syntax or a field of the wrong type.
    Json(String),
    /// CSV syntax (for example a row with the wrong number of fields).
    Csv(Text),
    /// Neither the dataset JSON nor the observations CSV.
    UnknownFormat,
    /// A dataset file of another format version.
    UnsupportedVersion(u32),
    /// A required CSV column is missing.
    MissingColumn(String),
    /// A value that is not what the field expects.
    InvalidValue { expected: Text, found: String },
    /// A reference to something that does not exist (e.g. an unknown indicator id).
    UnknownReference { what: Thing, id: String },
    /// The same id twice.
    Duplicate { what: Thing, id: String },
    /// A rule of the format is broken; the text says which.
    Inconsistent(Text),
}

/// A short text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

impl Text {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            ja: ja.into(),
        }
    }
}

/// What a reference or a duplicate is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Indicator,
    BasicGoal,
    Measure,
    Department,
    Series,
    Pillar,
    Observation,
    Row,
}

impl Thing {
    pub fn name_en(self) -> &'static str {
        match self {
            Thing::Indicator => "indicator",
            Thing::BasicGoal => "basic goal",
            Thing::Measure => "measure",
            Thing::Department => "department",
            Thing::Series => "series",
            Thing::Pillar => "pillar",
            Thing::Observation => "observation",
            Thing::Row => "row",
        }
    }

    pub fn name_ja(self) -> &'static str {
        match self {
            Thing::Indicator => "指標",
            Thing::BasicGoal => "基本目標",
            Thing::Measure => "具体的な施策",
            Thing::Department => "担当課",
            Thing::Series => "系列",
            Thing::Pillar => "柱",
            Thing::Observation => "観測値",
            Thing::Row => "行",
        }
    }
}

/// One problem in an imported file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub position: Position,
    /// Boxed so that `Result<_, ImportError>` stays small (as `csv::Error` does).
    pub kind: Box<ErrorKind>,
}

impl ImportError {
    pub fn new(kind: ErrorKind) -> Self {
        ImportError {
            position: Position::default(),
            kind: Box::new(kind),
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.position.line = line;
        self.position.column = column;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.position.field = Some(field.into());
        self
    }

    fn where_en(&self) -> String {
        let p = &self.position;
        let mut parts = Vec::new();
        if let Some(l) = p.line {
            parts.push(format!("line {l}"));
        }
        if let Some(c) = p.column {
            parts.push(format!("column {c}"));
        }
        if let Some(f) = &p.field {
            parts.push(format!("field '{f}'"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("{}: ", parts.join(", "))
        }
    }

    fn where_ja(&self) -> String {
        let p = &self.position;
        let mut s = String::new();
        if let Some(l) = p.line {
            s.push_str(&format!("{l}行目"));
        }
        if let Some(c) = p.column {
            s.push_str(&format!("{c}列目"));
        }
        if let Some(f) = &p.field {
            s.push_str(&format!("「{f}」"));
        }
        if s.is_empty() {
            s
        } else {
            s + ": "
        }
    }

    /// The problem in plain English, with its position.
    pub fn message_en(&self) -> String {
        let what = match &*self.kind {
            ErrorKind::Encoding => {
                "the file is neither UTF-8 nor Shift_JIS text; save it as CSV (UTF-8) and try again"
                    .to_string()
            }
            ErrorKind::Empty => "the file is empty".to_string(),
            ErrorKind::Json(m) => format!("the JSON is not valid ({m})"),
            ErrorKind::Csv(m) => format!("the CSV is not valid ({})", m.en),
            ErrorKind::UnknownFormat => {
                "this is neither a machi-kpi dataset (JSON) nor an observations CSV".to_string()
            }
            ErrorKind::UnsupportedVersion(v) => {
                format!("dataset format version {v} is not supported (expected 1)")
            }
            ErrorKind::MissingColumn(c) => format!("the column '{c}' is missing from the header"),
            ErrorKind::InvalidValue { expected, found } => {
                format!("expected {}, found '{found}'", expected.en)
            }
            ErrorKind::UnknownReference { what, id } => {
                format!("unknown {} '{id}'", what.name_en())
            }
            ErrorKind::Duplicate { what, id } => {
                format!("{} '{id}' appears more than once", what.name_en())
            }
            ErrorKind::Inconsistent(m) => m.en.clone(),
        };
        format!("{}{what}", self.where_en())
    }

    /// The problem in plain Japanese, with its position.
    pub fn message_ja(&self) -> String {
        let what = match &*self.kind {
            ErrorKind::Encoding => {
                "UTF-8 でも Shift_JIS でもないファイルです。CSV (UTF-8) で保存し直してください"
                    .to_string()
            }
            ErrorKind::Empty => "ファイルが空です".to_string(),
            ErrorKind::Json(m) => format!("JSON の形式が正しくありません ({m})"),
            ErrorKind::Csv(m) => format!("CSV の形式が正しくありません ({})", m.ja),
            ErrorKind::UnknownFormat => {
                "machi-kpi のデータセット (JSON) でも観測値 CSV でもありません".to_string()
            }
            ErrorKind::UnsupportedVersion(v) => {
                format!("データ形式のバージョン {v} には対応していません (1 が必要です)")
            }
            ErrorKind::MissingColumn(c) => format!("見出し行に「{c}」列がありません"),
            ErrorKind::InvalidValue { expected, found } => {
                format!("{}が必要ですが「{found}」でした", expected.ja)
            }
            ErrorKind::UnknownReference { what, id } => {
                format!("{}「{id}」は存在しません", what.name_ja())
            }
            ErrorKind::Duplicate { what, id } => {
                format!("{}「{id}」が重複しています", what.name_ja())
            }
            ErrorKind::Inconsistent(m) => m.ja.clone(),
        };
        format!("{}{what}", self.where_ja())
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ImportError {}

/// All the problems found in one file (never empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportErrors(pub Vec<ImportError>);

impl ImportErrors {
    pub fn single(e: ImportError) -> Self {
        ImportErrors(vec![e])
    }
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}
