using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ResearchBot.Cli;

/// <summary>Adds a settings file to the configuration; a file that cannot be read or parsed is one <c>configuration: FILE: reason</c> error (exit 2).</summary>
internal static partial class SettingsFiles
{
    /// <summary>Runs <paramref name="add"/> (which loads the file at once) and turns a load failure into a <see cref="CliException"/>.</summary>
    public static void Add(IConfigurationManager configuration, Action<IConfigurationBuilder> add)
    {
        try
        {
            add(configuration);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"configuration: {FileOf(ex)}: {Reason(ex)}", CliApp.ExitUsage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CliException($"configuration: {ex.Message}", CliApp.ExitUsage);
        }
    }

    private static string FileOf(InvalidDataException ex) =>
        QuotedFile().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : "settings file";

    /// <summary>The innermost message: the parser's own words (line and position), not "Failed to load configuration".</summary>
    private static string Reason(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null) inner = inner.InnerException;
        if (ReferenceEquals(inner, ex)) return "not a valid JSON settings file";
        // System.Text.Json counts lines and bytes from 0 and appends them to its message: say them as an editor does.
        if (inner is System.Text.Json.JsonException { LineNumber: long line, BytePositionInLine: long position })
            return JsonPosition().Replace(inner.Message, "").TrimEnd() + $" (line {line + 1}, byte {position + 1})";
        return inner.Message;
    }

    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex JsonPosition();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedFile();
}
