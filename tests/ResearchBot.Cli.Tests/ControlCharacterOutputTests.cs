using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Stored text with terminal control sequences (clear screen, an OSC window title, BEL, C1 CSI) never reaches the
/// terminal raw: every human-readable output strips them, JSON escapes them, newlines stay.
/// </summary>
public sealed class ControlCharacterOutputTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 5, 4);
    private const string Id = "2605.01234";
    private const string Hostile = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0008\u000d";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task StoreHostilePapersAsync()
    {
        // Written through the store itself, so the test does not depend on what ingestion lets through.
        using var host = _cli.OpenHost();
        var store = host.Services.GetRequiredService<IPaperStore>();
        await store.UpsertAsync(
        [
            new Paper
            {
                Id = Id,
                Title = $"Quantum{Hostile} Entanglement Routing for Photonic Networks",
                Abstract = $"We study quantum entanglement routing{Hostile} in photonic networks. Our router{Hostile} doubles the entanglement rate.",
                Authors = [$"Eve{Hostile} Mallory"],
                Listings = [new Listing(Day, "hf-daily")],
            },
            new Paper
            {
                Id = "2605.01235",
                Title = "Entanglement Distillation Schedules for Quantum Repeaters",
                Abstract = $"Quantum repeaters{Hostile} need entanglement distillation; we schedule it.",
                Listings = [new Listing(Day, "hf-daily")],
            },
        ]);
    }

    private static void AssertClean(CliResult result)
    {
        foreach (var (name, text) in new[] { ("stdout", result.Out), ("stderr", result.Error) })
        {
            var bad = text.Replace("\r\n", "\n").Where(c => (c < ' ' && c is not '\n' and not '\t') || c is >= '\u007f' and <= '\u009f').ToList();
            Assert.True(bad.Count == 0, $"{name} holds control characters {string.Join(' ', bad.Select(c => $"U+{(int)c:X4}"))}:\n{text}");
        }
    }

    [Fact]
    public async Task Search_shows_the_title_without_control_characters()
    {
        await StoreHostilePapersAsync();

        var result = await _cli.RunAsync("search", "quantum entanglement routing");

        Assert.Equal(0, result.ExitCode);
        AssertClean(result);
        Assert.Contains("Entanglement Routing for Photonic", result.Out);
    }

    [Fact]
    public async Task Search_json_still_escapes_the_stored_text()
    {
        await StoreHostilePapersAsync();

        var result = await _cli.RunAsync("search", "quantum entanglement routing", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(@"\u001B[2J", result.Out, StringComparison.OrdinalIgnoreCase);
        AssertClean(result);
    }

    [Fact]
    public async Task Ask_answers_and_lists_sources_without_control_characters_and_keeps_newlines()
    {
        await StoreHostilePapersAsync();

        var result = await _cli.RunAsync("ask", "How does quantum entanglement routing work in photonic networks?");

        Assert.Equal(0, result.ExitCode);
        AssertClean(result);
        Assert.Contains("Entanglement Routing for Photonic", result.Out);
        Assert.True(result.OutLines.Length > 2, result.Out);
    }

    [Fact]
    public async Task Digest_shows_the_day_without_control_characters()
    {
        await StoreHostilePapersAsync();

        var result = await _cli.RunAsync("digest", "--date", "2026-05-04");

        Assert.Equal(0, result.ExitCode);
        AssertClean(result);
        Assert.Contains("Entanglement Routing for Photonic", result.Out);
    }

    [Fact]
    public async Task The_repl_paper_search_and_sources_commands_show_no_control_characters()
    {
        await StoreHostilePapersAsync();

        var result = await _cli.RunAsync([], $"/search quantum entanglement routing\n/paper {Id}\nHow does quantum entanglement routing work?\n/sources\n");

        Assert.Equal(0, result.ExitCode);
        AssertClean(result);
        Assert.True(result.Out.Split("Entanglement Routing for Photonic").Length >= 4, result.Out);
    }
}
