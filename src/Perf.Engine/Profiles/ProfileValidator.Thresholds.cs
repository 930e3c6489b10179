namespace Perf.Engine.Profiles;

internal static partial class ProfileValidator
{
    private static ProfileProblem? CheckThresholds(LoadProfile profile)
    {
        var latencyIndex = 0;
        foreach (var spec in profile.Thresholds)
        {
            if (spec.Kind == ThresholdKind.MaxErrorRate)
            {
                if (Range(spec.Allowed, 0, 100, $"config.plugins.ensure.{ThresholdSpec.MaxErrorRateName}") is { } rate)
                {
                    return rate;
                }

                continue;
            }

            var path = $"config.plugins.ensure.thresholds[{latencyIndex++}].{spec.Expression}";
            if (spec.Aggregation is null)
            {
                return new(path, $"needs an aggregation (supported: {string.Join(", ", AggregationNames.All)})");
            }

            if (!double.IsFinite(spec.Allowed) || spec.Allowed < 0)
            {
                return new(path, $"must be >= 0, found {spec.Allowed}");
            }

            var known = spec.ScopeKind switch
            {
                ThresholdScope.Scenario => profile.Scenarios.Any(s => s.Name == spec.Scope),
                ThresholdScope.Request => profile.Scenarios.SelectMany(s => Scenario.Flatten(s.Flow))
                    .Any(step => step is RequestStep { Name: var name } && name == spec.Scope || step is CustomStep { Name: var custom } && custom == spec.Scope),
                _ => true,
            };
            if (!known)
            {
                var what = spec.ScopeKind == ThresholdScope.Scenario ? "no scenario is named" : "no request (or custom step) has name:";
                return new(path, $"{what} '{spec.Scope}'");
            }
        }

        return null;
    }
}
