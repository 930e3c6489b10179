global using Perf.Reports;
global using Perf.Reports.Comparison;
global using Perf.Fixtures.XunitSupport;
global using Perf.Statistics;
