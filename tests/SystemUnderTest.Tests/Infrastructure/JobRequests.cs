using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>Requests the integration tests send again and again.</summary>
public static class JobRequests
{
    public static readonly object Payment = new { amount = 12.5, currency = "EUR", customerId = "c-42" };

    /// <summary>Posts <see cref="Payment"/>, requires the 202 and returns the job id.</summary>
    public static async Task<string> SubmitPaymentAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/payments", Payment);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
