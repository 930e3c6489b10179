global using Perf.Statistics;
