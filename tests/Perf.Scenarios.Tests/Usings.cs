global using Perf.Scenarios.Reporting;
