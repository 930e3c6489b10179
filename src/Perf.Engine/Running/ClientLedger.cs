using System.IO.Compression;
using System.Text;

namespace Perf.Engine.Running;

/// <summary>
/// The client side's own record of what the target accepted: for each <see cref="LedgerKey"/>, every value the named
/// request captured from a successful answer (e.g. the id in each 202 body), so the system's outcome can be audited
/// id by id after the run instead of trusting its counters. Pass one to <see cref="RunOptions.Ledger"/> per run;
/// recording is lock-free and allocates nothing beyond the captured string.
/// </summary>
public sealed class ClientLedger
{
    private const string FileHeader = "# perf-engine client ledger v1";
    private const string KeyPrefix = "# key\t";

    private readonly Dictionary<LedgerKey, LedgerRecorder> _recorders;
    private int _bound;

    public ClientLedger(IEnumerable<LedgerKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _recorders = [];
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key.RequestKey) || string.IsNullOrWhiteSpace(key.Capture))
            {
                throw new ArgumentException($"ledger key '{key}': both the request key and the capture name are required", nameof(keys));
            }

            if (!_recorders.TryAdd(key, new LedgerRecorder()))
            {
                throw new ArgumentException($"ledger key '{key}' is listed twice", nameof(keys));
            }
        }

        if (_recorders.Count == 0)
        {
            throw new ArgumentException("a client ledger needs at least one key", nameof(keys));
        }

        Keys = [.. _recorders.Keys];
    }

    public IReadOnlyList<LedgerKey> Keys { get; }

    /// <summary>Values recorded over all keys.</summary>
    public long Count => _recorders.Values.Sum(r => r.Count);

    /// <summary>The values recorded for <paramref name="key"/>, in recording order. Read after the run.</summary>
    public IReadOnlyList<string> Ids(LedgerKey key) =>
        _recorders.TryGetValue(key, out var recorder)
            ? [.. recorder.Values()]
            : throw new ArgumentException($"ledger key '{key}' is not one of this ledger's keys ({string.Join("; ", Keys)})", nameof(key));

    /// <summary>Adds one value under <paramref name="key"/>: what a run does per accepted answer, open to custom steps and readers.</summary>
    public void Record(LedgerKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_recorders.TryGetValue(key, out var recorder))
        {
            throw new ArgumentException($"ledger key '{key}' is not one of this ledger's keys ({string.Join("; ", Keys)})", nameof(key));
        }

        recorder.Add(value);
    }

    /// <summary>Per key: values recorded and values that did not fit; the report's ledger summary is made from these.</summary>
    public IReadOnlyList<(LedgerKey Key, long Count, long Dropped)> Tallies() =>
        [.. _recorders.Select(pair => (pair.Key, pair.Value.Count, pair.Value.Dropped))];

    /// <summary>Writes the ledger as gzip-compressed text: per key a "# key" line, then one value per line. Returns the path.</summary>
    public string Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
        {
            writer.WriteLine(FileHeader);
            foreach (var (key, recorder) in _recorders)
            {
                writer.WriteLine($"{KeyPrefix}{key.RequestKey}\t{key.Capture}");
                foreach (var value in recorder.Values())
                {
                    writer.WriteLine(value);
                }
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Reads a file written by <see cref="Write"/>; a malformed file is an error naming its path and line.</summary>
    public static ClientLedger Read(string path)
    {
        var sections = new List<(LedgerKey Key, List<string> Values)>();
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line != FileHeader)
                {
                    throw new InvalidDataException($"{path}:1: not a client ledger (expected '{FileHeader}')");
                }

                continue;
            }

            if (line.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                var parts = line[KeyPrefix.Length..].Split('\t');
                if (parts.Length != 2)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: a key line needs a request key and a capture name separated by a tab");
                }

                sections.Add((new LedgerKey(parts[0], parts[1]), []));
            }
            else if (sections.Count == 0 || line.Length == 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {(line.Length == 0 ? "empty value" : "a value before the first key line")}");
            }
            else
            {
                sections[^1].Values.Add(line);
            }
        }

        var ledger = new ClientLedger(sections.Select(s => s.Key));
        foreach (var (key, values) in sections)
        {
            values.ForEach(value => ledger.Record(key, value));
        }

        return ledger;
    }

    /// <summary>Attaches the recorders to the steps that make the keys' requests; a key that names no such step is an error.</summary>
    internal void Bind(CompiledPlan plan)
    {
        if (Interlocked.Exchange(ref _bound, 1) != 0)
        {
            throw new InvalidOperationException("this client ledger already recorded a run; give each run a new ClientLedger");
        }

        foreach (var (key, recorder) in _recorders)
        {
            var steps = plan.Scenarios.SelectMany(s => s.Steps).OfType<CompiledStep>().Distinct()
                .Where(step => step.Step.Key == key.RequestKey && step.Captures.Any(c => c.As == key.Capture))
                .ToList();
            if (steps.Count == 0)
            {
                var capturing = string.Join("; ", plan.Scenarios.SelectMany(s => s.Steps).OfType<CompiledStep>().Where(s => s.Captures.Length > 0)
                    .Select(s => $"{s.Step.Key} -> {string.Join(", ", s.Captures.Select(c => c.As))}").Distinct());
                throw new ArgumentException(
                    $"RunOptions.Ledger: key '{key}' names no request of profile '{plan.Profile.Name}' that captures '{key.Capture}' " +
                    $"(requests with captures: {(capturing.Length == 0 ? "none" : capturing)})");
            }

            foreach (var step in steps)
            {
                step.Ledger = [.. step.Ledger, (key.Capture, recorder)];
            }
        }
    }
}
