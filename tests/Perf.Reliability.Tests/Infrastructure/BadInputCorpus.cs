using System.Text;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// Malformed JSON, wrong types, missing fields, huge values, oversize bodies, invalid ids, wrong content types and
/// unknown routes or methods, for every endpoint of the API. Api__MaxBodyBytes is the SUT default, 65536.
/// </summary>
internal static class BadInputCorpus
{
    private const string Json = "application/json";
    private const string ValidId = "0123456789abcdef0123456789abcdef";
    private const int MaxBodyBytes = 65536;

    public static IReadOnlyDictionary<string, BadInputCase> Cases { get; } = new Dictionary<string, BadInputCase>(StringComparer.Ordinal)
    {
        // POST /payments: syntax, then types, then field rules, then size and content type.
        ["payments: truncated JSON"] = Post("/payments", "{\"amount\": 1,", 400),
        ["payments: empty body"] = Post("/payments", "", 400),
        ["payments: not JSON"] = Post("/payments", "hello", 400),
        ["payments: NaN literal"] = Post("/payments", "{\"amount\":NaN,\"currency\":\"EUR\",\"customerId\":\"c\"}", 400),
        ["payments: invalid UTF-8"] = new("POST", "/payments", Json, [.. "{\"amount\":1,\"currency\":\""u8, 0xC3, 0x28, .. "\",\"customerId\":\"c\"}"u8], 400),
        ["payments: nested 500 deep"] = Post("/payments", new string('[', 500) + new string(']', 500), 400),
        ["payments: amount as string"] = Post("/payments", "{\"amount\":\"12\",\"currency\":\"EUR\",\"customerId\":\"c\"}", 400),
        ["payments: amount as bool"] = Post("/payments", "{\"amount\":true,\"currency\":\"EUR\",\"customerId\":\"c\"}", 400),
        ["payments: amount 1e400"] = Post("/payments", "{\"amount\":1e400,\"currency\":\"EUR\",\"customerId\":\"c\"}", 400),
        ["payments: array body"] = Post("/payments", "[]", 400),
        ["payments: null body"] = Post("/payments", "null", 400),
        ["payments: missing fields"] = Post("/payments", "{}", 422),
        ["payments: negative amount"] = Post("/payments", "{\"amount\":-1,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: amount 1e28"] = Post("/payments", "{\"amount\":1e28,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: unknown currency"] = Post("/payments", "{\"amount\":1,\"currency\":\"XXX\",\"customerId\":\"c\"}", 422),
        ["payments: amount 1e-27"] = Post("/payments", "{\"amount\":1e-27,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: amount 0.001 EUR"] = Post("/payments", "{\"amount\":0.001,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: amount 0.5 JPY"] = Post("/payments", "{\"amount\":0.5,\"currency\":\"JPY\",\"customerId\":\"c\"}", 422),
        ["payments: amount -0"] = Post("/payments", "{\"amount\":-0,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: amount -0.0e5"] = Post("/payments", "{\"amount\":-0.0e5,\"currency\":\"EUR\",\"customerId\":\"c\"}", 422),
        ["payments: customerId trailing newline"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c-42\\n\"}", 422),
        ["payments: customerId trailing CRLF"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c-42\\r\\n\"}", 422),
        ["payments: customerId leading space"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\" c-42\"}", 422),
        ["payments: customerId line separator"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c-42\\u2028\"}", 422),
        ["payments: currency trailing newline"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\\n\",\"customerId\":\"c\"}", 422),
        ["payments: description with control bytes"] = Post("/payments", "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c\",\"description\":\"x\\u0000y\"}", 422),
        ["payments: 10k-char customerId"] = Post("/payments", $"{{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"{new string('c', 10_000)}\"}}", 422),
        ["payments: body over the limit"] = Post("/payments", $"{{\"description\":\"{new string('d', MaxBodyBytes)}\"}}", 413),
        ["payments: chunked body over the limit"] = Post("/payments", $"{{\"description\":\"{new string('d', MaxBodyBytes * 2)}\"}}", 413) with { Chunked = true },
        ["payments: text/plain"] = Post("/payments", "{}", 415, "text/plain"),
        ["payments: XML"] = Post("/payments", "<payment amount=\"1\"/>", 415, "application/xml"),
        ["payments: form"] = Post("/payments", "amount=1&currency=EUR", 415, "application/x-www-form-urlencoded"),
        ["payments: no content type"] = Post("/payments", "{}", 415, null),

        // POST /notifications.
        ["notifications: truncated JSON"] = Post("/notifications", "{\"userId\":", 400),
        ["notifications: channel as number"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":3,\"message\":\"m\"}", 400),
        ["notifications: message as object"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"sms\",\"message\":{}}", 400),
        ["notifications: null body"] = Post("/notifications", "null", 400),
        ["notifications: missing fields"] = Post("/notifications", "{}", 422),
        ["notifications: unknown channel"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"fax\",\"message\":\"m\"}", 422),
        ["notifications: empty message"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"sms\",\"message\":\"\"}", 422),
        ["notifications: 1001-char message"] = Post("/notifications", $"{{\"userId\":\"u\",\"channel\":\"sms\",\"message\":\"{new string('m', 1001)}\"}}", 422),
        ["notifications: userId with spaces"] = Post("/notifications", "{\"userId\":\"u 1\",\"channel\":\"sms\",\"message\":\"m\"}", 422),
        ["notifications: userId trailing newline"] = Post("/notifications", "{\"userId\":\"u-1\\n\",\"channel\":\"sms\",\"message\":\"m\"}", 422),
        ["notifications: userId paragraph separator"] = Post("/notifications", "{\"userId\":\"u-1\\u2029\",\"channel\":\"sms\",\"message\":\"m\"}", 422),
        ["notifications: channel trailing newline"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"sms\\n\",\"message\":\"m\"}", 422),
        ["notifications: whitespace-only message"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"sms\",\"message\":\"  \\t \"}", 422),
        ["notifications: message with NUL"] = Post("/notifications", "{\"userId\":\"u\",\"channel\":\"sms\",\"message\":\"a\\u0000b\"}", 422),
        ["notifications: body over the limit"] = Post("/notifications", $"{{\"message\":\"{new string('m', MaxBodyBytes)}\"}}", 413),
        ["notifications: multipart"] = Post("/notifications", "--b\r\n\r\nx\r\n--b--", 415, "multipart/form-data; boundary=b"),

        // GET /payments/{id}.
        ["payment id: not hex"] = Get("/payments/zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 400),
        ["payment id: too short"] = Get("/payments/abc123", 400),
        ["payment id: 33 hex"] = Get($"/payments/{ValidId}0", 400),
        ["payment id: encoded trailing newline"] = Get($"/payments/{ValidId}%0A", 400),
        ["payment id: 4000 chars"] = Get($"/payments/{new string('a', 4000)}", 400),
        ["payment id: encoded control bytes"] = Get("/payments/%01%ff%0a", 400),
        ["payment id: encoded NUL (Kestrel)"] = Get("/payments/%00", 400) with { ByKestrel = true },
        ["payment id: 10k chars (Kestrel)"] = Get($"/payments/{new string('a', 10_000)}", 414) with { ByKestrel = true },
        ["payment id: unknown"] = Get($"/payments/{ValidId}", 404),

        // Unknown routes and methods the routes do not allow.
        ["route: unknown"] = Get("/no-such-route", 404),
        ["route: extra segments"] = Get($"/payments/{ValidId}/refund", 404),
        ["route: GET /payments"] = Get("/payments", 405),
        ["route: PUT /payments"] = new("PUT", "/payments", Json, "{}"u8.ToArray(), 405),
        ["route: DELETE /payments/{id}"] = new("DELETE", $"/payments/{ValidId}", null, null, 405),
        ["route: GET /notifications"] = Get("/notifications", 405),
        ["route: POST /health"] = Post("/health", "{}", 405),
        ["route: POST /analytics/summary"] = Post("/analytics/summary", "{}", 405),
        ["route: DELETE /metrics/jobs"] = new("DELETE", "/metrics/jobs", null, null, 405),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static HttpRequestMessage Request(BadInputCase bad)
    {
        var request = new HttpRequestMessage(new HttpMethod(bad.Method), new Uri(bad.Path, UriKind.Relative));
        if (bad.Body is not null)
        {
            request.Content = bad.Chunked ? new StreamContent(new UnseekableStream(bad.Body)) : new ByteArrayContent(bad.Body);
            if (bad.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);
            }
        }

        return request;
    }

    private static BadInputCase Post(string path, string body, int expected, string? contentType = Json) =>
        new("POST", path, contentType, Encoding.UTF8.GetBytes(body), expected);

    private static BadInputCase Get(string path, int expected) => new("GET", path, null, null, expected);
}
