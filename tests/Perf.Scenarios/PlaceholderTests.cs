namespace Perf.Scenarios;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => true.Should().BeTrue();
}
