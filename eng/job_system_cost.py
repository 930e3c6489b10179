#!/usr/bin/env python3
"""Summarizes eng/job-system-cost.sh's snapshots: CPU per accepted job by role and Redis commands per job.

Reads DIR/before-<run>.txt, DIR/after-<run>.txt (lines "cpu <container> <clock ticks>" and
"cmd cmdstat_<name>:calls=N,usec=N,...") and DIR/report-<run>.json (the perf run's report: totals.statusCodes)
for each run <system>-<config>, and prints one Markdown table per measure.
"""

import json
import os
import re
import sys

RUNS = ["streams-baseline", "streams-optimized", "bullmq-baseline", "bullmq-optimized"]
CLOCK_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
COMMAND = re.compile(r"cmdstat_([^:]+):calls=(\d+),usec=(\d+)")


def role_of(container):
    for role in ("redis", "api", "worker"):
        if container.endswith(role) or f"-{role}" in container:
            return role
    return container


def read_snapshot(path):
    cpu, commands = {}, {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "cpu" and len(parts) == 3:
                cpu[parts[1]] = int(parts[2])
            elif parts[0] == "cmd" and (match := COMMAND.match(parts[1])):
                commands[match.group(1)] = (int(match.group(2)), int(match.group(3)))
            else:
                raise ValueError(f"{path}:{number}: neither 'cpu <container> <ticks>' nor 'cmd cmdstat_...': {line.strip()!r}")
    return cpu, commands


def accepted_jobs(report_path):
    with open(report_path, encoding="utf-8") as report:
        codes = json.load(report)["totals"]["statusCodes"]
    return int(codes.get("202", 0))


def measure(directory, run):
    cpu_before, commands_before = read_snapshot(os.path.join(directory, f"before-{run}.txt"))
    cpu_after, commands_after = read_snapshot(os.path.join(directory, f"after-{run}.txt"))
    jobs = accepted_jobs(os.path.join(directory, f"report-{run}.json"))
    if jobs == 0:
        raise ValueError(f"{directory}/report-{run}.json: no job was accepted (no 202), nothing to divide by")
    cpu = {}
    for container, ticks in cpu_after.items():
        role = role_of(container)
        cpu[role] = cpu.get(role, 0) + ticks - cpu_before.get(container, 0)
    calls = {name: after[0] - commands_before.get(name, (0, 0))[0] for name, after in commands_after.items()}
    return {
        "jobs": jobs,
        "cpu_us_per_job": {role: ticks / CLOCK_TICKS_PER_SECOND * 1e6 / jobs for role, ticks in cpu.items()},
        "commands_per_job": sum(calls.values()) / jobs,
        "top_commands": sorted(((count / jobs, name) for name, count in calls.items() if count > 0), reverse=True)[:8],
    }


def main(argv):
    if len(argv) != 2:
        print("usage: job_system_cost.py DIR", file=sys.stderr)
        return 2
    results = {run: measure(argv[1], run) for run in RUNS if os.path.exists(os.path.join(argv[1], f"after-{run}.txt"))}
    print("| system, configuration | jobs | API CPU per job | worker CPU per job (all replicas) | Redis CPU per job | Redis commands per job |")
    print("|---|---:|---:|---:|---:|---:|")
    for run, result in results.items():
        cpu = result["cpu_us_per_job"]
        print(f"| {run} | {result['jobs']:,} | {cpu.get('api', 0):.0f} µs | {cpu.get('worker', 0):.0f} µs | "
              f"{cpu.get('redis', 0):.0f} µs | {result['commands_per_job']:.1f} |")
    print()
    print("| system, configuration | Redis commands per job, most frequent |")
    print("|---|---|")
    for run, result in results.items():
        print(f"| {run} | " + ", ".join(f"{name} {count:.2f}" for count, name in result["top_commands"]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
