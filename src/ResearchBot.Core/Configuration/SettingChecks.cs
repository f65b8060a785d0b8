using System.Globalization;
using Microsoft.Extensions.Options;

namespace ResearchBot.Configuration;

/// <summary>
/// Collects what is wrong with one options section, each problem naming its full key (<c>Retrieval:K1 must be greater
/// than 0 (it is -1)</c>): the building block of the bot's <see cref="IValidateOptions{TOptions}"/> validators.
/// </summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _errors = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The full key of a property of the section.</summary>
    public string Key(string name) => section + ":" + name;

    /// <summary>Adds a problem unless <paramref name="ok"/>.</summary>
    public SettingChecks Require(bool ok, string name, string reason)
    {
        if (!ok) _errors.Add($"{Key(name)} {reason}");
        return this;
    }

    public SettingChecks AtLeast(string name, int value, int min) =>
        Require(value >= min, name, $"must be at least {min} (it is {value})");

    public SettingChecks Between(string name, int value, int min, int max) =>
        Require(value >= min && value <= max, name, $"must be between {min} and {max} (it is {value})");

    /// <summary>A whole number between the bounds, when set.</summary>
    public SettingChecks BetweenWhenSet(string name, int? value, int min, int max) => value is int v ? Between(name, v, min, max) : this;

    /// <summary>A whole number at least <paramref name="min"/>, when set.</summary>
    public SettingChecks AtLeast(string name, int? value, int min) => value is int v ? AtLeast(name, v, min) : this;

    /// <summary>A finite number greater than <paramref name="min"/>.</summary>
    public SettingChecks Above(string name, double value, double min) =>
        Require(double.IsFinite(value) && value > min, name, $"must be greater than {Show(min)} (it is {Show(value)})");

    /// <summary>A finite number of at least <paramref name="min"/>.</summary>
    public SettingChecks AtLeast(string name, double value, double min) =>
        Require(double.IsFinite(value) && value >= min, name, $"must be at least {Show(min)} (it is {Show(value)})");

    /// <summary>A finite number in (<paramref name="min"/>, <paramref name="max"/>]: above the lower bound, at most the upper one.</summary>
    public SettingChecks AboveAtMost(string name, double value, double min, double max) =>
        Require(double.IsFinite(value) && value > min && value <= max, name, $"must be greater than {Show(min)} and at most {Show(max)} (it is {Show(value)})");

    /// <summary>A duration greater than zero and at most <paramref name="max"/>.</summary>
    public SettingChecks Positive(string name, TimeSpan value, TimeSpan max) =>
        Require(value > TimeSpan.Zero && value <= max, name, $"must be a duration greater than 0 and at most {max} (it is {value})");

    /// <summary>A duration of zero or more, at most <paramref name="max"/>.</summary>
    public SettingChecks NotNegative(string name, TimeSpan value, TimeSpan max) =>
        Require(value >= TimeSpan.Zero && value <= max, name, $"must be a duration of 0 or more and at most {max} (it is {value})");

    /// <summary>A named value of <typeparamref name="TEnum"/> (the binder also accepts any number, e.g. 7).</summary>
    public SettingChecks Defined<TEnum>(string name, TEnum value) where TEnum : struct, Enum =>
        Require(Enum.IsDefined(value), name, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (it is '{value}')");

    /// <summary>An absolute URL with one of the given schemes (default http and https), when set.</summary>
    public SettingChecks Url(string name, string? value, params string[] schemes)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        return Url(name, Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null, value, schemes);
    }

    /// <summary>An absolute URL with one of the given schemes (default http and https).</summary>
    public SettingChecks Url(string name, Uri? value, params string[] schemes) => Url(name, value is { IsAbsoluteUri: true } ? value : null, value?.OriginalString ?? "", schemes);

    private SettingChecks Url(string name, Uri? absolute, string text, string[] schemes)
    {
        if (schemes.Length == 0) schemes = ["http", "https"];
        var ok = absolute is not null && schemes.Contains(absolute.Scheme, StringComparer.OrdinalIgnoreCase);
        return Require(ok, name, $"must be an absolute {string.Join(" or ", schemes)} URL (it is '{text}')");
    }

    /// <summary>Success, or a failure listing every problem.</summary>
    public ValidateOptionsResult Result() => _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
