using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>
/// The API role in memory (TestServer), configured through the same settings the process reads;
/// <paramref name="services"/> adds to the role's services (e.g. an in-memory telemetry exporter).
/// </summary>
public sealed class SutApiFactory(IReadOnlyDictionary<string, string?> settings, Action<WebHostBuilderContext, IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
