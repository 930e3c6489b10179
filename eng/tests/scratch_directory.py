"""A unittest case with a scratch directory of its own, for the eng/ scripts' tests that read files they write."""

from __future__ import annotations

import os
import tempfile
import unittest


class ScratchDirectoryTestCase(unittest.TestCase):
    def setUp(self):
        self._root = tempfile.TemporaryDirectory()
        self.directory = self._root.name

    def tearDown(self):
        self._root.cleanup()

    def write(self, name, text):
        """Writes text to name (folders created) inside the scratch directory and returns its path."""
        path = os.path.join(self.directory, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return path
