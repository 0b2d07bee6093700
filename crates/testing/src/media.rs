//! For tests: a real S3-compatible server, moto's (`pip install 'moto[server]'`), started on a
//! loopback port and stopped when dropped. Every bucket made here is new and empty.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dateline_media::{MediaLocation, S3Location};

/// A running `moto_server`.
pub struct S3Server {
    child: Child,
    port: u16,
}

impl S3Server {
    /// Starts one; fails the test, saying what to install, if moto is missing.
    pub fn start() -> S3Server {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("find a free port").port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start moto_server ({error}): the S3 tests need moto's server, \
                     installed with `pip install 'moto[server]'`"
                )
            });
        let server = S3Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while server.request("GET", "/", "").is_err() {
            assert!(Instant::now() < deadline, "moto_server did not answer on port {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The server's address, e.g. `http://127.0.0.1:5123`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates a new, empty bucket and returns its name.
    pub fn create_bucket(&self) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("dateline-test-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let (status, body) = self.request("PUT", &format!("/{name}"), "").expect("create a bucket");
        assert_eq!(status, 200, "creating bucket {name}: {body}");
        name
    }

    /// A media location in a new bucket, with the placeholder credentials moto accepts.
    pub fn new_location(&self) -> MediaLocation {
        MediaLocation::S3(S3Location {
            bucket: self.create_bucket(),
            prefix: None,
            endpoint: Some(self.endpoint()),
            region: "us-east-1".to_owned(),
            access_key_id: Some("testing".to_owned()),
            secret_access_key: Some("testing".to_owned()),
        })
    }

    /// The multipart uploads begun and neither completed nor aborted in `bucket`.
    pub fn unfinished_uploads(&self, bucket: &str) -> usize {
        let (status, body) = self.request("GET", &format!("/{bucket}?uploads"), "").expect("list uploads");
        assert_eq!(status, 200, "listing uploads: {body}");
        body.matches("<UploadId>").count()
    }

    /// The keys in `bucket`.
    pub fn keys(&self, bucket: &str) -> Vec<String> {
        let (status, body) = self.request("GET", &format!("/{bucket}?list-type=2"), "").expect("list objects");
        assert_eq!(status, 200, "listing objects: {body}");
        body.split("<Key>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</Key>"))
            .map(|(key, _)| key.to_owned())
            .collect()
    }

    /// One plain HTTP/1.1 request (moto does not check signatures); the status and body.
    fn request(&self, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        let status = response.get(9..12).and_then(|code| code.parse().ok()).unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body).to_owned();
        Ok((status, body))
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PNG of one pixel whose header declares `width` × `height`: what an attacker uploads to
/// make a server decode gigabytes. Its header checksum is right, so it reads as a valid PNG.
pub fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = b"IHDR".to_vec();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8-bit RGB, deflate, no filter, no interlace.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    push_chunk(&mut png, &header);
    // A tiny deflate stream and the end: readers of the header never get this far.
    push_chunk(&mut png, b"IDAT\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01");
    push_chunk(&mut png, b"IEND");
    png
}

/// Appends a chunk (its type and data in `chunk`) with its length and CRC.
fn push_chunk(png: &mut Vec<u8>, chunk: &[u8]) {
    png.extend_from_slice(&u32::try_from(chunk.len() - 4).unwrap_or(0).to_be_bytes());
    png.extend_from_slice(chunk);
    png.extend_from_slice(&crc32(chunk).to_be_bytes());
}

/// PNG's chunk checksum (CRC-32, ISO 3309).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
