#!/usr/bin/env python3
"""Dateline's benchmark harness: run by `bench/run` (see BENCHMARKS.md).

For each archive size it generates a site (`dateline bench-data`), starts the release build
of `dateline serve`, and measures with wrk from a separate process on loopback:

- cached pages (article, homepage, section, feed, search) against nginx serving the same
  article HTML as a static file (and a pre-compressed copy with gzip_static), same run;
- the same pages with the cache off (`--no-cache`), and their render time in process, without
  HTTP (the divan benchmark `crates/web/benches/render.rs`, run on the same archive);
- start-up time to the first response and resident memory idle and under load;
- time from a publish API call returning to the page being served, and publish throughput
  through the Admin API.

It prints Markdown tables; nothing here asserts a target.
"""

import argparse
import atexit
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18080
NGINX_PORT = 18081


def need(tool, package):
    if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
        sys.exit(f"bench: {tool} is missing: apt-get install -y {package}")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def get(url, headers=None, timeout=60):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


RUNNING = []


def stop_all():
    """Leaves no server behind when the harness fails midway (it would hold the port)."""
    for process in RUNNING:
        if process.poll() is None:
            process.kill()


atexit.register(stop_all)


class Server:
    def __init__(self, binary, data, cache=True, extra=()):
        self.binary, self.data, self.cache, self.extra = binary, data, cache, list(extra)
        self.process = None

    def start(self):
        args = [self.binary, "serve", "--data", self.data, "--listen", f"127.0.0.1:{PORT}"]
        if not self.cache:
            args.append("--no-cache")
        args += self.extra
        started = time.perf_counter()
        self.log = open(os.path.join(self.data, "..", f"server-{os.path.basename(self.data)}.log"), "w")
        # wrk is one address with 64 connections: lift the per-client share and budgets so
        # that the server's own capacity is measured, not the limits that share it out.
        env = dict(os.environ, DATELINE_LIMITS_PER_CLIENT_REQUESTS="1024", DATELINE_LIMITS_SEARCH_PER_MINUTE="0",
                   DATELINE_LIMITS_TOKEN_CALLS_PER_MINUTE="0")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=env)
        RUNNING.append(self.process)
        while True:
            try:
                status, _ = get(f"http://127.0.0.1:{PORT}/en/", timeout=1)
                if status == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit(f"bench: the server exited; see {self.log.name}")
            time.sleep(0.005)
        return time.perf_counter() - started

    def stop(self):
        if self.process:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
            self.process = None


def wrk(url, gzip=False, seconds=10, sample_pid=None, connections=64):
    """Requests/s, p50 ms, p99 ms (and peak RSS of sample_pid during the run)."""
    threads = min(2, connections)
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if gzip:
        args[1:1] = ["-H", "Accept-Encoding: gzip"]
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(sample_pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample) if sample_pid else None
    if sampler:
        sampler.start()
    out = run(args).stdout
    done.set()
    if sampler:
        sampler.join()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  warning: {errors.group(1)} non-2xx responses from {url}", file=sys.stderr)
    return rps, percentile(50), percentile(99), peak[0]


def nginx_start(workdir, html):
    root = os.path.join(workdir, "nginx-root")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "article.html"), "wb") as f:
        f.write(html)
    run(["gzip", "-kf9", os.path.join(root, "article.html")])
    conf = os.path.join(workdir, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types {{ text/html html; }}
    gzip_static on;
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        root {root};
    }}
}}
""")
    run(["nginx", "-c", conf, "-p", workdir])
    time.sleep(0.3)
    return conf


def nginx_stop(workdir, conf):
    subprocess.run(["nginx", "-c", conf, "-p", workdir, "-s", "stop"], check=False)
    time.sleep(0.3)


def first_link(html, prefix):
    match = re.search(rf'href="({re.escape(prefix)}[^"#?]+)"', html)
    return match.group(1) if match else None


def admin_token(binary, data):
    email = "bench@dateline.test"
    subprocess.run([binary, "user", "add", "--data", data, "--email", email, "--name", "Bench", "--role", "editor"],
                   input="bench password 123\n", text=True, capture_output=True)
    out = run([binary, "token", "create", "--data", data, "--email", email, "--name", "bench"]).stdout
    return out.strip().splitlines()[-1]


def api(conn, method, path, token, body):
    conn.request(method, path, body=json.dumps(body),
                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {payload[:200]!r}")
    return json.loads(payload)


def publish_one(conn, token, section, label):
    created = api(conn, "POST", "/admin/api/stories", token, {
        "edition": "en", "section_id": section,
        "article": {"headline": f"Benchmark story {label}", "slug": f"bench-{label}",
                    "body_markdown": "A paragraph written by the benchmark.\n\nAnother one."},
    })
    article_id = created["article"]["id"] if "article" in created else created["id"]
    published = api(conn, "POST", f"/admin/api/articles/{article_id}/transitions", token, {"action": "publish"})
    return published.get("url") or f"/en/articles/bench-{label}"


def publish_measures(binary, data, section):
    token = admin_token(binary, data)
    conn = http.client.HTTPConnection("127.0.0.1", PORT)
    visible = []
    stamp = int(time.time())
    for i in range(20):
        url = publish_one(conn, token, section, f"v{stamp}-{i}")
        returned = time.perf_counter()
        path = url.split(str(PORT), 1)[-1]
        while get(f"http://127.0.0.1:{PORT}{path}")[0] != 200:
            time.sleep(0.001)
        visible.append((time.perf_counter() - returned) * 1000)
    # Throughput: four clients create and publish as fast as the server lets them.
    count = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + 10

    def client(n):
        c = http.client.HTTPConnection("127.0.0.1", PORT)
        i = 0
        while time.perf_counter() < deadline:
            publish_one(c, token, section, f"t{stamp}-{n}-{i}")
            i += 1
        with lock:
            count[0] += i

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statistics.median(visible), max(visible), count[0] / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[0, 250000],
                        help="archive sizes in stories (0 = the demo site); default: 0 250000")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--workdir", default="/var/tmp/dateline-bench")
    parser.add_argument("--binary", help="a release build of dateline to measure (default: build one)")
    args = parser.parse_args()
    need("wrk", "wrk")
    need("nginx", "nginx-light")
    binary = args.binary
    if binary is None:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        print("building the release binary…", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "-p", "dateline"], cwd=ROOT, check=True)
        binary = os.path.join(target, "release", "dateline")
    os.makedirs(args.workdir, exist_ok=True)
    s = args.seconds
    report = []

    for size in args.sizes:
        data = os.path.join(args.workdir, f"data-{size}")
        generation = "existing"
        if not os.path.exists(data):
            if size == 0:
                # The plain demo site: seeded by the first `serve --demo`.
                seeding = Server(binary, data, extra=["--demo"])
                os.makedirs(data)
                seeding.start()
                seeding.stop()
                generation = "the demo site"
            else:
                out = run([binary, "bench-data", "--stories", str(size), "--data", data]).stdout
                generation = out.strip().splitlines()[-1]
            search_index = run([binary, "reindex", "--data", data]).stdout.strip() if _has_reindex(binary) else ""
            if search_index:
                print(f"  {search_index}", file=sys.stderr)
        # The demo site's 16 stories (41 articles) come with every size.
        articles = size * 4 + 41
        print(f"== {size} stories ({articles} articles): {generation}", file=sys.stderr)

        # In process, before any server runs: the render time without HTTP.
        rendered = render_medians(data)

        server = Server(binary, data)
        startup = server.start()
        time.sleep(1)
        idle = rss_mb(server.process.pid)
        base = f"http://127.0.0.1:{PORT}"
        home = get(f"{base}/en/")[1].decode()
        article = first_link(home, "/en/articles/")
        section = first_link(home, "/en/sections/")
        pages = [("article", article), ("homepage", "/en/"), ("section", section), ("feed", "/en/feed.atom"),
                 ("search", "/en/search?q=harbour")]
        rows = []
        peak = idle
        for name, path in pages:
            started = time.perf_counter()
            if path is None or get(base + path)[0] != 200:
                rows.append((name, path, None))
                continue
            print(f"  first {name} request: {(time.perf_counter() - started) * 1000:.0f} ms", file=sys.stderr)
            result = wrk(base + path, seconds=s, sample_pid=server.process.pid)
            peak = max(peak, result[3])
            rows.append((name, path, result))
        gz = wrk(base + article, gzip=True, seconds=s, sample_pid=server.process.pid)
        # nginx serves the very same article HTML from a file, in the same run.
        html = get(base + article)[1]
        conf = nginx_start(args.workdir, html)
        nginx_plain = wrk(f"http://127.0.0.1:{NGINX_PORT}/article.html", seconds=s)
        nginx_gzip = wrk(f"http://127.0.0.1:{NGINX_PORT}/article.html", gzip=True, seconds=s)
        nginx_stop(args.workdir, conf)
        # Section 1 is the demo's first section, present at every size.
        p2v_median, p2v_max, throughput = publish_measures(binary, data, 1)
        server.stop()

        uncached = Server(binary, data, cache=False)
        uncached.start()
        uncached_rows = []
        for name, path in pages:
            if path is None or get(base + path)[0] != 200:
                continue
            # One client at a time: the time to render one page, with nothing queued before it.
            alone = wrk(base + path, seconds=max(2, s // 2), connections=1)
            # Eight clients keep both cores busy without a queue as deep as 64 clients build.
            few = wrk(base + path, seconds=max(2, s // 2), connections=8)
            result = wrk(base + path, seconds=s, sample_pid=uncached.process.pid)
            peak = max(peak, result[3])
            uncached_rows.append((name, result, alone, few))
        uncached.stop()

        title = "the demo site (16 stories, 41 articles)" if size == 0 else \
            f"{size:,} stories × 4 editions + the demo site ({articles:,} articles)"
        lines = [f"### {title}", "",
                 f"Generation: {generation}. Start-up to first response: {startup * 1000:.0f} ms. "
                 f"Resident memory: {idle:.0f} MB idle, {peak:.0f} MB peak under load.", "",
                 "| page (cached) | requests/s | p50 ms | p99 ms |", "|---|---:|---:|---:|"]
        for name, path, result in rows:
            if result is None:
                lines.append(f"| {name} | not served ({path}) | | |")
            else:
                lines.append(f"| {name} | {result[0]:,.0f} | {result[1]:.2f} | {result[2]:.2f} |")
        lines += [f"| article, gzip | {gz[0]:,.0f} | {gz[1]:.2f} | {gz[2]:.2f} |",
                  f"| nginx, same HTML file | {nginx_plain[0]:,.0f} | {nginx_plain[1]:.2f} | {nginx_plain[2]:.2f} |",
                  f"| nginx, gzip_static | {nginx_gzip[0]:,.0f} | {nginx_gzip[1]:.2f} | {nginx_gzip[2]:.2f} |",
                  f"| **Dateline / nginx** | {rows[0][2][0] / nginx_plain[0]:.2f} × plain, "
                  f"{gz[0] / nginx_gzip[0]:.2f} × gzip | | |", "",
                  "| page (cache off) | requests/s | p50 ms | p99 ms | one client: p50 ms | 8 clients: req/s, p99 ms "
                  "| render in process: median ms |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for name, result, alone, few in uncached_rows:
            render = f"{rendered[name]:.2f}" if name in rendered else "–"
            lines.append(f"| {name} | {result[0]:,.0f} | {result[1]:.2f} | {result[2]:.2f} | {alone[1]:.2f} "
                         f"| {few[0]:,.0f}, {few[2]:.2f} | {render} |")
        lines += ["", f"Publish to visible: median {p2v_median:.1f} ms, max {p2v_max:.1f} ms (20 publishes). "
                      f"Publish throughput through the Admin API: {throughput:,.0f} articles/s "
                      "(4 clients, create + publish each).", ""]
        print("\n".join(lines))
        report.extend(lines)
        sys.stdout.flush()

    with open(os.path.join(args.workdir, "report.md"), "w") as f:
        f.write("\n".join(report) + "\n")


DIVAN_ROW = re.compile(r"^\s*[├╰]─ (\w+)\s+([\d.]+ \S+)\s+│\s+([\d.]+ \S+)\s+│\s+([\d.]+ \S+)")
UNITS_MS = {"ns": 1e-6, "µs": 1e-3, "ms": 1.0, "s": 1000.0}


def render_medians(data):
    """Median render time (ms) per page type from the divan benchmark, run on `data`."""
    out = subprocess.run(["cargo", "bench", "-q", "-p", "dateline-web", "--bench", "render"], cwd=ROOT,
                         env={**os.environ, "DATELINE_BENCH_DATA": data}, capture_output=True, text=True, check=True)
    medians = {}
    for line in out.stdout.splitlines():
        match = DIVAN_ROW.match(line)
        if match:
            value, unit = match.group(4).split()
            medians[match.group(1)] = float(value) * UNITS_MS[unit]
    return medians


def _has_reindex(binary):
    return "reindex" in run([binary, "--help"]).stdout


if __name__ == "__main__":
    main()
