#!/usr/bin/env python3
"""The measuring half of benchmarks/million/run (see there): usage measure.py CLI_DLL LUCENE_DLL DIR N SHARED PAPERS CORPUS."""
import glob, json, os, re, statistics, subprocess, sys, time

cli, lucene, keep, n, shared, papers, corpus = sys.argv[1:8]
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


# Ours: ingest into a new store.
for f in glob.glob(db + "*"): os.remove(f)
seeds = sorted(glob.glob(f"{shared}/seeds/*.txt"))
ingest_s, ingest_rss, _, _ = timed(["dotnet", cli, "ingest", *seeds, papers, "--db", db])

# Cold start: a new process opens the store and answers one question (median of three).
colds = []
for _ in range(3):
    t0 = time.perf_counter()
    _, cold_rss, out, _ = timed(["dotnet", cli, "search", texts[0], "--json", "--top", "10", "--db", db])
    colds.append(time.perf_counter() - t0)
    json.loads(out)

# A fresh batch process: questions one at a time, each round trip timed from here.
report = f"{keep}/time-batch.txt"
proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", report, "dotnet", cli, "search", "--json", "--top", "10", "--db", db],
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
ours_q = score([{"q": a["q"], "results": [r["title"] for r in a["results"]]} for a in answers])

# Lucene: in-RAM index of the same papers (seed corpus + synthetic), then the questions in process.
with open(questions_file) as qf:
    lucene_s, lucene_rss, lout, lerr = timed(["dotnet", lucene, corpus], stdin=qf)
lm = dict(re.findall(r"(\w+)=([\d.]+)", lerr))
luc_q = score([json.loads(l) for l in lout.splitlines() if l.strip()])
lp50 = float(lm["p50_ms"])

w50 = statistics.median(warm); f_mean = statistics.mean(fresh)
print(f"{n} synthetic papers + seeds ({lm['docs']} docs in Lucene), {len(texts)} dev questions, one run")
rows = [
    ("ingest s", f"{ingest_s:.1f}", f"{float(lm['index_ms']) / 1000:.1f}", "ours: whole `ingest` process; Lucene: in-RAM indexing"),
    ("ingest peak RSS MiB", f"{ingest_rss:.0f}", f"{lucene_rss:.0f}", "Lucene: whole process (index + queries)"),
    ("query p50 warm ms", f"{w50:.2f}", f"{lp50:.2f}", f"ours/Lucene {w50 / lp50:.2f} (ours: round trip over a pipe)"),
    ("query mean, fresh first 50, ms", f"{f_mean:.2f}", f"{lp50:.2f}", f"ours/Lucene p50 {f_mean / lp50:.2f}"),
    ("cold start s (open + 1st answer)", f"{statistics.median(colds):.2f}", "-", f"new process, median of 3; batch's first answer {first_ms / 1000:.2f} s"),
    ("search process peak RSS MiB", f"{search_rss:.0f}", "-", f"one-shot search {cold_rss:.0f} MiB"),
    ("recall@5 / MRR@10 / nDCG@10", f"{ours_q['recall@5']}/{ours_q['mrr@10']}/{ours_q['ndcg@10']}",
     f"{luc_q['recall@5']}/{luc_q['mrr@10']}/{luc_q['ndcg@10']}", ""),
]
print(f"| {'':34}| {'ours':>20} | {'Lucene BM25':>20} | note")
print(f"|{'-' * 35}|{'-' * 22}|{'-' * 22}|-----")
for name, ours, luc, note in rows: print(f"| {name:34}| {ours:>20} | {luc:>20} | {note}")
