global using Perf.Comparison;
global using Perf.Fixtures.XunitSupport;
global using Perf.Statistics;
