using System.Text;
using Perf.Model.Settings;

namespace Perf.Fixtures.Containers;

/// <summary>
/// The Redis configuration file the container starts with: the configuration's file (or nothing, for Redis
/// defaults) plus what the suite must set itself: port, bind address and the per-run password. The password
/// lives only in this file inside the container and in memory, never in a log or an artifact.
/// </summary>
public static class RedisConfigText
{
    public static string Build(EnvironmentSettings settings, int port, string password)
    {
        var text = new StringBuilder();
        if (settings.RedisConfigFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException(
                    $"Redis configuration file '{file}' of configuration '{settings.ConfigurationName}' does not exist " +
                    $"(set PERF_{settings.ConfigurationName.ToUpperInvariant()}_REDIS_CONF to an existing file, or 'none').", file);
            }

            text.AppendLine(File.ReadAllText(file));
        }

        text.AppendLine("# --- set by the suite for this run ---");
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"port {port}");
        // Host networking shares the machine's interfaces: listen on loopback only. A bridge network is private.
        text.AppendLine(settings.Network == NetworkMode.Host ? "bind 127.0.0.1" : "bind * -::*");
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"requirepass {password}");
        foreach (var directive in settings.RedisExtraDirectives)
        {
            text.AppendLine(directive);
        }

        return text.ToString();
    }
}
