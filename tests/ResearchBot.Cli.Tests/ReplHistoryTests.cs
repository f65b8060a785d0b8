using ResearchBot.Cli.Repl;

namespace ResearchBot.Cli.Tests;

/// <summary>The REPL history file: kept across sessions, no blanks or repeats, cut back when it grows.</summary>
public sealed class ReplHistoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rb-history-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Lines_added_in_one_session_are_loaded_by_the_next_in_order()
    {
        var path = Path.Combine(_folder, "nested", "repl-history.txt");
        var first = new ReplHistory(path);
        Assert.Empty(first.Load());

        Assert.True(first.Add("Which papers study KV cache compression?"));
        Assert.False(first.Add("Which papers study KV cache compression?"));
        Assert.False(first.Add("   "));
        Assert.True(first.Add("/paper 2"));

        var next = new ReplHistory(path);
        Assert.Equal(["Which papers study KV cache compression?", "/paper 2"], next.Load());
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void The_file_is_cut_back_to_the_newest_entries()
    {
        var path = Path.Combine(_folder, "repl-history.txt");
        var history = new ReplHistory(path);
        history.Load();
        for (var i = 0; i < 2 * ReplHistory.MaxEntries + 5; i++) history.Add($"question {i}");

        Assert.True(File.ReadAllLines(path).Length <= 2 * ReplHistory.MaxEntries);
        var loaded = new ReplHistory(path).Load();
        Assert.Equal(ReplHistory.MaxEntries, loaded.Count);
        Assert.Equal($"question {2 * ReplHistory.MaxEntries + 4}", loaded[^1]);
    }

    [Fact]
    public void An_unwritable_place_costs_only_the_history()
    {
        var blocker = Path.Combine(_folder, "file");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(blocker, "not a folder");
        var history = new ReplHistory(Path.Combine(blocker, "repl-history.txt"));

        Assert.Empty(history.Load());
        Assert.True(history.Add("still kept for the session"));
        Assert.Equal(["still kept for the session"], history.Entries);
    }

    [Fact]
    public void The_default_file_is_in_the_users_data_folder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(local, "researchbot", "repl-history.txt"), ReplHistory.DefaultPath);
    }
}
