//! Interface text of the Basic goal, Indicator and About pages, in every
//! [`Lang`], following the shell's typed pattern ([`super::Key`]): one
//! [`PKey`] per piece of fixed text and one exhaustive `match` per language,
//! so a missing translation does not compile. `super::tests` walks
//! [`PKey::ALL`] in every language.
//!
//! Sentences that carry figures are functions at the end of this module;
//! their figures always come from the core at render time. Data text (names,
//! notes, definitions) is never translated here.

use machi_kpi_core::analysis::readable::{
    achievement_headline, is_readable_percent, AchievementHeadline,
};
use machi_kpi_core::analysis::{FinalResult, IndicatorAnalysis, Metric, Outlook, TargetAnalysis};
use machi_kpi_core::{EditionId, Indicator, Period};

use super::era::{period_label, Era};
use super::kpi_format::{self as fmt, value_text};
use super::Lang;

/// Declares [`PKey`] and [`PKey::ALL`] from one list.
macro_rules! pkeys {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// One piece of fixed text of the Basic goal, Indicator and About pages. See [`pt`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum PKey {
            $($(#[$doc])* $key),*
        }

        impl PKey {
            /// Every key, in declaration order.
            pub const ALL: &'static [PKey] = &[$(PKey::$key),*];
        }
    };
}

pkeys! {
    // Shared by the three pages.
    BreadcrumbLabel,
    /// Shown beside Japanese-only data text on the English page.
    JapaneseOnly,
    /// The summary of the folded methods and computation of an Indicator page.
    HowComputed,
    /// Before the city's own name, under an easy name of the indicator.
    OfficialNameLabel,
    PillarLabel,
    BasicDirection,
    NumericGoalsHeading,
    MeasuresHeading,
    MainInitiatives,
    KpisOfMeasure,
    NoKpis,
    KindNumericGoal,
    KindKpi,
    LatestValue,
    TargetLabel,
    AchievementLabel,
    ExpectedLabel,
    /// The short form used on cards.
    ExpectedShort,
    ProgressLabel,
    AheadOfSchedule,
    BehindSchedule,
    NoProgressYet,
    /// A target whose period has come: the final result, not a projection.
    FinalResultLabel,
    FinalAchieved,
    FinalMissed,
    /// Why a target past its period has no projections table.
    FinalNoProjection,
    OfficialStatusLabel,
    NoOfficialStatus,
    IndicativeStatusLabel,
    StatusesDiffer,
    StatusesAgree,
    IndicativeNote,
    OpenIndicator,
    TrendLabel,
    CaveatsLabel,
    EditionReport,
    EditionRevision,
    /// Actuals added after the two documents.
    EditionUpdate,
    DroppedInRevision,
    AddedInRevision,
    DirIncrease,
    DirDecrease,
    DirMaintain,
    Cumulative,
    DirectionLabel,
    CountingLabel,
    UnitLabel,
    /// Before the unit as the city wrote it, when the page says it as a larger one.
    UnitAsPublished,
    NotAvailableValue,
    CaveatRelated,
    CaveatLeap,
    CaveatFootnote,
    CaveatEarlier,
    CaveatRepeats,
    CaveatToBeSet,
    GoalNotFound,
    IndicatorNotFound,
    EraLabel,
    EraWareki,
    EraGregorian,
    // Indicator page.
    ViewOptions,
    MethodLabel,
    MethodCagr,
    MethodLine,
    MethodDefaultNote,
    ScenarioLabel,
    ScenarioSince,
    ScenarioRecent,
    ChartTitle,
    LegendActual,
    LegendBase,
    ColPeriod,
    AnalysisHeading,
    AnalysisIntro,
    BaseLabel,
    BaseSourceEdition,
    BaseSourceRebased,
    BaseSourceEarliest,
    OutlookLabel,
    OutlookUnderView,
    DefaultMethodUsed,
    ProjectionsCaption,
    ColMethod,
    ColScenario,
    ColProjectedValue,
    ColProjectedRatio,
    ColOutlook,
    ColYearReached,
    SelectedMark,
    AlreadyMet,
    NotAtThisPace,
    RequiredChange,
    ObservedChange,
    PaceRatioLabel,
    PaceSubstantial,
    PaceModerate,
    PaceLimited,
    PaceDeterioration,
    CovidHeading,
    CovidDip,
    CovidRecovery,
    CovidRecoveryYear,
    CovidAffected,
    CovidNotAffected,
    ShowComputation,
    ComputationInputs,
    FormulaPace,
    FormulaMaintainRule,
    FormulaMeets,
    FormulaMisses,
    AboutIndicatorHeading,
    DefinitionLabel,
    DepartmentLabel,
    NoDepartment,
    AtAGlance,
    CityReasons,
    NotesDone,
    NotesIssues,
    NotesNext,
    NoNotes,
    AppearsIn,
    SourceCellsHeading,
    SourceCellsIntro,
    ColEdition,
    ColColumn,
    ColRole,
    ColSeries,
    ColCell,
    ColValue,
    ColCaveats,
    RoleBaseline,
    RoleActual,
    RoleTarget,
    BaseOfTargetTag,
    DecisionsHeading,
    NoDecisions,
    DecisionsInEnglish,
    WholeIndicator,
    // About page.
    AboutTitle,
    AboutIntro,
    SourcesHeading,
    SourcesIntro,
    ColTitle,
    ColPublisher,
    ColTargetYear,
    ColEvaluatedYear,
    ColSourceFile,
    LicenceHeading,
    LicenceBody,
    AttributionLabel,
    LicenceNotOfficial,
    MethodologyHeading,
    MethodologyIntro,
    NotationHeading,
    WorkedExample,
    MAchievementTitle,
    MAchievementBody,
    MExpectedTitle,
    MExpectedBody,
    MBaseTitle,
    MBaseBody,
    MCagrTitle,
    MCagrBody,
    MLineTitle,
    MLineBody,
    MScenarioTitle,
    MScenarioBody,
    MOutlookTitle,
    MOutlookBody,
    MPaceTitle,
    MPaceBody,
    MCovidTitle,
    MCovidBody,
    MIndicativeTitle,
    MIndicativeBody,
    MSeriesTitle,
    MSeriesBody,
    MUndefinedTitle,
    MUndefinedBody,
    ReferencesLabel,
    A11yHeading,
    A11yBody,
    A11yFeatures,
    DecisionsAllHeading,
    DecisionsAllIntro,
    ColIndicator,
    ColDecision,
    ExampleMissing,
    /// The periods a repeated cell leaves to count.
    CountedPeriods,
}

/// The text of `key` in `lang`.
pub fn pt(lang: Lang, key: PKey) -> &'static str {
    match lang {
        Lang::Ja => ja(key),
        Lang::En => en(key),
        Lang::JaEasy => ja_easy(key),
    }
}

fn ja(key: PKey) -> &'static str {
    use PKey::*;
    match key {
        BreadcrumbLabel => "現在位置",
        JapaneseOnly => "原文（日本語）のまま表示しています。",
        HowComputed => "詳しい計算（見通しの方法・達成率・ペース）",
        OfficialNameLabel => "市の資料での名前",
        PillarLabel => "柱",
        BasicDirection => "基本的方向",
        NumericGoalsHeading => "数値目標",
        MeasuresHeading => "具体的な施策と重要業績評価指標（KPI）",
        MainInitiatives => "主な取組",
        KpisOfMeasure => "この施策のKPI",
        NoKpis => "この施策にKPIはありません。",
        KindNumericGoal => "数値目標",
        KindKpi => "KPI（重要業績評価指標）",
        LatestValue => "最新の実績値",
        TargetLabel => "目標値",
        AchievementLabel => "達成率",
        ExpectedLabel => "期待進捗（経過期間の割合）",
        ExpectedShort => "期待進捗",
        ProgressLabel => "目標までの進み具合",
        AheadOfSchedule => "達成率が期待進捗以上（予定どおり以上）",
        BehindSchedule => "達成率が期待進捗未満（予定より遅れ）",
        NoProgressYet => "基準の後の実績値がまだないため、進み具合は判断できません",
        FinalResultLabel => "最終結果",
        FinalAchieved => "目標達成",
        FinalMissed => "目標未達成",
        FinalNoProjection => "目標年度の実績値が出ているため、見込み（将来推計）は示しません。",
        OfficialStatusLabel => "市の評価（進捗状況）",
        NoOfficialStatus => "令和6年3月の改訂で追加された指標のため、市の評価はありません",
        IndicativeStatusLabel => "数値からの参考評価",
        StatusesDiffer => "市の評価と数値からの参考評価は異なります。",
        StatusesAgree => "市の評価と数値からの参考評価は一致しています。",
        IndicativeNote => "参考評価は、令和3年度の進捗報告に載った数値だけから、達成率を計画期間のうち経過した割合と比べる方法（多摩市が総合戦略の検証で使う「按分方式」）で機械的に求めたもので、市の評価に代わるものではありません。",
        OpenIndicator => "詳しく見る",
        TrendLabel => "推移",
        CaveatsLabel => "注記",
        EditionReport => "令和3年度進捗報告",
        EditionRevision => "令和6年3月改訂版",
        EditionUpdate => "その後の更新データ",
        DroppedInRevision => "令和6年3月の改訂で数値目標から外れました。",
        AddedInRevision => "令和6年3月の改訂で追加されました。",
        DirIncrease => "増やすことを目指す指標",
        DirDecrease => "減らすことを目指す指標",
        DirMaintain => "水準の維持を目指す指標",
        Cumulative => "累計値",
        DirectionLabel => "目指す方向",
        CountingLabel => "数え方",
        UnitLabel => "単位",
        UnitAsPublished => "資料では",
        NotAvailableValue => "データなし",
        CaveatRelated => "※関連事業参加者：本来の事業が中止され、代わりに行った関連事業の参加者数です",
        CaveatLeap => "閏年（366日）",
        CaveatFootnote => "注記（※）",
        CaveatEarlier => "列の見出しより前の時点の値です",
        CaveatRepeats => "前の時点の値の再掲です（1回だけ数えます）",
        CaveatToBeSet => "目標値は今後設定される予定です",
        GoalNotFound => "指定された基本目標は見つかりません。",
        IndicatorNotFound => "指定された指標は見つかりません。",
        EraLabel => "年の表記",
        EraWareki => "和暦（令和）",
        EraGregorian => "西暦",
        ViewOptions => "表示の切り替え",
        MethodLabel => "予測の方法",
        MethodCagr => "年平均成長率（CAGR）",
        MethodLine => "直線（最小二乗法）",
        MethodDefaultNote => "既定では、累計の指標とCAGRが計算できない場合は直線、それ以外はCAGRを使います。",
        ScenarioLabel => "見通しの前提",
        ScenarioSince => "基準値以降の傾向",
        ScenarioRecent => "直近のペース",
        ChartTitle => "推移と見通し",
        LegendActual => "実績値",
        LegendBase => "目標の基準",
        ColPeriod => "時点",
        AnalysisHeading => "達成状況と見通し",
        AnalysisIntro => "b = 基準値、v = 最新の実績値、T = 目標値です。達成率は a = (v − b) / (T − b)、期待進捗は経過期間の割合です。",
        BaseLabel => "基準（b）",
        BaseSourceEdition => "この版の基準値です。",
        BaseSourceRebased => "改訂版の注記（※）にある後年の実績値を、この目標の基準にしています。",
        BaseSourceEarliest => "基準値が「-」（データなし）のため、最も古い実績値を基準にしています。",
        OutlookLabel => "見通し",
        OutlookUnderView => "選んだ予測方法と前提による判定",
        DefaultMethodUsed => "この目標ではCAGRが計算できないため、直線を使っています。",
        ProjectionsCaption => "予測方法と前提ごとの目標年度の予測",
        ColMethod => "予測の方法",
        ColScenario => "前提",
        ColProjectedValue => "目標年度の予測値",
        ColProjectedRatio => "予測達成率（p）",
        ColOutlook => "判定",
        ColYearReached => "目標に届く年",
        SelectedMark => "（選択中）",
        AlreadyMet => "達成済み",
        NotAtThisPace => "このペースでは届かない",
        RequiredChange => "目標に必要な年間変化量",
        ObservedChange => "基準以降の年間変化量（実績）",
        PaceRatioLabel => "ペース比（R）",
        PaceSubstantial => "十分",
        PaceModerate => "中程度",
        PaceLimited => "限定的",
        PaceDeterioration => "悪化",
        CovidHeading => "新型コロナウイルス感染症の影響",
        CovidDip => "2020年の落ち込み（δ）",
        CovidRecovery => "2021年の回復率（r）",
        CovidRecoveryYear => "コロナ前の水準に戻る年（2020→2021年のペース）",
        CovidAffected => "コロナの影響あり（計算：落ち込み10%以上）",
        CovidNotAffected => "計算上はコロナの影響なし（落ち込み10%未満）",
        ShowComputation => "計算を表示",
        ComputationInputs => "入力値",
        FormulaPace => "ペース",
        FormulaMaintainRule => "目標の方向で目標を満たせば100%、満たさなければ0%",
        FormulaMeets => "は目標を満たす",
        FormulaMisses => "は目標を満たさない",
        AboutIndicatorHeading => "指標について",
        DefinitionLabel => "解説・算出方法等",
        DepartmentLabel => "指標の担当課",
        NoDepartment => "原資料に記載がありません",
        AtAGlance => "要点",
        CityReasons => "市による説明（①取組 ②課題 ③今後）を読む",
        NotesDone => "①関連事業実施状況",
        NotesIssues => "②課題",
        NotesNext => "③今後の方策等",
        NoNotes => "この指標には令和3年度の記載がありません（改訂で追加された指標です）。",
        AppearsIn => "掲載資料",
        SourceCellsHeading => "原資料のセル（全ての値）",
        SourceCellsIntro => "原資料のセルを原文のまま、読み取った値・時点・注記とともに示します。",
        ColEdition => "資料",
        ColColumn => "列見出し",
        ColRole => "区分",
        ColSeries => "系列",
        ColCell => "セル（原文のまま）",
        ColValue => "読み取った値",
        ColCaveats => "注記",
        RoleBaseline => "基準値",
        RoleActual => "実績値",
        RoleTarget => "目標値",
        BaseOfTargetTag => "改訂版の目標の基準",
        DecisionsHeading => "転記上の判断",
        NoDecisions => "この指標には特別な判断はありません。",
        DecisionsInEnglish => "判断の記録は英語で書かれています。",
        WholeIndicator => "全体",
        AboutTitle => "このサイトについて",
        AboutIntro => "伊勢崎市の「第２期伊勢崎市まち・ひと・しごと創生総合戦略」の数値目標とKPIの進み具合を、市が公表した資料の数値からグラフと表で示すサイトです。市の公式サイトではありません。",
        SourcesHeading => "出典",
        SourcesIntro => "数値はすべて次の2つの資料から転記しました。セルの原文は各指標のページで確認できます。",
        ColTitle => "資料名",
        ColPublisher => "発行",
        ColTargetYear => "目標年度",
        ColEvaluatedYear => "評価年度",
        ColSourceFile => "転記元ファイル",
        LicenceHeading => "利用条件と出典の表示",
        LicenceBody => "資料は公共データ利用規約（第1.0版）（PDL1.0）に基づいて利用しています。PDL1.0はクリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）と互換性があります。このサイトの数値・表・グラフは資料を加工して作成したもので、伊勢崎市が作成・公表したものではありません。",
        AttributionLabel => "出典の表示",
        LicenceNotOfficial => "このサイトの見通し・参考評価などの計算結果は、市の公式な評価ではありません。",
        MethodologyHeading => "計算の方法",
        MethodologyIntro => "すべての数値は、下の方法で、表示のたびにデータから計算しています。計算例の数値も、その場でデータから求めたものです。",
        NotationHeading => "記号",
        WorkedExample => "計算例",
        MAchievementTitle => "達成率",
        MAchievementBody => "基準値から目標値までの道のりのうち、どこまで進んだかを表します（市町村で一般的な達成率）。減らすことを目指す指標にもそのまま使えます。目標値が基準値と同じ「維持」の目標では、最新の値が目標を満たせば100%、満たさなければ0%とします。累計の指標は累計値で計算します。最新の値がすでに目標を満たしていれば、その後の予測にかかわらず「目標達成済み」です。",
        MExpectedTitle => "期待進捗",
        MExpectedBody => "基準の年から目標の年まで一定のペースで進んだ場合に、最新の年までに進んでいるはずの割合です。達成率が期待進捗以上なら予定どおりです。",
        MBaseTitle => "目標の基準",
        MBaseBody => "基準はその版の基準値です。ただし、改訂版の注記（※）が後年の実績値を示して目標をそこから設定している場合は、その実績値を基準にします。基準値が「-」の場合は最も古い実績値を基準にし、そのことを表示します（Open SDG と同じ扱い）。別の列と同じ時点の値を再掲したセルは、1つの値として1回だけ数えます。",
        MCagrTitle => "CAGRによる予測",
        MCagrBody => "既定の予測方法は、国連統計部（UN Statistics Division）の「SDG Progress Chart」で使われ、Open SDG のサイトでも使われている年平均成長率（CAGR）です。基準から最新の値までの成長率が続くとして目標年度の値 v̂_T を求め、予測達成率 p を計算します。",
        MLineTitle => "最小二乗法の直線",
        MLineBody => "もう一つの方法は、基準値を含むすべての値（基準より前の値も）を通る最小二乗法の直線です。累計の指標（毎年一定の量が加わると累計は直線的に増えます）と、CAGRが計算できない場合（0や符号が変わる値）は、直線が既定です。",
        MScenarioTitle => "2つの前提",
        MScenarioBody => "「基準値以降の傾向」は上の計算です。「直近のペース」は、最後の2つの実績値（基準値は使いません）の間の変化がそのまま続くとした場合です。コロナで落ち込んだ指標では、直近のペースは回復の勢いを表します。それぞれの前提で、目標に届く年（または「このペースでは届かない」）と、必要な年間変化量・実際の年間変化量を示します。",
        MOutlookTitle => "見通しの区分",
        MOutlookBody => "目標達成済み：最新の値がすでに目標を満たす。達成見込み：p ≥ 95%。加速が必要：10% ≤ p < 95%。停滞・後退：p < 10%。",
        MPaceTitle => "ペース比",
        MPaceBody => "カナダ統計局（Statistics Canada）と Open SDG の方法で、実際の成長率が目標に必要な成長率の何倍かを表します。R ≥ 0.95 で十分、0.60以上で中程度、0以上で限定的、0未満で悪化です。",
        MCovidTitle => "コロナによる落ち込みと回復",
        MCovidBody => "コロナ前の値がある指標について、最初のコロナの年（2020年度または2020年）の落ち込み δ と、落ち込んだ場合の2021年の回復率 r、2020→2021年のペースでコロナ前の水準に戻る年を求めます。δ ≤ −10% の指標を「コロナの影響あり（計算）」とします。",
        MIndicativeTitle => "市の評価と参考評価",
        MIndicativeBody => "市の評価（進捗状況）は市の判断であり、常にそのまま表示します。そのそばに、多摩市の按分方式による参考評価を数値から求めて示します：目標を満たすか a ≥ e なら「順調」、a ≥ 0.6·e なら「概ね順調」、それ以外は「遅れ」で、コロナの影響あり（計算）なら「遅れ（コロナ）」です。両者が異なる場合も、どちらが正しいとは判断しません。",
        MSeriesTitle => "複数の系列",
        MSeriesBody => "男性・女性、小学校・中学校のように系列がある指標は、系列ごとに計算します。指標全体の見通しは、見通しが計算できる系列のうち最も悪いものです（計算できない系列はその旨を示します）。「目標達成済み」は、すべての系列が達成した場合だけです。",
        MUndefinedTitle => "計算できない値",
        MUndefinedBody => "NaN や ∞ は表示しません。計算できない結果は「—」と理由（基準値がない、公表前、目標が数値でない、値が少なすぎる など）で示します。",
        ReferencesLabel => "参考",
        A11yHeading => "アクセシビリティ",
        A11yBody => "このサイトは、ウェブコンテンツ・アクセシビリティ・ガイドライン（WCAG）2.1 のレベルAAへの適合を目標にしています。",
        A11yFeatures => "すべてのグラフには1文の要約と、グラフ⇄表の切り替えがあります。状態は色だけでなく文字と記号でも示し、すべての操作はキーボードでできます。",
        DecisionsAllHeading => "転記上の判断の一覧",
        DecisionsAllIntro => "資料があいまいな箇所で、転記の際に行った判断の記録です（英語）。",
        ColIndicator => "指標",
        ColDecision => "判断",
        ExampleMissing => "このデータには計算例に使える指標がありません。",
        CountedPeriods => "数える時点",
    }
}

fn en(key: PKey) -> &'static str {
    use PKey::*;
    match key {
        BreadcrumbLabel => "Breadcrumb",
        JapaneseOnly => "Shown in Japanese: the source has no English version.",
        HowComputed => "How it is computed (projection methods, rates, pace)",
        OfficialNameLabel => "Name in the city's documents",
        PillarLabel => "Pillar",
        BasicDirection => "Basic direction",
        NumericGoalsHeading => "Numerical goals",
        MeasuresHeading => "Specific measures and their key performance indicators (KPIs)",
        MainInitiatives => "Main initiatives",
        KpisOfMeasure => "KPIs of this measure",
        NoKpis => "This measure has no KPI.",
        KindNumericGoal => "Numerical goal",
        KindKpi => "KPI (key performance indicator)",
        LatestValue => "Latest value",
        TargetLabel => "Target",
        AchievementLabel => "Achievement",
        ExpectedLabel => "Expected progress (share of time elapsed)",
        ExpectedShort => "expected",
        ProgressLabel => "Progress to the target",
        AheadOfSchedule => "Achievement at or above expected progress (on schedule)",
        BehindSchedule => "Achievement below expected progress (behind schedule)",
        NoProgressYet => "No actual value after the base yet, so progress cannot be judged",
        FinalResultLabel => "Final result",
        FinalAchieved => "Target achieved",
        FinalMissed => "Target not achieved",
        FinalNoProjection => "The target year's actual is out, so no projection is shown.",
        OfficialStatusLabel => "Official status (the city's assessment)",
        NoOfficialStatus => "Added in the March 2024 revision: no official status yet",
        IndicativeStatusLabel => "Indicative status (computed)",
        StatusesDiffer => "The official status and the indicative status differ.",
        StatusesAgree => "The official status and the indicative status agree.",
        IndicativeNote => "The indicative status is computed mechanically from the FY2021 report's own figures by comparing the achievement with the share of the plan period that has passed (the pro-rated rule Tama City uses in its strategy reviews); it does not replace the city's assessment.",
        OpenIndicator => "Details",
        TrendLabel => "Trend",
        CaveatsLabel => "Notes",
        EditionReport => "FY2021 progress report",
        EditionRevision => "March 2024 revision",
        EditionUpdate => "Later update",
        DroppedInRevision => "Dropped as a numerical goal in the March 2024 revision.",
        AddedInRevision => "Added in the March 2024 revision.",
        DirIncrease => "Aim: increase",
        DirDecrease => "Aim: decrease",
        DirMaintain => "Aim: maintain the level",
        Cumulative => "Cumulative total",
        DirectionLabel => "Direction",
        CountingLabel => "Counting",
        UnitLabel => "Unit",
        UnitAsPublished => "the city's unit",
        NotAvailableValue => "not available",
        CaveatRelated => "Participants of a related substitute event (the original event was cancelled)",
        CaveatLeap => "Leap year (366 days)",
        CaveatFootnote => "Footnote (※)",
        CaveatEarlier => "The value is for an earlier period than its column",
        CaveatRepeats => "Repeats the value of an earlier period (counted once)",
        CaveatToBeSet => "The target is to be set later",
        GoalNotFound => "There is no basic goal with this id.",
        IndicatorNotFound => "There is no indicator with this id.",
        EraLabel => "Years shown as",
        EraWareki => "Japanese era (Reiwa)",
        EraGregorian => "Gregorian",
        ViewOptions => "View options",
        MethodLabel => "Projection method",
        MethodCagr => "Compound annual growth (CAGR)",
        MethodLine => "Straight line (least squares)",
        MethodDefaultNote => "By default the line is used for cumulative indicators and where CAGR is undefined, CAGR otherwise.",
        ScenarioLabel => "Scenario",
        ScenarioSince => "Trend since the baseline",
        ScenarioRecent => "Recent pace",
        ChartTitle => "Values, targets and projections",
        LegendActual => "Actual",
        LegendBase => "Base of a target",
        ColPeriod => "Period",
        AnalysisHeading => "Achievement and outlook",
        AnalysisIntro => "b = base, v = latest actual, T = target. Achievement is a = (v − b) / (T − b); expected progress is the share of the time elapsed.",
        BaseLabel => "Base (b)",
        BaseSourceEdition => "The edition's baseline.",
        BaseSourceRebased => "Re-based on a later actual given in the revision's (※) footnote.",
        BaseSourceEarliest => "The baseline is not available (-), so the earliest actual is the base.",
        OutlookLabel => "Outlook",
        OutlookUnderView => "Verdict under the selected method and scenario",
        DefaultMethodUsed => "CAGR is undefined for this target, so the straight line is used.",
        ProjectionsCaption => "Projection to the target year by method and scenario",
        ColMethod => "Method",
        ColScenario => "Scenario",
        ColProjectedValue => "Projected value in the target year",
        ColProjectedRatio => "Projected achievement (p)",
        ColOutlook => "Verdict",
        ColYearReached => "Year the target is reached",
        SelectedMark => " (selected)",
        AlreadyMet => "Already met",
        NotAtThisPace => "Not at this pace",
        RequiredChange => "Required yearly change",
        ObservedChange => "Observed yearly change since the base",
        PaceRatioLabel => "Pace ratio (R)",
        PaceSubstantial => "Substantial",
        PaceModerate => "Moderate",
        PaceLimited => "Limited",
        PaceDeterioration => "Deterioration",
        CovidHeading => "COVID-19 impact",
        CovidDip => "Dip in 2020 (δ)",
        CovidRecovery => "Recovery in 2021 (r)",
        CovidRecoveryYear => "Year the pre-COVID level is regained (at the 2020→2021 pace)",
        CovidAffected => "COVID-affected (computed: a dip of 10% or more)",
        CovidNotAffected => "Not COVID-affected by the numbers (dip under 10%)",
        ShowComputation => "Show the computation",
        ComputationInputs => "Inputs",
        FormulaPace => "pace",
        FormulaMaintainRule => "100% if the value meets the target in its direction, else 0%",
        FormulaMeets => "meets the target",
        FormulaMisses => "does not meet the target",
        AboutIndicatorHeading => "About this indicator",
        DefinitionLabel => "Definition and how it is computed",
        DepartmentLabel => "Responsible department",
        NoDepartment => "Not given in the source",
        AtAGlance => "At a glance",
        CityReasons => "Read the city's own explanation (① done ② issues ③ next, in Japanese)",
        NotesDone => "① What was done",
        NotesIssues => "② Issues",
        NotesNext => "③ Next steps",
        NoNotes => "No FY2021 notes: the indicator was added in the revision.",
        AppearsIn => "Appears in",
        SourceCellsHeading => "Source cells (every value)",
        SourceCellsIntro => "Every source cell verbatim, with the value, period and notes read from it.",
        ColEdition => "Document",
        ColColumn => "Column",
        ColRole => "Role",
        ColSeries => "Series",
        ColCell => "Cell (verbatim)",
        ColValue => "Value read",
        ColCaveats => "Notes",
        RoleBaseline => "Baseline",
        RoleActual => "Actual",
        RoleTarget => "Target",
        BaseOfTargetTag => "base of the revised target",
        DecisionsHeading => "Transcription decisions",
        NoDecisions => "No special decision was needed for this indicator.",
        DecisionsInEnglish => "The decisions are recorded in English.",
        WholeIndicator => "All",
        AboutTitle => "About this site",
        AboutIntro => "This site shows the progress of the numerical goals and KPIs of Isesaki City's 2nd Comprehensive Strategy for Town, People and Jobs, in charts and tables, from the figures the city published. It is not the city's official website.",
        SourcesHeading => "Sources",
        SourcesIntro => "Every figure was transcribed from these two documents. The source cells are shown verbatim on each indicator's page.",
        ColTitle => "Title",
        ColPublisher => "Publisher",
        ColTargetYear => "Target year",
        ColEvaluatedYear => "Year evaluated",
        ColSourceFile => "Transcribed from",
        LicenceHeading => "Licence and attribution",
        LicenceBody => "The documents are used under the Public Data License (Version 1.0) (PDL1.0), which is compatible with Creative Commons Attribution 4.0 International (CC BY 4.0). The figures, tables and charts here were made by editing the documents; they were not made or published by Isesaki City.",
        AttributionLabel => "Attribution",
        LicenceNotOfficial => "The projections, indicative statuses and other computed results on this site are not the city's official assessment.",
        MethodologyHeading => "Methodology",
        MethodologyIntro => "Every figure is computed from the data with the methods below each time a page is shown; the numbers in the worked examples are computed from the data too.",
        NotationHeading => "Notation",
        WorkedExample => "Worked example",
        MAchievementTitle => "Achievement",
        MAchievementBody => "How far along the way from the base to the target the latest value is (the headline rate Japanese municipalities use). It works as is for indicators that should decrease. When the target equals the base (a \"maintain\" target), achievement is 100% if the latest value meets the target in its direction, else 0%. Cumulative indicators use their cumulative values. A latest value that already meets the target is \"target achieved\" whatever the projections say.",
        MExpectedTitle => "Expected progress",
        MExpectedBody => "The share of the way one would have covered by the latest year at a steady pace from the base year to the target year. Achievement at or above it is on schedule.",
        MBaseTitle => "Base of a target",
        MBaseBody => "The base is the edition's baseline, unless the revision's (※) footnote gives a later actual that its target starts from: that actual is then the base. When the baseline is not available (-), the earliest actual is the base and the page says so (as Open SDG does). A cell that repeats another period's value is one observation, counted once.",
        MCagrTitle => "Projection with CAGR",
        MCagrBody => "The default method is compound annual growth (CAGR), as in the UN Statistics Division's SDG Progress Chart and on Open SDG sites: the growth rate from the base to the latest value is continued to the target year, giving v̂_T and the projected achievement p.",
        MLineTitle => "Least-squares line",
        MLineBody => "The alternative is a least-squares straight line through every value, the base and any earlier value included. It is the default for cumulative indicators (a steady yearly flow makes a cumulative count grow linearly, not geometrically) and wherever CAGR is undefined (a zero or sign-changing value).",
        MScenarioTitle => "Two scenarios",
        MScenarioBody => "\"Trend since the baseline\" is the computation above. \"Recent pace\" continues the change between the last two actuals (never the baseline). For indicators hit by COVID-19 the recent pace is the rebound, so the two side by side show the trend against the recovery. Each scenario shows the year the target is reached (or \"not at this pace\") and the required against the observed yearly change.",
        MOutlookTitle => "Outlook classes",
        MOutlookBody => "Target achieved: the latest value already meets the target. On course: p ≥ 95%. Acceleration needed: 10% ≤ p < 95%. Stagnation or regression: p < 10%.",
        MPaceTitle => "Pace ratio",
        MPaceBody => "After Statistics Canada and Open SDG: the observed growth rate as a multiple of the rate the target requires. R ≥ 0.95 is substantial, ≥ 0.60 moderate, ≥ 0 limited, below 0 deterioration.",
        MCovidTitle => "COVID-19 dip and recovery",
        MCovidBody => "For indicators with a value before COVID-19: the dip δ in the first COVID year (FY2020 or calendar 2020), and when it dipped, the recovery r in 2021 and the year the pre-COVID level is regained at the 2020→2021 pace. An indicator is COVID-affected (computed) when δ ≤ −10%.",
        MIndicativeTitle => "Official and indicative status",
        MIndicativeBody => "The official status is the city's judgment and is always shown as such. Beside it is an indicative status from the numbers, after Tama City's pro-rated rule: on track when the target is met or a ≥ e, mostly on track when a ≥ 0.6·e, otherwise delayed, with \"(COVID-19)\" when the indicator is COVID-affected (computed). Where the two differ, neither is called right.",
        MSeriesTitle => "Several series",
        MSeriesBody => "Indicators with several series (men and women, elementary and junior high school) are computed per series. An indicator's outlook is the worst of its series that have one (a series without one is named as such); it is \"target achieved\" only when every series has achieved the target.",
        MUndefinedTitle => "Undefined values",
        MUndefinedBody => "NaN and ∞ are never shown: an undefined result is \"—\" with the reason (no baseline, not yet published, a target that is not a number, too few values, …).",
        ReferencesLabel => "References",
        A11yHeading => "Accessibility",
        A11yBody => "This site aims to conform to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.",
        A11yFeatures => "Every chart has a one-sentence summary and a chart ⇄ table switch; statuses are shown with words and symbols, never by colour alone; everything works with the keyboard.",
        DecisionsAllHeading => "All transcription decisions",
        DecisionsAllIntro => "Where the documents were ambiguous, these decisions were taken when transcribing them.",
        ColIndicator => "Indicator",
        ColDecision => "Decision",
        ExampleMissing => "This dataset has no indicator suitable for this example.",
        CountedPeriods => "Periods counted",
    }
}

fn ja_easy(key: PKey) -> &'static str {
    use PKey::*;
    match key {
        BreadcrumbLabel => "いまの 場所",
        JapaneseOnly => "もとの 日本語の ままです。",
        HowComputed => "くわしい 計算（見通しの しかた・できた 割合・ペース）",
        OfficialNameLabel => "市の 資料での 名前",
        PillarLabel => "柱",
        BasicDirection => "大きな 方向",
        NumericGoalsHeading => "数字の 目標",
        MeasuresHeading => "する ことと その 数字の 目標",
        MainInitiatives => "おもな とりくみ",
        KpisOfMeasure => "この ことの 数字の 目標",
        NoKpis => "数字の 目標は ありません。",
        KindNumericGoal => "大きな 数字の 目標",
        KindKpi => "数字の 目標",
        LatestValue => "いちばん 新しい 数字",
        TargetLabel => "目標",
        AchievementLabel => "できた 割合（達成率）",
        ExpectedLabel => "時間から みた 目安",
        ExpectedShort => "目安",
        ProgressLabel => "目標までの 進み方",
        AheadOfSchedule => "目安より 進んでいます",
        BehindSchedule => "目安より おくれています",
        NoProgressYet => "基準の あとの 数字が まだ ないので、わかりません",
        FinalResultLabel => "さいごの 結果",
        FinalAchieved => "目標に とどきました",
        FinalMissed => "目標に とどきませんでした",
        FinalNoProjection => "目標の 年の 数字が もう 出たので、これからの 見こみは 出しません。",
        OfficialStatusLabel => "市の 評価",
        NoOfficialStatus => "2024年3月に ふえた 目標なので、市の 評価は まだ ありません",
        IndicativeStatusLabel => "数字から みた 参考の 評価",
        StatusesDiffer => "市の 評価と 参考の 評価は ちがいます。",
        StatusesAgree => "市の 評価と 参考の 評価は 同じです。",
        IndicativeNote => "参考の 評価は 数字だけで 計算した ものです。市の 評価の かわりでは ありません。",
        OpenIndicator => "くわしく 見る",
        TrendLabel => "うつりかわり",
        CaveatsLabel => "注意",
        EditionReport => "2021年度の 報告",
        EditionRevision => "2024年3月に かえた 計画",
        EditionUpdate => "あとから ふえた 数字",
        DroppedInRevision => "2024年3月に この 目標は なくなりました。",
        AddedInRevision => "2024年3月に ふえた 目標です。",
        DirIncrease => "ふやしたい 数字",
        DirDecrease => "へらしたい 数字",
        DirMaintain => "同じに たもちたい 数字",
        Cumulative => "ぜんぶを たした 数",
        DirectionLabel => "めざす 方向",
        CountingLabel => "数えかた",
        UnitLabel => "単位",
        UnitAsPublished => "資料では",
        NotAvailableValue => "数字が ありません",
        CaveatRelated => "イベントが 中止に なったので、かわりの イベントに 来た 人の 数です",
        CaveatLeap => "うるう年（366日）",
        CaveatFootnote => "注（※）",
        CaveatEarlier => "前の 年の 数字です",
        CaveatRepeats => "前と 同じ 数字です（1回だけ 数えます）",
        CaveatToBeSet => "目標は あとで きめます",
        GoalNotFound => "この 目標は 見つかりません。",
        IndicatorNotFound => "この 数字の 目標は 見つかりません。",
        EraLabel => "年の 書きかた",
        EraWareki => "和暦（令和）",
        EraGregorian => "西暦",
        ViewOptions => "見かたを かえる",
        MethodLabel => "計算の しかた",
        MethodCagr => "毎年 同じ 割合で かわる",
        MethodLine => "まっすぐな 線（最小二乗法）",
        MethodDefaultNote => "ふだんは「毎年 同じ 割合」で 計算します。ぜんぶを たした 数などは「まっすぐな 線」です。",
        ScenarioLabel => "どの ペースで 考えるか",
        ScenarioSince => "はじめからの ペース",
        ScenarioRecent => "さいきんの ペース",
        ChartTitle => "数字の うつりかわりと 見通し",
        LegendActual => "実際の 数字",
        LegendBase => "はじめの 数字",
        ColPeriod => "いつ",
        AnalysisHeading => "どこまで できたか・これから どうなるか",
        AnalysisIntro => "b は はじめの 数字、v は いちばん 新しい 数字、T は 目標です。",
        BaseLabel => "はじめの 数字（b）",
        BaseSourceEdition => "計画に 書いてある はじめの 数字です。",
        BaseSourceRebased => "あとの 年の 数字を はじめの 数字に しています（※の 注）。",
        BaseSourceEarliest => "はじめの 数字が ないので、いちばん 古い 数字を つかいます。",
        OutlookLabel => "見通し",
        OutlookUnderView => "えらんだ 計算の しかたでの 見通し",
        DefaultMethodUsed => "「毎年 同じ 割合」で 計算できないので、まっすぐな 線を つかいます。",
        ProjectionsCaption => "計算の しかたごとの 見通し",
        ColMethod => "計算の しかた",
        ColScenario => "ペース",
        ColProjectedValue => "目標の 年の 見通しの 数字",
        ColProjectedRatio => "見通しの できた 割合（p）",
        ColOutlook => "見通し",
        ColYearReached => "目標に とどく 年",
        SelectedMark => "（えらんでいます）",
        AlreadyMet => "もう とどいた",
        NotAtThisPace => "この ペースでは とどかない",
        RequiredChange => "目標の ために 1年に 必要な 変化",
        ObservedChange => "1年あたりの 実際の 変化",
        PaceRatioLabel => "ペースの 比（R）",
        PaceSubstantial => "十分",
        PaceModerate => "まあまあ",
        PaceLimited => "少し",
        PaceDeterioration => "わるく なっている",
        CovidHeading => "コロナの 影響",
        CovidDip => "2020年に へった 割合（δ）",
        CovidRecovery => "2021年に もどった 割合（r）",
        CovidRecoveryYear => "コロナの 前に もどる 年",
        CovidAffected => "コロナの 影響が あります（10%か それより 多く へった）",
        CovidNotAffected => "数字では コロナの 影響は 大きく ありません",
        ShowComputation => "計算を 見る",
        ComputationInputs => "つかう 数字",
        FormulaPace => "ペース",
        FormulaMaintainRule => "目標に とどいて いれば 100%、とどいて いなければ 0%",
        FormulaMeets => "は 目標に とどいています",
        FormulaMisses => "は 目標に とどいていません",
        AboutIndicatorHeading => "この 数字に ついて",
        DefinitionLabel => "説明と 計算の しかた",
        DepartmentLabel => "担当の 課",
        NoDepartment => "書いて ありません",
        AtAGlance => "だいじな こと",
        CityReasons => "市の せつめいを よむ（①したこと ②こまって いること ③これから）",
        NotesDone => "① した こと",
        NotesIssues => "② こまって いる こと",
        NotesNext => "③ これから する こと",
        NoNotes => "2021年度の 記録は ありません（あとから ふえた 目標です）。",
        AppearsIn => "のっている 資料",
        SourceCellsHeading => "もとの 資料の 数字（ぜんぶ）",
        SourceCellsIntro => "もとの 資料に 書いて ある とおりに のせています。",
        ColEdition => "資料",
        ColColumn => "列の 名前",
        ColRole => "しゅるい",
        ColSeries => "グループ",
        ColCell => "書いて ある こと（そのまま）",
        ColValue => "読みとった 数字",
        ColCaveats => "注意",
        RoleBaseline => "はじめの 数字",
        RoleActual => "実際の 数字",
        RoleTarget => "目標",
        BaseOfTargetTag => "新しい 目標の はじめの 数字",
        DecisionsHeading => "書きうつす ときに きめた こと",
        NoDecisions => "とくに ありません。",
        DecisionsInEnglish => "記録は 英語です。",
        WholeIndicator => "ぜんたい",
        AboutTitle => "このサイトに ついて",
        AboutIntro => "伊勢崎市の 計画の 目標が どのくらい 進んで いるかを、市の 資料の 数字で グラフと 表に して います。市の 公式の サイトでは ありません。",
        SourcesHeading => "データの もと",
        SourcesIntro => "数字は この 2つの 資料から 書きうつしました。",
        ColTitle => "資料の 名前",
        ColPublisher => "出した ところ",
        ColTargetYear => "目標の 年",
        ColEvaluatedYear => "評価した 年",
        ColSourceFile => "もとの ファイル",
        LicenceHeading => "つかう ときの ルールと 出典",
        LicenceBody => "資料は 公共データ利用規約（PDL1.0）の ルールで つかって います。CC BY 4.0 と 同じように つかえます。この サイトの 数字や グラフは 資料を もとに 作った もので、伊勢崎市が 作った ものでは ありません。",
        AttributionLabel => "出典の 書きかた",
        LicenceNotOfficial => "見通しや 参考の 評価は 市の 評価では ありません。",
        MethodologyHeading => "計算の しかた",
        MethodologyIntro => "数字は ぜんぶ データから 計算して います。例の 数字も データから 計算して います。",
        NotationHeading => "記号",
        WorkedExample => "計算の 例",
        MAchievementTitle => "できた 割合（達成率）",
        MAchievementBody => "はじめの 数字から 目標まで、どこまで 進んだかです。へらしたい 数字にも 同じ 式を つかいます。目標と はじめの 数字が 同じ ときは、目標に とどいて いれば 100%、とどいて いなければ 0% です。",
        MExpectedTitle => "時間から みた 目安",
        MExpectedBody => "同じ ペースで 進んだら、いまごろ どこまで 進んで いるはずか です。できた 割合が これ以上なら 予定どおりです。",
        MBaseTitle => "はじめの 数字",
        MBaseBody => "ふつうは 計画に 書いて ある はじめの 数字です。※の 注で あとの 年の 数字から 目標を きめて いる ときは、その 数字を つかいます。はじめの 数字が ない ときは、いちばん 古い 数字を つかいます。",
        MCagrTitle => "毎年 同じ 割合で かわる 計算",
        MCagrBody => "世界の 国の 目標を はかる ときと 同じ 計算です。これまでの ふえかたが つづくと して、目標の 年の 数字を 計算します。",
        MLineTitle => "まっすぐな 線",
        MLineBody => "実際の 数字を とおる まっすぐな 線で 計算します。ぜんぶを たした 数や、0の ときは この 計算です。",
        MScenarioTitle => "2つの ペース",
        MScenarioBody => "「はじめからの ペース」と「さいきんの ペース」（最後の 2つの 数字の 変化）で 計算します。目標に とどく 年も 出します。",
        MOutlookTitle => "見通しの わけかた",
        MOutlookBody => "もう 目標に とどいた。とどきそう：p が 95% 以上。もっと がんばる 必要が ある：10% 以上 95% より 下。進んでいない・もどっている：10% より 下。",
        MPaceTitle => "ペースの 比",
        MPaceBody => "カナダの 国の 統計の 役所などが つかう 方法です。実際の ペースが 必要な ペースの 何倍かです。0.95 以上は 十分、0.60 以上は まあまあ、0 以上は 少し、0 より 下は わるく なっています。",
        MCovidTitle => "コロナで へった 割合と もどった 割合",
        MCovidBody => "2020年に どれだけ へったか（δ）と、2021年に どれだけ もどったか（r）を 計算します。10% 以上 へった ときは「コロナの 影響が ある」と します。",
        MIndicativeTitle => "市の 評価と 参考の 評価",
        MIndicativeBody => "市の 評価は 市が きめた ものです。そのまま のせます。となりに、多摩市の 方法で 数字から 計算した 参考の 評価を のせます。ちがう ときも、どちらが 正しいとは 言いません。",
        MSeriesTitle => "グループが ある とき",
        MSeriesBody => "男性と 女性など、グループごとに 計算します。ぜんたいの 見通しは、計算できる グループの なかで いちばん わるい 見通しです。「もう 目標に とどいた」は、ぜんぶの グループが とどいた ときだけです。",
        MUndefinedTitle => "計算できない とき",
        MUndefinedBody => "計算できない ときは「—」と その わけを 書きます。",
        ReferencesLabel => "参考",
        A11yHeading => "だれでも つかえる ように",
        A11yBody => "この サイトは、目や 耳が 不自由な 人も つかいやすい ように、世界の きまりに あわせて 作って います。",
        A11yFeatures => "グラフには 短い 説明と 表が あります。色だけで なく 字と 記号でも 示します。キーボードだけでも つかえます。",
        DecisionsAllHeading => "書きうつす ときに きめた こと（ぜんぶ）",
        DecisionsAllIntro => "資料が わかりにくい ところで きめた ことの 記録です（英語）。",
        ColIndicator => "数字の 目標",
        ColDecision => "きめた こと",
        ExampleMissing => "この データには 例に つかえる 数字が ありません。",
        CountedPeriods => "数える 年",
    }
}

/// `令和6年度の目標` / `Target for FY2024`: a target by its period.
pub fn target_heading(lang: Lang, era: Era, _edition: EditionId, period: Period) -> String {
    let p = period_label(lang, era, period);
    match lang {
        Lang::Ja => format!("{p}の目標"),
        Lang::JaEasy => format!("{p}の 目標"),
        Lang::En => format!("Target for {p}"),
    }
}

/// Legend name of a projection line: `見通し（令和6年度の目標まで）`.
pub fn projection_legend(lang: Lang, era: Era, _edition: EditionId, period: Period) -> String {
    let p = period_label(lang, era, period);
    match lang {
        Lang::Ja => format!("見通し（{p}まで）"),
        Lang::JaEasy => format!("見通し（{p}まで）"),
        Lang::En => format!("Projection to {p}"),
    }
}

/// Caption of the chart's table.
pub fn chart_table_caption(lang: Lang, name: &str, u: &str) -> String {
    let name = super::isolate(name);
    match (lang, u.is_empty()) {
        (Lang::En, false) => format!("{name}: actual values, targets and projections ({u})"),
        (Lang::En, true) => format!("{name}: actual values, targets and projections"),
        (_, false) => format!("{name}の実績値・目標値・見通し（単位：{u}）"),
        (_, true) => format!("{name}の実績値・目標値・見通し"),
    }
}

/// How a chart summary reads a target's achievement (see `achievement_headline`).
enum Reading {
    Rate(String),
    Met,
    Away,
}

/// The one-sentence summary of an indicator's chart: where it started, where
/// it is, and against its first numeric target its achievement and outlook.
pub fn kpi_chart_summary(
    lang: Lang,
    era: Era,
    ind: &Indicator,
    a: &IndicatorAnalysis,
    outlook: impl Fn(&TargetAnalysis) -> Metric<Outlook>,
) -> String {
    let name = super::isolate(lang.pick(&ind.name_ja, &ind.name_en));
    // The target in force, as the page's first screen gives it: the newest edition's
    // (the plan as revised), else the report's. A summary about another target beside
    // it would read as a contradiction.
    let targets: &[TargetAnalysis] = if a.fy2027.iter().any(|t| t.target.value().is_some()) {
        &a.fy2027
    } else {
        &a.fy2024
    };
    let clauses: Vec<String> = targets
        .iter()
        .filter_map(|ta| {
            let base = ta.base.value()?;
            let latest = ta.latest.value()?;
            let series = fmt::series_label(lang, ind, ta.series.as_deref()).map(super::isolate);
            let from = format!(
                "{} {}",
                period_label(lang, era, base.point.period),
                value_text(lang, ind, base.point.value)
            );
            let to = format!(
                "{} {}",
                period_label(lang, era, latest.period),
                value_text(lang, ind, latest.value)
            );
            let target = ta.target.value().map(|t| {
                (
                    period_label(lang, era, t.period),
                    value_text(lang, ind, t.value),
                )
            });
            // The readable-figures rule: the rate only when it is a readable share of the
            // way; otherwise the summary says what happened in words.
            let ach = match achievement_headline(ta) {
                AchievementHeadline::Percent(x) => Some(Reading::Rate(fmt::percent(x, 1))),
                AchievementHeadline::Achieved => Some(Reading::Met),
                AchievementHeadline::MovedAway(_) => Some(Reading::Away),
                AchievementHeadline::ChangeOnly(_) | AchievementHeadline::Unavailable(_) => None,
            };
            let out = outlook(ta).value().map(|o| fmt::outlook_name(lang, *o));
            Some(match lang {
                Lang::En => {
                    let who = series.map(|s| format!("{s}: ")).unwrap_or_default();
                    let mut s = format!("{who}from {from} to {to}");
                    match (&target, &ach) {
                        (Some((tp, tv)), Some(Reading::Rate(ach))) => {
                            s.push_str(&format!(", {ach} of the way to the {tp} target of {tv}"))
                        }
                        (Some((tp, tv)), Some(Reading::Met)) => {
                            s.push_str(&format!(", meeting the {tp} target of {tv}"))
                        }
                        (Some((tp, tv)), Some(Reading::Away)) => {
                            s.push_str(&format!(", away from the {tp} target of {tv}"))
                        }
                        _ => {}
                    }
                    if let Some(o) = out {
                        s.push_str(&format!(" (outlook: {})", o.to_lowercase()));
                    }
                    s
                }
                Lang::JaEasy => {
                    // Short sentences, common words: the chart summary a reader of
                    // やさしい日本語 hears first.
                    let who = series.map(|s| format!("{s}は ")).unwrap_or_default();
                    let mut s = format!("{who}{from}から {to}に なりました");
                    match (&target, &ach) {
                        (Some((tp, tv)), Some(Reading::Rate(ach))) => {
                            s.push_str(&format!("。{tp}の 目標 {tv}までの {ach} まで 来ました"))
                        }
                        (Some((tp, tv)), Some(Reading::Met)) => {
                            s.push_str(&format!("。{tp}の 目標 {tv}に とどきました"))
                        }
                        (Some((tp, tv)), Some(Reading::Away)) => {
                            s.push_str(&format!("。{tp}の 目標 {tv}から はなれて います"))
                        }
                        _ => {}
                    }
                    if let Some(o) = out {
                        s.push_str(&format!("（これから：{o}）"));
                    }
                    s
                }
                Lang::Ja => {
                    let who = series.map(|s| format!("{s}は")).unwrap_or_default();
                    let mut s = match (&target, &ach) {
                        (Some((tp, tv)), Some(Reading::Rate(ach))) => format!(
                            "{who}{from}から{to}へ変化し、{tp}の目標{tv}に対する達成率は{ach}"
                        ),
                        (Some((tp, tv)), Some(Reading::Met)) => {
                            format!("{who}{from}から{to}へ変化し、{tp}の目標{tv}を達成済み")
                        }
                        (Some((tp, tv)), Some(Reading::Away)) => format!(
                            "{who}{from}から{to}へ変化し、{tp}の目標{tv}から遠ざかっている状態"
                        ),
                        _ => format!("{who}{from}から{to}への推移"),
                    };
                    if let Some(o) = out {
                        s.push_str(&format!("（見通し：{o}）"));
                    }
                    s
                }
            })
        })
        .collect();
    if clauses.is_empty() {
        return match lang {
            Lang::En => format!("{name} has no actual value to chart yet."),
            Lang::Ja => format!("{name}には、まだ実績値がありません。"),
            Lang::JaEasy => format!("{name}には まだ 実際の 数字が ありません。"),
        };
    }
    match lang {
        Lang::En => format!("{name}: {}.", clauses.join("; ")),
        Lang::JaEasy => format!("{name}： {}。", clauses.join("。")),
        Lang::Ja => format!("{name}は、{}です。", clauses.join("、")),
    }
}

/// The attribution line the licence asks for: 「伊勢崎市『…』を加工して作成」.
pub fn attribution(lang: Lang, titles: &[&str]) -> String {
    let titles: Vec<String> = titles.iter().map(|t| super::isolate(t)).collect();
    let quoted: Vec<String> = titles.iter().map(|t| format!("『{t}』")).collect();
    match lang {
        Lang::En => format!(
            "Created by editing Isesaki City, {} (伊勢崎市{}を加工して作成)",
            titles.join(" and "),
            quoted.join("")
        ),
        _ => format!("伊勢崎市{}を加工して作成", quoted.join("")),
    }
}

/// `数値目標 · 1-1` / `KPI · 1-1-1`: the kind and place of an indicator.
pub fn kind_and_place(lang: Lang, ind: &Indicator) -> String {
    match (&ind.measure_id, lang) {
        (Some(m), Lang::En) => format!("KPI · measure {m}"),
        (Some(m), Lang::Ja) => format!("KPI · 施策{m}"),
        (Some(m), Lang::JaEasy) => format!("{} · すること {m}", pt(lang, PKey::KindKpi)),
        (None, _) => format!(
            "{} · {}",
            pt(lang, PKey::KindNumericGoal),
            super::messages::goal_label(lang, &ind.goal_id)
        ),
    }
}

/// `この指標に置き換えられました：…` / `Replaces …`.
pub fn replaces_text(lang: Lang, name: &str) -> String {
    let name = super::isolate(name);
    match lang {
        Lang::Ja => format!("「{name}」に代わる数値目標です。"),
        Lang::JaEasy => format!("「{name}」の かわりの 目標です。"),
        Lang::En => format!("Replaces “{name}”."),
    }
}

/// `「年少人口」に置き換えられました。` / `Replaced by …`.
pub fn replaced_by_text(lang: Lang, name: &str) -> String {
    let name = super::isolate(name);
    match lang {
        Lang::Ja => format!("改訂で「{name}」に置き換えられました。"),
        Lang::JaEasy => format!("「{name}」に かわりました。"),
        Lang::En => format!("Replaced by “{name}” in the revision."),
    }
}

/// Accessible name of a sparkline: the values in order.
pub fn sparkline_label(lang: Lang, values: &[String]) -> String {
    match lang {
        Lang::En => format!("Trend: {}", values.join(" → ")),
        _ => format!("推移：{}", values.join(" → ")),
    }
}

/// Caption of the source-cells table.
pub fn source_cells_caption(lang: Lang, name: &str, n: usize) -> String {
    let name = super::isolate(name);
    match lang {
        Lang::En => format!("{name}: all {n} source cells"),
        Lang::Ja => format!("{name}の原資料のセル（全{n}件）"),
        Lang::JaEasy => format!("{name}の もとの 数字（ぜんぶで {n}こ）"),
    }
}

/// Heading of a target block: `令和6年度の目標（令和3年度進捗報告）— 男性`.
pub fn target_block_heading(
    lang: Lang,
    era: Era,
    edition: EditionId,
    period: Option<Period>,
    series: Option<&str>,
) -> String {
    let ed = fmt::edition_name(lang, edition);
    let target = match period {
        Some(p) => target_heading(lang, era, edition, p),
        None => pt(lang, PKey::TargetLabel).to_owned(),
    };
    let mut s = if lang == Lang::En {
        format!("{target} ({ed})")
    } else {
        format!("{target}（{ed}）")
    };
    if let Some(series) = series {
        s.push_str(" — ");
        s.push_str(series);
    }
    s
}

/// The final result of a target whose period has come (DESIGN.md §4 "Past the target
/// year"): achieved or not, the value it is judged on, the achievement rate and the
/// period the target was first met, all from the core's [`FinalResult`].
pub fn final_result_text(lang: Lang, era: Era, ind: &Indicator, f: &FinalResult) -> String {
    let verdict = pt(
        lang,
        if f.achieved {
            PKey::FinalAchieved
        } else {
            PKey::FinalMissed
        },
    );
    let value = value_text(lang, ind, f.actual.value);
    let period = period_label(lang, era, f.actual.period);
    // A rate outside the readable range says nothing (issue 13): it is left out here
    // and stays exact in "show the computation".
    let rate = match &f.rate {
        Metric::Value(a) if is_readable_percent(*a) => Some(fmt::percent(*a, 1)),
        Metric::Value(_) => None,
        Metric::Unavailable(u) => Some(fmt::unavailable_text(lang, *u)),
    };
    let met = f.year_met.map(|p| period_label(lang, era, p));
    match lang {
        Lang::Ja => {
            let met = met.map_or(String::new(), |m| format!("、{m}に初めて達成"));
            let rate = rate.map_or(String::new(), |r| format!("、達成率 {r}"));
            format!("{verdict}（{period}の実績 {value}{rate}{met}）")
        }
        Lang::En => {
            let met = met.map_or(String::new(), |m| format!(", first met in {m}"));
            let rate = rate.map_or(String::new(), |r| format!(", achievement {r}"));
            format!(
                "{verdict}: {value} in {period}{}",
                paren_en(&format!("{rate}{met}"))
            )
        }
        Lang::JaEasy => {
            let met = met.map_or(String::new(), |m| format!("。{m}に はじめて とどきました"));
            let rate = rate.map_or(String::new(), |r| format!("、{r}"));
            format!("{verdict}（{period}の 数字 {value}{rate}{met}）")
        }
    }
}

/// ` (achievement 35.8%, first met in FY2024)` from `, achievement 35.8%, first met …`;
/// nothing when there is nothing to add.
fn paren_en(parts: &str) -> String {
    match parts.strip_prefix(", ") {
        Some(p) => format!(" ({p})"),
        None => String::new(),
    }
}

/// The "verdict" sentence of a target: achievement against expected progress. With no
/// actual after the base (e = 0, e.g. an indicator added in 2024) there is nothing to judge.
pub fn schedule_text(lang: Lang, a: f64, e: f64) -> &'static str {
    if e <= 0.0 {
        pt(lang, PKey::NoProgressYet)
    } else if a >= e {
        pt(lang, PKey::AheadOfSchedule)
    } else {
        pt(lang, PKey::BehindSchedule)
    }
}

/// Caption of the projections table of one target.
pub fn projections_caption(lang: Lang, heading: &str) -> String {
    match lang {
        Lang::En => format!("{}: {heading}", pt(lang, PKey::ProjectionsCaption)),
        _ => format!("{}：{heading}", pt(lang, PKey::ProjectionsCaption)),
    }
}

/// One worked-example sentence: `データの例：防犯灯設置数（令和6年度の目標）`.
pub fn example_of(lang: Lang, name: &str, detail: &str) -> String {
    match lang {
        Lang::En => format!("{}: {name} ({detail})", pt(lang, PKey::WorkedExample)),
        _ => format!("{}：{name}（{detail}）", pt(lang, PKey::WorkedExample)),
    }
}

/// Outlook counts sentence for the About page: how many targets are in each class.
pub fn outlook_counts_sentence(
    lang: Lang,
    target: &str,
    counts: &[(Outlook, usize)],
    undefined: usize,
) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(o, n)| match lang {
            Lang::En => format!("{} {n}", fmt::outlook_name(lang, *o)),
            _ => format!("{} {n}", fmt::outlook_name(lang, *o)),
        })
        .collect();
    match lang {
        Lang::En => format!(
            "Against the {target} targets (default method, since the baseline): {}; not computable {undefined}.",
            parts.join(", ")
        ),
        Lang::Ja => format!(
            "{target}の目標に対して（既定の方法・基準値以降の傾向）：{}、計算できないもの {undefined}。",
            parts.join("、")
        ),
        Lang::JaEasy => format!(
            "{target}の 目標では：{}、計算できない もの {undefined}。",
            parts.join("、")
        ),
    }
}

/// Agreement sentence: `46指標のうち23指標で一致`.
pub fn agreement_sentence(lang: Lang, agree: usize, compared: usize) -> String {
    match lang {
        Lang::En => format!("The indicative status agrees with the official one for {agree} of {compared} indicators."),
        Lang::Ja => format!("参考評価が市の評価と一致するのは{compared}指標のうち{agree}指標です。"),
        Lang::JaEasy => format!("{compared}この うち {agree}こで 市の 評価と 同じです。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-built final result (the embedded data has none yet: its targets are ahead).
    #[test]
    fn final_result_says_achieved_rate_and_year_met() {
        use machi_kpi_core::analysis::Point;
        let ds = machi_kpi_core::Dataset::embedded().expect("dataset");
        let ind = ds.indicator("security-lights").expect("ind");
        let f = FinalResult {
            actual: Point {
                period: Period::fiscal(2025),
                value: 17800.0,
            },
            achieved: false,
            rate: Metric::Value(0.955257),
            year_met: None,
        };
        let en = final_result_text(Lang::En, Era::Gregorian, ind, &f);
        assert!(en.starts_with("Target not achieved: 17,800"), "{en}");
        assert!(en.contains("FY2025") && en.contains("95.5%"), "{en}");
        assert!(!en.contains("first met"), "{en}");
        let met = FinalResult {
            achieved: true,
            year_met: Some(Period::fiscal(2024)),
            ..f
        };
        let ja = final_result_text(Lang::Ja, Era::Wareki, ind, &met);
        assert!(ja.starts_with("目標達成（"), "{ja}");
        assert!(ja.contains("令和6年度に初めて達成"), "{ja}");
        let easy = final_result_text(Lang::JaEasy, Era::Wareki, ind, &met);
        assert!(easy.starts_with("目標に とどきました"), "{easy}");
    }

    #[test]
    fn no_verdict_without_an_actual_after_the_base() {
        // 年少人口 has only its FY2019 baseline: a = 0 and e = 0 is not "on schedule".
        assert_eq!(
            schedule_text(Lang::Ja, 0.0, 0.0),
            pt(Lang::Ja, PKey::NoProgressYet)
        );
        assert_eq!(
            schedule_text(Lang::En, 0.4, 0.4),
            pt(Lang::En, PKey::AheadOfSchedule)
        );
        assert_eq!(
            schedule_text(Lang::En, 0.3, 0.4),
            pt(Lang::En, PKey::BehindSchedule)
        );
    }
}
