using System.Globalization;

namespace Perf.Reports.Gate;

/// <summary>
/// The gate's number formats: <see cref="Significant"/> keeps a number's significant digits and switches to an exponent
/// for very large or small values (4.436e+04), the form the gate's summary has always used.
/// </summary>
internal static class GateText
{
    public const string Missing = "–";

    public static string Significant(double value, int digits = 6) =>
        value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('E', 'e');

    public static string SignedSignificant(double value, int digits) => (double.IsNegative(value) ? "" : "+") + Significant(value, digits);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string SignedFixed(double value, int decimals) => (double.IsNegative(value) ? "" : "+") + Fixed(value, decimals);

    public static string Value(double? value) => value is { } v ? Significant(v, 4) : Missing;
}
