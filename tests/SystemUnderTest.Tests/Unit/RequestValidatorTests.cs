using SystemUnderTest.Api;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Tests.Unit;

public sealed class RequestValidatorTests
{
    private static PaymentRequest ValidPayment() => new() { Amount = 12.5m, Currency = "EUR", CustomerId = "c-42", Description = "ok" };

    private static NotificationRequest ValidNotification() => new() { UserId = "u-1", Channel = "email", Message = "hello" };

    [Fact]
    public void ValidPaymentHasNoErrors() => RequestValidator.Validate(ValidPayment()).Should().BeEmpty();

    [Fact]
    public void ValidNotificationHasNoErrors() => RequestValidator.Validate(ValidNotification()).Should().BeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("1000000.01")]
    public void AmountOutsideZeroToOneMillionIsRejected(string? amount)
    {
        var request = ValidPayment();
        request.Amount = amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        RequestValidator.Validate(request).Should().ContainKey("amount").And.HaveCount(1);
    }

    [Theory]
    [InlineData("1e-27", "EUR")]
    [InlineData("0.001", "EUR")]
    [InlineData("0.009", "USD")]
    [InlineData("12.345", "GBP")]
    [InlineData("0.5", "JPY")]
    [InlineData("100.1", "JPY")]
    [InlineData("1E-3", "CHF")]
    public void AmountWithMoreDecimalsThanTheCurrencyHasIsRejected(string amount, string currency)
    {
        var request = ValidPayment();
        request.Currency = currency;
        request.Amount = decimal.Parse(amount, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        var errors = RequestValidator.Validate(request);
        errors.Should().ContainKey("amount").And.HaveCount(1);
        errors["amount"][0].Should().Contain(currency);
    }

    [Theory]
    [InlineData("12.50", "EUR")]
    [InlineData("12.5000", "EUR")]
    [InlineData("1E-2", "EUR")]
    [InlineData("1e2", "JPY")]
    [InlineData("100.00", "JPY")]
    [InlineData("1", "JPY")]
    public void AmountWhoseValueFitsTheCurrencysDecimalsIsAcceptedWhateverItsWrittenForm(string amount, string currency)
    {
        var request = ValidPayment();
        request.Currency = currency;
        request.Amount = decimal.Parse(amount, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        RequestValidator.Validate(request).Should().BeEmpty();
    }

    [Fact]
    public void NegativeZeroAmountIsRejected()
    {
        var request = ValidPayment();
        request.Amount = -0.0m;
        RequestValidator.Validate(request).Should().ContainKey("amount");
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1000000")]
    public void AmountAtTheBoundsIsAccepted(string amount)
    {
        var request = ValidPayment();
        request.Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        RequestValidator.Validate(request).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eur")]
    [InlineData("AUD")]
    [InlineData("EUR\n")]
    [InlineData(" EUR")]
    public void CurrencyOutsideTheListIsRejected(string? currency)
    {
        var request = ValidPayment();
        request.Currency = currency;
        RequestValidator.Validate(request).Should().ContainKey("currency").And.HaveCount(1);
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    public void EveryListedCurrencyIsAccepted(string currency)
    {
        var request = ValidPayment();
        request.Amount = 12m; // whole, so that it fits JPY's 0 decimals too
        request.Currency = currency;
        RequestValidator.Validate(request).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("ünicode")]
    [InlineData("c-42\n")]
    [InlineData("c-42\r\n")]
    [InlineData("\nc-42")]
    [InlineData(" c-42")]
    [InlineData("c-42 ")]
    [InlineData("c-42\t")]
    [InlineData("c-42\u2028")]
    [InlineData("c-42\u0085")]
    [InlineData("c-42\0")]
    [InlineData("ｃ-42")]
    public void CustomerIdWithBadCharactersOrMissingIsRejected(string? customerId)
    {
        var request = ValidPayment();
        request.CustomerId = customerId;
        RequestValidator.Validate(request).Should().ContainKey("customerId").And.HaveCount(1);
    }

    [Fact]
    public void CustomerIdOf64CharactersIsAcceptedAnd65Rejected()
    {
        var request = ValidPayment();
        request.CustomerId = new string('a', 64);
        RequestValidator.Validate(request).Should().BeEmpty();
        request.CustomerId = new string('a', 65);
        RequestValidator.Validate(request).Should().ContainKey("customerId");
    }

    [Fact]
    public void DescriptionIsOptionalUpTo256Characters()
    {
        var request = ValidPayment();
        request.Description = null;
        RequestValidator.Validate(request).Should().BeEmpty();
        request.Description = new string('d', 256);
        RequestValidator.Validate(request).Should().BeEmpty();
        request.Description = new string('d', 257);
        RequestValidator.Validate(request).Should().ContainKey("description").And.HaveCount(1);
    }

    [Fact]
    public void EveryBrokenPaymentRuleIsReportedAtOnce()
    {
        var errors = RequestValidator.Validate(new PaymentRequest { Description = new string('d', 300) });
        errors.Keys.Should().BeEquivalentTo("amount", "currency", "customerId", "description");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bad user")]
    [InlineData("u-1\n")]
    [InlineData("u-1\u2029")]
    [InlineData(" u-1")]
    public void UserIdMissingOrMalformedIsRejected(string? userId)
    {
        var request = ValidNotification();
        request.UserId = userId;
        RequestValidator.Validate(request).Should().ContainKey("userId").And.HaveCount(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fax")]
    [InlineData("EMAIL")]
    [InlineData("email\n")]
    [InlineData(" sms")]
    public void ChannelOutsideEmailSmsPushIsRejected(string? channel)
    {
        var request = ValidNotification();
        request.Channel = channel;
        RequestValidator.Validate(request).Should().ContainKey("channel").And.HaveCount(1);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData("hello\0")]
    [InlineData("bell\u0007")]
    public void MessageOfOnlyWhitespaceOrWithControlCharactersIsRejected(string message)
    {
        var request = ValidNotification();
        request.Message = message;
        RequestValidator.Validate(request).Should().ContainKey("message").And.HaveCount(1);
    }

    [Fact]
    public void MessageMayHaveLineBreaksAndTabs()
    {
        var request = ValidNotification();
        request.Message = "line 1\r\nline 2\tend";
        RequestValidator.Validate(request).Should().BeEmpty();
    }

    [Fact]
    public void DescriptionWithControlCharactersIsRejected()
    {
        var request = ValidPayment();
        request.Description = "refund\u001b[31m";
        RequestValidator.Validate(request).Should().ContainKey("description").And.HaveCount(1);
    }

    [Fact]
    public void MessageMustBeOneTo1000Characters()
    {
        var request = ValidNotification();
        request.Message = "";
        RequestValidator.Validate(request).Should().ContainKey("message");
        request.Message = new string('m', 1000);
        RequestValidator.Validate(request).Should().BeEmpty();
        request.Message = new string('m', 1001);
        RequestValidator.Validate(request).Should().ContainKey("message");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", true)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData("0123456789abcdef0123456789abcdef\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void JobIdMustBe32HexCharacters(string? id, bool valid) => RequestValidator.IsJobId(id).Should().Be(valid);
}
