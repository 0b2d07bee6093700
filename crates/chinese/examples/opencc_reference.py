"""Reference numbers from the C++ OpenCC (PyPI `opencc`) for examples/corpus.rs.

Reads one JSON object on stdin:
  {"profiles": ["s2t", ...], "texts": [...]}         -> {"s2t": [converted...], ...}
  {"profiles": ["s2t", ...], "speed": "long text"}    -> {"s2t": {"seconds": s, "init_seconds": s}, ...}
and writes the answer as JSON on stdout.
"""

import json
import sys
import time

try:
    import opencc
except ImportError:
    sys.stderr.write("the C++ OpenCC is missing: run `pip install opencc`\n")
    sys.exit(3)

request = json.load(sys.stdin)
answer = {}
for profile in request["profiles"]:
    started = time.perf_counter()
    converter = opencc.OpenCC(profile + ".json")
    init = time.perf_counter() - started
    if "texts" in request:
        answer[profile] = [converter.convert(t) for t in request["texts"]]
    else:
        text = request["speed"]
        best = None
        for _ in range(3):
            # CPU time of this thread, as the Rust side measures (the machine may be shared).
            started = time.thread_time()
            converter.convert(text)
            took = time.thread_time() - started
            best = took if best is None else min(best, took)
        answer[profile] = {"seconds": best, "init_seconds": init}
json.dump(answer, sys.stdout, ensure_ascii=False)
