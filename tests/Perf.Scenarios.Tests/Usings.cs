global using Perf.Reports.Comparison;
global using Perf.Scenarios.Reporting;
global using Perf.Statistics;
global using Perf.Testing;
