namespace ResearchBot.Answering.Sources;

using ResearchBot.Papers;

/// <summary>The numbered sources of one answer: the retrieved papers first, then any a tool call finds (thread-safe).</summary>
public sealed class SourceList
{
    private readonly List<NumberedSource> _items = [];
    private readonly Lock _lock = new();

    /// <summary>A list holding <paramref name="papers"/> as [1]..[k].</summary>
    public SourceList(IEnumerable<(Paper Paper, double Relevance)> papers)
    {
        foreach (var (paper, relevance) in papers) Add(paper, relevance);
    }

    /// <summary>A list keeping the numbers <paramref name="numbered"/> already carry (the papers a follow-up refers to, under their list numbers); later additions come after the highest.</summary>
    public SourceList(IEnumerable<NumberedSource> numbered)
    {
        foreach (var source in numbered)
            if (_items.All(s => s.N != source.N && s.Paper.Id != source.Paper.Id)) _items.Add(source);
        _items.Sort((a, b) => a.N.CompareTo(b.N));
    }

    /// <summary>The numbers in use, ascending.</summary>
    public IReadOnlyList<int> Numbers
    {
        get { lock (_lock) return _items.Select(s => s.N).ToList(); }
    }

    /// <summary>A snapshot, by number.</summary>
    public IReadOnlyList<NumberedSource> Items
    {
        get { lock (_lock) return _items.ToList(); }
    }

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    /// <summary>The source already listed for the paper with id <paramref name="paperId"/>, or null.</summary>
    public NumberedSource? Find(string paperId)
    {
        lock (_lock) return _items.FirstOrDefault(s => s.Paper.Id == paperId);
    }

    /// <summary>The source of <paramref name="paper"/>: its existing number, or the next one.</summary>
    public NumberedSource Add(Paper paper, double relevance)
    {
        lock (_lock)
        {
            var existing = _items.FirstOrDefault(s => s.Paper.Id == paper.Id);
            if (existing is not null) return existing;
            var source = new NumberedSource(_items.Count == 0 ? 1 : _items[^1].N + 1, paper, relevance);
            _items.Add(source);
            return source;
        }
    }

    /// <summary>The public sources.</summary>
    public IReadOnlyList<AnswerSource> ToAnswerSources() => Items.Select(s => s.ToAnswerSource()).ToList();
}
