global using Perf.Comparison;
global using Perf.Scenarios.Reporting;
global using Perf.Statistics;
