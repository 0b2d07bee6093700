//! `dateline bench-data`: a large, realistic archive for the benchmarks. The demo site is
//! seeded first (editions, sections, videos), then forty generated contributors and N stories,
//! each with an article in all four editions: English, Simplified and Traditional Chinese, and
//! Cyrillic Mongolian text generated from word lists written for Dateline, one in ten a video
//! report, published over the years before now.
//!
//! The text is nonsense by design (no real outlet's words), but it has the shape of news:
//! headlines of six to ten words, a standfirst, five to eight paragraphs of mixed length, so
//! that pages, feeds and the search index weigh what real ones do.

use std::time::Instant;

use anyhow::bail;
use dateline_core::{
    ArticleStatus, AssetId, BylineRole, ContributorId, ContributorName, EditionCode, SectionId, Slug, StoryKind,
};
use dateline_media::MediaStore;
use dateline_store::{NewArticle, NewContributor, NewStory, Store};
use jiff::{SignedDuration, Timestamp};

/// Stories written per transaction.
const BATCH: usize = 500;
/// Generated contributors.
const CONTRIBUTORS: usize = 40;

/// Seeds the demo site into an empty data directory, then adds `stories` generated stories.
pub async fn generate(store: &Store, media: &MediaStore, stories: usize) -> anyhow::Result<()> {
    if !store.has_no_stories().await? {
        bail!("the data directory already has stories; bench-data needs an empty one (give --data a new directory)");
    }
    dateline_newsroom::seed_demo(store, media).await?;
    let sections: Vec<SectionId> = store.sections().await?.iter().map(|s| s.id).collect();
    let videos = demo_videos(store).await?;
    let contributors = add_contributors(store).await?;
    let editions: Vec<EditionCode> = store.editions().await?.into_iter().map(|e| e.code).collect();

    let started = Instant::now();
    let now = Timestamp::now();
    // Spread over about five years, at least a minute apart, newest first.
    let spacing = (5 * 365 * 24 * 3600 / stories.max(1) as i64).max(60);
    let mut words = Words::new(0x5eed_da7e);
    let mut written = 0u64;
    let mut batch = Vec::with_capacity(BATCH);
    for n in 0..stories {
        let published = now - SignedDuration::from_secs(spacing * n as i64 + 600);
        let is_video = n % 10 == 3;
        let (video, poster) = if is_video { videos[n % videos.len()] } else { (None, None) };
        let story = NewStory {
            section: sections[n % sections.len()],
            kind: if is_video { StoryKind::Video } else { StoryKind::Text },
            video,
            poster,
        };
        let byline: Vec<ContributorId> = if n % 3 == 0 {
            vec![contributors[n % CONTRIBUTORS], contributors[(n * 7 + 1) % CONTRIBUTORS]]
        } else {
            vec![contributors[n % CONTRIBUTORS]]
        };
        let articles = editions
            .iter()
            .map(|edition| {
                let text = words.article(Script::of(edition));
                NewArticle {
                    story: dateline_core::StoryId(0),
                    edition: edition.clone(),
                    // Unique per edition: the story number is in every slug.
                    slug: Slug::parse(&format!("{}-{n}", text.slug)).unwrap_or_else(|_| fallback_slug(n)),
                    headline: text.headline,
                    standfirst: Some(text.standfirst),
                    body_markdown: text.body,
                    byline_role: if is_video { BylineRole::VideoJournalist } else { BylineRole::Reporter },
                    contributors: byline.clone(),
                    place: None,
                    status: ArticleStatus::Published,
                    published_at: Some(published),
                    updated_at: None,
                    correction: None,
                    captions: None,
                    author: None,
                }
            })
            .collect();
        batch.push((story, articles));
        if batch.len() == BATCH || n + 1 == stories {
            written += store.create_stories_bulk(&batch).await?;
            batch.clear();
            if (n + 1) % 50_000 < BATCH {
                eprintln!("{} stories…", n + 1);
            }
        }
    }
    // No cache has seen these rows: the change log need not carry a million entries.
    store.clear_changes().await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "wrote {stories} stories, {written} articles in {seconds:.1} s ({:.0} articles/s)",
        written as f64 / seconds.max(0.001)
    );
    Ok(())
}

fn fallback_slug(n: usize) -> Slug {
    Slug::parse(&format!("story-{n}")).expect("a valid slug")
}

/// The demo's video reports' video and poster, to reuse on generated ones.
async fn demo_videos(store: &Store) -> anyhow::Result<Vec<(Option<AssetId>, Option<AssetId>)>> {
    let mut videos = Vec::new();
    for name in ["glacier-survey", "harbour-timelapse", "night-market"] {
        let video = store.asset_by_key(&format!("demo/{name}.mp4")).await?.map(|a| a.id);
        let poster = store.asset_by_key(&format!("demo/{name}.jpg")).await?.map(|a| a.id);
        if video.is_some() {
            videos.push((video, poster));
        }
    }
    if videos.is_empty() {
        bail!("the demo site has no videos to reuse");
    }
    Ok(videos)
}

async fn add_contributors(store: &Store) -> anyhow::Result<Vec<ContributorId>> {
    let given = ["Ada", "Bo", "Chen", "Dara", "Enkh", "Femi", "Gala", "Hiro", "Iris", "Jun"];
    let family = ["Marsh", "Tolui", "Lin", "Okafor"];
    let chinese_family = ["林", "王", "陈", "赵"];
    let chinese_given = ["晓明", "海燕", "志强", "雪梅", "建华", "丽娟", "国庆", "春生", "秋月", "文杰"];
    let traditional_given = ["曉明", "海燕", "志強", "雪梅", "建華", "麗娟", "國慶", "春生", "秋月", "文傑"];
    let mongolian = ["Бат", "Болд", "Сараа", "Дорж", "Оюун", "Туяа", "Ганаа", "Нараа", "Мөнх", "Энх"];
    let mongolian_family = ["Ганбат", "Төмөр", "Алтан", "Сүх"];
    let code = |c: &str| EditionCode::parse(c).expect("a demo edition");
    let mut ids = Vec::new();
    for i in 0..CONTRIBUTORS {
        let (g, f) = (i % given.len(), i / given.len());
        let name = |edition: &str, name: String| ContributorName { edition: code(edition), name, bio: None };
        let id = store
            .create_contributor(&NewContributor {
                slug: Slug::parse(&format!("{}-{}-{i}", given[g], family[f]).to_ascii_lowercase())?,
                names: vec![
                    name("en", format!("{} {}", given[g], family[f])),
                    name("zh-hans", format!("{}{}", chinese_family[f], chinese_given[g])),
                    name("zh-hant", format!("{}{}", chinese_family[f], traditional_given[g])),
                    name("mn", format!("{}. {}", &mongolian_family[f][..2], mongolian[g])),
                ],
                photo: None,
            })
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    English,
    Simplified,
    Traditional,
    Mongolian,
}

impl Script {
    fn of(edition: &EditionCode) -> Script {
        match edition.as_str() {
            "zh-hans" => Script::Simplified,
            "zh-hant" => Script::Traditional,
            "mn" => Script::Mongolian,
            _ => Script::English,
        }
    }

    fn vocabulary(self) -> &'static [&'static str] {
        match self {
            Script::English => ENGLISH,
            Script::Simplified => SIMPLIFIED,
            Script::Traditional => TRADITIONAL,
            Script::Mongolian => MONGOLIAN,
        }
    }

    /// Chinese runs its words together; the others separate them with spaces.
    fn separator(self) -> &'static str {
        match self {
            Script::Simplified | Script::Traditional => "",
            _ => " ",
        }
    }

    fn full_stop(self) -> &'static str {
        match self {
            Script::Simplified | Script::Traditional => "。",
            _ => ".",
        }
    }
}

struct GeneratedText {
    slug: String,
    headline: String,
    standfirst: String,
    body: String,
}

/// A small deterministic generator (xorshift64*): the same archive every run, no dependency.
struct Words {
    state: u64,
}

impl Words {
    fn new(seed: u64) -> Words {
        Words { state: seed.max(1) }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn phrase(&mut self, script: Script, words: usize) -> String {
        let vocabulary = script.vocabulary();
        (0..words).map(|_| vocabulary[self.below(vocabulary.len())]).collect::<Vec<_>>().join(script.separator())
    }

    fn sentence(&mut self, script: Script) -> String {
        let length = 6 + self.below(14);
        let mut sentence = self.phrase(script, length);
        if script == Script::English || script == Script::Mongolian {
            let mut chars = sentence.chars();
            if let Some(first) = chars.next() {
                sentence = first.to_uppercase().chain(chars).collect();
            }
        }
        sentence.push_str(script.full_stop());
        sentence
    }

    fn article(&mut self, script: Script) -> GeneratedText {
        let headline_words = if script.separator().is_empty() { 5 + self.below(4) } else { 6 + self.below(5) };
        let mut headline = self.sentence(script);
        headline = headline.trim_end_matches(script.full_stop()).to_owned();
        headline = headline.split(script.separator()).take(headline_words).collect::<Vec<_>>().join(script.separator());
        if script.separator().is_empty() {
            headline = headline.chars().take(headline_words * 2).collect();
        }
        let slug = if script == Script::English {
            headline.split(' ').take(5).collect::<Vec<_>>().join("-").to_ascii_lowercase()
        } else {
            // Slugs are ASCII: non-Latin editions use a neutral stem.
            "report".to_owned()
        };
        let standfirst = self.sentence(script);
        let paragraphs = 5 + self.below(4);
        let mut body = String::new();
        for p in 0..paragraphs {
            if p == 3 {
                body.push_str("## ");
                let words = 3 + self.below(3);
                body.push_str(&self.phrase(script, words));
                body.push_str("\n\n");
            }
            let sentences = 2 + self.below(4);
            for s in 0..sentences {
                if s > 0 {
                    body.push_str(script.separator());
                }
                body.push_str(&self.sentence(script));
            }
            body.push_str("\n\n");
        }
        GeneratedText { slug, headline, standfirst, body }
    }
}

// Word lists written for Dateline: common newsroom vocabulary, no outlet's text.
const ENGLISH: &[&str] = &[
    "harbour",
    "council",
    "ministry",
    "river",
    "market",
    "ferry",
    "budget",
    "province",
    "railway",
    "school",
    "farmers",
    "drought",
    "festival",
    "bridge",
    "election",
    "workers",
    "museum",
    "hospital",
    "weather",
    "exports",
    "steppe",
    "herders",
    "winter",
    "city",
    "officials",
    "residents",
    "report",
    "reported",
    "reporting",
    "announced",
    "plans",
    "opened",
    "delayed",
    "rising",
    "falling",
    "new",
    "old",
    "northern",
    "southern",
    "coastal",
    "inland",
    "record",
    "survey",
    "season",
    "prices",
    "water",
    "power",
    "grid",
    "students",
    "teachers",
    "the",
    "a",
    "of",
    "in",
    "on",
    "for",
    "after",
    "before",
    "with",
    "and",
    "says",
    "said",
    "will",
    "could",
    "week",
    "month",
    "year",
    "local",
    "national",
    "agreement",
    "talks",
    "trade",
    "port",
    "cargo",
    "glacier",
    "scientists",
    "measure",
    "snow",
    "rain",
    "roads",
    "reopen",
    "close",
    "visitors",
    "night",
    "morning",
    "quietly",
    "sharply",
    "slowly",
    "again",
];

const SIMPLIFIED: &[&str] = &[
    "港口",
    "议会",
    "部门",
    "河流",
    "市场",
    "渡轮",
    "预算",
    "省份",
    "铁路",
    "学校",
    "农民",
    "干旱",
    "节日",
    "大桥",
    "选举",
    "工人",
    "博物馆",
    "医院",
    "天气",
    "出口",
    "草原",
    "牧民",
    "冬季",
    "城市",
    "官员",
    "居民",
    "报道",
    "宣布",
    "计划",
    "开放",
    "推迟",
    "上涨",
    "下降",
    "新的",
    "北部",
    "南部",
    "沿海",
    "内陆",
    "纪录",
    "调查",
    "季节",
    "价格",
    "水源",
    "电网",
    "学生",
    "教师",
    "今天",
    "本周",
    "本月",
    "今年",
    "地方",
    "全国",
    "协议",
    "会谈",
    "贸易",
    "货物",
    "冰川",
    "科学家",
    "测量",
    "降雪",
    "降雨",
    "道路",
    "重新",
    "游客",
    "夜间",
    "早晨",
    "再次",
    "表示",
    "已经",
    "正在",
];

const TRADITIONAL: &[&str] = &[
    "港口",
    "議會",
    "部門",
    "河流",
    "市場",
    "渡輪",
    "預算",
    "省份",
    "鐵路",
    "學校",
    "農民",
    "乾旱",
    "節日",
    "大橋",
    "選舉",
    "工人",
    "博物館",
    "醫院",
    "天氣",
    "出口",
    "草原",
    "牧民",
    "冬季",
    "城市",
    "官員",
    "居民",
    "報道",
    "宣佈",
    "計劃",
    "開放",
    "推遲",
    "上漲",
    "下降",
    "新的",
    "北部",
    "南部",
    "沿海",
    "內陸",
    "紀錄",
    "調查",
    "季節",
    "價格",
    "水源",
    "電網",
    "學生",
    "教師",
    "今天",
    "本週",
    "本月",
    "今年",
    "地方",
    "全國",
    "協議",
    "會談",
    "貿易",
    "貨物",
    "冰川",
    "科學家",
    "測量",
    "降雪",
    "降雨",
    "道路",
    "重新",
    "遊客",
    "夜間",
    "早晨",
    "再次",
    "表示",
    "已經",
    "正在",
];

const MONGOLIAN: &[&str] = &[
    "боомт",
    "зөвлөл",
    "яам",
    "гол",
    "зах",
    "гатлага",
    "төсөв",
    "аймаг",
    "төмөр",
    "зам",
    "сургууль",
    "тариачид",
    "ган",
    "наадам",
    "гүүр",
    "сонгууль",
    "ажилчид",
    "музей",
    "эмнэлэг",
    "цаг",
    "агаар",
    "экспорт",
    "тал",
    "малчид",
    "өвөл",
    "хот",
    "албан",
    "тушаалтан",
    "оршин",
    "суугчид",
    "мэдээлэв",
    "мэдээлсэн",
    "зарлав",
    "төлөвлөгөө",
    "нээгдэв",
    "хойшлов",
    "өсөв",
    "буурав",
    "шинэ",
    "хуучин",
    "хойд",
    "өмнөд",
    "эрэг",
    "дээд",
    "судалгаа",
    "улирал",
    "үнэ",
    "ус",
    "эрчим",
    "хүч",
    "сурагчид",
    "багш",
    "энэ",
    "долоо",
    "хоног",
    "сар",
    "жил",
    "орон",
    "нутгийн",
    "үндэсний",
    "гэрээ",
    "хэлэлцээ",
    "худалдаа",
    "ачаа",
    "мөсөн",
    "эрдэмтэд",
    "хэмжилт",
    "цас",
    "бороо",
    "замууд",
    "дахин",
    "зочид",
    "шөнө",
    "өглөө",
    "аажмаар",
    "гэнэт",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_deterministic_and_in_each_script() {
        let mut a = Words::new(7);
        let mut b = Words::new(7);
        let english = a.article(Script::English);
        assert_eq!(english.headline, b.article(Script::English).headline);
        assert!(Slug::parse(&format!("{}-1", english.slug)).is_ok(), "{}", english.slug);
        let chinese = a.article(Script::Simplified);
        assert!(!chinese.body.contains(' ') || chinese.body.contains("## "), "Chinese runs words together");
        assert!(chinese.headline.chars().all(|c| !c.is_ascii()), "{}", chinese.headline);
        let mongolian = a.article(Script::Mongolian);
        assert!(mongolian.body.chars().any(|c| ('а'..='я').contains(&c) || c == 'ө' || c == 'ү'));
        assert!(english.body.len() > 500, "a realistic length: {}", english.body.len());
    }
}
