namespace Perf.Fixtures;

internal static class AssemblyMarker
{
}
