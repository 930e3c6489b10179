using System.Text.RegularExpressions;
using SystemUnderTest.Jobs;

namespace SystemUnderTest.Api;

/// <summary>Field rules of the contract; every broken rule is reported, keyed by the JSON field name (422).</summary>
public static partial class RequestValidator
{
    public const decimal MaxAmount = 1_000_000m;
    public static readonly string[] Currencies = ["EUR", "USD", "GBP", "JPY", "CHF"];
    public static readonly string[] Channels = ["email", "sms", "push"];

    public static Dictionary<string, string[]> Validate(PaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Amount is not { } amount)
        {
            errors["amount"] = ["amount is required."];
        }
        else if (amount <= 0m || amount > MaxAmount)
        {
            errors["amount"] = ["amount must be greater than 0 and at most 1000000."];
        }

        if (string.IsNullOrEmpty(request.Currency))
        {
            errors["currency"] = ["currency is required."];
        }
        else if (Array.IndexOf(Currencies, request.Currency) < 0)
        {
            errors["currency"] = ["currency must be one of EUR, USD, GBP, JPY, CHF."];
        }

        ValidateIdentifier(errors, "customerId", request.CustomerId);

        if (request.Description is { Length: > 256 })
        {
            errors["description"] = ["description must be at most 256 characters."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(NotificationRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ValidateIdentifier(errors, "userId", request.UserId);

        if (string.IsNullOrEmpty(request.Channel))
        {
            errors["channel"] = ["channel is required."];
        }
        else if (Array.IndexOf(Channels, request.Channel) < 0)
        {
            errors["channel"] = ["channel must be one of email, sms, push."];
        }

        if (string.IsNullOrEmpty(request.Message))
        {
            errors["message"] = ["message is required (1 to 1000 characters)."];
        }
        else if (request.Message.Length > 1000)
        {
            errors["message"] = ["message must be at most 1000 characters."];
        }

        return errors;
    }

    /// <summary>Job ids are 32 hex characters (a GUID in "N" format).</summary>
    public static bool IsJobId(string? id) => id is { Length: 32 } && JobIdPattern().IsMatch(id);

    private static void ValidateIdentifier(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value.Length > 64 || !IdentifierPattern().IsMatch(value))
        {
            errors[field] = [$"{field} must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'."];
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdPattern();
}
