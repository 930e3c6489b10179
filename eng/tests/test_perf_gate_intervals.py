"""Tests of eng/perf_gate.py --intervals on synthetic base-vs-head comparisons with known verdicts."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import perf_gate  # noqa: E402


def metric(name="sustained HTTP p95", low=0.95, high=1.05, estimate=None, verdict="noDetectableDifference",
           direction="lowerIsBetter", scale="ratio", min_effect=0.10, unit="ms"):
    return {"name": name, "unit": unit, "direction": direction, "scale": scale, "window": "sustained phase",
            "a": 100.0, "b": 100.0 * (estimate or (low + high) / 2), "estimate": estimate or (low + high) / 2,
            "ciLow": low, "ciHigh": high, "minEffect": min_effect, "minEffectSource": "stated", "verdict": verdict,
            "intervalSource": "betweenRuns", "method": "synthetic", "runsA": 3, "runsB": 3}


def comparison(*metrics, noise_source=None):
    return {"schemaVersion": 1, "profileName": "smoke", "sideA": "base", "sideB": "head", "runsA": 3, "runsB": 3,
            "phase": "sustained", "intervalNote": "Intervals are between-run.", "noiseFloorSource": noise_source,
            "metrics": list(metrics) or [metric()]}


def head_report(passed=True, enforced=True):
    return {"configuration": "optimized", "side": "optimized-aa-b", "jobSloEnforced": enforced,
            "jobChecks": [{"name": "job end-to-end p95", "measured": 40.0 if passed else 2600.0, "allowed": 2000.0,
                           "unit": "ms", "passed": passed},
                          {"name": "drain time", "measured": 1.5, "allowed": 30.0, "unit": "s", "passed": True}]}


class PerfGateIntervalsTests(unittest.TestCase):
    def setUp(self):
        self._root = tempfile.TemporaryDirectory()
        self.folder = os.path.join(self._root.name, "comparison-results")
        os.makedirs(self.folder)

    def tearDown(self):
        self._root.cleanup()

    def write(self, name, content):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def gate(self, content, report=None, *extra):
        path = self.write("base-vs-head-optimized-smoke.json", content)
        self.write("report-optimized-aa-b-r1-smoke.json", report or head_report())
        out, err = io.StringIO(), io.StringIO()
        code = perf_gate.main(["--intervals", path, *extra], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def test_a_side_at_zero_reads_from_value_to_zero_not_times_zero(self):
        lag = metric(name="queue lag peak", unit="jobs", low=0.0, high=0.0, estimate=5e-324, verdict="notEstimated")
        lag["a"], lag["b"] = 44364.0, 0.0
        _, out, _ = self.gate(comparison(lag))
        self.assertIn("| queue lag peak | jobs | 4.436e+04 | 0 | from 4.436e+04 to 0 | 0 – 0 |", out)
        self.assertNotIn("×0 ", out)

    def test_intervals_within_tolerance_pass_and_say_inconclusive(self):
        code, out, _ = self.gate(comparison(metric(low=0.97, high=1.04)))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("**Result: passed, inconclusive**", out)
        self.assertIn("| sustained HTTP p95 | ms | 100 | 100.5 | ×1.005 | ×0.97 – ×1.04 | ×0.8 – ×1.25 | noDetectableDifference | within tolerance |", out)

    def test_detected_improvement_passes_without_inconclusive(self):
        code, out, _ = self.gate(comparison(metric(low=0.5, high=0.6, verdict="better")))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("**Result: passed**", out)
        self.assertNotIn("inconclusive", out)
        self.assertIn("| improvement |", out)

    def test_whole_interval_beyond_tolerance_on_the_worse_side_fails(self):
        code, out, _ = self.gate(comparison(metric(low=1.3, high=1.6, verdict="worse"), metric("job throughput", direction="higherIsBetter")))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("**Result: FAILED**", out)
        self.assertIn("- sustained HTTP p95: the whole interval ×1.3 – ×1.6 lies beyond the tolerance ×0.8 – ×1.25 on the worse side", out)

    def test_throughput_whose_whole_interval_fell_beyond_tolerance_fails(self):
        code, out, _ = self.gate(comparison(metric("job throughput", low=0.6, high=0.75, verdict="worse", direction="higherIsBetter")))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("| **REGRESSION** |", out)

    def test_interval_straddling_the_tolerance_is_inconclusive_not_a_failure(self):
        code, out, _ = self.gate(comparison(metric(low=1.15, high=1.4, verdict="worse")))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("inconclusive: interval straddles the tolerance", out)
        self.assertIn("Inconclusive for sustained HTTP p95", out)

    def test_noise_floor_larger_than_tolerance_widens_it(self):
        code, out, _ = self.gate(comparison(metric(low=1.3, high=1.45, verdict="noDetectableDifference", min_effect=0.5),
                                            noise_source="`comparison-results/noise-floor-smoke.json`, optimized A/A"))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("×0.667 – ×1.5", out)
        self.assertIn("- Noise floor: `comparison-results/noise-floor-smoke.json`, optimized A/A", out)

    def test_without_a_noise_floor_the_summary_says_none_measured(self):
        _, out, _ = self.gate(comparison())
        self.assertIn("- Noise floor: none measured", out)
        self.assertIn("- Interval source: betweenRuns. Intervals are between-run.", out)

    def test_error_rate_uses_its_minimum_effect_in_points(self):
        code, out, _ = self.gate(comparison(metric("error rate", low=0.8, high=1.2, scale="difference", min_effect=0.5, unit="%", verdict="worse")))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("±0.5 %", out)

    def test_enforced_job_slo_breach_of_the_head_fails(self):
        code, out, _ = self.gate(comparison(), head_report(passed=False))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("| report-optimized-aa-b-r1-smoke.json | job end-to-end p95 | 2600 ms | 2000 ms | **FAILED** |", out)
        self.assertIn("- job SLO job end-to-end p95 in report-optimized-aa-b-r1-smoke.json: 2600 ms, allowed <= 2000 ms", out)

    def test_job_slo_breach_that_is_not_enforced_is_reported_only(self):
        code, out, _ = self.gate(comparison(), head_report(passed=False, enforced=False))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("failed (reported only, not enforced)", out)

    def test_head_threshold_breaches_are_listed_without_repeating_job_slos(self):
        report = head_report(passed=False)
        report["breaches"] = ["job end-to-end p95: measured 2600 ms, allowed <= 2000 ms", "error rate 6.9 % > 1 %"]
        _, out, _ = self.gate(comparison(), report)
        self.assertIn("- report-optimized-aa-b-r1-smoke.json: error rate 6.9 % > 1 %", out)
        self.assertNotIn("- report-optimized-aa-b-r1-smoke.json: job end-to-end p95", out)

    def test_missing_metric_field_names_file_and_field(self):
        broken = comparison(metric(), metric("job throughput"))
        del broken["metrics"][1]["ciHigh"]
        code, out, err = self.gate(broken)
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertEqual(out, "")
        self.assertIn("base-vs-head-optimized-smoke.json: field 'metrics[1].ciHigh' is missing", err)

    def test_non_numeric_interval_names_file_and_field(self):
        code, _, err = self.gate(comparison(metric(low="low", estimate=1.0)))
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn("field 'metrics[0].ciLow' is 'low', expected a finite number or null", err)

    def test_missing_head_reports_is_bad_input(self):
        path = self.write("base-vs-head-optimized-smoke.json", comparison())
        err = io.StringIO()
        code = perf_gate.main(["--intervals", path], out=io.StringIO(), err=err)
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn("no head reports match", err.getvalue())

    def test_head_report_without_job_checks_names_file_and_field(self):
        code, _, err = self.gate(comparison(), {"configuration": "optimized"})
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn("report-optimized-aa-b-r1-smoke.json: field 'jobChecks' is missing", err)


if __name__ == "__main__":
    unittest.main()
