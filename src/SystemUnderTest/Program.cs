using Microsoft.Extensions.Options;
using SystemUnderTest.Hosting;

namespace SystemUnderTest;

/// <summary>Entry point: <c>--role api|worker</c> (or setting <c>Role</c>); exit code 2 for an invalid setting.</summary>
public partial class Program
{
    public const int InvalidSettingExitCode = 2;

    protected Program()
    {
    }

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Error);

    internal static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var role = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()["Role"] ?? "api";
        try
        {
            switch (role)
            {
                case "api":
                    await using (var app = ApiHost.Build(args))
                    {
                        await app.RunAsync();
                    }

                    return 0;
                case "worker":
                    using (var host = WorkerHost.Build(args))
                    {
                        await host.RunAsync();
                    }

                    return 0;
                default:
                    await error.WriteLineAsync($"Role: '{role}' is not allowed. Allowed values: api, worker.");
                    return InvalidSettingExitCode;
            }
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return InvalidSettingExitCode;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's message names the setting (e.g. 'Worker:Concurrency') and the expected type.
            await error.WriteLineAsync(ex.Message);
            return InvalidSettingExitCode;
        }
    }
}
