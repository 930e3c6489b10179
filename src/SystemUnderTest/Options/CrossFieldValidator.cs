using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SystemUnderTest.Options;

/// <summary>Rules data annotations cannot express: values that must parse, or depend on another setting.</summary>
internal sealed class CrossFieldValidator : IValidateOptions<RedisOptions>, IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Skip; // the [Required] rule reports it
        }

        try
        {
            _ = ConfigurationOptions.Parse(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Redis__ConnectionString is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }

        try
        {
            return RedisOptions.ReadPasswordFile(options.PasswordFile) is ""
                ? ValidateOptionsResult.Fail($"Redis__PasswordFile '{options.PasswordFile}' is empty: it must hold the Redis password.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The message names the path, never the content.
            return ValidateOptionsResult.Fail($"Redis__PasswordFile '{options.PasswordFile}' cannot be read: {ex.Message}");
        }
    }

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (options.Kind != StoreOptions.Mongo)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!options.MongoConnectionString.StartsWith("mongodb://", StringComparison.Ordinal)
            && !options.MongoConnectionString.StartsWith("mongodb+srv://", StringComparison.Ordinal))
        {
            failures.Add("Store__MongoConnectionString must start with mongodb:// or mongodb+srv:// when Store__Kind is mongo.");
        }

        if (string.IsNullOrWhiteSpace(options.MongoDatabase))
        {
            failures.Add("Store__MongoDatabase is required when Store__Kind is mongo.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
