using System.Text.Json;
using System.Text.Json.Serialization;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Store;

/// <summary>Serializer for stored results (<c>result:{id}</c> values).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobResult))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
