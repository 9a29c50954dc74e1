//! やさしい日本語: short sentences, common words, spaces between phrases where
//! it helps reading. Official names (statuses, titles) stay as they are in the
//! source; only the interface is simplified. See [`super::Key`].

use super::Key;

/// The plain-Japanese text of `key`.
pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::SiteName => "伊勢崎市の 目標と 進み方",
        Key::NavLabel => "メニュー",
        Key::NavOverview => "まとめ",
        Key::NavDelays => "おくれ",
        Key::NavProjections => "これから",
        Key::NavRevisions => "かわったこと",
        Key::NavData => "データ",
        Key::NavAbout => "このサイトについて",
        Key::LanguageLabel => "ことば",
        Key::GoalPageTitle => "目標",
        Key::KpiPageTitle => "数字の 目標",
        Key::EmbedPageTitle => "ほかの サイトに のせる 画面",
        Key::NotFoundTitle => "ページが ありません",
        Key::NotFoundBody => "この アドレスの ページは ありません。",
        Key::NotBuiltYet => "このページは準備中です。まだ できていません。",
        Key::NotBuiltYetHint => "「まとめ」の ページは 見ることが できます。",
        Key::BackToOverview => "まとめに もどる",
        Key::PeriodLabel => "いつから いつまで",
        Key::VisionLabel => "めざす まち",
        Key::StatusSectionTitle => "目標は どのくらい 進んでいるか",
        Key::StatusSectionNote => "「順調」「遅れ」などは 伊勢崎市が きめた ものです。",
        Key::TotalIndicators => "ぜんぶの 数",
        Key::TotalLabel => "ぜんぶ",
        Key::DonutTitle => "進み方の わけかた",
        Key::ByGoalTitle => "目標ごとの 進み方",
        Key::GoalLabel => "目標",
        Key::NumericGoalLabel => "数字の 目標",
        Key::OpenGoal => "この 目標を 見る",
        Key::ViewSwitchLabel => "見かたを かえる",
        Key::ViewChart => "グラフ",
        Key::ViewTable => "表",
        Key::ColStatus => "進み方",
        Key::ColCount => "数",
        Key::ColShare => "わりあい",
        Key::ColGoal => "目標",
        Key::ChartFailed => "グラフを 出せませんでした。",
        Key::ChartFailedHint => "「表」を おすと 数字が 見られます。",
        Key::ChartKeysHint => "左右の やじるしキーで 数字を じゅんに 見られます。Esc で 小さな 説明を とじます。",
        Key::ClickLeadsGoal => "棒を 押すと、その 目標の ページを 開きます。",
        Key::ClickLeadsIndicator => "棒を 押すと、その 数字の 目標の ページを 開きます。",
        Key::ClickLeadsList => "棒を 押すと、「データ」の ページで その 一覧を 開きます。",
        Key::ClickLeadsFilter => "棒を 押すと、下の 表が その ものだけに なります。",
        Key::DataFailed => "データを 読めませんでした。",
        Key::SourceHeading => "データの もとと ルール",
        Key::FooterSource => "出典（データの もと）：伊勢崎市『第2期総合戦略数値目標・重要業績評価指標(KPI)一覧』(令和3年度)、『第２期伊勢崎市まち・ひと・しごと創生総合戦略』(令和6年3月改訂)",
        Key::FooterLicence => "公共データ利用規約（PDL1.0）の ルールで 使っています。CC BY 4.0 と 同じように 使えます。",
        Key::FooterCharts => "グラフ：Apache ECharts（Apache License 2.0）",
    }
}
