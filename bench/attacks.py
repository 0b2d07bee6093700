"""The resource attacks of the "Hardening" issue, against a running server, with its memory
(resident and peak, from /proc) before and after each:

    dateline serve --demo --data DIR --listen 127.0.0.1:8944 &
    printf 'a long enough password\n' | dateline user add --email m@x.test --name M --role editor --data DIR
    TOKEN=$(dateline token create --email m@x.test --name m --data DIR)
    ulimit -n 4096; python3 bench/attacks.py 8944 "$(pgrep -f 'listen 127.0.0.1:8944')" "$TOKEN"

The other reader of the last attack connects from 127.0.0.2 (any loopback address works on
Linux): a different client from the attacker's 127.0.0.1. Results are in SECURITY.md."""
import json, socket, sys, threading, time, struct, zlib, urllib.request

PORT = int(sys.argv[1]); PID = int(sys.argv[2]); TOKEN = sys.argv[3] if len(sys.argv) > 3 else ""
def mem():
    d = {}
    for line in open(f"/proc/{PID}/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":"); d[k] = int(v.split()[0]) // 1024
    return d
LAST = {}
def req(method, path, body=b"", headers=None, source="127.0.0.1"):
    s = socket.create_connection(("127.0.0.1", PORT), source_address=(source, 0)); s.settimeout(60)
    h = {"Host": "x", "Content-Length": str(len(body)), "Connection": "close"}; h.update(headers or {})
    s.sendall(f"{method} {path} HTTP/1.1\r\n".encode() + b"".join(f"{k}: {v}\r\n".encode() for k, v in h.items()) + b"\r\n" + body)
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk: break
        data += chunk
    s.close()
    LAST["body"] = data.split(b"\r\n\r\n", 1)[-1][:300]
    return int(data.split(b" ", 2)[1]) if data else 0

results = []
def row(name, before, after, statuses):
    results.append((name, before["VmRSS"], after["VmRSS"], after["VmHWM"], statuses))
    print(f"{name}: RSS {before['VmRSS']} -> {after['VmRSS']} MB, peak {after['VmHWM']} MB, {statuses}", flush=True)

# 1. 600 sign-ins with distinct 1 MB e-mail strings.
before = mem(); statuses = {}
for i in range(600):
    body = json.dumps({"email": f"{i}" + "x" * (1 << 20) + "@news.test", "password": "wrong password here"}).encode()
    st = req("POST", "/admin/api/session", body, {"Content-Type": "application/json"})
    statuses[st] = statuses.get(st, 0) + 1
time.sleep(1); row("600 sign-ins with 1 MB e-mails", before, mem(), statuses)

# 2. A small PNG declaring 16,000 x 16,000 pixels, uploaded by an editor.
def png(w, h):
    raw = b"".join(b"\x00" + b"\x00" * (w * 3) for _ in range(1))  # one row only: a lie about the size
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw * 200)) + chunk(b"IEND", b"")
before = mem(); statuses = {}
if TOKEN:
    for _ in range(5):
        st = req("POST", "/admin/api/uploads?name=big.png", png(16000, 16000), {"Authorization": f"Bearer {TOKEN}", "Content-Type": "image/png"})
        statuses[st] = statuses.get(st, 0) + 1
time.sleep(1); row("16,000 x 16,000 PNG uploads", before, mem(), statuses); print("   answer:", LAST.get("body"))

# 3. 1,100 connections sending a sign-in body a byte a second, while a reader asks for pages.
before = mem(); socks = []
for i in range(1100):
    try:
        s = socket.create_connection(("127.0.0.1", PORT)); s.settimeout(30)
        s.sendall(b"POST /admin/api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
        socks.append(s)
    except OSError:
        pass
reader = {}
def trickle():
    for _ in range(12):
        for s in socks:
            try: s.send(b" ")
            except OSError: pass
        time.sleep(1)
t = threading.Thread(target=trickle); t.start()
for _ in range(40):
    try: st = req("GET", "/en/search?q=port", source="127.0.0.2")
    except Exception: st = "err"
    reader[st] = reader.get(st, 0) + 1
    time.sleep(0.2)
t.join()
answers = {}
for s in socks:
    try:
        s.settimeout(0.5); data = s.recv(100)
        key = data[9:12].decode() if data else "closed"
    except OSError: key = "open"
    answers[key] = answers.get(key, 0) + 1
row(f"1,100 slow sign-in bodies (their answers within 12 s: {answers}); another reader's searches meanwhile", before, mem(), reader)
for s in socks: s.close()
