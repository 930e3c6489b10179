using System.Diagnostics;

namespace Perf.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>perf</c> command line as a child process (<c>dotnet perf.dll ...</c>, the assembly this test
/// references) with an environment of its own. For what reads process-wide state: the OTLP export is configured by
/// <c>OTEL_*</c> variables and reads the process-wide engine meter, which in-process runs of other tests would add to.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <c>perf</c> with <paramref name="args"/>. The child gets this process's environment without any <c>OTEL_*</c>
    /// variable (a developer's own collector settings stay out), then <paramref name="environment"/>.
    /// </summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(PerfCommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"perf {string.Join(' ', args)} did not exit within {Limit.TotalSeconds:0} s; its output so far:\n{await output}\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The <c>dotnet</c> host that runs this test (the SDK names it in DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
