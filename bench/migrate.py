#!/usr/bin/env python3
"""The import benchmark: `bench/migrate [--posts N] [--binary PATH] [--postgres URL]`.

It writes a WordPress export (WXR 1.2) of N generated posts in two languages linked by
Polylang translation groups, with categories, tags, authors, block-editor and classic bodies
with shortcodes, then times `dateline migrate-from wordpress FILE --languages en=en,zh=zh-hans`
into an empty SQLite data directory and into an empty PostgreSQL database, and a second run of
the same file into each (which must change nothing). For each it prints the wall time, posts
per second and the peak resident memory of the `dateline` process.

It prints a Markdown table; nothing here asserts a target.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

CATEGORIES = ["world", "business", "science", "culture", "sport", "asia", "europe", "harbour", "weather", "opinion"]
AUTHORS = ["desk", "ana", "bold", "chen", "dulmaa"]
WORDS_EN = "the harbour council ferry river market survey station report season crossing pier weather".split()
WORDS_ZH = list("港口议会渡轮河流市场调查车站报告季节码头天气新闻城市")


def body(rng, post_id, zh):
    words = WORDS_ZH if zh else WORDS_EN
    sep = "" if zh else " "
    paragraphs = []
    for _ in range(6):
        sentence = sep.join(rng.choice(words) for _ in range(60 if zh else 40))
        paragraphs.append(sentence)
    if post_id % 2:
        blocks = [f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in paragraphs]
        blocks.insert(
            2,
            '<!-- wp:image {"id":9} -->\n<figure class="wp-block-image"><img src="https://old.example/wp-content/'
            f'uploads/2024/05/photo-{post_id % 50}-1024x683.jpg" alt="A photo"/><figcaption>At the pier</figcaption>'
            "</figure>\n<!-- /wp:image -->",
        )
        blocks.append('<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>A quote.</p></blockquote>\n<!-- /wp:quote -->')
        return "\n\n".join(blocks)
    text = "\n\n".join(paragraphs[:3])
    text += '\n\n[caption id="attachment_9" width="300"]<img src="https://old.example/wp-content/uploads/2024/05/pier.jpg" alt="Pier" /> The pier[/caption]\n\n'
    text += "\n\n".join(f"<strong>{p[:20]}</strong> {p[20:]}" for p in paragraphs[3:])
    return text


def write_wxr(path, posts, seed=7):
    rng = random.Random(seed)
    groups = posts // 2
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Generated News</title>\n'
            "<link>https://old.example</link>\n<language>en-US</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:base_site_url>https://old.example</wp:base_site_url>\n<wp:base_blog_url>https://old.example</wp:base_blog_url>\n"
        )
        for i, login in enumerate(AUTHORS, 1):
            out.write(
                f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login><![CDATA[{login}]]></wp:author_login>"
                f"<wp:author_email><![CDATA[{login}@old.example]]></wp:author_email>"
                f"<wp:author_display_name><![CDATA[{login.title()}]]></wp:author_display_name></wp:author>\n"
            )
        for i, slug in enumerate(CATEGORIES, 1):
            out.write(
                f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename>"
                f"<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[{slug.title()}]]></wp:cat_name></wp:category>\n"
            )
        for code, name, term in (("en", "English", 101), ("zh", "中文", 102)):
            out.write(
                f"<wp:term><wp:term_id>{term}</wp:term_id><wp:term_taxonomy><![CDATA[language]]></wp:term_taxonomy>"
                f"<wp:term_slug><![CDATA[{code}]]></wp:term_slug><wp:term_name><![CDATA[{name}]]></wp:term_name></wp:term>\n"
            )
        for group in range(groups):
            en_id, zh_id = 1000 + 2 * group, 1001 + 2 * group
            description = f'a:2:{{s:2:"en";i:{en_id};s:2:"zh";i:{zh_id};}}'
            out.write(
                f"<wp:term><wp:term_id>{100000 + group}</wp:term_id><wp:term_taxonomy><![CDATA[post_translations]]></wp:term_taxonomy>"
                f"<wp:term_slug><![CDATA[pll_{group}]]></wp:term_slug><wp:term_name><![CDATA[pll_{group}]]></wp:term_name>"
                f"<wp:term_description><![CDATA[{description}]]></wp:term_description></wp:term>\n"
            )
        for group in range(groups):
            category = CATEGORIES[group % len(CATEGORIES)]
            author = AUTHORS[group % len(AUTHORS)]
            tags = [f"topic-{rng.randrange(500)}" for _ in range(3)]
            day = 1 + group % 28
            for zh in (False, True):
                post_id = 1001 + 2 * group if zh else 1000 + 2 * group
                lang = "zh" if zh else "en"
                title = f"渡轮报道 {group}" if zh else f"Ferry report {group}"
                slug = f"ferry-report-{group}"
                tag_xml = "".join(
                    f'<category domain="post_tag" nicename="{t}"><![CDATA[{t}]]></category>' for t in tags
                )
                out.write(
                    f"<item><title><![CDATA[{title}]]></title><link>https://old.example/{lang}/2024/05/{day:02d}/{slug}/</link>"
                    f"<dc:creator><![CDATA[{author}]]></dc:creator><guid isPermaLink=\"false\">https://old.example/?p={post_id}</guid>"
                    f"<content:encoded><![CDATA[{body(rng, post_id, zh)}]]></content:encoded>"
                    f"<excerpt:encoded><![CDATA[The ferry crossed again, report {group}.]]></excerpt:encoded>"
                    f"<wp:post_id>{post_id}</wp:post_id><wp:post_date><![CDATA[2024-05-{day:02d} 10:00:00]]></wp:post_date>"
                    f"<wp:post_date_gmt><![CDATA[2024-05-{day:02d} 02:00:00]]></wp:post_date_gmt>"
                    f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
                    f"<wp:post_type><![CDATA[post]]></wp:post_type><wp:is_sticky>0</wp:is_sticky>"
                    f'<category domain="category" nicename="{category}"><![CDATA[{category.title()}]]></category>{tag_xml}'
                    f'<category domain="language" nicename="{lang}"><![CDATA[{lang}]]></category>'
                    f'<category domain="post_translations" nicename="pll_{group}"><![CDATA[pll_{group}]]></category>'
                    "</item>\n"
                )
        out.write("</channel>\n</rss>\n")
    return os.path.getsize(path)


def timed(cmd):
    """Runs cmd; returns (wall seconds, import seconds, search index seconds, peak RSS in MB)."""
    started = time.monotonic()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read()
    # wait4 gives this child's own resource usage (ru_maxrss in KiB on Linux).
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{output.decode(errors='replace')}")
    text = output.decode(errors="replace")
    imported = re.search(r"done in ([0-9.]+) s", text)
    indexed = re.search(r"search index brought up to date in ([0-9.]+) s", text)
    return (
        seconds,
        float(imported.group(1)) if imported else seconds,
        float(indexed.group(1)) if indexed else 0.0,
        usage.ru_maxrss / 1024,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="a server where the bench may create and drop a database; '' to skip")
    args = parser.parse_args()

    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-p", "dateline"], check=True)
        target = os.environ.get("CARGO_TARGET_DIR", "target")
        binary = os.path.join(target, "release", "dateline")
    work = tempfile.mkdtemp(prefix="dateline-migrate-bench-")
    try:
        wxr = os.path.join(work, "export.xml")
        size = write_wxr(wxr, args.posts)
        print(f"export: {args.posts} posts ({args.posts // 2} translation groups), {size / 1e6:.1f} MB\n")
        rows = []
        command = ["migrate-from", "wordpress", wxr, "--languages", "en=en,zh=zh-hans"]

        data = os.path.join(work, "sqlite")
        for run in ("first", "again"):
            rows.append(("SQLite", run, *timed([binary, *command, "--data", data])))

        if args.postgres:
            database = "dateline_migrate_bench"
            admin = args.postgres
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {database}"], check=True)
            subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {database}"], check=True)
            url = admin.rsplit("/", 1)[0] + "/" + database
            pg_data = os.path.join(work, "pg")
            try:
                for run in ("first", "again"):
                    rows.append(("PostgreSQL", run, *timed([binary, "--database", url, *command, "--data", pg_data])))
            finally:
                subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {database}"])

        print("| store | run | import s | posts/s | search index s | whole command s | peak RSS MB |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for store, run, wall, imported, indexed, peak in rows:
            rate = args.posts / imported if imported > 0 else float("inf")
            print(f"| {store} | {run} | {imported:.1f} | {rate:,.0f} | {indexed:.1f} | {wall:.1f} | {peak:.0f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
