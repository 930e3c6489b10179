namespace Perf.Engine.Profiles;

/// <summary>Stores the value at <see cref="JsonPath"/> (e.g. <c>$.id</c>) of a response body in variable <see cref="As"/>.</summary>
public sealed record Capture(string JsonPath, string As);
