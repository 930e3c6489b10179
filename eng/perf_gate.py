#!/usr/bin/env python3
"""Pull-request perf gate. Prints a Markdown table for $GITHUB_STEP_SUMMARY.

Intervals mode (the gate proper): reads the comparison of main's merge-base ("base") with the PR's head, both run
on this runner by eng/perf-gate-compare.sh, with a 95 % interval per headline metric. A metric fails the gate only
when its whole interval lies beyond the tolerance on the worse side; an interval that straddles the tolerance, or a
run without any detectable difference, passes and is called inconclusive. The head's job-path SLO checks
(jobChecks in its reports) fail the gate when an enforced one failed.

    python3 eng/perf_gate.py --intervals <base-vs-head-....json> [--head-reports GLOB] [--noise-floor FILE] [--tolerance PERCENT]

Fallback mode, for when the base cannot be built: compares this run's single-run reports with main's stored ones
(made on another runner) at a fixed relative tolerance.

    python3 eng/perf_gate.py <reference-dir> <current-artifacts-dir> [--tolerance PERCENT]

Exit status: 0 no regression, 1 at least one regression, 2 bad input (the message names the file and field).
The absolute SLOs are the profile's thresholds, which the perf tests assert themselves.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import sys
from dataclasses import dataclass
from typing import Optional, Sequence

import perf_gate_intervals as interval_gate
from perf_gate_input import GateInputError, read_json_object

EXIT_PASSED = 0
EXIT_REGRESSION = 1
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Metric:
    label: str
    path: tuple[str, ...]
    higher_is_worse: bool
    # Current values below this are noise, never a regression (an error rate that stays near zero).
    noise_floor: Optional[float] = None


METRICS: tuple[Metric, ...] = (
    Metric("p95 latency ms", ("load", "totals", "latency", "p95"), higher_is_worse=True),
    Metric("p99 latency ms", ("load", "totals", "latency", "p99"), higher_is_worse=True),
    Metric("throughput req/s", ("load", "totals", "rps"), higher_is_worse=False),
    Metric("error rate %", ("load", "totals", "errorRatePercent"), higher_is_worse=True, noise_floor=0.5),
)


@dataclass(frozen=True)
class Comparison:
    configuration: str
    metric: Metric
    reference: float
    current: float
    # None when the reference is 0: no relative change exists.
    change_percent: Optional[float]
    regression: bool

    def change_text(self) -> str:
        if self.change_percent is not None:
            return f"{self.change_percent:+.1f} %"
        return "no change" if self.current == self.reference else f"from 0 to {self.current:.2f}"

    def describe(self) -> str:
        return f"{self.configuration} {self.metric.label}: {self.reference:.2f} -> {self.current:.2f} ({self.change_text()})"


@dataclass
class GateResult:
    tolerance_percent: float
    comparisons: list[Comparison]
    without_reference: list[str]

    @property
    def regressions(self) -> list[Comparison]:
        return [c for c in self.comparisons if c.regression]


def load_report(path: str) -> dict:
    report = read_json_object(path, "a configuration report")
    if not isinstance(report.get("configuration"), str):
        raise GateInputError(f"{path}: field 'configuration' is missing or not a string")
    return report


def metric_value(report: dict, metric: Metric, path: str) -> float:
    node = report
    for depth, key in enumerate(metric.path):
        if not isinstance(node, dict) or key not in node:
            where = ".".join(metric.path[: depth + 1])
            raise GateInputError(f"{path}: field '{where}' is missing (needed for '{metric.label}')")
        node = node[key]
    if isinstance(node, bool) or not isinstance(node, (int, float)) or not math.isfinite(node):
        raise GateInputError(f"{path}: field '{'.'.join(metric.path)}' is {node!r}, expected a finite number")
    return float(node)


def relative_change(reference: float, current: float) -> Optional[float]:
    return None if reference == 0 else (current - reference) / abs(reference) * 100


def is_regression(metric: Metric, reference: float, current: float, tolerance_percent: float) -> bool:
    if metric.noise_floor is not None and current < metric.noise_floor:
        return False
    change = relative_change(reference, current)
    if change is None:
        # Any rise from 0 is an unbounded relative change; a fall below 0 cannot happen for these metrics.
        return current > 0 if metric.higher_is_worse else current < 0
    return change > tolerance_percent if metric.higher_is_worse else change < -tolerance_percent


def compare_reports(configuration: str, reference: dict, reference_path: str, current: dict, current_path: str,
                    tolerance_percent: float) -> list[Comparison]:
    comparisons = []
    for metric in METRICS:
        old = metric_value(reference, metric, reference_path)
        new = metric_value(current, metric, current_path)
        comparisons.append(Comparison(configuration, metric, old, new, relative_change(old, new),
                                      is_regression(metric, old, new, tolerance_percent)))
    return comparisons


def find_reference(reference_dir: str, report_name: str) -> Optional[str]:
    matches = sorted(glob.glob(os.path.join(glob.escape(reference_dir), "**", report_name), recursive=True))
    return matches[0] if matches else None


def run_gate(reference_dir: str, current_dir: str, tolerance_percent: float) -> GateResult:
    if not os.path.isdir(current_dir):
        raise GateInputError(f"current artifacts directory '{current_dir}' does not exist")
    current_paths = sorted(glob.glob(os.path.join(glob.escape(current_dir), "comparison-results", "report-*.json")))
    if not current_paths:
        raise GateInputError(
            f"no configuration reports under '{os.path.join(current_dir, 'comparison-results')}' "
            "(expected report-<configuration>-<profile>.json: did the perf run write any?)")
    result = GateResult(tolerance_percent, [], [])
    for current_path in current_paths:
        current = load_report(current_path)
        name = os.path.basename(current_path)
        reference_path = find_reference(reference_dir, name) if os.path.isdir(reference_dir) else None
        if reference_path is None:
            result.without_reference.append(name)
            continue
        result.comparisons.extend(compare_reports(current["configuration"], load_report(reference_path), reference_path,
                                                  current, current_path, tolerance_percent))
    return result


def render_markdown(result: GateResult) -> str:
    lines = [f"## Perf gate (tolerance {result.tolerance_percent:g} % against main)", "",
             "| configuration | metric | main | this PR | change |", "|---|---|---|---|---|"]
    for c in result.comparisons:
        verdict = "REGRESSION" if c.regression else "ok"
        lines.append(f"| {c.configuration} | {c.metric.label} | {c.reference:.2f} | {c.current:.2f} | {c.change_text()} {verdict} |")
    lines.extend(f"| {name} | (no reference from main) | | | |" for name in result.without_reference)
    if not result.comparisons:
        lines += ["", "No reference reports from main: only the absolute thresholds were checked."]
    if result.regressions:
        lines += ["", "**Regressions:**"] + [f"- {c.describe()}" for c in result.regressions]
    return "\n".join(lines) + "\n"


def tolerance_argument(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number (a percentage such as 25)") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be a percentage of 0 or more")
    return value


def parse_arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="perf_gate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?",
                        help="fallback mode: directory holding main's reports (searched recursively for report-*.json)")
    parser.add_argument("current", nargs="?",
                        help="fallback mode: this run's artifacts directory (reads comparison-results/report-*.json)")
    parser.add_argument("--intervals", metavar="JSON",
                        help="intervals mode: the base-vs-head comparison written by eng/perf-gate-compare.sh")
    parser.add_argument("--head-reports", metavar="GLOB",
                        help="intervals mode: the head's run reports whose job SLOs are checked "
                             "(default: report-*-aa-b-*.json next to the comparison)")
    parser.add_argument("--noise-floor", metavar="JSON",
                        help="intervals mode: the A/A noise floor to state (default: noise-floor-<profile>.json next to the comparison)")
    parser.add_argument("--tolerance", type=tolerance_argument, default=25.0,
                        help="relative regression allowed, in percent (default 25); intervals mode uses the larger of "
                             "this and each metric's minimum effect")
    arguments = parser.parse_args(argv)
    if arguments.intervals is None and (arguments.reference is None or arguments.current is None):
        parser.error("give --intervals JSON (same-runner comparison) or <reference-dir> <current-artifacts-dir> (fallback)")
    if arguments.intervals is not None and arguments.reference is not None:
        parser.error("--intervals takes no reference or current directory: pick one mode")
    return arguments


def main(argv: Optional[Sequence[str]] = None, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    arguments = parse_arguments(argv)
    try:
        if arguments.intervals is not None:
            interval_result = interval_gate.run(arguments.intervals, arguments.head_reports, arguments.noise_floor,
                                                arguments.tolerance)
            out.write(interval_gate.render_markdown(interval_result))
            return EXIT_REGRESSION if interval_result.failed else EXIT_PASSED
        result = run_gate(arguments.reference, arguments.current, arguments.tolerance)
    except GateInputError as error:
        print(f"perf gate: bad input: {error}", file=err)
        return EXIT_BAD_INPUT
    out.write(render_markdown(result))
    return EXIT_REGRESSION if result.regressions else EXIT_PASSED


if __name__ == "__main__":
    sys.exit(main())
