using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SystemUnderTest.Api;

namespace SystemUnderTest.Tests.Unit;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("3f2b8c1e-9d4a-4c6b-8e2f-1a7d5c9b0e42")]
    [InlineData("a")]
    [InlineData("order_42.retry:1")]
    public void WellFormedKeyIsReturned(string key)
    {
        var (read, error) = IdempotencyKey.Read(Headers(key));

        (read, error).Should().Be((key, (string?)null));
    }

    [Fact]
    public void KeyOfTheMaximumLengthIsAccepted()
    {
        var key = new string('k', IdempotencyKey.MaxLength);

        IdempotencyKey.Read(Headers(key)).Key.Should().Be(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("has space")]
    [InlineData("key\n")]
    [InlineData("key\r\n")]
    [InlineData("schlüssel")]
    [InlineData("a/b")]
    [InlineData("{{ $uuid }}")]
    public void MalformedKeyIsAnErrorNamingTheHeader(string key)
    {
        var (read, error) = IdempotencyKey.Read(Headers(key));

        read.Should().BeNull();
        error.Should().StartWith("Idempotency-Key must be 1 to 255 characters");
    }

    [Fact]
    public void KeyOverTheMaximumLengthIsAnError()
    {
        var (read, error) = IdempotencyKey.Read(Headers(new string('k', IdempotencyKey.MaxLength + 1)));

        (read, error).Should().Be(((string?)null, IdempotencyKey.Describe()));
    }

    [Fact]
    public void HeaderSentTwiceIsAnError()
    {
        var headers = new HeaderDictionary { [IdempotencyKey.HeaderName] = new StringValues(["k-1", "k-2"]) };

        IdempotencyKey.Read(headers).Error.Should().Be(IdempotencyKey.Describe());
    }

    [Fact]
    public void NoHeaderIsNeitherAKeyNorAnError()
    {
        IdempotencyKey.Read(new HeaderDictionary()).Should().Be(((string?)null, (string?)null));
    }

    private static HeaderDictionary Headers(string key) => new() { [IdempotencyKey.HeaderName] = key };
}
