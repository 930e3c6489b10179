namespace Perf.Engine;

internal static class AssemblyMarker
{
}
