using System.Text;
using Perf.Engine.Profiles;
using Perf.Engine.Templates;

namespace Perf.Engine.Running;

/// <summary>A request step with its templates split and constant parts (URI, body bytes) built once.</summary>
internal sealed class CompiledStep : CompiledFlowStep
{
    public CompiledStep(RequestStep step, string baseUrl, int keyIndex)
    {
        Step = step;
        KeyIndex = keyIndex;
        BaseUrl = baseUrl;
        Url = Template.Parse(step.Url);
        ConstantUri = Url.IsConstant ? BuildUri(step.Url) : null;
        Body = step.JsonBody is null ? null : Template.Parse(step.JsonBody);
        ConstantBody = Body is { IsConstant: true } ? Encoding.UTF8.GetBytes(Body.Source) : null;
        Headers = [.. step.Headers.Select(h => (h.Key, Template.Parse(h.Value)))];
        Expected = [.. step.ExpectedStatusCodes];
        Captures = [.. step.Captures];
    }

    public RequestStep Step { get; }

    public int KeyIndex { get; }

    public HttpMethod Method => Step.Method;

    public Template Url { get; }

    public Uri? ConstantUri { get; }

    public Template? Body { get; }

    public byte[]? ConstantBody { get; }

    public (string Name, Template Value)[] Headers { get; }

    public int[] Expected { get; }

    public Capture[] Captures { get; }

    /// <summary>Ledger recorders fed by this step's captures (set before the run starts; empty without a ledger).</summary>
    public (string Capture, LedgerRecorder Recorder)[] Ledger { get; set; } = [];

    public override bool UsesVariables => !Url.IsConstant || Body is { IsConstant: false } || Headers.Any(h => !h.Value.IsConstant) || Captures.Length > 0;

    private string BaseUrl { get; }

    public Uri BuildUri(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? new Uri(url)
            : new Uri(BaseUrl + (url.StartsWith('/') ? url : "/" + url)); // Artillery appends the url to the target as text.
}
