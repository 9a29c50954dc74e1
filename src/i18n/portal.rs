//! Interface text of the open-data portal kit (issue 5): the page tools
//! (embed, downloads), the embed dialog and embed mode, chart image
//! downloads, the import panel and the data banner.
//!
//! Every fixed string is a [`Px`] declared with its three translations side
//! by side (日本語, English, やさしい日本語), so a key without all three does
//! not compile. Sentences that carry a file name or a count are functions
//! below, one `match` arm per language; what they carry always comes from
//! the caller (the dataset or the reader's file), never from here.

use super::Lang;

/// Declares [`Px`], [`Px::ALL`] and the translations from one list.
macro_rules! portal_text {
    ($($(#[$doc:meta])* $key:ident => [$ja:expr, $en:expr, $easy:expr]),* $(,)?) => {
        /// One piece of fixed text of the portal kit. See [`px`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Px {
            $($(#[$doc])* $key),*
        }

        impl Px {
            /// Every key, in declaration order.
            pub const ALL: &'static [Px] = &[$(Px::$key),*];

            /// `[ja, en, ja-easy]`.
            fn texts(self) -> [&'static str; 3] {
                match self {
                    $(Px::$key => [$ja, $en, $easy]),*
                }
            }
        }
    };
}

portal_text! {
    // Page tools (every page).
    ToolsHeading => ["このページを使う", "Use this page", "この ページを つかう"],
    EmbedButton => ["埋め込み", "Embed", "ほかの サイトに のせる"],
    DownloadsLabel => ["ダウンロード", "Downloads", "ダウンロード"],
    TableCsv => ["この表を CSV で保存", "Download this table (CSV)", "この ひょうを CSVで ほぞん"],
    CsvNoteColumn => ["（注記）", " (note)", "（せつめい）"],
    IndicatorsCsv => ["全指標の一覧 (CSV)", "All indicators (CSV)", "ぜんぶの しひょう (CSV)"],
    ObservationsCsv => ["全データの値 (CSV)", "All values (CSV)", "ぜんぶの すうじ (CSV)"],
    DatasetJson => ["データセット (JSON)", "Dataset (JSON)", "データ ぜんぶ (JSON)"],
    CsvNote => [
        "CSV は UTF-8（BOM 付き）で、Excel でそのまま開けます。",
        "CSV files are UTF-8 with a BOM: Excel opens them as they are.",
        "CSV は エクセルで そのまま ひらけます。"
    ],
    NoTables => [
        "この表が見つかりません。",
        "This table was not found.",
        "この ひょうが みつかりません。"
    ],
    DownloadFailed => [
        "ダウンロードできませんでした",
        "The download failed",
        "ダウンロード できませんでした"
    ],

    // Embed dialog.
    EmbedTitle => ["このページを埋め込む", "Embed this view", "この ページを ほかの サイトに のせる"],
    EmbedIntro => [
        "次のコードを、ホームページの HTML 欄にそのまま貼り付けてください。スクリプトも一緒に貼ると、枠の高さが内容に合わせて自動で変わります。",
        "Paste this code as it is into your web page's HTML. With the script pasted too, the frame's height follows its content.",
        "この コードを ホームページの HTML に はりつけて ください。わくの たかさは なかみに あわせて かわります。"
    ],
    EmbedCodeLabel => ["埋め込みコード", "Embed code", "のせる ための コード"],
    EmbedCopy => ["コピー", "Copy", "コピー"],
    EmbedCopied => ["コピーしました。", "Copied to the clipboard.", "コピー しました。"],
    EmbedCopyFallback => [
        "コードを選択しました。Ctrl+C（Mac は ⌘+C）でコピーしてください。",
        "The code is selected: press Ctrl+C (⌘+C on a Mac) to copy it.",
        "コードを えらびました。Ctrl+C で コピー して ください。"
    ],
    EmbedClose => ["閉じる", "Close", "とじる"],
    EmbedPreview => ["埋め込み表示を新しいタブで開く", "Open the embedded view in a new tab", "あたらしい タブで みる"],
    EmbedScriptNote => [
        "ポータルがページ内のスクリプトを許可しない場合は、最後の <script> の代わりに、このアプリと同じ場所にある embed-parent.js を読み込んでください。",
        "If the portal does not allow scripts in the page, load embed-parent.js (next to this app) instead of the last <script>.",
        "スクリプトが つかえない ときは embed-parent.js を よみこんで ください。"
    ],
    EmbedLocalImport => [
        "いま表示しているのは、このブラウザで読み込んだファイルのデータです。埋め込みには元のデータが表示されます。新しいデータを公開するには、ファイルをサイトに置いて ?data= で指定してください（手順書を参照）。",
        "You are viewing a file loaded in this browser only; the embed will show the embedded data. To publish new figures, put the file on the site and name it with ?data= (see the staff guide).",
        "いま みている データは この ブラウザだけに あります。のせた ページでは もとの データが でます。"
    ],
    EmbedSource => [
        "出典：伊勢崎市『第2期総合戦略数値目標・重要業績評価指標(KPI)一覧』ほか（公共データ利用規約 第1.0版）",
        "Source: Isesaki City, 2nd Comprehensive Strategy numeric goals and KPIs (Public Data License 1.0)",
        "でどころ：伊勢崎市の 総合戦略の 数字の 目標"
    ],
    EmbedOpenFull => ["全体を見る", "Open the full dashboard", "ぜんぶ みる"],
    EmbedFrameTitle => ["伊勢崎市 総合戦略KPI", "Isesaki City strategy KPIs", "伊勢崎市 総合戦略の 数字の 目標"],

    // Chart images.
    ChartDownloads => ["グラフをダウンロード", "Download the chart", "グラフを ダウンロード"],

    // Each chart's link, share and embed (its panel's tool row).
    ChartTools => ["このグラフを使う", "Use this chart", "この グラフを つかう"],
    ChartLink => ["リンク", "Link", "リンク"],
    ChartShare => ["共有", "Share", "シェア"],
    ChartEmbed => ["埋め込み", "Embed", "のせる"],
    LinkCopied => ["リンクをコピーしました", "Link copied", "リンクを コピー しました"],
    LinkCopyFailed => [
        "リンクをコピーできませんでした。次のアドレスを選んでコピーしてください。",
        "The link could not be copied: select this address and copy it.",
        "リンクを コピー できませんでした。この アドレスを コピー して ください。"
    ],
    LinkAddress => ["このグラフのアドレス", "This chart's address", "この グラフの アドレス"],
    EmbedChartTitle => ["このグラフを埋め込む", "Embed this chart", "この グラフを ほかの サイトに のせる"],

    // Import panel (Data page).
    ImportHeading => ["新しいデータを読み込む", "Load newer data", "あたらしい データを よみこむ"],
    ImportIntro => [
        "次年度の実績値を書き込んだ CSV（UTF-8 または Shift_JIS）か、データセットの JSON ファイルを選んでください。読み込む前に内容を検査し、問題があれば行・列・項目名を示します。そのときは表示中のデータは変わりません。",
        "Choose a CSV with next year's actuals (UTF-8 or Shift_JIS) or a dataset JSON file. It is checked before anything changes; any problem is listed with its line, column and field, and the data on screen stays as it is.",
        "つぎの としの すうじを かいた CSV か JSON を えらんで ください。まちがいが あれば、その ばしょを おしえます。"
    ],
    ImportFileLabel => ["ファイルを読み込む", "Load a file", "ファイルを よみこむ"],
    ImportTemplate => [
        "次年度用テンプレート (CSV) をダウンロード",
        "Download the next-year template (CSV)",
        "つぎの としの ための ひながた (CSV)"
    ],
    ImportTemplateNote => [
        "テンプレートは 1 行が 1 指標の次年度実績です。次の列だけを書き換え、「CSV UTF-8（コンマ区切り）」で保存してください：",
        "The template has one row per indicator for next year's actual. Change only these columns and save as \"CSV UTF-8 (comma delimited)\":",
        "つぎの れつだけを かきかえて ください："
    ],
    ImportReading => ["読み込み中…", "Reading…", "よみこんで います…"],
    ImportReadFailed => [
        "ファイルを読めませんでした",
        "The file could not be read",
        "ファイルを よめませんでした"
    ],

    // Data banner and storage.
    BannerReset => ["元のデータに戻す", "Back to the embedded data", "もとの データに もどす"],
    StorageSaved => [
        "このブラウザに保存しました。再読み込みしても、元に戻すまで表示されます。",
        "Kept in this browser: it stays after a reload until you go back to the embedded data.",
        "この ブラウザに ほぞん しました。"
    ],
    StorageDropped => [
        "以前に読み込んだデータを復元できなかったため、元のデータを表示しています。",
        "Previously imported data could not be restored, so the embedded data is shown.",
        "まえに よみこんだ データが つかえないので、もとの データを だして います。"
    ],
    UrlNotSaved => [
        "ページのアドレス（?data=）で指定されたデータです。このブラウザには保存しません。",
        "Named in the page address (?data=); not kept in this browser.",
        "ページの アドレスで えらんだ データです。"
    ],
    DataLoading => ["データを読み込み中…", "Loading the data…", "データを よみこんで います…"],
}

/// The text of `key` in `lang`.
pub fn px(lang: Lang, key: Px) -> &'static str {
    let [ja, en, easy] = key.texts();
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
        Lang::JaEasy => easy,
    }
}

/// "Showing imported data: `name` (n indicators, m values)".
pub fn banner_imported(lang: Lang, name: &str, indicators: usize, observations: usize) -> String {
    match lang {
        Lang::Ja => format!(
            "読み込んだデータを表示中：{name}（指標 {indicators}・値 {observations}）"
        ),
        Lang::En => format!(
            "Showing imported data: {name} ({indicators} indicators, {observations} values)"
        ),
        Lang::JaEasy => format!(
            "よみこんだ データを だして います：{name}（しひょう {indicators}・すうじ {observations}）"
        ),
    }
}

/// The reader's file was imported and is now shown.
pub fn import_done(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => {
            format!("「{name}」を読み込みました。すべてのページが新しいデータで再計算されます。")
        }
        Lang::En => format!("Loaded '{name}'. Every page now recomputes from the new data."),
        Lang::JaEasy => format!("「{name}」を よみこみました。"),
    }
}

/// The file failed validation: how many problems, and that nothing changed.
pub fn import_failed(lang: Lang, name: &str, problems: usize) -> String {
    match lang {
        Lang::Ja => format!(
            "「{name}」を読み込めませんでした（問題 {problems} 件）。表示中のデータは変わっていません。"
        ),
        Lang::En => {
            let s = if problems == 1 { "" } else { "s" };
            format!(
                "Could not load '{name}' ({problems} problem{s}). The data on screen has not changed."
            )
        }
        Lang::JaEasy => format!(
            "「{name}」を よみこめませんでした（まちがい {problems} こ）。データは かわって いません。"
        ),
    }
}

/// Problems beyond the ones listed.
pub fn more_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("ほかに {n} 件の問題があります。"),
        Lang::En => format!("…and {n} more."),
        Lang::JaEasy => format!("ほかに {n} こ あります。"),
    }
}

/// A file larger than the import accepts.
pub fn file_too_large(lang: Lang, name: &str, max_mb: usize) -> String {
    match lang {
        Lang::Ja => format!("「{name}」は大きすぎます（上限 {max_mb} MB）。"),
        Lang::En => format!("'{name}' is too large (at most {max_mb} MB)."),
        Lang::JaEasy => format!("「{name}」は おおきすぎます。"),
    }
}

/// The browser cannot keep the imported data (private mode, full storage…).
pub fn storage_unavailable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "このブラウザにはデータを保存できません（{reason}）。表示はこのままですが、再読み込みすると元のデータに戻ります。"
        ),
        Lang::En => format!(
            "This browser cannot keep the data ({reason}). It is shown now, but a reload brings back the embedded data."
        ),
        Lang::JaEasy => format!(
            "この ブラウザには ほぞん できません（{reason}）。もう いちど ひらくと もとの データに もどります。"
        ),
    }
}

/// `?data=` named something other than a same-site relative URL.
pub fn data_url_rejected(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Ja => format!(
            "?data= には、このサイト内のファイルを相対 URL（例：data/fy2022.csv）で指定してください。「{url}」は読み込みません。元のデータを表示しています。"
        ),
        Lang::En => format!(
            "?data= must name a file on this site by a relative URL (e.g. data/fy2022.csv); '{url}' is not loaded. The embedded data is shown."
        ),
        Lang::JaEasy => format!(
            "?data= の「{url}」は つかえません。もとの データを だして います。"
        ),
    }
}

/// `?data=` could not be fetched or did not validate.
pub fn data_url_failed(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Ja => {
            format!("「{url}」のデータを読み込めませんでした。元のデータを表示しています。")
        }
        Lang::En => format!("The data at '{url}' could not be loaded. The embedded data is shown."),
        Lang::JaEasy => {
            format!("「{url}」を よみこめませんでした。もとの データを だして います。")
        }
    }
}

/// Accessible name of one chart download button.
pub fn chart_download_label(lang: Lang, title: &str, format: &str) -> String {
    match lang {
        Lang::Ja => format!("「{title}」のグラフを {format} でダウンロード"),
        Lang::En => format!("Download the chart '{title}' as {format}"),
        Lang::JaEasy => format!("「{title}」の グラフを {format} で ダウンロード"),
    }
}

/// Accessible name of a chart table's CSV button.
pub fn chart_table_download_label(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Ja => format!("「{title}」の表を CSV でダウンロード"),
        Lang::En => format!("Download the table of '{title}' as CSV"),
        Lang::JaEasy => format!("「{title}」の ひょうを CSV で ダウンロード"),
    }
}

/// Accessible name of a chart's link, share or embed control: the visible
/// word ([`Px::ChartLink`], [`Px::ChartShare`], [`Px::ChartEmbed`]) with the
/// chart's title.
pub fn chart_tool_label(lang: Lang, tool: Px, title: &str) -> String {
    let word = px(lang, tool);
    match (lang, tool) {
        (Lang::Ja, Px::ChartLink) => format!("「{title}」への{word}"),
        (Lang::Ja, Px::ChartShare) => format!("「{title}」を{word}"),
        (Lang::Ja, _) => format!("「{title}」の{word}"),
        (Lang::En, Px::ChartLink) => format!("{word} to the chart '{title}'"),
        (Lang::En, _) => format!("{word} the chart '{title}'"),
        (Lang::JaEasy, Px::ChartLink) => format!("「{title}」への {word}"),
        (Lang::JaEasy, Px::ChartShare) => format!("「{title}」を {word}"),
        (Lang::JaEasy, _) => format!("「{title}」を ほかの サイトに {word}"),
    }
}

/// The data named in the embed's source line when it is not the embedded data.
pub fn embed_data_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja | Lang::JaEasy => format!("データ：{name}"),
        Lang::En => format!("Data: {name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_every_language() {
        for &key in Px::ALL {
            for lang in Lang::ALL {
                let text = px(lang, key);
                assert!(!text.trim().is_empty(), "{key:?} in {lang:?}");
            }
            // English text is not left in Japanese and vice versa.
            let [ja, en, _] = key.texts();
            assert_ne!(ja, en, "{key:?} is not translated");
        }
    }

    #[test]
    fn sentences_carry_what_they_are_given() {
        for lang in Lang::ALL {
            assert!(banner_imported(lang, "fy2022.csv", 47, 900).contains("fy2022.csv"));
            assert!(banner_imported(lang, "a.json", 47, 900).contains("47"));
            assert!(import_failed(lang, "x.csv", 3).contains('3'));
            assert!(data_url_rejected(lang, "https://evil.example/x.csv").contains("evil"));
            assert!(chart_download_label(lang, "T", "PNG").contains("PNG"));
            assert!(chart_table_download_label(lang, "T").contains("CSV"));
            for tool in [Px::ChartLink, Px::ChartShare, Px::ChartEmbed] {
                // The visible word is part of the name (WCAG 2.5.3), with the title.
                let label = chart_tool_label(lang, tool, "T<x>");
                assert!(label.contains(px(lang, tool)), "{label}");
                assert!(label.contains("T<x>"), "{label}");
            }
        }
        assert!(import_failed(Lang::En, "x.csv", 1).contains("(1 problem)"));
    }
}
