using System.Collections.Frozen;

namespace ResearchBot.Text.Analysis;

/// <summary>A read-only set of lowercase words, looked up by span.</summary>
public sealed class WordSet
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The words of the set.</summary>
    public IEnumerable<string> Words => _words;

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
