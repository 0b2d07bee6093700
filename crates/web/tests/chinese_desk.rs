//! The Chinese desk: a Traditional edition derived from the Simplified one. A translation
//! starts as the converted text (Markdown, links and code kept), exactly what
//! `dateline zh convert` gives; a source the converter cannot read is refused with the place.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, send, sign_in, test_site};

const BODY: &str = "这项算法由本地团队发明，议会一致通过。\n\n## 软件与网络\n\n\
                    [查看数据](https://example.org/数据) 和 `干扰值` 不变。\n\n\
                    ![台风过后的码头](/media/quay.jpg \"台风过后 | 摄影：新闻部\")";

#[tokio::test]
async fn a_traditional_translation_starts_as_the_converted_simplified_text() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "议会一致通过新算法", "slug": "suanfa", "standfirst": "不断发展的软件产业",
                     "body_markdown": BODY } });
    let (response, article) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 201, "{article}");
    let id = article["id"].as_i64().unwrap();
    let (response, _) = send(
        &site,
        "PUT",
        &format!("/admin/api/articles/{id}/meta"),
        Some(&ada),
        Some(json!({ "image_alt": "台风过后的码头", "tags": ["台风"] })),
    )
    .await;
    assert_eq!(response.status, 200);

    // Not derived: a translation is a copy, as before.
    let translate = |edition: &str| json!({ "edition": edition, "slug": format!("suanfa-{edition}") });
    let path = format!("/admin/api/articles/{id}/translations");
    let (response, copy) = send(&site, "POST", &path, Some(&ada), Some(translate("mn"))).await;
    assert_eq!(response.status, 201, "{copy}");
    assert_eq!(copy["headline"], "议会一致通过新算法");

    let derive = json!({ "source": "zh-hans", "profile": "zh-tw" });
    let (response, saved) =
        send(&site, "PUT", "/admin/api/editions/zh-hant/derivation", Some(&ada), Some(derive)).await;
    assert_eq!((response.status, &saved["profile"]), (200, &json!("zh-tw")), "{saved}");
    let (response, derived) = send(&site, "POST", &path, Some(&ada), Some(translate("zh-hant"))).await;
    assert_eq!(response.status, 201, "{derived}");
    assert_eq!(derived["headline"], "議會一致通過新演算法");
    assert_eq!(derived["standfirst"], "不斷發展的軟體產業");
    let body = derived["body_markdown"].as_str().unwrap();
    assert!(body.starts_with("這項演算法由本地團隊發明，議會一致通過。\n\n## 軟體與網路\n\n"), "{body}");
    assert!(body.contains("[檢視數據](https://example.org/数据)"), "the link target is kept: {body}");
    assert!(body.contains("`干扰值`"), "code is kept: {body}");
    assert!(body.contains("![颱風過後的碼頭](/media/quay.jpg \"颱風過後 | 攝影：新聞部\")"), "{body}");
    // The same text the command line gives (`dateline zh convert` calls the same function).
    let none = dateline_chinese::Glossary::default();
    assert_eq!(body, dateline_chinese::convert_markdown(BODY, dateline_chinese::Profile::ZhTw, &none).unwrap());
    let derived_id = derived["id"].as_i64().unwrap();
    let (_, meta) = send(&site, "GET", &format!("/admin/api/articles/{derived_id}/meta"), Some(&ada), None).await;
    assert_eq!(meta["image_alt"], "颱風過後的碼頭");
    assert_eq!(meta["tags"], json!(["颱風"]));

    // A marker left open is refused at the save, naming where; nothing is made.
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "范先生", "slug": "fan", "body_markdown": "第一行\n\n-{范先生说" } });
    let (response, refused) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 422, "{refused}");
    let message = refused["error"]["fields"]["body_markdown"].as_str().unwrap();
    assert!(message.contains("line 3, column 1"), "{message}");

    // Markers say how a run comes out in each edition, and never show themselves.
    let marked = "本报-{zh-hans:信息;zh-hant:訊息}-中心说，-{范}-先生出席。";
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "信息中心开放", "slug": "xinxi", "body_markdown": marked } });
    let (response, source) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 201, "{source}");
    let path = format!("/admin/api/articles/{}/transitions", source["id"]);
    let (response, _) = send(&site, "POST", &path, Some(&ada), Some(json!({ "action": "publish" }))).await;
    assert_eq!(response.status, 200);
    let page = site.get("/zh-hans/articles/xinxi").await.text();
    assert!(page.contains("本报信息中心说，范先生出席。"), "{page}");
    let feed = site.get("/zh-hans/feed.atom").await.text();
    let (_, api) = send(&site, "GET", &format!("/admin/api/articles/{}", source["id"]), Some(&ada), None).await;
    assert_eq!(api["body_markdown"], marked, "the editor keeps the markers");
    for (surface, text) in [("page", page), ("feed", feed)] {
        assert!(!text.contains("-{") && !text.contains("}-"), "no marker on the {surface}: {text}");
    }
    let path = format!("/admin/api/articles/{}/translations", source["id"]);
    let (_, derived) = send(&site, "POST", &path, Some(&ada), Some(json!({ "edition": "zh-hant" }))).await;
    assert_eq!(derived["body_markdown"], "本報訊息中心說，范先生出席。", "{derived}");

    // Derived again after the source changed: the editor's own paragraph stays, the source's
    // new one arrives, and where both changed one sentence the editor's is kept and shown.
    let derived_id = derived["id"].as_i64().unwrap();
    let edit = json!({ "base_revision": derived["revision"], "headline": derived["headline"], "slug": "xinxi",
        "body_markdown": "編者按：本文已更新。\n\n本報訊息中心說，范先生出席。", "contributors": [] });
    let (response, edited) =
        send(&site, "PUT", &format!("/admin/api/articles/{derived_id}"), Some(&ada), Some(edit)).await;
    assert_eq!(response.status, 200, "{edited}");
    let (_, source_now) = send(&site, "GET", &format!("/admin/api/articles/{}", source["id"]), Some(&ada), None).await;
    let change = json!({ "base_revision": source_now["revision"], "headline": "信息中心开放", "slug": "xinxi",
        "body_markdown": format!("{marked}\n\n中心明年扩建。"), "contributors": [] });
    let (response, _) =
        send(&site, "PUT", &format!("/admin/api/articles/{}", source["id"]), Some(&ada), Some(change)).await;
    assert_eq!(response.status, 200);
    let derive = format!("/admin/api/articles/{derived_id}/derive");
    let (response, again) =
        send(&site, "POST", &derive, Some(&ada), Some(json!({ "base_revision": edited["revision"] }))).await;
    assert_eq!(response.status, 200, "{again}");
    assert_eq!(
        again["body_markdown"], "編者按：本文已更新。\n\n本報訊息中心說，范先生出席。\n\n中心明年擴建。",
        "{again}"
    );
    assert_eq!(again["conflicts"], json!([]));
    // A stale revision is refused, as for a save.
    let (response, _) =
        send(&site, "POST", &derive, Some(&ada), Some(json!({ "base_revision": edited["revision"] }))).await;
    assert_eq!(response.status, 409);
    // Both sides change the same sentence: the editor's stays, and the conflict is listed.
    let edit = json!({ "base_revision": again["revision"], "headline": again["headline"], "slug": "xinxi",
        "body_markdown": "編者按：本文已更新。\n\n本報訊息中心說，范先生出席。\n\n中心後年擴建。", "contributors": [] });
    let (_, edited) = send(&site, "PUT", &format!("/admin/api/articles/{derived_id}"), Some(&ada), Some(edit)).await;
    let (_, source_now) = send(&site, "GET", &format!("/admin/api/articles/{}", source["id"]), Some(&ada), None).await;
    let change = json!({ "base_revision": source_now["revision"], "headline": "信息中心开放", "slug": "xinxi",
        "body_markdown": format!("{marked}\n\n中心下月扩建。"), "contributors": [] });
    send(&site, "PUT", &format!("/admin/api/articles/{}", source["id"]), Some(&ada), Some(change)).await;
    let (_, again) =
        send(&site, "POST", &derive, Some(&ada), Some(json!({ "base_revision": edited["revision"] }))).await;
    assert_eq!(
        again["body_markdown"], "編者按：本文已更新。\n\n本報訊息中心說，范先生出席。\n\n中心後年擴建。",
        "{again}"
    );
    let conflicts = again["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{again}");
    assert_eq!(conflicts[0]["editor"], "中心後年擴建。");
    assert_eq!(conflicts[0]["source"], "中心下月擴建。");
    // From the editor page: the button is there, and nothing new in the source is a quiet success.
    let editor_path = format!("/admin/articles/{derived_id}");
    let page = site.get_with(&editor_path, &[("cookie", ada.cookie.as_str())]).await.text();
    assert!(page.contains(&format!("action=\"/admin/articles/{derived_id}/derive\"")), "{page}");
    let revision = again["revision"].to_string();
    let referer = format!("http://news.test:8080{editor_path}");
    let (status, location, _) = support::post_form(
        &site,
        &ada,
        &format!("{editor_path}/derive"),
        &[("base_revision", revision.as_str())],
        &referer,
    )
    .await;
    assert_eq!((status, location.as_str()), (303, editor_path.as_str()));

    // The newsroom's glossary comes first: a name written the house's way.
    let glossary = "/admin/api/editions/zh-hant/glossary";
    let term = json!({ "term": "王小明", "replacement": "王曉明" });
    let (response, saved) = send(&site, "POST", glossary, Some(&ada), Some(term)).await;
    assert_eq!(response.status, 201, "{saved}");
    for (term, replacement, problem) in
        [("本报", "本报", "no entry is needed"), ("王曉明", "王小明", "loop"), ("", "王", "write the term")]
    {
        let body = json!({ "term": term, "replacement": replacement });
        let (response, refused) = send(&site, "POST", glossary, Some(&ada), Some(body)).await;
        assert_eq!(response.status, 422, "{term}: {refused}");
        assert!(refused.to_string().contains(problem), "{term}: {refused}");
    }
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let term = json!({ "term": "李", "replacement": "季" });
    assert_eq!(send(&site, "POST", glossary, Some(&rita), Some(term)).await.0.status, 403, "editors keep the glossary");
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "王小明当选", "slug": "wang", "body_markdown": "王小明发表讲话。" } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    let path = format!("/admin/api/articles/{}/translations", article["id"]);
    let (_, derived) = send(&site, "POST", &path, Some(&ada), Some(json!({ "edition": "zh-hant" }))).await;
    assert_eq!((&derived["headline"], &derived["body_markdown"]), (&json!("王曉明當選"), &json!("王曉明發表講話。")));
    let page = site.get_with("/admin/glossary", &[("cookie", ada.cookie.as_str())]).await.text();
    assert!(page.contains("王小明") && page.contains("王曉明"), "{page}");
    let (_, list) = send(&site, "GET", glossary, Some(&ada), None).await;
    let id = list["terms"][0]["id"].as_i64().unwrap();
    let (response, _) = send(&site, "DELETE", &format!("{glossary}/{id}"), Some(&ada), None).await;
    assert_eq!(response.status, 204);
    assert_eq!(send(&site, "GET", glossary, Some(&ada), None).await.1["terms"], json!([]));

    // From the editions page, as an admin: written on its own again.
    let referer = "http://news.test:8080/admin/editions";
    let fields = [("source", ""), ("profile", "zh-tw")];
    let (status, location, _) =
        support::post_form(&site, &ada, "/admin/editions/zh-hant/derivation", &fields, referer).await;
    assert_eq!((status, location.as_str()), (303, "/admin/editions"));
    let (_, now) = send(&site, "GET", "/admin/api/editions/zh-hant/derivation", Some(&ada), None).await;
    assert_eq!(now["source"], json!(null));
}

/// The review of a derived article: its phrases with more than one candidate, found again in
/// the text as an editor changed it; another candidate is one choice away and can go to the
/// glossary, which then marks the other derived articles using the phrase for review.
#[tokio::test]
async fn a_derived_article_is_reviewed_beside_its_source() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let derive = json!({ "source": "zh-hans", "profile": "zh-tw" });
    let (response, _) = send(&site, "PUT", "/admin/api/editions/zh-hant/derivation", Some(&ada), Some(derive)).await;
    assert_eq!(response.status, 200);

    // The edition had no names of its own for Asia and Jane Doe: they are derived now.
    let (_, sections) = send(&site, "GET", "/admin/api/sections", Some(&ada), None).await;
    assert!(sections.to_string().contains("亞洲"), "{sections}");
    let (_, contributors) = send(&site, "GET", "/admin/api/contributors", Some(&ada), None).await;
    assert!(contributors.to_string().contains("簡·多伊"), "{contributors}");
    assert!(sections.to_string().contains("國際"), "names the edition had are kept");

    let text = "老板娘说只有面。这是他的发。";
    let mut ids = Vec::new();
    for slug in ["mian-bao", "mian-bao-2"] {
        let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
            "article": { "headline": "面包店", "slug": slug, "body_markdown": text } });
        let (_, source) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
        let path = format!("/admin/api/articles/{}/translations", source["id"]);
        let (response, derived) = send(&site, "POST", &path, Some(&ada), Some(json!({ "edition": "zh-hant" }))).await;
        assert_eq!(response.status, 201, "{derived}");
        ids.push(derived["id"].as_i64().unwrap());
    }
    let review_path = format!("/admin/api/articles/{}/review", ids[0]);
    let (response, review) = send(&site, "GET", &review_path, Some(&ada), None).await;
    assert_eq!(response.status, 200, "{review}");
    assert_eq!(review["profile"], "zh-tw");
    let body = review["fields"].as_array().unwrap().iter().find(|f| f["field"] == "body_markdown").unwrap().clone();
    assert_eq!(body["source_text"], text);
    let candidates = body["candidates"].as_array().unwrap();
    assert!(!candidates.is_empty(), "{review}");
    let chars: Vec<char> = body["text"].as_str().unwrap().chars().collect();
    for c in candidates {
        let (start, end) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[start..end].iter().collect::<String>(), c["now"].as_str().unwrap(), "{c}");
        assert!(!c["alternatives"].as_array().unwrap().is_empty(), "{c}");
    }

    // An editor edits another sentence; the candidate is still found, and chosen.
    let candidate = candidates[0].clone();
    let (_, article) = send(&site, "GET", &format!("/admin/api/articles/{}", ids[0]), Some(&ada), None).await;
    let edited_body = format!("{}（編者補充）", article["body_markdown"].as_str().unwrap());
    let edit = json!({ "base_revision": article["revision"], "headline": article["headline"], "slug": article["slug"],
        "body_markdown": edited_body, "contributors": [] });
    let (response, edited) =
        send(&site, "PUT", &format!("/admin/api/articles/{}", ids[0]), Some(&ada), Some(edit)).await;
    assert_eq!(response.status, 200, "{edited}");
    let (_, review) = send(&site, "GET", &review_path, Some(&ada), None).await;
    let body = review["fields"].as_array().unwrap().iter().find(|f| f["field"] == "body_markdown").unwrap().clone();
    let again = body["candidates"].as_array().unwrap().iter().find(|c| c["source"] == candidate["source"]).cloned();
    let again = again.unwrap_or_else(|| panic!("{} is still listed: {review}", candidate["source"]));
    let other = again["alternatives"][0].as_str().unwrap().to_owned();
    let choice = json!({ "base_revision": edited["revision"], "field": "body_markdown", "start": again["start"],
        "replacement": other, "save_to_glossary": true });
    let (response, chosen) = send(&site, "POST", &review_path, Some(&ada), Some(choice)).await;
    assert_eq!(response.status, 200, "{chosen}");
    let start = again["start"].as_u64().unwrap() as usize;
    let now: String =
        chosen["body_markdown"].as_str().unwrap().chars().skip(start).take(other.chars().count()).collect();
    assert_eq!(now, other);
    assert!(chosen["body_markdown"].as_str().unwrap().ends_with("（編者補充）"), "the edit stays: {chosen}");
    assert_eq!(chosen["glossary_term"]["term"], candidate["source"]);
    // The glossary decides the phrase now: it is no longer a question in this article.
    let (_, review) = send(&site, "GET", &review_path, Some(&ada), None).await;
    let listed = review["fields"].as_array().unwrap().iter().flat_map(|f| f["candidates"].as_array().unwrap().clone());
    assert!(listed.into_iter().all(|c| c["source"] != candidate["source"]), "{review}");
    assert_eq!(review["review_terms"], json!([]), "the article the choice was made in is settled");

    // The other derived article uses the phrase: it needs a look, in the API and the editor.
    let (_, second) = send(&site, "GET", &format!("/admin/api/articles/{}", ids[1]), Some(&ada), None).await;
    assert_eq!(second["derivation"]["review_terms"], json!([candidate["source"]]), "{second}");
    let page = site.get_with(&format!("/admin/articles/{}", ids[1]), &[("cookie", ada.cookie.as_str())]).await.text();
    assert!(page.contains(&format!("/admin/articles/{}/review", ids[1])), "{page}");
    assert!(page.contains("The glossary changed"), "{page}");
    // Derived again, it takes the glossary's way; or marked reviewed, it is settled.
    let derive = format!("/admin/api/articles/{}/derive", ids[1]);
    let (response, rederived) =
        send(&site, "POST", &derive, Some(&ada), Some(json!({ "base_revision": second["revision"] }))).await;
    assert_eq!(response.status, 200, "{rederived}");
    assert_eq!(rederived["derivation"]["review_terms"], json!([]));
    assert!(rederived["body_markdown"].as_str().unwrap().contains(&other), "{rederived}");

    // The review page itself, in the admin.
    let page =
        site.get_with(&format!("/admin/articles/{}/review", ids[0]), &[("cookie", ada.cookie.as_str())]).await.text();
    assert!(page.contains("<mark>") && page.contains("name=\"replacement\""), "{page}");
    assert!(page.contains(text), "the source beside it: {page}");

    // Not derived: nothing to review.
    let (response, _) = send(&site, "GET", "/admin/api/articles/1/review", Some(&ada), None).await;
    assert_eq!(response.status, 409);
    // Markers stay out of headlines, where the glossary serves.
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "-{范}-先生", "slug": "fan-xiansheng", "body_markdown": "正文。" } });
    let (response, refused) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 422, "{refused}");
    assert!(refused["error"]["fields"]["headline"].as_str().unwrap().contains("body only"), "{refused}");
}
