using System.Text;

namespace ResearchBot.Cli.Repl;

/// <summary>
/// The lines typed at the REPL prompt, kept across sessions in a text file (one entry a line, oldest first): loaded
/// when the REPL starts, each new entry appended as it is submitted, the file cut back to the newest
/// <see cref="MaxEntries"/> when it has grown to twice that. A file that cannot be read or written only costs the
/// history, never the session.
/// </summary>
internal sealed class ReplHistory(string path)
{
    /// <summary>How many entries are kept.</summary>
    public const int MaxEntries = 500;

    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<string> _entries = [];

    /// <summary>The history file in the user's data folder (e.g. <c>~/.local/share/researchbot/repl-history.txt</c>).</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "researchbot", "repl-history.txt");

    /// <summary>The file this history is kept in.</summary>
    public string FilePath => path;

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Reads the file (a missing or unreadable file is an empty history) and returns the entries.</summary>
    public IReadOnlyList<string> Load()
    {
        _entries.Clear();
        try
        {
            if (File.Exists(path))
                _entries.AddRange(File.ReadAllLines(path, NoBom).Where(l => l.Trim().Length > 0).TakeLast(MaxEntries));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No history this session.
        }
        return _entries;
    }

    /// <summary>Remembers <paramref name="line"/> (not blank, not a repeat of the last entry) and appends it to the file.</summary>
    /// <returns>True when the line was added.</returns>
    public bool Add(string line)
    {
        line = line.Replace('\r', ' ').Replace('\n', ' ').Trim();
        if (line.Length == 0 || (_entries.Count > 0 && _entries[^1] == line)) return false;
        _entries.Add(line);
        if (_entries.Count > MaxEntries) _entries.RemoveRange(0, _entries.Count - MaxEntries);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.AppendAllText(path, line + "\n", NoBom);
            if (new FileInfo(path).Length > 0 && CountLines() > 2 * MaxEntries)
                File.WriteAllLines(path, _entries, NoBom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Kept for this session only.
        }
        return true;
    }

    private int CountLines() => File.ReadLines(path).Count();
}
