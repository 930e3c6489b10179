using System.Diagnostics;

namespace Perf.Engine.Benchmarks;

/// <summary>Starts this program in "serve" mode as a child process and waits for its ready line.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The runtime's switch for running socket completions on the socket engine's threads (read once, at the first socket).</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan TotalProcessorTime => _process.TotalProcessorTime;

    public static async Task<ServerProcess> StartAsync()
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        info.ArgumentList.Add("serve");
        info.Environment["DOTNET_gcServer"] = "1";

        // The target is a plain Kestrel server; only the generator runs with inline socket completions.
        info.Environment.Remove(InlineCompletionsVariable);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {host}");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(TrivialServer.ReadyPrefix, StringComparison.Ordinal))
            {
                return new ServerProcess(process, new Uri(line[TrivialServer.ReadyPrefix.Length..]));
            }
        }

        throw new InvalidOperationException($"the server process exited (code {process.ExitCode}) before printing its ready line");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
