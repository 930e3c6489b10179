namespace Perf.Engine.Tests.Infrastructure;

/// <summary>The repository's profiles (loadtest/*.yml), which the project file copies next to the test binaries.</summary>
internal static class ShippedProfiles
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "loadtest", file);
}
