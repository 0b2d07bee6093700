//! The conversion as editions use it: OpenCC's known failures, regional vocabulary, the
//! OpenCC-compatible profiles, idempotence, Traditional input, Markdown, glossary, overrides,
//! review spans and bad input.

use std::collections::HashMap;
use std::path::Path;

use dateline_chinese::{Error, Glossary, Profile, convert, convert_markdown, render_source, review, review_markdown};
use proptest::prelude::*;

fn tw(text: &str) -> String {
    convert(text, Profile::ZhTw, &Glossary::default()).unwrap()
}

fn hk(text: &str) -> String {
    convert(text, Profile::ZhHk, &Glossary::default()).unwrap()
}

struct Row {
    simplified: String,
    taiwan: String,
    hongkong: String,
}

fn corpus() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/news.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row { simplified: f[3].into(), taiwan: f[4].into(), hongkong: f[5].into() }
        })
        .collect()
}

#[test]
fn opencc_known_failures_convert_right() {
    for (s, t) in [
        ("被发明", "被發明"),
        ("不断发展", "不斷發展"),
        ("去干扰", "去干擾"),
        ("李白面前", "李白面前"),
        ("是只有", "是只有"),
        ("一致通过", "一致通過"),
        ("算法", "演算法"),
        ("新的算法", "新的演算法"),
    ] {
        assert_eq!(tw(s), t, "zh-tw of {s}");
    }
    for (s, t) in [("被发明", "被發明"), ("李白面前", "李白面前"), ("一致通过", "一致通過")] {
        assert_eq!(hk(s), t, "zh-hk of {s}");
    }
}

#[test]
fn one_to_many_characters_in_context() {
    for (s, t) in [
        ("头发和发展", "頭髮和發展"),
        ("干净的干部在干预", "乾淨的幹部在干預"),
        ("一碗面条摆在面前", "一碗麵條擺在面前"),
        ("一只猫只有一只眼", "一隻貓只有一隻眼"),
        ("台风过后，台北的电视台", "颱風過後，臺北的電視臺"),
        ("公园里有三公里跑道", "公園裡有三公里跑道"),
        ("皇后后来", "皇后後來"),
        ("制度和制造", "制度和製造"),
        ("关系、系统、系在腰上", "關係、系統、繫在腰上"),
        ("历史和日历", "歷史和日曆"),
        ("恢复和复杂", "恢復和複雜"),
        ("范先生的业务范围", "范先生的業務範圍"),
        ("批准和准备", "批准和準備"),
        ("征收、长征", "徵收、長征"),
        ("冲突、冲一杯茶", "衝突、沖一杯茶"),
        ("钟表和钟南山", "鐘錶和鍾南山"),
    ] {
        assert_eq!(tw(s), t, "zh-tw of {s}");
    }
}

#[test]
fn regional_vocabulary_and_forms() {
    for (s, t, h) in [
        ("政府宣布并公布计划", "政府宣布並公布計畫", "政府宣佈並公佈計劃"),
        ("占三成", "占三成", "佔三成"),
        ("软件和网络", "軟體和網路", "軟件和網絡"),
        ("客户数据存在服务器里", "客戶資料存在伺服器裡", "客户數據存在伺服器裏"),
        ("芯片", "晶片", "芯片"),
        ("这段视频", "這段影片", "這段影片"),
        ("视频会议", "視訊會議", "視像會議"),
        ("看着他", "看著他", "看着他"),
        ("了解情况", "了解情況", "了解情況"),
    ] {
        assert_eq!(tw(s), t, "zh-tw of {s}");
        assert_eq!(hk(s), h, "zh-hk of {s}");
    }
}

/// Second round of rules: OpenCC phrases crossing a word boundary, quotation marks and
/// regional vocabulary.
#[test]
fn word_boundaries_quotes_and_regional_names() {
    for (s, t, h) in [
        ("三百年历史", "三百年歷史", "三百年歷史"),
        ("有关征地补偿", "有關徵地補償", "有關徵地補償"),
        ("未来一周天气干燥", "未來一週天氣乾燥", "未來一週天氣乾燥"),
        ("他说：“好。”", "他說：「好。」", "他説：「好。」"),
        ("特朗普和马克龙", "川普和馬克宏", "特朗普和馬克龍"),
        ("朝鲜试射导弹", "北韓試射飛彈", "北韓試射導彈"),
        ("朝鲜半岛", "朝鮮半島", "朝鮮半島"),
        ("这只熊猫", "這隻貓熊", "這隻熊貓"),
        ("数据显示，数据中心", "數據顯示，資料中心", "數據顯示，數據中心"),
    ] {
        assert_eq!(tw(s), t, "zh-tw of {s}");
        assert_eq!(hk(s), h, "zh-hk of {s}");
    }
}

#[test]
fn opencc_profiles_are_opencc_unchanged() {
    use ferrous_opencc::{OpenCC, config::BuiltinConfig};
    let none = Glossary::default();
    for (profile, config) in [
        (Profile::S2t, BuiltinConfig::S2t),
        (Profile::S2tw, BuiltinConfig::S2tw),
        (Profile::S2twp, BuiltinConfig::S2twp),
        (Profile::S2hk, BuiltinConfig::S2hk),
    ] {
        let cc = OpenCC::from_config(config).unwrap();
        for row in corpus() {
            assert_eq!(convert(&row.simplified, profile, &none).unwrap(), cc.convert(&row.simplified));
        }
    }
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
    for row in corpus() {
        assert_eq!(convert(&row.taiwan, Profile::T2s, &none).unwrap(), t2s.convert(&row.taiwan));
    }
    assert_eq!(convert("發展", Profile::None, &none).unwrap(), "發展");
}

/// Our tables are built from a copy of ferrous-opencc's dictionary files: OpenCC's first pass
/// over that copy must print what ferrous-opencc's `s2t` prints.
#[test]
fn vendored_dictionaries_match_ferrous_opencc() {
    use ferrous_opencc::{OpenCC, config::BuiltinConfig};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("opencc");
    let mut dict: HashMap<String, String> = HashMap::new();
    for file in ["STCharacters.txt", "STPhrases.txt"] {
        for line in std::fs::read_to_string(dir.join(file)).unwrap().lines() {
            if let Some((k, v)) = line.split_once('\t').filter(|_| !line.starts_with('#')) {
                dict.entry(k.into()).or_insert_with(|| v.split(' ').next().unwrap().into());
            }
        }
    }
    let max = dict.keys().map(|k| k.chars().count()).max().unwrap();
    let greedy = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        let (mut out, mut i) = (String::new(), 0);
        while i < chars.len() {
            let n = (1..=max.min(chars.len() - i))
                .rev()
                .find(|&n| dict.contains_key(&chars[i..i + n].iter().collect::<String>()));
            match n {
                Some(n) => {
                    out.push_str(&dict[&chars[i..i + n].iter().collect::<String>()]);
                    i += n;
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    };
    let cc = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
    for row in corpus() {
        assert_eq!(greedy(&row.simplified), cc.convert(&row.simplified));
    }
}

#[test]
fn converting_twice_changes_nothing() {
    for row in corpus() {
        let once = tw(&row.simplified);
        assert_eq!(tw(&once), once, "zh-tw twice: {}", row.simplified);
        let once = hk(&row.simplified);
        assert_eq!(hk(&once), once, "zh-hk twice: {}", row.simplified);
    }
}

#[test]
fn traditional_input_stays_essentially_unchanged() {
    let rows = corpus();
    let (mut same, mut chars) = (0, 0);
    for row in &rows {
        let out = tw(&row.taiwan);
        chars += row.taiwan.chars().count();
        same += row.taiwan.chars().zip(out.chars()).filter(|(a, b)| a == b).count();
    }
    let kept = same as f64 / chars as f64;
    assert!(kept > 0.995, "zh-tw kept only {kept:.4} of Traditional input");
    let (mut same, mut chars) = (0, 0);
    for row in &rows {
        let out = hk(&row.hongkong);
        chars += row.hongkong.chars().count();
        same += row.hongkong.chars().zip(out.chars()).filter(|(a, b)| a == b).count();
    }
    let kept = same as f64 / chars as f64;
    assert!(kept > 0.995, "zh-hk kept only {kept:.4} of Traditional input");
}

#[test]
fn mixed_scripts_keep_latin_cyrillic_numbers_and_emoji() {
    let s = "iPhone 15 于2023年发布，Москва 和 U盘 😀 价格 3.5% 上涨";
    assert_eq!(tw(s), "iPhone 15 於2023年發布，Москва 和 U盤 😀 價格 3.5% 上漲");
}

#[test]
fn markdown_structure_urls_code_and_html_are_untouched() {
    let none = Glossary::default();
    let doc = "\
# 台风过后的发展

[软件下载](https://example.com/软件/发展?q=头发 \"头发标题\") 和 ![图片说明](img/发展.png)
访问 https://example.com/头发 或 www.example.org/面条。

- 列表里的`代码 发展`项目
- **加粗的发展** 和 *斜体*

```rust
let 发展 = \"头发\";
```

<div class=\"发展\" title=\"头发\">里面的文字&amp;发展</div>

| 表头发展 | 值 |
|---|---|
| 头发 | 1 |

<https://例子.com/发展> 脚注[^发]

[^发]: 脚注的发展
";
    let expected = "\
# 颱風過後的發展

[軟體下載](https://example.com/软件/发展?q=头发 \"頭髮標題\") 和 ![圖片說明](img/发展.png)
訪問 https://example.com/头发 或 www.example.org/面条。

- 列表裡的`代码 发展`項目
- **加粗的發展** 和 *斜體*

```rust
let 发展 = \"头发\";
```

<div class=\"发展\" title=\"头发\">裡面的文字&amp;發展</div>

| 表頭發展 | 值 |
|---|---|
| 頭髮 | 1 |

<https://例子.com/发展> 腳註[^发]

[^发]: 腳註的發展
";
    let out = convert_markdown(doc, Profile::ZhTw, &none).unwrap();
    assert_eq!(out, expected);
    assert_eq!(convert_markdown(&out, Profile::ZhTw, &none).unwrap(), out);
}

#[test]
fn glossary_comes_first_and_is_not_converted_further() {
    let g = Glossary::new([("特朗普", "川普"), ("特朗普政府", "川普政府"), ("发展", "发展中")]).unwrap();
    let out = convert("特朗普政府说特朗普将推动发展", Profile::ZhHk, &g).unwrap();
    assert_eq!(out, "川普政府説川普將推動发展中");
    assert_eq!(convert(&out, Profile::ZhHk, &g).unwrap(), out);
    // Longer dictionary phrases do not hide a glossary term.
    let g = Glossary::new([("头发", "秀髮")]).unwrap();
    assert_eq!(convert("理头发", Profile::ZhTw, &g).unwrap(), "理秀髮");
    // Not inside URLs or code.
    let md = "[头发](https://x.org/头发) `头发` 头发";
    assert_eq!(convert_markdown(md, Profile::ZhTw, &g).unwrap(), "[秀髮](https://x.org/头发) `头发` 秀髮");
}

#[test]
fn overrides_keep_text_and_never_leak() {
    let none = Glossary::default();
    let src = "-{范}-围和-{zh-hans:软件;zh-hant:軟體程式}-，发展";
    assert_eq!(render_source(src).unwrap(), "范围和软件，发展");
    assert_eq!(convert(src, Profile::ZhTw, &none).unwrap(), "范圍和軟體程式，發展");
    assert_eq!(convert(src, Profile::ZhHk, &none).unwrap(), "范圍和軟體程式，發展");
    assert_eq!(convert(src, Profile::T2s, &none).unwrap(), "范围和软件，发展");
    let md = "# -{头发}-\n\n`-{代码}-` [-{发}-](https://x.org)";
    assert_eq!(convert_markdown(md, Profile::ZhTw, &none).unwrap(), "# 头发\n\n`代码` [发](https://x.org)");
}

#[test]
fn bad_markers_are_errors_with_positions() {
    let none = Glossary::default();
    let err = convert("第一行\n-{开着", Profile::ZhTw, &none).unwrap_err();
    assert!(err.is_override());
    assert_eq!(err.to_string(), "override marker `-{` at line 2, column 1 (byte 10) is never closed: end it with `}-`");
    let err = convert_markdown("-{a-{b}-}-", Profile::ZhHk, &none).unwrap_err();
    assert!(matches!(err, Error::NestedOverride(p) if p.offset == 3 && p.column == 4));
    assert!(render_source("-{zh-hant:只有}-").is_err());
}

#[test]
fn review_lists_ambiguous_spans() {
    let none = Glossary::default();
    let r = review("她的发很长，面向南方", Profile::ZhTw, &none).unwrap();
    assert!(!r.spans.is_empty());
    for span in &r.spans {
        assert_eq!(&r.text[span.output.clone()], span.chosen);
        assert!(!span.alternatives.is_empty());
        assert!(!span.alternatives.contains(&span.chosen));
    }
    let fa = r.spans.iter().find(|s| s.source == "发").unwrap();
    assert!(fa.alternatives.contains(&"髮".to_owned()));
    // Our rules list what OpenCC would have printed.
    let r = review("一致通过", Profile::ZhTw, &none).unwrap();
    assert_eq!(r.text, "一致通過");
    let md = review_markdown("# 发\n\n`发` 发", Profile::ZhHk, &none).unwrap();
    assert_eq!(md.spans.len(), 2);
    assert_eq!(review("发", Profile::S2t, &none).unwrap_err(), Error::ReviewUnsupported("s2t"));
}

#[test]
fn profiles_parse_and_print() {
    for p in Profile::ALL {
        assert_eq!(p.as_str().parse::<Profile>().unwrap(), p);
    }
    assert_eq!("ZH-TW".parse::<Profile>().unwrap(), Profile::ZhTw);
    assert!("zh-cn".parse::<Profile>().unwrap_err().to_string().contains("zh-tw, zh-hk"));
}

#[test]
fn ten_megabytes_convert_without_trouble() {
    let mut body = String::new();
    let rows = corpus();
    while body.len() < 10_000_000 {
        for r in &rows {
            body.push_str(&r.simplified);
            body.push('\n');
        }
    }
    let out = convert_markdown(&body, Profile::ZhTw, &Glossary::default()).unwrap();
    assert_eq!(out.lines().count(), body.lines().count());
}

fn strip_cjk(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii() || !c.is_alphabetic()).collect()
}

proptest! {
    /// One-to-many characters and words, among Markdown, URLs, markers and other scripts.
    #[test]
    fn conversion_is_idempotent_and_keeps_everything_but_chinese(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "发", "干", "面", "只", "台", "里", "后", "制", "系", "历", "复", "余", "范", "了",
                "准", "征", "冲", "钟", "头发", "发展", "干扰", "一致通过", "算法", "软件", "看着",
                "一只猫", "面条", "里面", "后来", "皇后", "制度", "制造", "关系", "系统", "历史",
                "日历", "复杂", "恢复", "其余", "范围", "了解", "准备", "批准", "征收", "冲突",
                "钟表", "台风", "台北", "干净", "干部", "视频", "数据", "网络", "宣布", "计划",
                "# ", "\n", "\n\n", "`", "```\n", "[", "](", ")", "http://a.b/发 ", "<b>", "</b>",
                "&amp;", "*", "| ", "abc", "Жук", "12", "😀", "，", "。", " ", "-{范}-",
                "-{zh-hans:干;zh-hant:幹}-",
            ]),
            0..40,
        ),
        markdown in any::<bool>(),
        hong_kong in any::<bool>(),
    ) {
        let text: String = parts.concat();
        let profile = if hong_kong { Profile::ZhHk } else { Profile::ZhTw };
        let none = Glossary::default();
        let run = |t: &str| if markdown {
            convert_markdown(t, profile, &none).unwrap()
        } else {
            convert(t, profile, &none).unwrap()
        };
        let once = run(&text);
        prop_assert!(!once.contains("-{"), "marker leaked: {}", once);
        prop_assert_eq!(run(&once), once.clone());
        let source = render_source(&text).unwrap();
        prop_assert!(!source.contains("-{"), "marker leaked into the source: {}", source);
        prop_assert_eq!(strip_cjk(&once), strip_cjk(&source));
    }
}
