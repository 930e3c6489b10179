using System.Globalization;
using System.Net;

namespace Perf.Fixtures.Tests;

/// <summary>The local addresses listening on a TCP port, from /proc/net/tcp and /proc/net/tcp6 (the test process's network namespace).</summary>
internal static class ListeningSockets
{
    private const string ListenState = "0A";

    public static IReadOnlyList<IPAddress> On(int port) =>
        [.. new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(File.ReadLines).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == ListenState)
            .Select(fields => fields[1].Split(':'))
            .Where(local => int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            .Select(local => Address(local[0]))];

    /// <summary>/proc prints each 32-bit word of the address in host byte order (little-endian here).</summary>
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }
}
