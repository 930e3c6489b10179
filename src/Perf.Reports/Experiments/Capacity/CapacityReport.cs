using Perf.Model.Settings;

namespace Perf.Reports.Experiments.Capacity;

/// <summary>What capacity-&lt;config&gt;.json holds: the search, the criteria, the settings it ran with and when.</summary>
public sealed record CapacityReport(string Configuration, CapacityResult Result, SustainCriteria Criteria, EnvironmentSettings Settings,
    string ProfileName, ExperimentContext Context);
