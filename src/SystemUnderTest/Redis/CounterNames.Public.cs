namespace SystemUnderTest.Redis;

/// <summary>Public in the SUT; the copy Perf.Fixtures compiles from CounterNames.cs stays internal there.</summary>
public static partial class CounterNames;
