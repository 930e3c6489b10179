using System.Text.Json;
using System.Text.Json.Serialization;

namespace SystemUnderTest.Contracts;

/// <summary>
/// Source-generated serializers. Numbers are strict: <c>"amount": "12"</c> is a wrong type (400), not a silent
/// conversion, which the web defaults would otherwise allow.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(NotificationRequest))]
[JsonSerializable(typeof(AcceptedResponse))]
[JsonSerializable(typeof(PaymentStatusResponse))]
[JsonSerializable(typeof(AnalyticsSummary))]
[JsonSerializable(typeof(JobMetrics))]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class SutJsonContext : JsonSerializerContext;
