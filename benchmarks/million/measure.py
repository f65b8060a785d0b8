#!/usr/bin/env python3
"""The measuring half of benchmarks/million/run (see there): usage measure.py CLI_DLL LUCENE_DLL DIR N SHARED PAPERS CORPUS REUSE [VS_DLL]."""
import glob, json, os, re, statistics, subprocess, sys, time

cli, lucene, keep, n, shared, papers, corpus, reuse = sys.argv[1:9]
vs = sys.argv[9] if len(sys.argv) > 9 and sys.argv[9] else None
questions_file = f"{shared}/eval/dev-questions.jsonl"
questions = [json.loads(l) for l in open(questions_file) if l.strip()]
texts = [q.get("q") or q["question"] for q in questions]
db = f"{keep}/ours-{n}.db"


def gnu_time(path):
    """Wall seconds and peak RSS (MiB) from a /usr/bin/time -v report."""
    report = open(path).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", report).group(1)
    secs = 0.0
    for part in clock.split(":"): secs = secs * 60 + float(part)
    return secs, rss


def timed(args, stdin=None):
    """Runs a command under /usr/bin/time -v; returns (wall seconds, peak RSS MiB, stdout, stderr)."""
    report = f"{keep}/time.txt"
    p = subprocess.run(["/usr/bin/time", "-v", "-o", report] + args, stdin=stdin, capture_output=True, text=True)
    if p.returncode != 0: sys.exit(f"failed ({p.returncode}): {' '.join(args)}\n{p.stderr[-2000:]}")
    secs, rss = gnu_time(report)
    return secs, rss, p.stdout, p.stderr


def score(ranked_lines):
    path = f"{keep}/ranked.jsonl"
    with open(path, "w") as f:
        for line in ranked_lines: f.write(json.dumps(line) + "\n")
    out = subprocess.run([sys.executable, f"{shared}/eval/score.py", questions_file, path, "5"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# Ours: ingest into a new store (unless an earlier run's store is reused).
ingest_s = ingest_rss = None
if reuse != "1" or not os.path.exists(db):
    for f in glob.glob(db + "*"): os.remove(f)
    seeds = sorted(glob.glob(f"{shared}/seeds/*.txt"))
    ingest_s, ingest_rss, _, _ = timed(["dotnet", cli, "ingest", *seeds, papers, "--db", db])


def queries(dll):
    """Cold start, fresh-process and warm query times, search-process RSS and quality of one CLI on the store."""
    colds = []
    for _ in range(3):  # a new process opens the store and answers one question (median of three)
        t0 = time.perf_counter()
        _, cold_rss, out, _ = timed(["dotnet", dll, "search", texts[0], "--json", "--top", "10", "--db", db])
        colds.append(time.perf_counter() - t0)
        json.loads(out)
    report = f"{keep}/time-batch.txt"
    proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", report, "dotnet", dll, "search", "--json", "--top", "10", "--db", db],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    def ask(q):
        t0 = time.perf_counter()
        proc.stdin.write(q + "\n"); proc.stdin.flush()
        line = proc.stdout.readline()
        return (time.perf_counter() - t0) * 1000, json.loads(line)
    first_ms, _ = ask(texts[0])
    stream = texts[1:] + texts  # the first 50 questions after the start-up one
    fresh = [ask(q)[0] for q in stream[:50]]
    answers = [ask(q)[1] for q in texts]
    warm = [ask(q)[0] for _ in range(3) for q in texts]
    proc.stdin.close(); proc.wait()
    _, search_rss = gnu_time(report)
    quality = score([{"q": a["q"], "results": [r["title"] for r in a["results"]]} for a in answers])
    return dict(cold=statistics.median(colds), cold_rss=cold_rss, first=first_ms, fresh=statistics.mean(fresh),
                warm=statistics.median(warm), rss=search_rss, quality=quality)


ours = queries(cli)
before = queries(vs) if vs else None

# Lucene: in-RAM index of the same papers (seed corpus + synthetic), then the questions in process.
with open(questions_file) as qf:
    lucene_s, lucene_rss, lout, lerr = timed(["dotnet", lucene, corpus], stdin=qf)
lm = dict(re.findall(r"(\w+)=([\d.]+)", lerr))
luc_q = score([json.loads(l) for l in lout.splitlines() if l.strip()])
lp50 = float(lm["p50_ms"])

def q(x): return f"{x['recall@5']}/{x['mrr@10']}/{x['ndcg@10']}"
print(f"{n} synthetic papers + seeds ({lm['docs']} docs in Lucene), {len(texts)} dev questions, one run")
cols = [("ours", ours)] + ([("ours before (--vs)", before)] if before else [])
rows = [
    ("ingest s", [f"{ingest_s:.1f}" if ingest_s else "(reused)"] + ["-"] * (len(cols) - 1), f"{float(lm['index_ms']) / 1000:.1f}",
     "ours: whole `ingest` process; Lucene: in-RAM indexing"),
    ("ingest peak RSS MiB", [f"{ingest_rss:.0f}" if ingest_rss else "-"] + ["-"] * (len(cols) - 1), f"{lucene_rss:.0f}", "Lucene: whole process (index + queries)"),
    ("query p50 warm ms", [f"{c['warm']:.2f}" for _, c in cols], f"{lp50:.2f}",
     "ours/Lucene " + ", ".join(f"{c['warm'] / lp50:.2f}" for _, c in cols) + " (ours: round trip over a pipe)"),
    ("query mean, fresh first 50, ms", [f"{c['fresh']:.2f}" for _, c in cols], f"{lp50:.2f}",
     "ours/Lucene p50 " + ", ".join(f"{c['fresh'] / lp50:.2f}" for _, c in cols)),
    ("cold start s (open + 1st answer)", [f"{c['cold']:.2f}" for _, c in cols], "-",
     "new process, median of 3; batch's first answer " + ", ".join(f"{c['first'] / 1000:.2f} s" for _, c in cols)),
    ("search process peak RSS MiB", [f"{c['rss']:.0f}" for _, c in cols], "-", "one-shot search " + ", ".join(f"{c['cold_rss']:.0f}" for _, c in cols) + " MiB"),
    ("recall@5 / MRR@10 / nDCG@10", [q(c["quality"]) for _, c in cols], q(luc_q), ""),
]
print("| " + f"{'':34}| " + " | ".join(f"{name:>20}" for name, _ in cols) + f" | {'Lucene BM25':>20} | note")
print("|" + "-" * 35 + "|" + "|".join("-" * 22 for _ in cols) + "|" + "-" * 22 + "|-----")
for name, values, luc, note in rows:
    print(f"| {name:34}| " + " | ".join(f"{v:>20}" for v in values) + f" | {luc:>20} | {note}")
