//! Typed, positioned errors for import and validation.
//!
//! Every problem found in a file is an [`ImportError`] carrying where it is (line, column,
//! field) and what is wrong ([`ErrorKind`]). Three languages are first-class: the UI and the
//! CLI print [`ImportError::message_ja`], [`ImportError::message_en`] and
//! [`ImportError::message_ja_easy`] (やさしい日本語), plain sentences a city clerk can act on.
//! Lines and columns count from 1, and columns count characters as a person does (a
//! Japanese character is one column, whatever its size in bytes).

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
    /// JSON syntax or a field of the wrong type. `detail` is serde_json's own (English)
    /// description, kept for the technically minded; the sentence comes from `problem`.
    Json {
        problem: JsonProblem,
        detail: String,
    },
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
    /// A CSV with no row to import: the header only, or only rows of the template left as
    /// they were (`value`, `state` and `raw` all empty). `rows` counts the rows seen.
    NothingToImport { rows: usize },
    /// A CSV row whose `value` holds a number although its `state` says there is none.
    ValueContradictsState { value: String, state: String },
    /// An id that a spreadsheet turned into a date (Excel reads `1-1` as 1 January and
    /// saves it as `1月1日`); `expected` is what the row needs.
    IdTurnedIntoDate { found: String, expected: String },
}

/// What kind of JSON problem (serde_json's categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON at that point (a missing comma, a stray character …).
    Syntax,
    /// The text ends in the middle (a truncated file).
    Eof,
    /// Well-formed JSON, but a field is missing or of the wrong type or value.
    Data,
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

    /// The same for both Japanese registers: 行目 and 列目 are what a spreadsheet shows.
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
                "the file is neither UTF-8, UTF-16 (with BOM) nor Shift_JIS text; save it as CSV UTF-8 and try again"
                    .to_string()
            }
            ErrorKind::Empty => "the file is empty".to_string(),
            ErrorKind::Json { problem, detail } => {
                let what = match problem {
                    JsonProblem::Syntax => "the JSON is not written correctly here",
                    JsonProblem::Eof => "the JSON ends too early (is the file cut off?)",
                    JsonProblem::Data => "this JSON field is missing or has the wrong kind of value",
                };
                format!("{what} ({detail})")
            }
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
            ErrorKind::NothingToImport { rows } => format!(
                "nothing to import: {rows} row(s) read, none filled in (fill in value, state and raw of the rows you have data for); the data shown has not changed"
            ),
            ErrorKind::ValueContradictsState { value, state } => format!(
                "'value' is {value} but 'state' is {state}, which has no number; empty 'value' or set 'state' to number"
            ),
            ErrorKind::IdTurnedIntoDate { found, expected } => format!(
                "'{found}' is a date: Excel turned the id into a date when the file was opened; the row needs {expected}. Type it again as '{expected} (with a leading apostrophe) or set the column's format to Text before typing"
            ),
        };
        format!("{}{what}", self.where_en())
    }

    /// The problem in plain Japanese, with its position.
    pub fn message_ja(&self) -> String {
        let what = match &*self.kind {
            ErrorKind::Encoding => {
                "UTF-8・UTF-16 (BOM 付き)・Shift_JIS のどれでもないファイルです。「CSV UTF-8」で保存し直してください"
                    .to_string()
            }
            ErrorKind::Empty => "ファイルが空です".to_string(),
            ErrorKind::Json { problem, detail } => {
                let what = match problem {
                    JsonProblem::Syntax => "JSON の書き方に誤りがあります",
                    JsonProblem::Eof => "JSON が途中で終わっています (ファイルが欠けていませんか)",
                    JsonProblem::Data => "この JSON の項目がないか、値の種類が違います",
                };
                format!("{what} ({detail})")
            }
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
            ErrorKind::NothingToImport { rows } => format!(
                "取り込む行がありません: {rows} 行を読みましたが、どの行も未記入です (データのある行の value・state・raw を記入してください)。表示中のデータは変わっていません"
            ),
            ErrorKind::ValueContradictsState { value, state } => format!(
                "「value」が {value} ですが「state」は数値のない {state} です。value を空にするか、state を number にしてください"
            ),
            ErrorKind::IdTurnedIntoDate { found, expected } => format!(
                "「{found}」は日付です。ファイルを開いたときに Excel が ID を日付に変えました (この行は {expected})。'{expected} のように先頭にアポストロフィを付けて入力し直すか、列の表示形式を「文字列」にしてから入力してください"
            ),
        };
        format!("{}{what}", self.where_ja())
    }

    /// The problem in やさしい日本語 (short sentences, common words), with its position.
    /// Values and column names stay as they are in the file, so the reader can find them.
    pub fn message_ja_easy(&self) -> String {
        let what = match &*self.kind {
            ErrorKind::Encoding => {
                "ファイルの 文字が 読めません。「CSV UTF-8」で 保存して、もう一度 ためして ください"
                    .to_string()
            }
            ErrorKind::Empty => "ファイルの 中に 何も ありません".to_string(),
            ErrorKind::Json { problem, .. } => match problem {
                JsonProblem::Syntax => "ここの JSON の 書き方が まちがって います",
                JsonProblem::Eof => "JSON が 途中で 終わって います。ファイルが 全部 あるか 見て ください",
                JsonProblem::Data => "ここの JSON の 項目が ないか、値が まちがって います",
            }
            .to_string(),
            ErrorKind::Csv(m) => format!("CSV の 形が まちがって います ({})", m.ja),
            ErrorKind::UnknownFormat => {
                "machi-kpi の データでは ありません".to_string()
            }
            ErrorKind::UnsupportedVersion(v) => {
                format!("データの バージョン {v} は 使えません。バージョン 1 を 使って ください")
            }
            ErrorKind::MissingColumn(c) => format!("1行目に「{c}」の 列が ありません"),
            ErrorKind::InvalidValue { expected, found } => {
                format!("「{found}」は 使えません。{} を 入れて ください", expected.ja)
            }
            ErrorKind::UnknownReference { what, id } => {
                format!("{}「{id}」は ありません", what.name_ja())
            }
            ErrorKind::Duplicate { what, id } => {
                format!("{}「{id}」が 2回 以上 あります", what.name_ja())
            }
            ErrorKind::Inconsistent(m) => m.ja.clone(),
            ErrorKind::NothingToImport { rows } => format!(
                "入れる データが ありません。{rows} 行 読みましたが、どの 行にも 書いて ありません。データは 変わって いません"
            ),
            ErrorKind::ValueContradictsState { value, state } => format!(
                "「value」に {value} が あります。でも「state」は {state} です。value を 消すか、state を number に して ください"
            ),
            ErrorKind::IdTurnedIntoDate { found, expected } => format!(
                "「{found}」は 日付に なって います。Excel が ID を 日付に 変えました。'{expected} と 書いて ください (はじめに ' を 付けます)"
            ),
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
