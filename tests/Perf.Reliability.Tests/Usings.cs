global using Perf.Fixtures.XunitSupport;
