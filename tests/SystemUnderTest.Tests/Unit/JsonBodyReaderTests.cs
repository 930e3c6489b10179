using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SystemUnderTest.Api;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Tests.Unit;

public sealed class JsonBodyReaderTests
{
    [Theory]
    [InlineData("", "Malformed JSON")]
    [InlineData("{", "Malformed JSON")]
    [InlineData("{\"amount\": 1,}", "Malformed JSON")]
    [InlineData("{'amount': 1}", "Malformed JSON")]
    [InlineData("{} {}", "Malformed JSON")]
    [InlineData("{\"amount\":\"12.5\"}", "Wrong JSON type")]
    [InlineData("{\"amount\":true}", "Wrong JSON type")]
    [InlineData("{\"amount\":1e999}", "Wrong JSON type")]
    [InlineData("{\"currency\":1}", "Wrong JSON type")]
    [InlineData("{\"customerId\":[]}", "Wrong JSON type")]
    [InlineData("[]", "Wrong JSON type")]
    [InlineData("null", "Wrong JSON type")]
    [InlineData("42", "Wrong JSON type")]
    public void BadBodiesAre400WithTheirKind(string body, string title)
    {
        var result = JsonBodyReader.Parse(Encoding.UTF8.GetBytes(body), SutJsonContext.Default.PaymentRequest);

        result.Value.Should().BeNull();
        var problem = result.Error.Should().BeOfType<ProblemHttpResult>().Subject;
        problem.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        problem.ProblemDetails.Title.Should().Be(title);
    }

    [Fact]
    public void WrongTypeNamesTheField()
    {
        var result = JsonBodyReader.Parse(Encoding.UTF8.GetBytes("{\"currency\":1}"), SutJsonContext.Default.PaymentRequest);
        result.Error.Should().BeOfType<ProblemHttpResult>().Which.ProblemDetails.Detail.Should().Contain("$.currency");
    }

    [Fact]
    public void ValidObjectParsesWithCamelCaseFieldsAndIgnoresUnknownOnes()
    {
        var result = JsonBodyReader.Parse(
            Encoding.UTF8.GetBytes("{\"amount\":12.5,\"currency\":\"EUR\",\"customerId\":\"c-42\",\"extra\":1}"),
            SutJsonContext.Default.PaymentRequest);

        result.Error.Should().BeNull();
        result.Value!.Amount.Should().Be(12.5m);
        result.Value.CustomerId.Should().Be("c-42");
    }

    [Theory]
    [InlineData(null, StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("text/plain", StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("application/xml", StatusCodes.Status415UnsupportedMediaType)]
    public async Task NonJsonContentTypeIs415(string? contentType, int status)
    {
        var context = Context("{}", contentType);
        var result = await JsonBodyReader.ReadAsync(context, SutJsonContext.Default.PaymentRequest, 1024);
        result.Error.Should().BeOfType<ProblemHttpResult>().Which.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task JsonWithCharsetIsAccepted()
    {
        var context = Context("{\"amount\":1}", "application/json; charset=utf-8");
        var result = await JsonBodyReader.ReadAsync(context, SutJsonContext.Default.PaymentRequest, 1024);
        result.Error.Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimitIs413WithOrWithoutContentLength(bool sendLength)
    {
        var body = "{\"description\":\"" + new string('a', 2000) + "\"}";
        var context = Context(body, "application/json");
        if (!sendLength)
        {
            context.Request.ContentLength = null;
        }

        var result = await JsonBodyReader.ReadAsync(context, SutJsonContext.Default.PaymentRequest, 1024);
        result.Error.Should().BeOfType<ProblemHttpResult>().Which.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
    }

    [Fact]
    public async Task BodyExactlyAtTheLimitIsRead()
    {
        var prefix = "{\"description\":\"";
        var body = prefix + new string('a', 1024 - prefix.Length - 2) + "\"}";
        var context = Context(body, "application/json");
        var result = await JsonBodyReader.ReadAsync(context, SutJsonContext.Default.PaymentRequest, 1024);
        result.Error.Should().BeNull();
    }

    private static DefaultHttpContext Context(string body, string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = contentType;
        return context;
    }
}
