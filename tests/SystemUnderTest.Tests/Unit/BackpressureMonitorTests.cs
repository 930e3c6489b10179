using SystemUnderTest.Api;

namespace SystemUnderTest.Tests.Unit;

public sealed class BackpressureMonitorTests
{
    [Theory]
    [InlineData("used_memory:1048576\r\nused_memory_human:1.00M\r\nmaxmemory:8388608\r\nmaxmemory_policy:allkeys-lru\r\n", 1_048_576, 8_388_608)]
    [InlineData("# Memory\r\nused_memory:900\r\nmaxmemory:0\r\n", 900, 0)]
    public void UsedAndMaxMemoryAreReadFromInfo(string info, long used, long max) =>
        BackpressureMonitor.ParseMemory(info).Should().Be((used, max));
}
