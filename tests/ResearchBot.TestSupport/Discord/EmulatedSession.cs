using System.Text.Json;

namespace ResearchBot.TestSupport.Discord;

/// <summary>A gateway session: its id and every event dispatched in it, for replay on Resume.</summary>
public sealed class EmulatedSession(string id)
{
    private readonly List<(long Seq, string Type, JsonElement Data)> _events = [];
    private readonly Lock _lock = new();
    private long _seq;

    public string Id { get; } = id;

    /// <summary>The connection events go to; null while the client is away.</summary>
    public EmulatedConnection? Connection { get; internal set; }

    internal (long Seq, JsonElement Data) Record(string type, object data)
    {
        var element = JsonSerializer.SerializeToElement(data);
        lock (_lock)
        {
            _events.Add((++_seq, type, element));
            return (_seq, element);
        }
    }

    internal IReadOnlyList<(long Seq, string Type, JsonElement Data)> After(long seq)
    {
        lock (_lock) return _events.Where(e => e.Seq > seq).ToList();
    }

    internal long NextSeq()
    {
        lock (_lock) return ++_seq;
    }
}
