using System.Diagnostics;
using Perf.Fixtures.Containers;

namespace Perf.Fixtures.Tests;

/// <summary>
/// The rule cleanup judges creators by: a process is the creator only with the same pid, the same start ticks (field
/// 22 of /proc/&lt;pid&gt;/stat) and the same boot id.
/// </summary>
public sealed class ProcessIdentityTests
{
    [Fact]
    public void TheCurrentProcessIsAlive()
    {
        var self = ProcessIdentity.Current;

        self.Pid.Should().Be(Environment.ProcessId);
        self.StartTicks.Should().BePositive();
        self.BootId.Should().Be(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim());
        self.IsAlive().Should().BeTrue();
        ContainerLabels.CreatorIsAlive(new Dictionary<string, string>(ContainerLabels.ForRun("unit"))).Should().BeTrue();
    }

    [Fact]
    public void ThePidWithOtherStartTicksIsAnotherProcess()
    {
        var self = ProcessIdentity.Current;

        (self with { StartTicks = self.StartTicks + 1 }).IsAlive().Should().BeFalse("a reused pid starts at other ticks");
        (self with { StartTicks = self.StartTicks - 1 }).IsAlive().Should().BeFalse();
    }

    [Fact]
    public void TheSameTicksOnAnotherBootAreAnotherProcess()
    {
        var self = ProcessIdentity.Current;

        (self with { BootId = Guid.NewGuid().ToString() }).IsAlive().Should().BeFalse("ticks count from a boot, and this is another one");
    }

    [Fact]
    public async Task AnExitedProcessIsDead()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var identity = ProcessIdentity.Of(child.Id)!;
        identity.IsAlive().Should().BeTrue("the child runs");

        child.Kill();
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        identity.IsAlive().Should().BeFalse();
    }

    [Fact]
    public void StartTicksAreField22CountedAfterTheCommandName()
    {
        // The command name may hold spaces and ')' itself; only the last ')' ends it.
        const string Stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 1000 10 18446744073709551615 0 0 0\n";

        ProcessIdentity.StartTicksFromStat(Stat).Should().Be(987654);
        var act = () => ProcessIdentity.StartTicksFromStat("4242 (short) S 1 2");
        act.Should().Throw<FormatException>().WithMessage("*field 22*");
    }

    [Fact]
    public void LabelsCarryTheWholeIdentityAndAnIncompleteOneHasNoLivingCreator()
    {
        var creator = new ProcessIdentity(1234, 5678, "boot-a");
        var labels = new Dictionary<string, string>(ContainerLabels.ForRun("r1", creator));

        labels.Should().Contain(ContainerLabels.CreatorPid, "1234").And.Contain(ContainerLabels.CreatorStart, "5678")
            .And.Contain(ContainerLabels.CreatorBootId, "boot-a").And.Contain(ContainerLabels.Owner, ContainerLabels.OwnerValue);
        ContainerLabels.Creator(labels).Should().Be(creator);

        var self = new Dictionary<string, string>(ContainerLabels.ForRun("r2"));
        self.Remove(ContainerLabels.CreatorBootId);
        ContainerLabels.CreatorIsAlive(self).Should().BeFalse("without a boot id the labels name no creator");
        ContainerLabels.CreatorIsAlive(new Dictionary<string, string>(ContainerLabels.ForRun("r3")) { [ContainerLabels.CreatorStart] = "soon" })
            .Should().BeFalse();
    }
}
