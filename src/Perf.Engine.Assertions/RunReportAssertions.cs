using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Thresholds;

namespace Perf.Engine.Assertions;

/// <summary>FluentAssertions for <see cref="RunReport"/>; a failure lists every breached threshold, not the first one only.</summary>
public sealed class RunReportAssertions(RunReport subject) : ReferenceTypeAssertions<RunReport, RunReportAssertions>(subject)
{
    protected override string Identifier => "report";

    public AndConstraint<RunReportAssertions> MeetThresholds(LoadProfile profile, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var result = ThresholdEvaluator.Evaluate(profile, Subject);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(result.Passed)
            .FailWith(Escape($"Expected {{context:report}} of profile '{profile.Name}' to meet its thresholds{{reason}}, but {result}"));
        return new AndConstraint<RunReportAssertions>(this);
    }

    public AndConstraint<RunReportAssertions> MeetThresholds(ThresholdResult result, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(result);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(result.Passed)
            .FailWith(Escape($"Expected {{context:report}} to meet its thresholds{{reason}}, but {result}"));
        return new AndConstraint<RunReportAssertions>(this);
    }

    /// <summary>Doubles braces from profile text (URL templates) while keeping FluentAssertions' own placeholders.</summary>
    private static string Escape(string message) => message
        .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)
        .Replace("{{context:report}}", "{context:report}", StringComparison.Ordinal)
        .Replace("{{reason}}", "{reason}", StringComparison.Ordinal);
}
