namespace ResearchBot.Answering.Model;

/// <summary>What a streamed model answer accumulated: its text and the usage the provider reported.</summary>
public sealed class ModelRun
{
    private long? _input, _output, _total;

    /// <summary>The raw answer text, before citation checking.</summary>
    public System.Text.StringBuilder Text { get; } = new();

    /// <summary>Tool calls the model made.</summary>
    public int ToolCalls { get; set; }

    /// <summary>Usage summed over the provider calls, or null when it reported none.</summary>
    public AnswerUsage? Usage => _input is null && _output is null && _total is null ? null : new AnswerUsage(_input, _output, _total ?? _input + _output);

    /// <summary>Adds one provider call's usage.</summary>
    public void AddUsage(long? input, long? output, long? total)
    {
        if (input is not null) _input = (_input ?? 0) + input;
        if (output is not null) _output = (_output ?? 0) + output;
        if (total is not null) _total = (_total ?? 0) + total;
    }
}
