using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ResearchBot.Answering;
using ResearchBot.ChatClients;
using ResearchBot.Digest;
using ResearchBot.Discord;
using ResearchBot.Embeddings;
using ResearchBot.Ingestion;
using ResearchBot.Prompts;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Tests;

/// <summary><c>appsettings.example.json</c> documents exactly the keys the options classes bind, and its values work.</summary>
public sealed class ExampleSettingsTests : IDisposable
{
    private static readonly string ExampleFile = FindExample();
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, Type> Sections => new()
    {
        { "Storage", typeof(StorageOptions) },
        { "Embeddings", typeof(EmbeddingOptions) },
        { "Embeddings:Offline", typeof(OfflineEmbeddingOptions) },
        { "Retrieval", typeof(RetrievalOptions) },
        { "Sources:HuggingFace", typeof(HuggingFaceOptions) },
        { "Sources:Arxiv", typeof(ArxivOptions) },
        { "Chat", typeof(ChatSettings) },
        { "Answering", typeof(AnsweringOptions) },
        { "Digest", typeof(DigestOptions) },
        { "Prompts", typeof(PromptOptions) },
        { "Discord", typeof(DiscordOptions) },
        { "Ingest", typeof(ResearchBot.Ingestion.Scheduling.IngestScheduleOptions) },
        { "Health", typeof(ResearchBot.Discord.Health.HealthOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_settable_option_is_documented_and_every_documented_key_exists(string section, Type options)
    {
        var documented = Example().GetSection(section).GetChildren()
            .Where(c => !c.GetChildren().Any())
            .Select(c => c.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expected = SettableScalars(options)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(expected.Order(), documented.Order());
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_documented_value_is_the_default(string section, Type options)
    {
        var bound = Example().GetSection(section).Get(options) ?? throw new InvalidOperationException(section + " is missing");
        var defaults = Activator.CreateInstance(options)!;
        foreach (var property in SettableScalars(options))
            Assert.True(Equals(Text(property.GetValue(defaults)), Text(property.GetValue(bound))),
                $"{section}:{property.Name} is documented as '{Text(property.GetValue(bound))}' but defaults to '{Text(property.GetValue(defaults))}'");
    }

    [Fact]
    public async Task The_example_values_are_valid_settings()
    {
        var settings = Example().AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

        await _cli.RunAsync("ingest", CliRunner.SamplePage(0));
        var result = await _cli.RunAsync(["search", "attention", "--json"], settings: settings);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.True(doc.RootElement.GetProperty("results").GetArrayLength() > 0);

        var ask = await _cli.RunAsync(["ask", "KV cache compression", "--json"], settings: settings);

        Assert.Equal(0, ask.ExitCode);
        Assert.Empty(ask.Error);
        using var answer = JsonDocument.Parse(ask.Out);
        Assert.Equal("offline", answer.RootElement.GetProperty("mode").GetString());
    }

    /// <summary>The properties configuration binds as single values.</summary>
    private static IEnumerable<PropertyInfo> SettableScalars(Type options) => options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string) || p.PropertyType == typeof(Uri) || p.PropertyType == typeof(List<string>)
            || Nullable.GetUnderlyingType(p.PropertyType) is not null));

    /// <summary>A value as comparable text: null and empty are the same (a JSON null binds as an empty string).</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        List<string> list => list.Count == 0 ? null : string.Join("|", list),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IConfigurationRoot Example() => new ConfigurationBuilder().AddJsonFile(ExampleFile, optional: false).Build();

    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.example.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("appsettings.example.json not found above " + AppContext.BaseDirectory);
    }
}
