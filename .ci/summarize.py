#!/usr/bin/env python3
"""Prints line coverage per product assembly (Cobertura) and the closing 'N passed, N failed' line (TRX)."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

results = sys.argv[1] if len(sys.argv) > 1 else "TestResults"

# Several test assemblies may each report an assembly; a line counts as covered if any report hit it.
lines = {}
for path in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
    for package in ET.parse(path).getroot().iter("package"):
        for cls in package.iter("class"):
            for line in cls.findall("lines/line"):
                key = (package.get("name"), cls.get("filename"), line.get("number"))
                lines[key] = lines.get(key, False) or int(line.get("hits", "0")) > 0

if lines:
    print("Line coverage (product assemblies):")
    per_assembly = {}
    for (assembly, _, _), hit in lines.items():
        total, covered = per_assembly.get(assembly, (0, 0))
        per_assembly[assembly] = (total + 1, covered + hit)
    for assembly in sorted(per_assembly):
        total, covered = per_assembly[assembly]
        print(f"  {assembly:40} {covered:6}/{total:<6} {100.0 * covered / total:5.1f}%")
    total, covered = len(lines), sum(lines.values())
    print(f"  {'total':40} {covered:6}/{total:<6} {100.0 * covered / total:5.1f}%")
else:
    print("No coverage report found.")

passed = failed = skipped = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(os.path.join(results, "**", "*.trx"), recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is not None:
        passed += int(counters.get("passed", "0"))
        failed += int(counters.get("failed", "0"))
        skipped += int(counters.get("notExecuted", "0"))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
