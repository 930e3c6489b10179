using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Perf.Engine.Profiles;

namespace Perf.Dashboard;

/// <summary>
/// The dashboard's history: every message since the start, in order, as JSON. A page that connects gets it all, then
/// each new message as it is published; the export inlines it. Runs of one process (e.g. the main job's baseline and
/// optimized configurations) share one feed, each with its own index, so the page lays them over one another by
/// elapsed time. Publishing never waits for a reader: each connection has its own unbounded queue, drained by its
/// own request.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];
    private readonly List<Channel<string>> _followers = [];
    private int _runs;
    private bool _completed;

    /// <summary>The history so far, each message one JSON object.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Starts a run shown as <paramref name="label"/> (e.g. "baseline"): its phases become the charts' markers.</summary>
    public DashboardRun StartRun(string label, LoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var index = Interlocked.Increment(ref _runs) - 1;
        var start = 0.0;
        var phases = new List<PhaseMarker>(profile.Phases.Count);
        foreach (var phase in profile.Phases)
        {
            var seconds = phase.Duration.TotalSeconds;
            var closed = phase.Model == LoadModel.Closed;
            phases.Add(new PhaseMarker(phase.Name, start, seconds, closed ? null : phase.ArrivalRate, closed ? null : phase.RampTo, closed ? phase.Concurrency : null));
            start += seconds;
        }

        Publish(new RunStarted("run", index, label, profile.Name, profile.Target.ToString(), DateTimeOffset.UtcNow, profile.TimeScale,
            phases, [.. profile.Thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Expression}: {t.Allowed}"))]));
        return new DashboardRun(this, index);
    }

    /// <summary>The history, then every new message until <paramref name="cancellationToken"/> or <see cref="Dispose"/>.</summary>
    public async IAsyncEnumerable<string> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        string[] history;
        lock (_gate)
        {
            history = [.. _messages];
            if (_completed)
            {
                channel.Writer.Complete();
            }
            else
            {
                _followers.Add(channel);
            }
        }

        try
        {
            yield return DashboardMessages.Reset;
            foreach (var message in history)
            {
                yield return message;
            }

            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
        finally
        {
            lock (_gate)
            {
                _followers.Remove(channel);
            }
        }
    }

    /// <summary>Ends every connection's stream; later messages are still kept for the export.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var follower in _followers)
            {
                follower.Writer.TryComplete();
            }

            _followers.Clear();
        }
    }

    internal void Publish<T>(T message)
    {
        var json = DashboardMessages.Serialize(message);
        lock (_gate)
        {
            _messages.Add(json);
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(json);
            }
        }
    }
}
