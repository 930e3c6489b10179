namespace Perf.Engine.Profiles;

internal static partial class ProfileValidator
{
    private static ProfileProblem? CheckThresholds(LoadProfile profile)
    {
        // Entries of a thresholds list (latency checks, vusers.skipped) are numbered per ensure block: the run's, and each phase's under ensure.phases.NAME.
        var latencyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in profile.Thresholds)
        {
            var ensurePath = spec.Phase is null ? "config.plugins.ensure" : $"config.plugins.ensure.{ProfileParser.PhasesKey}.{spec.Phase}";
            if (spec.Phase is not null && !profile.Phases.Any(p => p.Name == spec.Phase))
            {
                return new(ensurePath, $"no phase is named '{spec.Phase}' (phases: {string.Join(", ", profile.Phases.Select(p => $"'{p.Name}'"))})");
            }

            if (spec.Kind == ThresholdKind.MaxErrorRate)
            {
                if (Range(spec.Allowed, 0, 100, $"{ensurePath}.{ThresholdSpec.MaxErrorRateName}") is { } rate)
                {
                    return rate;
                }

                continue;
            }

            var index = latencyIndex.GetValueOrDefault(ensurePath);
            latencyIndex[ensurePath] = index + 1;
            var path = $"{ensurePath}.thresholds[{index}].{spec.Expression}";
            if (spec.Kind == ThresholdKind.DroppedArrivals)
            {
                if (!double.IsFinite(spec.Allowed) || spec.Allowed < 0)
                {
                    return new(path, $"must be >= 0, found {spec.Allowed}");
                }

                continue;
            }
            if (spec.Aggregation is null)
            {
                return new(path, $"needs an aggregation (supported: {string.Join(", ", AggregationNames.All)})");
            }

            if (!double.IsFinite(spec.Allowed) || spec.Allowed < 0)
            {
                return new(path, $"must be >= 0, found {spec.Allowed}");
            }

            if (spec.Phase is not null && spec.ScopeKind != ThresholdScope.Run)
            {
                return new(path,
                    $"a phase threshold covers the phase's requests as a whole: use {ThresholdSpec.RunPrefix}AGG (the engine keeps no per-phase statistics per scenario or request)");
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
