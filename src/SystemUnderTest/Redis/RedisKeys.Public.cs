namespace SystemUnderTest.Redis;

/// <summary>Public in the SUT; the copy Perf.Fixtures compiles from RedisKeys.cs stays internal there (no clash in tests that see both).</summary>
public static partial class RedisKeys;
