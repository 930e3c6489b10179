using Microsoft.Extensions.Options;

namespace SystemUnderTest.Options;

/// <summary>Binds and validates every options section at start, so a bad value stops the process before it serves.</summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddSutOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CrossFieldValidator>();
        services.AddSingleton<IValidateOptions<RedisOptions>>(sp => sp.GetRequiredService<CrossFieldValidator>());
        services.AddSingleton<IValidateOptions<StoreOptions>>(sp => sp.GetRequiredService<CrossFieldValidator>());
        return services;
    }
}
