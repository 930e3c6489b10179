"""Tests of eng/results_summary.py on synthetic JUnit files."""

from __future__ import annotations

import os
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch_directory import ScratchDirectoryTestCase  # noqa: E402
import results_summary  # noqa: E402


class ResultsSummaryTests(ScratchDirectoryTestCase):
    def test_sums_suites_across_files_and_nesting(self):
        self.write("Perf.Engine.Tests.xml",
                   '<testsuites><testsuite name="a" tests="10" failures="1" errors="1" skipped="2"/></testsuites>')
        self.write("nested/eng-scripts.xml", '<testsuite name="b" tests="5" failures="0" errors="0" skipped="0"/>')
        totals = results_summary.summarize(self.directory)
        self.assertEqual(totals.line(), "Total: 11 passed, 2 failed, 2 skipped")

    def test_explicit_test_not_run_counts_as_skipped_with_the_trx(self):
        # What JunitXml.TestLogger and the TRX logger write for a default run of an assembly with a passed test, an
        # Assert.Skip and an explicit test that was not run (VSTest outcome None: a bare testcase in JUnit).
        self.write("junit/Perf.Scenarios.xml",
                   '<testsuites><testsuite name="Perf.Scenarios.dll" tests="3" skipped="1" failures="0" errors="0">'
                   '<testcase classname="Perf.Scenarios.Experiments.ScalingExperimentTests" name="FullCurveIsMeasuredAndFitted"/>'
                   '<testcase classname="Perf.Scenarios.Experiments.ScalingExperimentTests" name="TinyCurve"/>'
                   '<testcase classname="Perf.Scenarios.Html" name="NoBrowser"><skipped/></testcase>'
                   '</testsuite></testsuites>')
        self.write("run.trx",
                   '<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>'
                   '<UnitTestResult testName="Perf.Scenarios.Experiments.ScalingExperimentTests.FullCurveIsMeasuredAndFitted" outcome="NotExecuted"/>'
                   '<UnitTestResult testName="Perf.Scenarios.Experiments.ScalingExperimentTests.TinyCurve" outcome="Passed"/>'
                   '<UnitTestResult testName="Perf.Scenarios.Html.NoBrowser" outcome="NotExecuted"/>'
                   '</Results></TestRun>')
        junit = os.path.join(self.directory, "junit")
        self.assertEqual(results_summary.summarize(junit).line(), "Total: 2 passed, 0 failed, 1 skipped")
        self.assertEqual(results_summary.summarize(junit, self.directory).line(), "Total: 1 passed, 0 failed, 2 skipped")

    def test_empty_directory_counts_nothing(self):
        self.assertEqual(results_summary.summarize(self.directory).line(), "Total: 0 passed, 0 failed, 0 skipped")

    def test_non_integer_count_names_the_file(self):
        path = self.write("bad.xml", '<testsuites><testsuite name="x" tests="many"/></testsuites>')
        with self.assertRaises(ValueError) as error:
            results_summary.summarize(self.directory)
        self.assertIn(f"{path}: testsuite 'x' has tests='many'", str(error.exception))

    def test_malformed_xml_is_reported(self):
        self.write("broken.xml", "<testsuites><testsuite")
        with self.assertRaises(ET.ParseError):
            results_summary.summarize(self.directory)


if __name__ == "__main__":
    unittest.main()
