//! A generated WXR file of 20,000 posts, streamed: every item is read and converted one at a
//! time, nothing keeps them, and the process's peak memory grows by far less than the file.
//! The time is printed, never asserted.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::time::Instant;

use dateline_import::{ContentConverter, Disposition, ImportReport, MediaSource, WxrEvent, WxrReader};

const ITEMS: usize = 20_000;

/// The process's peak resident memory in KiB (Linux's `VmHWM`).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn write_wxr(path: &std::path::Path) -> std::io::Result<u64> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">"#
    )?;
    writeln!(out, "<channel><title>Generated</title><wp:wxr_version>1.2</wp:wxr_version>")?;
    // Each body is about 2 KB, so holding every item would take some 40 MB.
    let filler =
        "The ferry crossed the river again today, 渡轮今天再次过河, гатлага онгоц өнөөдөр дахин гатлав. ".repeat(14);
    for id in 1..=ITEMS {
        let title = match id % 3 {
            0 => format!("Ferry report {id}"),
            1 => format!("渡轮报道 {id}"),
            _ => format!("Гатлагын мэдээ {id}"),
        };
        writeln!(
            out,
            "<item><title><![CDATA[{title}]]></title><dc:creator>desk</dc:creator>\
             <content:encoded><![CDATA[<!-- wp:paragraph --><p>{filler} <strong>{id}</strong></p><!-- /wp:paragraph -->\
             <!-- wp:image --><figure class=\"wp-block-image\"><img src=\"https://old.example/wp-content/uploads/2024/05/f{id}-300x200.jpg\" alt=\"\"/></figure><!-- /wp:image -->]]></content:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date>\
             <wp:post_date_gmt>2024-05-01 02:00:00</wp:post_date_gmt><wp:status>publish</wp:status>\
             <wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>\
             <wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta></item>"
        )?;
    }
    writeln!(out, "</channel></rss>")?;
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

#[test]
fn streams_twenty_thousand_items() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("large.xml");
    let bytes = write_wxr(&path).expect("the file is written");
    let before = peak_memory_kib();

    let started = Instant::now();
    let media = |source: &MediaSource| source.upload_path.as_ref().map(|p| format!("/media/wp/{p}"));
    let converter = ContentConverter::new(&media);
    let mut report = ImportReport::new("wordpress");
    let (mut items, mut markdown_bytes, mut last_id) = (0usize, 0usize, 0u64);
    for event in WxrReader::new(BufReader::new(File::open(&path).expect("opens"))) {
        let event = event.expect("reads");
        report.add_wxr_event(&event);
        if let WxrEvent::Item(item) = event {
            assert_eq!(item.disposition(), Disposition::Post);
            assert!(item.id > last_id, "items come in file order");
            last_id = item.id;
            let converted = converter.wordpress_item(&item);
            markdown_bytes += converted.markdown.len();
            report.add_conversion(&converted.notes);
            items += 1;
        }
    }
    let elapsed = started.elapsed();
    let after = peak_memory_kib();

    assert_eq!(items, ITEMS);
    assert_eq!(report.posts, ITEMS as u64);
    assert_eq!(report.content["block:image"].converted, ITEMS as u64);
    assert!(report.unmapped_media.is_empty());
    assert!(markdown_bytes > ITEMS * 1_000);
    println!(
        "streamed {ITEMS} items ({:.1} MB) in {:.2?}: read and converted, {:.0} items/s; peak memory {} → {} KiB",
        bytes as f64 / 1e6,
        elapsed,
        ITEMS as f64 / elapsed.as_secs_f64(),
        before.map_or("?".to_owned(), |k| k.to_string()),
        after.map_or("?".to_owned(), |k| k.to_string()),
    );
    if let (Some(before), Some(after)) = (before, after) {
        let grown = after.saturating_sub(before) * 1024;
        assert!(
            grown < bytes / 2,
            "peak memory grew by {grown} bytes reading a {bytes}-byte file: something holds the items"
        );
    }
}
