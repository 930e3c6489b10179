using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perf.Dashboard;

/// <summary>
/// The messages' JSON metadata, generated at build time: reflection-based serialization made the first message of a
/// process pay for building it (docs/observability.md, "Cost on the generator"). camelCase names, absent values left
/// out, NaN and infinities written as the strings the page reads.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Reset))]
[JsonSerializable(typeof(RunStarted))]
[JsonSerializable(typeof(LoadSecond))]
[JsonSerializable(typeof(SystemSecond))]
[JsonSerializable(typeof(ThresholdState))]
[JsonSerializable(typeof(RunEnded))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
