using System.Text.RegularExpressions;

namespace ResearchBot.Cli;

/// <summary>Rewords the configuration binder's "Failed to convert" message as <c>KEY: 'VALUE' is not a TYPE</c>.</summary>
internal static partial class ConfigurationValue
{
    /// <summary>The binder's message as <c>Retrieval:K1: 'abc' is not a number</c>, or the message itself when it has another form.</summary>
    public static string Describe(string binderMessage)
    {
        var m = BinderMessage().Match(binderMessage);
        if (!m.Success) return binderMessage;
        return $"{m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not {TypeName(m.Groups["type"].Value)}";
    }

    private static string TypeName(string type)
    {
        var name = type.StartsWith("System.Nullable`1[[", StringComparison.Ordinal) ? type[19..type.IndexOf(',')] : type;
        return name switch
        {
            "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt32" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration (hh:mm:ss)",
            "System.Uri" => "a URL",
            _ when name.Contains('.') && !name.StartsWith("System.", StringComparison.Ordinal) => $"one of the {name[(name.LastIndexOf('.') + 1)..]} values",
            _ => $"a {name}",
        };
    }

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderMessage();
}
