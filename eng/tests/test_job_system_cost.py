"""Tests of eng/job_system_cost.py on synthetic snapshots."""

from __future__ import annotations

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch_directory import ScratchDirectoryTestCase  # noqa: E402
import job_system_cost  # noqa: E402


class JobSystemCostTests(ScratchDirectoryTestCase):
    def write_run(self, run, before, after, accepted):
        self.write(f"before-{run}.txt", before)
        self.write(f"after-{run}.txt", after)
        self.write(f"report-{run}.json", json.dumps({"totals": {"statusCodes": {"202": accepted, "503": 7}}}))

    def test_divides_each_roles_cpu_and_the_commands_by_the_accepted_jobs(self):
        ticks = job_system_cost.CLOCK_TICKS_PER_SECOND
        self.write_run(
            "bullmq-optimized",
            f"cpu perftests-manual-api 0\ncpu perftests-manual-worker-1 {ticks}\ncpu perftests-manual-worker-2 0\n"
            "cmd cmdstat_evalsha:calls=100,usec=50,usec_per_call=0.5\ncmd cmdstat_xadd:calls=10,usec=5,usec_per_call=0.5\n",
            f"cpu perftests-manual-api {ticks}\ncpu perftests-manual-worker-1 {2 * ticks}\ncpu perftests-manual-worker-2 {ticks}\n"
            "cmd cmdstat_evalsha:calls=1100,usec=550,usec_per_call=0.5\ncmd cmdstat_xadd:calls=510,usec=255,usec_per_call=0.5\n"
            "cmd cmdstat_hget:calls=500,usec=100,usec_per_call=0.2\n",
            accepted=500)

        result = job_system_cost.measure(self.directory, "bullmq-optimized")

        self.assertEqual(result["jobs"], 500)
        self.assertAlmostEqual(result["cpu_us_per_job"]["api"], 2000.0)
        self.assertAlmostEqual(result["cpu_us_per_job"]["worker"], 4000.0, msg="both replicas' CPU counts for the workers")
        self.assertAlmostEqual(result["commands_per_job"], (1000 + 500 + 500) / 500)
        self.assertEqual(result["top_commands"][0], (2.0, "evalsha"))

    def test_a_run_without_an_accepted_job_is_an_error_naming_the_report(self):
        self.write_run("streams-baseline", "cpu perftests-manual-api 0\n", "cpu perftests-manual-api 5\n", accepted=0)

        with self.assertRaisesRegex(ValueError, r"report-streams-baseline\.json: no job was accepted"):
            job_system_cost.measure(self.directory, "streams-baseline")

    def test_a_malformed_snapshot_line_names_the_file_and_line(self):
        self.write_run("streams-baseline", "cpu perftests-manual-api 0\ncpu oops\n", "cpu perftests-manual-api 5\n", accepted=3)

        with self.assertRaisesRegex(ValueError, r"before-streams-baseline\.txt:2: "):
            job_system_cost.measure(self.directory, "streams-baseline")


if __name__ == "__main__":
    unittest.main()
