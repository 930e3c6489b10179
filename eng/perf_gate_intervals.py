"""The gate's intervals mode: judges a same-runner base-vs-head comparison (comparison-results/base-vs-head-*.json,
written by the head build's comparison code) by its 95 % intervals, and checks the head's job-path SLOs.

A metric fails only when its whole interval lies beyond the tolerance on the worse side. The tolerance of a metric is
the larger of the gate's tolerance and the metric's own minimum effect (which a measured A/A noise floor raises); on
the difference scale (error rate, in points) it is the minimum effect alone, since a percentage of a near-zero rate
means nothing.
"""

from __future__ import annotations

import glob
import math
import os
from dataclasses import dataclass, field
from typing import Optional

from perf_gate_input import GateInputError, read_json_object

REQUIRED_TOP = ("profileName", "sideA", "sideB", "runsA", "runsB", "intervalNote", "metrics")
REQUIRED_METRIC = ("name", "unit", "direction", "scale", "a", "b", "estimate", "ciLow", "ciHigh", "minEffect", "verdict",
                   "intervalSource")
NULLABLE_METRIC = ("a", "b", "estimate", "ciLow", "ciHigh")
DETECTED = ("better", "worse", "changed")

REGRESSION = "regression"
IMPROVEMENT = "improvement"
WITHIN = "within tolerance"
STRADDLES = "inconclusive: interval straddles the tolerance"
NOT_ESTIMATED = "not judged: no interval"
NO_DIRECTION = "not judged: no better direction"


@dataclass(frozen=True)
class MetricJudgement:
    metric: dict
    tolerance: float
    outcome: str


@dataclass(frozen=True)
class JobCheck:
    report: str
    name: str
    measured: Optional[float]
    allowed: float
    unit: str
    passed: bool
    enforced: bool

    def describe(self) -> str:
        measured = "not measured" if self.measured is None else f"{self.measured:g} {self.unit}"
        return f"{self.name} in {self.report}: {measured}, allowed <= {self.allowed:g} {self.unit}"


@dataclass
class IntervalGateResult:
    path: str
    comparison: dict
    tolerance_percent: float
    noise_floor: str
    judgements: list[MetricJudgement]
    job_checks: list[JobCheck] = field(default_factory=list)
    head_reports: list[str] = field(default_factory=list)
    # The head's other threshold breaches (HTTP latency, error rate, achieved rate, audit): shown, not judged here.
    head_breaches: list[str] = field(default_factory=list)

    @property
    def regressions(self) -> list[MetricJudgement]:
        return [j for j in self.judgements if j.outcome == REGRESSION]

    @property
    def job_breaches(self) -> list[JobCheck]:
        return [c for c in self.job_checks if c.enforced and not c.passed]

    @property
    def failed(self) -> bool:
        return bool(self.regressions or self.job_breaches)

    @property
    def straddling(self) -> list[MetricJudgement]:
        return [j for j in self.judgements if j.outcome == STRADDLES]

    @property
    def nothing_detected(self) -> bool:
        return not any(j.metric["verdict"] in DETECTED for j in self.judgements)


def require(node: dict, keys: tuple[str, ...], path: str, where: str = "") -> None:
    for key in keys:
        if key not in node:
            raise GateInputError(f"{path}: field '{where}{key}' is missing")


def number(value, path: str, where: str, nullable: bool = False) -> Optional[float]:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise GateInputError(f"{path}: field '{where}' is {value!r}, expected a finite number{' or null' if nullable else ''}")
    return float(value)


def load_comparison(path: str) -> dict:
    comparison = read_json_object(path, "a comparison with intervals")
    require(comparison, REQUIRED_TOP, path)
    if not isinstance(comparison["metrics"], list):
        raise GateInputError(f"{path}: field 'metrics' is {type(comparison['metrics']).__name__}, expected a list")
    for index, metric in enumerate(comparison["metrics"]):
        where = f"metrics[{index}]."
        if not isinstance(metric, dict):
            raise GateInputError(f"{path}: field 'metrics[{index}]' is not an object")
        require(metric, REQUIRED_METRIC, path, where)
        for key in NULLABLE_METRIC:
            metric[key] = number(metric[key], path, where + key, nullable=True)
        metric["minEffect"] = number(metric["minEffect"], path, where + "minEffect")
        if metric["scale"] not in ("ratio", "difference"):
            raise GateInputError(f"{path}: field '{where}scale' is {metric['scale']!r}, expected 'ratio' or 'difference'")
    return comparison


def judge(metric: dict, tolerance_share: float) -> MetricJudgement:
    ratio = metric["scale"] == "ratio"
    tolerance = max(tolerance_share, metric["minEffect"]) if ratio else metric["minEffect"]
    low, high = metric["ciLow"], metric["ciHigh"]
    if metric["direction"] not in ("lowerIsBetter", "higherIsBetter"):
        return MetricJudgement(metric, tolerance, NO_DIRECTION)
    if low is None or high is None:
        return MetricJudgement(metric, tolerance, NOT_ESTIMATED)
    upper, lower = (1 + tolerance, 1 / (1 + tolerance)) if ratio else (tolerance, -tolerance)
    rise_is_worse = metric["direction"] == "lowerIsBetter"
    if low > upper:
        outcome = REGRESSION if rise_is_worse else IMPROVEMENT
    elif high < lower:
        outcome = IMPROVEMENT if rise_is_worse else REGRESSION
    elif lower <= low and high <= upper:
        outcome = WITHIN
    else:
        outcome = STRADDLES
    return MetricJudgement(metric, tolerance, outcome)


def read_job_checks(path: str) -> list[JobCheck]:
    report = read_json_object(path, "a configuration report")
    require(report, ("jobChecks",), path)
    enforced = report.get("jobSloEnforced", True)
    checks = []
    for index, check in enumerate(report["jobChecks"]):
        where = f"jobChecks[{index}]."
        require(check, ("name", "measured", "allowed", "unit", "passed"), path, where)
        if not isinstance(check["passed"], bool):
            raise GateInputError(f"{path}: field '{where}passed' is {check['passed']!r}, expected true or false")
        checks.append(JobCheck(os.path.basename(path), str(check["name"]), number(check["measured"], path, where + "measured", True),
                               number(check["allowed"], path, where + "allowed"), str(check["unit"]), check["passed"],
                               bool(enforced)))
    return checks


def head_threshold_breaches(path: str) -> list[str]:
    """The report's breaches other than job SLOs (those are judged from jobChecks)."""
    report = read_json_object(path, "a configuration report")
    breaches = report.get("breaches", [])
    if not isinstance(breaches, list) or not all(isinstance(b, str) for b in breaches):
        raise GateInputError(f"{path}: field 'breaches' is {breaches!r}, expected a list of strings")
    job_names = {str(c.get("name")) for c in report.get("jobChecks", []) if isinstance(c, dict)}
    return [f"{os.path.basename(path)}: {b}" for b in breaches if not any(b.startswith(name + ":") for name in job_names)]


def describe_noise_floor(comparison: dict, noise_path: str) -> str:
    if comparison.get("noiseFloorSource"):
        return f"{comparison['noiseFloorSource']} (it raised the minimum effects where larger)"
    if os.path.isfile(noise_path):
        noise = read_json_object(noise_path, "an A/A noise floor")
        require(noise, ("configuration", "measuredAt", "runs"), noise_path)
        return (f"`{noise_path}` ({noise['configuration']} A/A of {noise['measuredAt']}, {noise['runs']} run(s) per side), "
                "present but not used by this comparison")
    return "none measured (the minimum effects are the stated ones; PERF_AA=<configuration> eng/run-comparison.sh measures one)"


def run(intervals_path: str, head_reports: Optional[str], noise_floor_path: Optional[str],
        tolerance_percent: float) -> IntervalGateResult:
    comparison = load_comparison(intervals_path)
    folder = os.path.dirname(os.path.abspath(intervals_path))
    noise_path = noise_floor_path or os.path.join(folder, f"noise-floor-{comparison['profileName']}.json")
    result = IntervalGateResult(intervals_path, comparison, tolerance_percent, describe_noise_floor(comparison, noise_path),
                                [judge(m, tolerance_percent / 100) for m in comparison["metrics"]])
    pattern = head_reports or os.path.join(glob.escape(folder), f"report-*-aa-b-*{comparison['profileName']}.json")
    result.head_reports = sorted(glob.glob(pattern))
    if not result.head_reports:
        raise GateInputError(f"no head reports match '{pattern}' (the job SLOs are checked on them: did the head runs write any?)")
    for path in result.head_reports:
        result.job_checks.extend(read_job_checks(path))
        result.head_breaches.extend(head_threshold_breaches(path))
    return result


# Below this a ratio is 0: a repeat comparison's log of a zero side comes back as a denormal, not as 0.
ZERO_RATIO = 1e-12


def value_text(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.4g}"


def effect_text(metric: dict, value: Optional[float]) -> str:
    if value is None:
        return "–"
    if metric["scale"] == "ratio" and value < ZERO_RATIO:
        return "0"
    return f"×{value:.4g}" if metric["scale"] == "ratio" else f"{value:+.4g}"


def estimate_text(metric: dict) -> str:
    """A ratio against a side at 0 is no factor ("×0" hides the size): it names both values, as the report does."""
    a, b = metric["a"], metric["b"]
    if metric["scale"] == "ratio" and a is not None and b is not None and 0 in (a, b):
        return "no change (0 on both sides)" if a == b else f"from {value_text(a)} to {value_text(b)}"
    return effect_text(metric, metric["estimate"])


def tolerance_text(judgement: MetricJudgement) -> str:
    if judgement.metric["scale"] == "ratio":
        return f"×{1 / (1 + judgement.tolerance):.3g} – ×{1 + judgement.tolerance:.3g}"
    return f"±{judgement.tolerance:g} {judgement.metric['unit']}"


def render_markdown(result: IntervalGateResult) -> str:
    c = result.comparison
    side_a, side_b = c["sideA"], c["sideB"]
    if result.failed:
        headline = "**Result: FAILED**"
    elif result.nothing_detected:
        headline = (f"**Result: passed, inconclusive**: no metric shows a detectable difference between {side_a} and "
                    f"{side_b} at its minimum effect, so this run cannot tell them apart.")
    else:
        headline = "**Result: passed**"
    sources = sorted({m["intervalSource"] for m in c["metrics"]})
    lines = [f"## Perf gate: {side_a} vs {side_b} on this runner (profile `{c['profileName']}`)", "", headline, "",
             f"- Runs: {c['runsA']} of {side_a}, {c['runsB']} of {side_b}, alternating, each on a fresh environment.",
             f"- Interval source: {', '.join(sources)}. {c['intervalNote']}",
             f"- Noise floor: {result.noise_floor}.",
             f"- Tolerance: {result.tolerance_percent:g} % on the ratio scale, or the metric's minimum effect where larger; "
             "a metric fails only when its whole 95 % interval lies beyond it on the worse side.",
             "", f"| metric | unit | {side_a} | {side_b} | estimate | 95 % interval | tolerance | comparison verdict | gate |",
             "|---|---|---:|---:|---:|---|---|---|---|"]
    for j in result.judgements:
        m = j.metric
        outcome = f"**{j.outcome.upper()}**" if j.outcome == REGRESSION else j.outcome
        lines.append(f"| {m['name']} | {m['unit']} | {value_text(m['a'])} | {value_text(m['b'])} | {estimate_text(m)} | "
                     f"{effect_text(m, m['ciLow'])} – {effect_text(m, m['ciHigh'])} | {tolerance_text(j)} | {m['verdict']} | {outcome} |")
    if result.straddling:
        lines += ["", "Inconclusive for " + ", ".join(j.metric["name"] for j in result.straddling) +
                  ": the interval reaches past the tolerance, but not wholly, so these do not fail the gate."]
    lines += ["", f"### Job-path SLOs of {side_b} ({len(result.head_reports)} report(s))", "",
              "| report | check | measured | allowed | result |", "|---|---|---:|---:|---|"]
    for check in result.job_checks:
        verdict = "passed" if check.passed else ("**FAILED**" if check.enforced else "failed (reported only, not enforced)")
        lines.append(f"| {check.report} | {check.name} | {value_text(check.measured)} {check.unit} | {check.allowed:g} {check.unit} | {verdict} |")
    if result.head_breaches:
        lines += ["", f"The {side_b} runs also breached the profile's thresholds (reported here; the gate judges the "
                      "comparison and the job SLOs, and these runs were made time-scaled on a shared runner):"]
        lines += [f"- {b}" for b in result.head_breaches]
    if result.failed:
        lines += ["", "**Why it failed:**"]
        lines += [f"- {j.metric['name']}: the whole interval {effect_text(j.metric, j.metric['ciLow'])} – "
                  f"{effect_text(j.metric, j.metric['ciHigh'])} lies beyond the tolerance {tolerance_text(j)} on the worse side"
                  for j in result.regressions]
        lines += [f"- job SLO {check.describe()}" for check in result.job_breaches]
    return "\n".join(lines) + "\n"
