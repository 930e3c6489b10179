namespace SystemUnderTest.Tests.Unit;

/// <summary>The process contract: an invalid setting stops start-up with exit code 2 and a message naming it.</summary>
public sealed class ProgramTests
{
    // Nothing listens here: none of these runs gets as far as connecting or serving.
    private static readonly string[] Common = ["--Urls", "http://127.0.0.1:0", "--Redis:ConnectionString", "127.0.0.1:1,connectTimeout=100"];

    [Theory]
    [InlineData("worker", "--Worker:Concurrency", "0", "Worker__Concurrency must be between 1 and 1024")]
    [InlineData("worker", "--Store:Kind", "cassandra", "Store__Kind must be one of: mongo, redis")]
    [InlineData("api", "--Api:MaxBodyBytes", "1", "Api__MaxBodyBytes must be between 64")]
    [InlineData("worker", "--Worker:Concurrency", "lots", "Worker:Concurrency")]
    [InlineData("api", "--Api:BackpressureEnabled", "maybe", "Api:BackpressureEnabled")]
    public async Task InvalidSettingExitsWithCode2AndNamesIt(string role, string key, string value, string expected)
    {
        using var error = new StringWriter();

        var exitCode = await Program.RunAsync([.. Common, "--role", role, key, value], error);

        exitCode.Should().Be(Program.InvalidSettingExitCode);
        error.ToString().Should().Contain(expected);
    }

    [Fact]
    public async Task UnknownRoleExitsWithCode2AndListsTheRoles()
    {
        using var error = new StringWriter();

        var exitCode = await Program.RunAsync(["--role", "scheduler"], error);

        exitCode.Should().Be(Program.InvalidSettingExitCode);
        error.ToString().Should().Contain("Role").And.Contain("api, worker");
    }
}
