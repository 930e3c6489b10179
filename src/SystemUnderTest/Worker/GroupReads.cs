using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Worker;

/// <summary>
/// XREADGROUP ... BLOCK over every job stream, sent as a raw command (the library's typed call has no BLOCK), and its
/// reply turned into envelopes. RESP2 answers <c>[[stream, entries], ...]</c>, RESP3 a map <c>{stream: entries}</c>;
/// entries are <c>[[entry id, [field, value, ...]], ...]</c>; a timeout is nil.
/// </summary>
public static class GroupReads
{
    public static object[] ReadGroupArguments(string consumer, int count, int blockMs)
    {
        var args = new List<object> { "GROUP", RedisKeys.ConsumerGroup, consumer, "COUNT", count, "BLOCK", blockMs, "STREAMS" };
        args.AddRange(RedisKeys.JobStreams);
        args.AddRange(RedisKeys.JobStreams.Select(_ => ">"));
        return [.. args];
    }

    public static List<JobEnvelope> Parse(RedisResult reply)
    {
        var jobs = new List<JobEnvelope>();
        if (reply.IsNull || reply.Resp2Type != ResultType.Array)
        {
            return jobs;
        }

        IEnumerable<(string Name, RedisResult Entries)> streams = reply.Resp3Type == ResultType.Map
            ? reply.ToDictionary().Select(kv => (kv.Key, kv.Value))
            : ((RedisResult[])reply!).Select(pair => (((RedisResult[])pair!)[0].ToString(), ((RedisResult[])pair!)[1]));
        foreach (var (name, entries) in streams)
        {
            foreach (var entry in (RedisResult[])entries!)
            {
                var fields = (RedisResult[])entry!;
                var values = (RedisValue[])fields[1]!;
                var pairs = new NameValueEntry[values.Length / 2];
                for (var i = 0; i < pairs.Length; i++)
                {
                    pairs[i] = new NameValueEntry(values[2 * i], values[(2 * i) + 1]);
                }

                jobs.Add(EntryParser.Parse(name, new StreamEntry((RedisValue)fields[0], pairs), deliveryCount: 1));
            }
        }

        return jobs;
    }
}
