using System.Text.RegularExpressions;

namespace HelpDesk.Domain.People;

/// <summary>A Vietnamese mobile number, stored as 10 digits starting with 0; +84 and spaces are accepted when typed.</summary>
public static partial class PhoneNumber
{
    public static string? Normalize(string? input)
    {
        var compact = NonDigitsExceptPlus().Replace(input ?? "", "");
        if (compact.StartsWith("+84")) compact = "0" + compact[3..];
        else if (compact.StartsWith("84") && compact.Length == 11) compact = "0" + compact[2..];
        return Mobile().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s.\-()]")] private static partial Regex NonDigitsExceptPlus();
    [GeneratedRegex(@"^0[35789]\d{8}$")] private static partial Regex Mobile();
}
