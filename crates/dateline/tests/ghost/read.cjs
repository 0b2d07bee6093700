// Reads a Dateline site through Ghost's official Content API client and prints what it got as
// JSON, for crates/dateline/tests/ghost_client.rs to check.
// Usage: node read.cjs BASE_URL KEY
const GhostContentAPI = require('@tryghost/content-api');

async function main() {
    const [url, key] = process.argv.slice(2);
    const api = new GhostContentAPI({url, key, version: 'v5.0'});
    const zh = new GhostContentAPI({url: `${url}/zh-hans`, key, version: 'v5.0'});
    const posts = await api.posts.browse({limit: 3, include: 'tags,authors', formats: 'html,plaintext'});
    const page2 = await api.posts.browse({limit: 3, page: 2, fields: 'id,title,slug'});
    const video = await api.posts.browse({filter: 'tag:video', limit: 'all'});
    const byAuthor = await api.posts.browse({filter: 'author:li-wen+published_at:>\'2026-11-01\'', limit: 'all'});
    const one = await api.posts.read({slug: posts[0].slug}, {include: 'authors'});
    const byId = await api.posts.read({id: posts[0].id});
    const tags = await api.tags.browse({limit: 'all', include: 'count.posts'});
    const authors = await api.authors.browse({limit: 'all'});
    const author = await api.authors.read({slug: 'li-wen'});
    const settings = await api.settings.browse();
    const pages = await api.pages.browse();
    const zhPosts = await zh.posts.browse({limit: 2});
    let missing = null;
    try {
        await api.posts.read({slug: 'no-such-post'});
    } catch (error) {
        missing = error.name;
    }
    let badKey = null;
    try {
        await new GhostContentAPI({url, key: '0123456789abcdef0123456789', version: 'v5.0'}).posts.browse();
    } catch (error) {
        badKey = error.name;
    }
    console.log(JSON.stringify({
        posts: posts.map((p) => ({id: p.id, title: p.title, slug: p.slug, url: p.url, html: p.html, plaintext: p.plaintext, tags: p.tags, authors: p.authors, primary_author: p.primary_author, published_at: p.published_at})),
        pagination: posts.meta.pagination,
        page2: page2.map((p) => Object.keys(p).sort()),
        video: video.map((p) => p.slug),
        by_author: byAuthor.map((p) => p.slug),
        one: {slug: one.slug, authors: one.authors.map((a) => a.slug)},
        by_id: byId.slug,
        tags: tags.map((t) => ({slug: t.slug, name: t.name, count: t.count})),
        authors: authors.map((a) => a.slug),
        author: author.name,
        settings: {title: settings.title, lang: settings.lang, navigation: settings.navigation.length},
        pages: pages.length,
        zh_posts: zhPosts.map((p) => p.title),
        missing,
        bad_key: badKey,
    }));
}

main().catch((error) => {
    console.error(error.stack || String(error));
    process.exit(1);
});
