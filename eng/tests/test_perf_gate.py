"""Tests of eng/perf_gate.py on synthetic configuration reports with known verdicts."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import perf_gate  # noqa: E402


def report(configuration="baseline", p95=10.0, p99=20.0, rps=100.0, error_rate=0.0):
    return {
        "configuration": configuration,
        "load": {"totals": {"rps": rps, "errorRatePercent": error_rate, "latency": {"p95": p95, "p99": p99}}},
    }


class PerfGateTests(unittest.TestCase):
    def setUp(self):
        self._root = tempfile.TemporaryDirectory()
        self.reference = os.path.join(self._root.name, "perf-main")
        self.current = os.path.join(self._root.name, "perf")

    def tearDown(self):
        self._root.cleanup()

    def write(self, directory, name, content):
        folder = os.path.join(directory, "comparison-results")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def gate(self, *extra):
        out, err = io.StringIO(), io.StringIO()
        code = perf_gate.main([self.reference, self.current, *extra], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def compare(self, reference, current, *extra, name="report-baseline-smoke.json"):
        """Writes one reference and one current report under the same name, then runs the gate."""
        self.write(self.reference, name, reference)
        self.write(self.current, name, current)
        return self.gate(*extra)

    def test_changes_within_tolerance_pass(self):
        code, out, _ = self.compare(report(p95=10, p99=20, rps=100), report(p95=12, p99=24, rps=90), "--tolerance", "25")
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("| baseline | p95 latency ms | 10.00 | 12.00 | +20.0 % ok |", out)
        self.assertNotIn("REGRESSION", out)

    def test_latency_rise_beyond_tolerance_is_a_regression(self):
        code, out, _ = self.compare(report("optimized", p95=10), report("optimized", p95=13), "--tolerance", "25",
                                    name="report-optimized-smoke.json")
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("| optimized | p95 latency ms | 10.00 | 13.00 | +30.0 % REGRESSION |", out)
        self.assertIn("- optimized p95 latency ms: 10.00 -> 13.00 (+30.0 %)", out)

    def test_throughput_drop_beyond_tolerance_is_a_regression(self):
        code, out, _ = self.compare(report(rps=100), report(rps=70))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("| baseline | throughput req/s | 100.00 | 70.00 | -30.0 % REGRESSION |", out)

    def test_rise_from_zero_is_a_regression_not_zero_percent(self):
        code, out, _ = self.compare(report(p99=0), report(p99=5))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("| baseline | p99 latency ms | 0.00 | 5.00 | from 0 to 5.00 REGRESSION |", out)
        self.assertNotIn("| 0.00 | 5.00 | +0.0 %", out)

    def test_error_rate_below_noise_floor_is_not_a_regression(self):
        code, out, _ = self.compare(report(error_rate=0.0), report(error_rate=0.3))
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)

    def test_error_rate_from_zero_above_noise_floor_is_a_regression(self):
        code, out, _ = self.compare(report(error_rate=0.0), report(error_rate=2.0))
        self.assertEqual(code, perf_gate.EXIT_REGRESSION, out)
        self.assertIn("error rate %: 0.00 -> 2.00 (from 0 to 2.00)", out)

    def test_missing_reference_checks_only_absolute_thresholds(self):
        self.write(self.current, "report-baseline-smoke.json", report())
        code, out, _ = self.gate()
        self.assertEqual(code, perf_gate.EXIT_PASSED, out)
        self.assertIn("| report-baseline-smoke.json | (no reference from main) | | | |", out)
        self.assertIn("No reference reports from main", out)

    def test_missing_metric_names_file_and_field(self):
        broken = report()
        del broken["load"]["totals"]["latency"]["p99"]
        self.write(self.reference, "report-baseline-smoke.json", report())
        path = self.write(self.current, "report-baseline-smoke.json", broken)
        code, out, err = self.gate()
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertEqual(out, "")
        self.assertIn(f"{path}: field 'load.totals.latency.p99' is missing (needed for 'p99 latency ms')", err)

    def test_non_numeric_metric_names_file_and_field(self):
        self.write(self.reference, "report-baseline-smoke.json", report())
        path = self.write(self.current, "report-baseline-smoke.json", report(rps="fast"))
        code, _, err = self.gate()
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn(f"{path}: field 'load.totals.rps' is 'fast', expected a finite number", err)

    def test_invalid_json_names_file_and_line(self):
        path = self.write(self.current, "report-baseline-smoke.json", '{\n  "configuration": "baseline",\n  "load": }\n')
        code, _, err = self.gate()
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn(f"{path}:3:11: not valid JSON", err)

    def test_no_current_reports_is_bad_input(self):
        os.makedirs(self.current)
        code, _, err = self.gate()
        self.assertEqual(code, perf_gate.EXIT_BAD_INPUT)
        self.assertIn("no configuration reports under", err)

    def test_tolerance_that_is_not_a_number_is_rejected(self):
        with contextlib.redirect_stderr(io.StringIO()) as err, self.assertRaises(SystemExit) as exit_:
            perf_gate.main([self.reference, self.current, "--tolerance", "lots"])
        self.assertEqual(exit_.exception.code, 2)
        self.assertIn("'lots' is not a number", err.getvalue())


if __name__ == "__main__":
    unittest.main()
