#!/usr/bin/env python3
"""Understudy and moto_server side by side, in one run, under the same load generator.

Prints, for GetSecretValue and ListSecrets: requests per second and p50/p99 latency from
wrk (same threads, connections and duration against both), the ratio of ours to moto's;
and our resident memory when idle and our start-to-ready time (exec to the first
answered health check), as medians over several starts.

    bench/secretsmanager_vs_moto.py build/understudy [--duration 10] [--connections 16]
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
AUTH = ("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/secretsmanager/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0" * 64)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def start_to_ready_ms(binary, runs=7):
    """Exec to the first answered health check, polling a raw socket as fast as we can."""
    times = []
    for _ in range(runs):
        port = free_port()
        request = b"GET /_understudy/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        t0 = time.perf_counter()
        proc = subprocess.Popen([binary, "serve", "--ephemeral", "--port", str(port), "--log-level", "warn"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(request)
                    if s.recv(12).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            if time.perf_counter() - t0 > 10:
                raise RuntimeError("understudy did not become ready in 10 s")
        times.append((time.perf_counter() - t0) * 1000)
        proc.terminate()
        proc.wait()
    return statistics.median(times)


def seed(endpoint, count):
    sm = boto3.client("secretsmanager", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="x")
    for i in range(count):
        sm.create_secret(Name=f"bench/secret-{i}", SecretString=json.dumps({"password": f"p{i}" * 8}))


def wrk(endpoint, target, body, duration, connections, threads):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/x-amz-json-1.1"\n'
        f'wrk.headers["X-Amz-Target"] = "secretsmanager.{target}"\n'
        f'wrk.headers["Authorization"] = "{AUTH}"\n'
        'wrk.headers["X-Amz-Date"] = "20261123T000000Z"\n'
        "done = function(summary, latency, requests)\n"
        '  io.write(string.format("RESULT %d %d %d %f %f\\n", summary.requests, summary.errors.status,\n'
        "    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,\n"
        "    latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0))\n"
        "end\n")
    script.close()
    try:
        out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                              "-s", script.name, endpoint + "/"], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    m = re.search(r"RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)", out)
    requests, status_errors, socket_errors, p50, p99 = m.groups()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if int(status_errors) or int(socket_errors):
        print(f"  warning: {status_errors} non-2xx answers, {socket_errors} socket errors", file=sys.stderr)
    return {"rps": rps, "p50_ms": float(p50), "p99_ms": float(p99), "requests": int(requests)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--secrets", type=int, default=50)
    args = ap.parse_args()
    for tool in ("wrk", "moto_server"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")

    ready_ms = start_to_ready_ms(args.binary)

    ours_port, moto_port = free_port(), free_port()
    state = tempfile.mkdtemp(prefix="bench-")
    ours = subprocess.Popen([args.binary, "serve", "--port", str(ours_port), "--state-dir", state,
                             "--log-level", "warn"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    moto = subprocess.Popen(["moto_server", "-p", str(moto_port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        ours_url, moto_url = f"http://127.0.0.1:{ours_port}", f"http://127.0.0.1:{moto_port}"
        wait_http(ours_url + "/_understudy/health")
        wait_http(moto_url + "/moto-api/")
        time.sleep(0.5)
        idle_rss = rss_kib(ours.pid)
        seed(ours_url, args.secrets)
        seed(moto_url, args.secrets)

        cases = {
            "GetSecretValue": {"SecretId": "bench/secret-7"},
            "ListSecrets": {"MaxResults": 20},
        }
        print(f"Secrets Manager, wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
              f"{args.secrets} secrets, same machine, one run")
        print(f"{'operation':<16}{'server':<12}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
        for op, body in cases.items():
            results = {}
            for name, url in (("understudy", ours_url), ("moto", moto_url)):
                results[name] = r = wrk(url, op, json.dumps(body), args.duration, args.connections, args.threads)
                print(f"{op:<16}{name:<12}{r['rps']:>10.0f}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}")
            ratio = results["understudy"]["rps"] / max(results["moto"]["rps"], 1e-9)
            print(f"{op:<16}{'ratio':<12}{ratio:>10.1f}x  (goal: at least 50x)")
        busy_rss = rss_kib(ours.pid)
        print(f"understudy resident memory: {idle_rss / 1024:.1f} MiB idle after start (goal: under 12 MiB), "
              f"{busy_rss / 1024:.1f} MiB after the load; moto: {rss_kib(moto.pid) / 1024:.1f} MiB")
        print(f"understudy start-to-ready: {ready_ms:.1f} ms median of 7 (goal: under 20 ms)")
    finally:
        for p in (ours, moto):
            p.terminate()
            p.wait()
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()
