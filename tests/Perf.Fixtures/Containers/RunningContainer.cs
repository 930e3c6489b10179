using DotNet.Testcontainers.Containers;

namespace Perf.Fixtures.Containers;

/// <summary>A container the environment started, with the name the reports use for it.</summary>
public sealed record RunningContainer(string DisplayName, ContainerRole Role, IContainer Container)
{
    public string Id => Container.Id;

    /// <summary>The last lines the container wrote, for error messages.</summary>
    public async Task<string> TailLogAsync(int lines = 40)
    {
        try
        {
            var (stdout, stderr) = await Container.GetLogsAsync(timestampsEnabled: false).ConfigureAwait(false);
            var all = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"(log unavailable: {ex.Message})";
        }
    }
}
