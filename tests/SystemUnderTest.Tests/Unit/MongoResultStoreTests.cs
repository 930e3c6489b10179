using MongoDB.Bson;
using SystemUnderTest.Contracts;
using SystemUnderTest.Store;

namespace SystemUnderTest.Tests.Unit;

/// <summary>What can be checked without a MongoDB server (none is available on the suite's machines).</summary>
public sealed class MongoResultStoreTests
{
    [Fact]
    public void PaymentDocumentIsKeyedByJobIdWithDecimalAmountAndLatency()
    {
        var document = MongoResultStore.ToDocument(new JobResult("abc", "payment", 12.5m, "EUR", null, 1_000, 1_250));

        document["_id"].AsString.Should().Be("abc");
        document["amount"].Should().Be(new BsonDecimal128(12.5m));
        (document["currency"].AsString, document["latencyMs"].ToInt64()).Should().Be(("EUR", 250L));
        document.Contains("channel").Should().BeFalse();
    }

    [Fact]
    public void NotificationDocumentHasChannelAndNoAmount()
    {
        var document = MongoResultStore.ToDocument(new JobResult("n1", "notification", null, null, "sms", 5, 5));

        document["channel"].AsString.Should().Be("sms");
        document.Contains("amount").Should().BeFalse();
    }

    [Fact]
    public void TheOutcomeScriptNotTheMongoStoreWritesRedisResults() =>
        new MongoResultStore(new SystemUnderTest.Options.StoreOptions()).WritesInOutcomeScript.Should().BeFalse();
}
