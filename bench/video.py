#!/usr/bin/env python3
"""The video desk's benchmark: `bench/video [--binary PATH] [--seconds N]` (see BENCHMARKS.md).

It makes two 1-minute 1280x720 clips with ffmpeg's test sources: one H.264/AAC in MP4 (which
the desk remuxes into its first rung without re-encoding) and one VP9/Opus in WebM (which it
must encode). For each, against a release `dateline serve --demo` on an empty data directory,
it uploads the clip through the Admin API and polls `GET /admin/api/videos/{id}` every 50 ms:

- time from the upload's first byte to the first playable rendition (the master playlist
  named), and to the whole ladder, the MP4, poster and storyboard (status `ready`);
- peak resident memory of the server (its own VmHWM) and of its ffmpeg processes (sampled);
- reader latency with wrk (64 connections, one address, the limits that share slots lifted as
  in bench/bench.py) on a cached article and an uncached search, without a transcode and while
  the second clip transcodes;
- a segment and a playlist served by the page cache's path, against nginx serving the same
  segment file as a static file.

It prints Markdown tables; nothing here asserts a target.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the Server and wrk helpers of the main harness)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "a long enough password for the bench"


def make_clip(path, codec, seconds):
    video = ["-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac"]
    if codec == "vp9":
        video = ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "2M", "-c:a", "libopus"]
    bench.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y",
               "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=25:duration={seconds}",
               "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", *video, "-shortest", path])


def api(port, token, method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/admin/api{path}", data=body, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def ffmpeg_rss_mb(server_pid):
    """Resident memory of the server's ffmpeg children (and their children), in MB."""
    total = 0.0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            if fields.get("Name", "").strip() != "ffmpeg":
                continue
            total += int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
        except OSError:
            continue
    return total


def hwm_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def transcode(port, token, server_pid, clip, name, during=None):
    """Uploads `clip` and follows its transcode: (first playable s, ready s, ffmpeg peak MB)."""
    with open(clip, "rb") as f:
        data = f.read()
    started = time.perf_counter()
    video = api(port, token, "POST", f"/uploads?name={name}", data, "application/octet-stream")
    first = None
    ffmpeg_peak = 0.0
    if during:
        during_thread = threading.Thread(target=during)
        during_thread.start()
    while True:
        state = api(port, token, "GET", f"/videos/{video['id']}")["transcode"]
        ffmpeg_peak = max(ffmpeg_peak, ffmpeg_rss_mb(server_pid))
        now = time.perf_counter() - started
        if first is None and state["master_url"]:
            first = now
        if state["status"] in ("ready", "failed", "cancelled"):
            break
        time.sleep(0.05)
    if during:
        during_thread.join()
    if state["status"] != "ready":
        sys.exit(f"bench: the transcode of {name} ended {state['status']}: {state['error']}")
    return first, now, ffmpeg_peak, video["id"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    parser.add_argument("--seconds", type=int, default=60, help="length of the clips")
    parser.add_argument("--load-seconds", type=int, default=10, help="length of each wrk run")
    args = parser.parse_args()
    for tool, package in [("ffmpeg", "ffmpeg"), ("wrk", "wrk"), ("nginx", "nginx")]:
        bench.need(tool, package)
    if not os.path.exists(args.binary):
        sys.exit(f"bench: no {args.binary}; build it with `cargo build --release -p dateline`")

    work = tempfile.mkdtemp(prefix="dateline-bench-video-")
    os.chmod(work, 0o755)  # nginx's workers read the segment from here
    h264, vp9 = os.path.join(work, "h264.mp4"), os.path.join(work, "vp9.webm")
    print(f"making the {args.seconds} s clips…", file=sys.stderr)
    make_clip(h264, "h264", args.seconds)
    make_clip(vp9, "vp9", args.seconds)
    data = os.path.join(work, "data")
    os.makedirs(data)
    subprocess.run([args.binary, "user", "add", "--email", "bench@news.test", "--name", "Bench", "--role", "editor",
                    "--data", data], input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    token = bench.run([args.binary, "token", "create", "--email", "bench@news.test", "--name", "bench",
                       "--data", data]).stdout.strip().split()[-1]
    server = bench.Server(args.binary, data, extra=["--demo"])
    server.start()
    port, pid = bench.PORT, server.process.pid
    base = f"http://127.0.0.1:{port}"
    _, home = bench.get(base + "/en/")
    article = re.search(rb'href="(/en/articles/[^"]+)"', home).group(1).decode()
    search = "/en/search?q=harbour"

    for path in (article, search):  # warm up: caches filled, connections made
        bench.wrk(base + path, seconds=2)
    idle = {path: bench.wrk(base + path, seconds=args.load_seconds) for path in (article, search)}
    first, ready, ffmpeg_peak, h264_id = transcode(port, token, pid, h264, "h264.mp4")
    loaded = {}

    def load():
        for path in (article, search):
            loaded[path] = bench.wrk(base + path, seconds=args.load_seconds)

    first_vp9, ready_vp9, ffmpeg_peak_vp9, _ = transcode(port, token, pid, vp9, "vp9.webm", during=load)
    server_peak = hwm_mb(pid)

    # A segment of the ladder against nginx serving the same file.
    video = api(port, token, "GET", f"/videos/{h264_id}")["transcode"]
    _, master = bench.get(base + video["master_url"])
    variant = next(line for line in master.decode().splitlines() if line and not line.startswith("#"))
    variant_url = video["master_url"].rsplit("/", 1)[0] + "/" + variant
    _, playlist = bench.get(base + variant_url)
    segment = next(line for line in playlist.decode().splitlines() if line.endswith(".m4s"))
    segment_url = variant_url.rsplit("/", 1)[0] + "/" + segment
    _, segment_bytes = bench.get(base + segment_url)
    served = {"segment": bench.wrk(base + segment_url, seconds=args.load_seconds),
              "master playlist": bench.wrk(base + video["master_url"], seconds=args.load_seconds)}
    nginx_dir = os.path.join(work, "nginx")
    os.makedirs(nginx_dir)
    conf = bench.nginx_start(nginx_dir, segment_bytes)
    nginx_segment = bench.wrk(f"http://127.0.0.1:{bench.NGINX_PORT}/article.html", seconds=args.load_seconds)
    bench.nginx_stop(nginx_dir, conf)
    server.stop()

    minutes = args.seconds / 60
    print(f"\n### Upload to playable ({args.seconds} s clips, 1280×720, 25 fps)\n")
    print("| clip | first playable rendition | whole ladder, MP4, poster, storyboard | per minute of source | ffmpeg peak RSS |")
    print("|---|---:|---:|---:|---:|")
    print(f"| H.264/AAC MP4 (remuxed first) | {first:.1f} s | {ready:.1f} s | {ready / minutes:.1f} s | {ffmpeg_peak:.0f} MB |")
    print(f"| VP9/Opus WebM (encoded first) | {first_vp9:.1f} s | {ready_vp9:.1f} s | {ready_vp9 / minutes:.1f} s | {ffmpeg_peak_vp9:.0f} MB |")
    print(f"\nServer peak RSS over the whole run (VmHWM): {server_peak:.0f} MB\n")
    print("### Reader latency while a transcode runs (wrk, 64 connections)\n")
    print("| page | req/s idle | p99 idle | req/s transcoding | p99 transcoding |")
    print("|---|---:|---:|---:|---:|")
    for path in (article, search):
        (rps, _, p99, _), (rps_t, _, p99_t, _) = idle[path], loaded[path]
        print(f"| `{path}` | {rps:,.0f} | {p99:.1f} ms | {rps_t:,.0f} | {p99_t:.1f} ms |")
    print(f"\n### Serving the ladder ({len(segment_bytes) / 1024:.0f} KB segment)\n")
    print("| what | req/s | p50 | p99 |")
    print("|---|---:|---:|---:|")
    for name, (rps, p50, p99, _) in served.items():
        print(f"| Dateline: {name} | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms |")
    rps, p50, p99, _ = nginx_segment
    print(f"| nginx: the same segment, static | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
