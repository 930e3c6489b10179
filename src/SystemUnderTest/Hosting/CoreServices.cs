using Microsoft.Extensions.Options;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;

namespace SystemUnderTest.Hosting;

/// <summary>Services both roles share: validated options, the Redis pool and the result store of Store__Kind.</summary>
public static class CoreServices
{
    public static IServiceCollection AddSutCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSutOptions(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RedisConnectionPool>();
        services.AddSingleton<QueueInspector>();
        services.AddSingleton<IResultStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return store.Kind == StoreOptions.Redis
                ? new RedisResultStore(sp.GetRequiredService<RedisConnectionPool>())
                : new MongoResultStore(store);
        });
        return services;
    }
}
