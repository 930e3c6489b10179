using System.Text.RegularExpressions;
using SystemUnderTest.Options;

namespace SystemUnderTest.Tests.Unit;

public sealed class WorkerOptionsTests
{
    [Fact]
    public void DefaultConsumerNamesDifferBetweenWorkersOfTheSameHostAndPid()
    {
        // Under host networking every worker container has the machine's host name and pid 1: only the suffix differs.
        var names = Enumerable.Range(0, 50).Select(_ => new WorkerOptions().EffectiveConsumerName).ToList();

        names.Should().OnlyHaveUniqueItems();
        names.Should().AllSatisfy(n => n.Should().StartWith($"{Environment.MachineName}-{Environment.ProcessId}-"));
    }

    [Fact]
    public void DefaultConsumerNameStaysTheSameForOneWorker()
    {
        var options = new WorkerOptions();

        options.EffectiveConsumerName.Should().Be(options.EffectiveConsumerName);
    }

    [Fact]
    public void DefaultConsumerNamePassesTheConsumerNameRule() =>
        Regex.IsMatch(WorkerOptions.GenerateConsumerName(), @"\A[\x21-\x7E]{1,128}\z").Should().BeTrue();

    [Fact]
    public void ConfiguredConsumerNameWins() =>
        new WorkerOptions { ConsumerName = "worker-3" }.EffectiveConsumerName.Should().Be("worker-3");
}
