using System.ComponentModel.DataAnnotations;

namespace SystemUnderTest.Options;

/// <summary>Section <c>Redis</c>: where the queue lives and how many connections the process uses.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis__ConnectionString is required: a StackExchange.Redis configuration string such as 127.0.0.1:6379.")]
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>
    /// A file holding the Redis password (Docker's <c>*_FILE</c> convention): when set, it replaces any password in the
    /// connection string. A password in an environment variable shows in <c>docker inspect</c> and in /proc/*/environ;
    /// a file copied or mounted into the container does not.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>The password in <paramref name="path"/> without its trailing line break; null when no file is set.</summary>
    public static string? ReadPasswordFile(string? path) =>
        string.IsNullOrEmpty(path) ? null : File.ReadAllText(path).TrimEnd('\r', '\n');

    /// <summary>Multiplexers to round-robin over; 1 means a single shared connection (pooling off, the baseline).</summary>
    [Range(1, 64, ErrorMessage = "Redis__PoolSize must be between 1 and 64 (1 = pooling off).")]
    public int PoolSize { get; set; } = 1;
}
