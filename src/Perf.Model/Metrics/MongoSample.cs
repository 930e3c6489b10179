namespace Perf.Model.Metrics;

/// <summary>MongoDB serverStatus fields the reports use.</summary>
public sealed record MongoSample(long CurrentConnections, long AvailableConnections, long Inserts, long Queries, long Commands);
