global using Perf.Fixtures.XunitSupport;
global using Perf.Comparison;
