namespace Perf.Engine.Profiles;

/// <summary>Options of one request step: Artillery's <c>name</c>, <c>headers</c>, <c>capture</c> and <c>expect</c>.</summary>
public sealed class RequestBuilder
{
    private readonly HttpMethod _method;
    private readonly string _url;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Capture> _captures = [];
    private readonly List<int> _expected = [];
    private string? _jsonBody;
    private string? _name;

    internal RequestBuilder(HttpMethod method, string url, string? jsonBody)
    {
        _method = method;
        _url = url;
        _jsonBody = jsonBody;
    }

    /// <summary>The request name per-request thresholds refer to.</summary>
    public RequestBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public RequestBuilder Header(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    /// <summary>A JSON body given as text (placeholders allowed in its strings), instead of an object.</summary>
    public RequestBuilder JsonText(string json)
    {
        _jsonBody = json;
        return this;
    }

    /// <summary>Stores the value at <paramref name="jsonPath"/> (e.g. <c>$.id</c>) of the response in variable <paramref name="variable"/>.</summary>
    public RequestBuilder Capture(string jsonPath, string variable)
    {
        _captures.Add(new Capture(jsonPath, variable));
        return this;
    }

    /// <summary>Status codes that pass; any other fails the virtual user.</summary>
    public RequestBuilder Expect(params int[] statusCodes)
    {
        _expected.AddRange(statusCodes);
        return this;
    }

    internal RequestStep Build() => new()
    {
        Method = _method,
        Url = _url,
        Name = _name,
        JsonBody = _jsonBody,
        Headers = _headers,
        Captures = [.. _captures],
        ExpectedStatusCodes = [.. _expected],
    };
}
