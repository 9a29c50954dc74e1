//! Furigana for やさしい日本語: every kanji of the interface text gets its
//! reading above it (`<ruby>目標<rt>もくひょう</rt></ruby>`).
//!
//! The interface text is written once, in plain strings, in the catalogue; the
//! readings are a separate dictionary ([`WORDS`]) applied when a component has
//! built its view ([`rubify`]): each function component of a page passes its
//! `html!` through it, so no call site of a text changes and a sentence built
//! from figures gets its readings too. Words are matched longest first, with the
//! kana that follow a kanji where the reading depends on them (`進み方`).
//!
//! Data text (names, notes, raw cells from the city's documents) is official
//! wording and is left as it is: the walk does not enter `<bdi>`, `<code>`, an
//! element with a `lang` attribute or one of class `data-text`, skips data put
//! into a sentence by `i18n::isolate`, and leaves a run of kanji whole when the
//! dictionary does not cover all of it. `tests/ssr_furigana.rs` renders every
//! page in やさしい日本語 and fails on any kanji outside the data that has no
//! reading, so a new text without its readings cannot land.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::Html;

use super::Lang;

/// The core's test for a kanji, the one the dataset's readings are checked with.
pub use machi_kpi_core::ruby::is_kanji;

/// One piece of annotated text: plain, or a kanji run with its reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Ruby {
        base: &'a str,
        reading: &'static str,
    },
}

/// A dictionary entry: a surface and the readings of its kanji runs.
type Entry = (&'static str, &'static [&'static str]);

/// The dictionary, indexed by first character, longest entries first.
fn index() -> &'static HashMap<char, Vec<Entry>> {
    static INDEX: OnceLock<HashMap<char, Vec<Entry>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<char, Vec<Entry>> = HashMap::new();
        for &(surface, readings) in WORDS {
            if let Some(first) = surface.chars().next() {
                map.entry(first).or_default().push((surface, readings));
            }
        }
        for entries in map.values_mut() {
            entries.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        map
    })
}

/// The kanji runs of `surface`, in order (`進み方` → `進`, `方`).
fn kanji_runs(surface: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in surface.char_indices() {
        match (is_kanji(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, surface.len()));
    }
    runs
}

/// Splits `text` into plain pieces and kanji runs with their readings. A run of
/// kanji that the dictionary does not cover whole is left plain, whole: it is a
/// word of the data (新規求人数) and a reading for part of it would be wrong (求人
/// is not 求 and 人), while the interface words around it keep theirs.
pub fn annotate(text: &str) -> Vec<Piece<'_>> {
    let first = annotate_avoiding(text, &[]);
    let uncovered: Vec<(usize, usize)> = kanji_runs(text)
        .into_iter()
        .filter(|&(s, e)| {
            let mut at = 0;
            first.iter().any(|p| {
                let len = match p {
                    Piece::Plain(t) => t.len(),
                    Piece::Ruby { base, .. } => base.len(),
                };
                let (from, to) = (at, at + len);
                at = to;
                matches!(p, Piece::Plain(t) if from < e && s < to
                    && t[s.max(from) - from..e.min(to) - from].chars().any(is_kanji))
            })
        })
        .collect();
    if uncovered.is_empty() {
        first
    } else {
        annotate_avoiding(text, &uncovered)
    }
}

/// [`annotate`] without the words whose kanji fall in one of the `avoid` ranges.
fn annotate_avoiding<'a>(text: &'a str, avoid: &[(usize, usize)]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    let index = index();
    while at < text.len() {
        let rest = &text[at..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\u{2068}' {
            // Data text put into a sentence by `i18n::isolate`: left as published.
            at += rest
                .find('\u{2069}')
                .map_or(rest.len(), |end| end + '\u{2069}'.len_utf8());
            continue;
        }
        let after_number = text[..at]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit() || matches!(p, '０'..='９'));
        let counter = after_number
            .then(|| COUNTERS.iter().find(|(s, _)| rest.starts_with(s)))
            .flatten();
        let found = counter.or_else(|| {
            is_kanji(c)
                .then(|| index.get(&c))
                .flatten()
                .and_then(|entries| entries.iter().find(|(s, _)| rest.starts_with(s)))
        });
        let found = found.filter(|(surface, _)| {
            !kanji_runs(surface)
                .iter()
                .any(|&(s, e)| avoid.iter().any(|&(a, b)| at + s < b && a < at + e))
        });
        match found {
            Some(&(surface, readings)) => {
                if plain_from < at {
                    pieces.push(Piece::Plain(&text[plain_from..at]));
                }
                let mut last = 0;
                for ((s, e), reading) in kanji_runs(surface).into_iter().zip(readings.iter()) {
                    if last < s {
                        pieces.push(Piece::Plain(&text[at + last..at + s]));
                    }
                    pieces.push(Piece::Ruby {
                        base: &text[at + s..at + e],
                        reading,
                    });
                    last = e;
                }
                at += surface.len();
                plain_from = at - (surface.len() - last);
            }
            None => at += c.len_utf8(),
        }
    }
    if plain_from < text.len() {
        pieces.push(Piece::Plain(&text[plain_from..]));
    }
    pieces
}

/// The kanji of `text` that [`annotate`] leaves without a reading, as the
/// phrases (between spaces and punctuation) that hold them.
pub fn bare_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in annotate(text) {
        if let Piece::Plain(p) = piece {
            for phrase in without_isolates(p).split(|c: char| c.is_whitespace() || is_separator(c))
            {
                if phrase.chars().any(is_kanji) {
                    out.push(phrase.to_owned());
                }
            }
        }
    }
    out
}

/// `text` with its isolated data text (between U+2068 and U+2069) taken out.
fn without_isolates(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '\u{2068}' => depth += 1,
            '\u{2069}' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '('
            | ')'
            | '：'
            | ':'
            | '・'
            | '，'
            | '．'
            | '？'
            | '！'
            | '／'
            | '/'
            | '〜'
            | '～'
            | '“'
            | '”'
            | '"'
            | '…'
    ) || c.is_ascii_punctuation()
        || c.is_ascii_digit()
}

/// What [`rubify`] left bare, collected while an audit runs (the SSR test of every
/// page uses it; nothing is collected otherwise).
static AUDIT: Mutex<Option<Vec<Bare>>> = Mutex::new(None);
/// Whether an audit runs: read for every kanji node, so the page's render takes no
/// lock outside the test.
static AUDITING: AtomicBool = AtomicBool::new(false);

/// A text node that [`rubify`] left with kanji without a reading.
#[derive(Clone, Debug)]
pub struct Bare {
    /// The whole text of the node.
    pub text: String,
    /// The phrases in it that hold the bare kanji.
    pub phrases: Vec<String>,
}

/// Starts collecting the bare phrases [`rubify`] meets.
pub fn start_audit() {
    if let Ok(mut a) = AUDIT.lock() {
        *a = Some(Vec::new());
        AUDITING.store(true, Ordering::Release);
    }
}

/// Stops collecting and returns what was collected.
pub fn take_audit() -> Vec<Bare> {
    AUDITING.store(false, Ordering::Release);
    AUDIT
        .lock()
        .ok()
        .and_then(|mut a| a.take())
        .unwrap_or_default()
}

fn audit(text: &str) {
    if !AUDITING.load(Ordering::Acquire) {
        return;
    }
    if let Ok(mut a) = AUDIT.lock() {
        if let Some(list) = a.as_mut() {
            let phrases = bare_phrases(text);
            if !phrases.is_empty() {
                list.push(Bare {
                    text: text.to_owned(),
                    phrases,
                });
            }
        }
    }
}

/// Adds readings to the interface text of `html` when `lang` is やさしい日本語
/// (other languages get `html` back untouched). Child components are not
/// entered: each passes its own view through here.
pub fn rubify(lang: Lang, mut html: Html) -> Html {
    if lang == Lang::JaEasy {
        walk(&mut html);
    }
    html
}

/// Elements whose text is data, or that cannot hold `<ruby>`.
fn leave_alone(tag: &VTag) -> bool {
    let name = tag.tag();
    if matches!(
        name,
        "bdi"
            | "code"
            | "ruby"
            | "rt"
            | "rp"
            | "option"
            | "textarea"
            | "script"
            | "style"
            | "title"
            | "svg"
    ) {
        return true;
    }
    let attrs = &tag.attributes;
    let has = |key: &str| attrs.iter().any(|(k, _)| k == key);
    has("lang")
        || attrs
            .iter()
            // Text for screen readers only needs no readings drawn above it.
            .any(|(k, v)| {
                k == "class"
                    && v.split_ascii_whitespace()
                        .any(|c| c == "data-text" || c == "visually-hidden")
            })
}

fn walk(node: &mut VNode) {
    match node {
        VNode::VText(text) if text.text.chars().any(is_kanji) => {
            audit(&text.text);
            if let Some(list) = ruby_nodes(&text.text) {
                // One element for what was one text node: in a flex or grid box
                // (a badge, a tile) the text stays one item instead of one per word.
                let mut run = VTag::new("span");
                run.add_attribute("class", "ruby-run");
                run.add_child(VNode::VList(Rc::new(list)));
                *node = run.into();
            }
        }
        VNode::VTag(tag) => {
            if leave_alone(tag) {
                return;
            }
            if let Some(children) = Rc::make_mut(tag).children_mut() {
                walk(children);
            }
        }
        VNode::VList(list) => {
            for child in Rc::make_mut(list).iter_mut() {
                walk(child);
            }
        }
        _ => {}
    }
}

/// The nodes of `text` with its known words in `<ruby>`; `None` when none is
/// known (the text node stays as it is).
fn ruby_nodes(text: &str) -> Option<VList> {
    let pieces = annotate(text);
    if !pieces.iter().any(|p| matches!(p, Piece::Ruby { .. })) {
        return None;
    }
    let mut list = VList::new();
    for piece in pieces {
        match piece {
            Piece::Plain(p) => list.add_child(VNode::VText(VText::new(p.to_owned()))),
            Piece::Ruby { base, reading } => {
                let mut rt = VTag::new("rt");
                rt.add_child(VNode::VText(VText::new(reading)));
                let mut ruby = VTag::new("ruby");
                ruby.add_child(VNode::VText(VText::new(base.to_owned())));
                ruby.add_child(rt.into());
                list.add_child(ruby.into());
            }
        }
    }
    Some(list)
}

/// Units and counters right after a figure (`12人`, `3.3万人`), read as a
/// counter, longest first.
pub const COUNTERS: &[(&str, &[&str])] = &[
    ("万人", &["まんにん"]),
    ("行目", &["ぎょうめ"]),
    ("列目", &["れつめ"]),
    ("億円", &["おくえん"]),
    ("万円", &["まんえん"]),
    ("事業所", &["じぎょうしょ"]),
    ("教室", &["きょうしつ"]),
    ("年度", &["ねんど"]),
    ("か月", &["げつ"]),
    ("カ所", &["しょ"]),
    ("か所", &["しょ"]),
    ("ヶ所", &["しょ"]),
    ("箇所", &["かしょ"]),
    ("人", &["にん"]),
    ("件", &["けん"]),
    ("基", &["き"]),
    ("歳", &["さい"]),
    ("日", &["にち"]),
    ("回", &["かい"]),
    ("年", &["ねん"]),
    ("月", &["がつ"]),
    ("円", &["えん"]),
    ("点", &["てん"]),
    ("社", &["しゃ"]),
    ("校", &["こう"]),
    ("台", &["だい"]),
    ("組", &["くみ"]),
    ("団体", &["だんたい"]),
    ("施設", &["しせつ"]),
    ("地区", &["ちく"]),
    ("倍", &["ばい"]),
    ("割", &["わり"]),
    ("期", &["き"]),
    ("位", &["い"]),
];

/// Rendered HTML without its furigana (`<rt>…</rt>` dropped, `<ruby>` and the
/// `ruby-run` spans unwrapped): the sentence a test or a copy reads.
pub fn without_readings(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<rt>") {
        out.push_str(&rest[..at]);
        rest = rest[at..]
            .find("</rt>")
            .map_or("", |e| &rest[at + e + "</rt>".len()..]);
    }
    out.push_str(rest);
    // The runs' closing tags cannot be told from other spans': the opening ones go,
    // which is enough for a text search.
    out.replace("<ruby>", "")
        .replace("</ruby>", "")
        .replace("<span class=\"ruby-run\">", "")
}

/// The readings: a surface (a word, with the kana after a kanji where the
/// reading depends on them) and one reading per kanji run of the surface.
pub const WORDS: &[(&str, &[&str])] = &[
    ("一覧", &["いちらん"]),
    ("棒", &["ぼう"]),
    ("押す", &["お"]),
    ("押し", &["お"]),
    ("開き", &["ひら"]),
    ("開く", &["ひら"]),
    ("一度", &["いちど"]),
    ("中", &["なか"]),
    ("付け", &["つ"]),
    ("何", &["なに"]),
    ("保存", &["ほぞん"]),
    ("入れ", &["い"]),
    ("全部", &["ぜんぶ"]),
    ("変え", &["か"]),
    ("変わ", &["か"]),
    ("形", &["かたち"]),
    ("文字", &["もじ"]),
    ("書き方", &["か", "かた"]),
    ("日付", &["ひづけ"]),
    ("消す", &["け"]),
    ("消し", &["け"]),
    ("終わ", &["お"]),
    ("行", &["ぎょう"]),
    ("途中", &["とちゅう"]),
    ("項目", &["こうもく"]),
    ("万人", &["まんにん"]),
    ("上げ", &["あ"]),
    ("上", &["うえ"]),
    ("下げ", &["さ"]),
    ("下", &["した"]),
    ("中学校", &["ちゅうがっこう"]),
    ("小学校", &["しょうがっこう"]),
    ("中止", &["ちゅうし"]),
    ("予定", &["よてい"]),
    ("事業所", &["じぎょうしょ"]),
    ("人", &["ひと"]),
    ("今まで", &["いま"]),
    ("今", &["いま"]),
    ("令和", &["れいわ"]),
    ("元年度", &["がんねんど"]),
    ("元年", &["がんねん"]),
    ("前", &["まえ"]),
    ("向け", &["む"]),
    ("技術", &["ぎじゅつ"]),
    ("解説", &["かいせつ"]),
    ("平成", &["へいせい"]),
    ("以上", &["いじょう"]),
    ("以降", &["いこう"]),
    ("件", &["けん"]),
    ("何倍", &["なんばい"]),
    ("作っ", &["つく"]),
    ("作る", &["つく"]),
    ("作成", &["さくせい"]),
    ("使え", &["つか"]),
    ("使っ", &["つか"]),
    ("使う", &["つか"]),
    ("使い", &["つか"]),
    ("例", &["れい"]),
    ("値", &["あたい"]),
    ("億円", &["おくえん"]),
    ("先", &["さき"]),
    ("公共", &["こうきょう"]),
    ("利用規約", &["りようきやく"]),
    ("利用", &["りよう"]),
    ("公式", &["こうしき"]),
    ("出典", &["しゅってん"]),
    ("出生数", &["しゅっしょうすう"]),
    ("出生", &["しゅっしょう"]),
    ("出し", &["だ"]),
    ("出す", &["だ"]),
    ("出せ", &["だ"]),
    ("出ま", &["で"]),
    ("出る", &["で"]),
    ("出て", &["で"]),
    ("分の", &["ぶん"]),
    ("列", &["れつ"]),
    ("割合", &["わりあい"]),
    ("動き", &["うご"]),
    ("十分", &["じゅうぶん"]),
    ("単位", &["たんい"]),
    ("参考", &["さんこう"]),
    ("取り組み", &["と", "く"]),
    ("古い", &["ふる"]),
    ("同じ", &["おな"]),
    ("名前", &["なまえ"]),
    ("和暦", &["われき"]),
    ("西暦", &["せいれき"]),
    ("回", &["かい"]),
    ("国連", &["こくれん"]),
    ("世界", &["せかい"]),
    ("目", &["め"]),
    ("耳", &["みみ"]),
    ("不自由", &["ふじゆう"]),
    ("役所", &["やくしょ"]),
    ("国", &["くに"]),
    ("統計局", &["とうけいきょく"]),
    ("統計部", &["とうけいぶ"]),
    ("統計", &["とうけい"]),
    ("庁", &["ちょう"]),
    ("基準", &["きじゅん"]),
    ("基", &["き"]),
    ("報告", &["ほうこく"]),
    ("変化", &["へんか"]),
    ("多く", &["おお"]),
    ("多い", &["おお"]),
    ("多摩市", &["たまし"]),
    ("大き", &["おお"]),
    ("女性", &["じょせい"]),
    ("男性", &["だんせい"]),
    ("字", &["じ"]),
    ("実際", &["じっさい"]),
    ("実績値", &["じっせきち"]),
    ("実績", &["じっせき"]),
    ("目標値", &["もくひょうち"]),
    ("目標", &["もくひょう"]),
    ("少し", &["すこ"]),
    ("少な", &["すく"]),
    ("市", &["し"]),
    ("年度", &["ねんど"]),
    ("年間", &["ねんかん"]),
    ("毎年", &["まいとし"]),
    ("年", &["とし"]),
    ("式", &["しき"]),
    ("影響", &["えいきょう"]),
    ("必要", &["ひつよう"]),
    ("意味", &["いみ"]),
    ("担当", &["たんとう"]),
    ("改訂", &["かいてい"]),
    ("教室", &["きょうしつ"]),
    ("数字", &["すうじ"]),
    ("数値", &["すうち"]),
    ("数え", &["かぞ"]),
    ("数", &["かず"]),
    ("新し", &["あたら"]),
    ("方向", &["ほうこう"]),
    ("方法", &["ほうほう"]),
    ("日", &["にち"]),
    ("時期", &["じき"]),
    ("時間", &["じかん"]),
    ("書い", &["か"]),
    ("書き", &["か"]),
    ("書く", &["か"]),
    ("書け", &["か"]),
    ("最小二乗法", &["さいしょうにじょうほう"]),
    ("最後", &["さいご"]),
    ("来た", &["き"]),
    ("来ま", &["き"]),
    ("柱", &["はしら"]),
    ("概ね", &["おおむ"]),
    ("順調", &["じゅんちょう"]),
    ("進捗", &["しんちょく"]),
    ("正し", &["ただ"]),
    ("歳", &["さい"]),
    ("比", &["ひ"]),
    ("注意", &["ちゅうい"]),
    ("注", &["ちゅう"]),
    ("版", &["はん"]),
    ("第", &["だい"]),
    ("理由", &["りゆう"]),
    ("番号", &["ばんごう"]),
    ("目安", &["めやす"]),
    ("短い", &["みじか"]),
    ("示し", &["しめ"]),
    ("示す", &["しめ"]),
    ("結果", &["けっか"]),
    ("総合戦略", &["そうごうせんりゃく"]),
    ("検証", &["けんしょう"]),
    ("按分", &["あんぶん"]),
    ("評価", &["ひょうか"]),
    ("線", &["せん"]),
    ("考え", &["かんが"]),
    ("色", &["いろ"]),
    ("英語", &["えいご"]),
    ("表", &["ひょう"]),
    ("見通し", &["みとお"]),
    ("見", &["み"]),
    ("言い", &["い"]),
    ("言わ", &["い"]),
    ("言う", &["い"]),
    ("計画", &["けいかく"]),
    ("計算", &["けいさん"]),
    ("記号", &["きごう"]),
    ("記録", &["きろく"]),
    ("説明", &["せつめい"]),
    ("読み", &["よ"]),
    ("読む", &["よ"]),
    ("読め", &["よ"]),
    ("課", &["か"]),
    ("資料", &["しりょう"]),
    ("進み方", &["すす", "かた"]),
    ("進み", &["すす"]),
    ("進む", &["すす"]),
    ("進ん", &["すす"]),
    ("進め", &["すす"]),
    ("遅れ", &["おく"]),
    ("達成率", &["たっせいりつ"]),
    (
        "重要業績評価指標",
        &["じゅうようぎょうせきひょうかしひょう"],
    ),
    ("高", &["たか"]),
    ("加工", &["かこう"]),
    ("所", &["しょ"]),
    ("伊勢崎", &["いせさき"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_one_reading_per_kanji_run() {
        for &(surface, readings) in WORDS {
            assert!(
                surface.chars().next().is_some_and(is_kanji),
                "{surface}: an entry starts with a kanji"
            );
            assert_eq!(
                kanji_runs(surface).len(),
                readings.len(),
                "{surface}: {readings:?}"
            );
            for r in readings {
                assert!(
                    !r.is_empty() && r.chars().all(|c| matches!(c, 'ぁ'..='ゖ' | 'ー')),
                    "{surface}: reading {r:?} is not hiragana"
                );
            }
        }
    }

    #[test]
    fn no_entry_is_listed_twice() {
        let mut seen = std::collections::HashSet::new();
        for &(surface, _) in WORDS {
            assert!(seen.insert(surface), "{surface} is listed twice");
        }
    }

    #[test]
    fn known_words_get_readings_and_the_rest_stays_plain() {
        assert_eq!(
            annotate("この 目標を 龍が 見る"),
            vec![
                Piece::Plain("この "),
                Piece::Ruby {
                    base: "目標",
                    reading: "もくひょう"
                },
                Piece::Plain("を 龍が "),
                Piece::Ruby {
                    base: "見",
                    reading: "み"
                },
                Piece::Plain("る"),
            ]
        );
        assert_eq!(
            bare_phrases("この 目標を 龍が 見る"),
            vec!["龍が".to_owned()]
        );
        assert_eq!(annotate("abc"), vec![Piece::Plain("abc")]);
    }

    #[test]
    fn okurigana_and_counters_pick_the_reading() {
        let readings = |text| {
            annotate(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Ruby { base, reading } => Some(format!("{base}={reading}")),
                    Piece::Plain(_) => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(readings("進み方"), ["進=すす", "方=かた"]);
        assert_eq!(readings("12人"), ["人=にん"]);
        assert_eq!(
            readings("3.3万人の 目標"),
            ["万人=まんにん", "目標=もくひょう"]
        );
        assert_eq!(readings("目標の 年まで"), ["目標=もくひょう", "年=とし"]);
        assert_eq!(readings("2021年度"), ["年度=ねんど"]);
        // A run the dictionary cannot cover whole is data: no reading for part of it.
        assert_eq!(readings("：新規求人数の 目標"), ["目標=もくひょう"]);
        assert_eq!(
            readings("2行目2列目: 日付に なって います"),
            ["行目=ぎょうめ", "列目=れつめ", "日付=ひづけ"]
        );
    }

    #[test]
    fn data_put_into_a_sentence_is_left_as_published() {
        let text = "\u{2068}目標値\u{2069}の 目標";
        assert_eq!(
            annotate(text)
                .iter()
                .filter(|p| matches!(p, Piece::Ruby { .. }))
                .count(),
            1
        );
        assert!(bare_phrases("\u{2068}龍\u{2069}の 目標").is_empty());
    }
}
