namespace Perf.Fixtures.Settings;

/// <summary>The container images the suite starts. None is ever pulled where no registry is reachable: eng/container-ready.sh builds them locally.</summary>
public sealed class ImageSettings
{
    /// <summary>The image of this repository's system under test (the API and the workers; built from the Dockerfile).</summary>
    [EnvironmentVariable("PERF_SUT_IMAGE", Accepts = "an image name")]
    public string Sut { get; set; } = "perftests/sut:local";

    /// <summary>The BullMQ system's image, used instead of <c>Images:Sut</c> when <c>System:Kind</c> is bullmq.</summary>
    [EnvironmentVariable("PERF_BULLMQ_SUT_IMAGE", Accepts = "an image name")]
    public string BullmqSut { get; set; } = "perftests/bullmq-sut:local";

    /// <summary>The Redis image.</summary>
    [EnvironmentVariable("PERF_REDIS_IMAGE", Accepts = "an image name")]
    public string Redis { get; set; } = "redis:7.2";

    /// <summary>The MongoDB image, started only when <c>System:Store</c> is mongo.</summary>
    [EnvironmentVariable("PERF_MONGO_IMAGE", Accepts = "an image name")]
    public string Mongo { get; set; } = "mongo:7.0";
}
