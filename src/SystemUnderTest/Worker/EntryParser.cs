using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Worker;

/// <summary>Turns a stream entry into a <see cref="JobEnvelope"/>; missing fields yield an envelope with an empty id.</summary>
public static class EntryParser
{
    public static JobEnvelope Parse(string stream, StreamEntry entry, long deliveryCount)
    {
        string id = string.Empty, type = string.Empty, payload = string.Empty;
        string? traceParent = null, traceState = null;
        long enqueuedAt = 0;
        foreach (var field in entry.Values)
        {
            switch ((string?)field.Name)
            {
                case JobFields.Id:
                    id = field.Value.ToString();
                    break;
                case JobFields.Type:
                    type = field.Value.ToString();
                    break;
                case JobFields.Payload:
                    payload = field.Value.ToString();
                    break;
                case JobFields.EnqueuedAt:
                    _ = field.Value.TryParse(out enqueuedAt);
                    break;
                case SutTelemetry.TraceParentField:
                    traceParent = field.Value.ToString();
                    break;
                case SutTelemetry.TraceStateField:
                    traceState = field.Value.ToString();
                    break;
                default:
                    break;
            }
        }

        return new JobEnvelope(stream, entry.Id.ToString(), id, type, payload, enqueuedAt, deliveryCount, traceParent, traceState);
    }
}
