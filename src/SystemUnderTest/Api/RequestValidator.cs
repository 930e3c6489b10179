using System.Text.RegularExpressions;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Api;

/// <summary>Field rules of the contract; every broken rule is reported, keyed by the JSON field name (422).</summary>
public static partial class RequestValidator
{
    public const decimal MaxAmount = 1_000_000m;
    public static readonly string[] Currencies = ["EUR", "USD", "GBP", "JPY", "CHF"];

    /// <summary>ISO 4217 minor units: the amount's decimal places, and so its smallest value (0.01, or 1 for JPY).</summary>
    public static int MinorUnits(string currency) => currency == "JPY" ? 0 : 2;

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
        else if (request.Amount is { } value && !errors.ContainsKey("amount") && !HasAtMostDecimals(value, MinorUnits(request.Currency)))
        {
            // Also catches a positive amount below the currency's smallest unit (1e-27, JPY 0.5): it has too many decimals.
            var places = MinorUnits(request.Currency);
            errors["amount"] = [places == 0
                ? $"amount must be a whole number of {request.Currency} (no decimals)."
                : $"amount must have at most {places} decimal places for {request.Currency} (smallest amount 0.{new string('0', places - 1)}1)."];
        }

        ValidateIdentifier(errors, "customerId", request.CustomerId);

        if (request.Description is { Length: > 256 })
        {
            errors["description"] = ["description must be at most 256 characters."];
        }
        else if (request.Description is { } description && HasControlCharacters(description))
        {
            errors["description"] = ["description must not contain control characters (tab and line breaks excepted)."];
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
        else if (string.IsNullOrWhiteSpace(request.Message))
        {
            errors["message"] = ["message must not be only whitespace."];
        }
        else if (HasControlCharacters(request.Message))
        {
            errors["message"] = ["message must not contain control characters (tab and line breaks excepted)."];
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

    /// <summary>Decimal value, not its written scale: 12.50 has 2 places, 1e-27 has 27, 100 (or 1e2) has none.</summary>
    private static bool HasAtMostDecimals(decimal amount, int places) => decimal.Round(amount, places) == amount;

    private static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    // \A and \z, not ^ and $: '$' also matches before a final '\n', which let "c-42\n" through.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\A[0-9a-fA-F]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdPattern();
}
