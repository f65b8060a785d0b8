namespace ResearchBot.Cli.Repl;

/// <summary>What a key did to the line being edited.</summary>
internal enum LineEditResult
{
    /// <summary>The line changed (or not); keep reading keys.</summary>
    Continue,

    /// <summary>Enter: the line is done.</summary>
    Submit,

    /// <summary>Ctrl+D on an empty line: the input has ended.</summary>
    EndOfInput,
}

/// <summary>
/// One input line being edited like a shell, and the history to walk through: printable keys insert at the cursor;
/// Left/Right (Ctrl+B/F), Ctrl+Left/Right (Alt+B/F) by word, Home/End (Ctrl+A/E); Backspace, Delete, Ctrl+U (to the
/// start), Ctrl+K (to the end), Ctrl+W and Ctrl+Backspace (the word before the cursor); Up/Down (Ctrl+P/N) through the
/// history, coming back to the line being typed; Enter submits; Ctrl+D ends the input on an empty line and deletes the
/// character under the cursor otherwise (it never submits). Pure state: no terminal, so it can be tested key by key.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> _history;
    private int _historyIndex;
    private string _draft = "";

    /// <param name="history">Earlier lines, oldest first.</param>
    public LineEditor(IEnumerable<string>? history = null)
    {
        _history = [.. history ?? []];
        _historyIndex = _history.Count;
    }

    /// <summary>The line as edited so far.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The cursor's position in <see cref="Text"/> (0 = before the first character).</summary>
    public int Cursor { get; private set; }

    /// <summary>Starts a new empty line, the history positioned after its newest entry.</summary>
    public void Reset()
    {
        Text = "";
        Cursor = 0;
        _draft = "";
        _historyIndex = _history.Count;
    }

    /// <summary>Adds a submitted line to the history walked by Up/Down (blank lines and repeats of the newest are skipped).</summary>
    public void Remember(string line)
    {
        line = line.Trim();
        if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
        _historyIndex = _history.Count;
    }

    /// <summary>Applies one key press.</summary>
    public LineEditResult Apply(ConsoleKeyInfo key)
    {
        var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
        var alt = (key.Modifiers & ConsoleModifiers.Alt) != 0;
        // Terminals send Ctrl+letter as a control character; some report the letter as the key, some do not.
        var control = key.KeyChar is >= '\u0001' and <= '\u001a' && key.Key is not (ConsoleKey.Enter or ConsoleKey.Tab or ConsoleKey.Backspace)
            ? (char)('a' + key.KeyChar - 1)
            : ctrl && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z ? (char)('a' + (key.Key - ConsoleKey.A)) : '\0';

        switch (key.Key)
        {
            case ConsoleKey.Enter when control is '\0' or 'j' or 'm':
                return LineEditResult.Submit;
            case ConsoleKey.LeftArrow:
                Cursor = ctrl || alt ? PreviousWordStart(Text, Cursor) : Math.Max(0, Cursor - 1);
                return LineEditResult.Continue;
            case ConsoleKey.RightArrow:
                Cursor = ctrl || alt ? NextWordEnd(Text, Cursor) : Math.Min(Text.Length, Cursor + 1);
                return LineEditResult.Continue;
            case ConsoleKey.Home:
                Cursor = 0;
                return LineEditResult.Continue;
            case ConsoleKey.End:
                Cursor = Text.Length;
                return LineEditResult.Continue;
            case ConsoleKey.UpArrow:
                HistoryBack();
                return LineEditResult.Continue;
            case ConsoleKey.DownArrow:
                HistoryForward();
                return LineEditResult.Continue;
            case ConsoleKey.Backspace when ctrl || alt:
                DeleteWordBefore();
                return LineEditResult.Continue;
            case ConsoleKey.Backspace:
                if (Cursor > 0) Delete(Cursor - 1, 1);
                return LineEditResult.Continue;
            case ConsoleKey.Delete:
                if (Cursor < Text.Length) Delete(Cursor, 1);
                return LineEditResult.Continue;
        }

        if (alt && key.Key == ConsoleKey.B) { Cursor = PreviousWordStart(Text, Cursor); return LineEditResult.Continue; }
        if (alt && key.Key == ConsoleKey.F) { Cursor = NextWordEnd(Text, Cursor); return LineEditResult.Continue; }

        switch (control)
        {
            case 'a': Cursor = 0; return LineEditResult.Continue;
            case 'e': Cursor = Text.Length; return LineEditResult.Continue;
            case 'b': Cursor = Math.Max(0, Cursor - 1); return LineEditResult.Continue;
            case 'f': Cursor = Math.Min(Text.Length, Cursor + 1); return LineEditResult.Continue;
            case 'h': if (Cursor > 0) Delete(Cursor - 1, 1); return LineEditResult.Continue;
            case 'u': Delete(0, Cursor); return LineEditResult.Continue;
            case 'k': Delete(Cursor, Text.Length - Cursor); return LineEditResult.Continue;
            case 'w': DeleteWordBefore(); return LineEditResult.Continue;
            case 'p': HistoryBack(); return LineEditResult.Continue;
            case 'n': HistoryForward(); return LineEditResult.Continue;
            case 'j' or 'm': return LineEditResult.Submit;
            case 'd':
                if (Text.Length == 0) return LineEditResult.EndOfInput;
                if (Cursor < Text.Length) Delete(Cursor, 1);
                return LineEditResult.Continue;
        }

        if (control == '\0' && !alt && key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
        {
            Text = Text.Insert(Cursor, key.KeyChar.ToString());
            Cursor++;
        }
        else if (key.Key == ConsoleKey.Tab && !ctrl && !alt)
        {
            Text = Text.Insert(Cursor, " ");
            Cursor++;
        }
        return LineEditResult.Continue;
    }

    /// <summary>Where the word before <paramref name="cursor"/> starts: back over spaces, then over the word.</summary>
    public static int PreviousWordStart(string text, int cursor)
    {
        var i = Math.Clamp(cursor, 0, text.Length);
        while (i > 0 && char.IsWhiteSpace(text[i - 1])) i--;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1])) i--;
        return i;
    }

    /// <summary>Where the word after <paramref name="cursor"/> ends: forward over spaces, then over the word.</summary>
    public static int NextWordEnd(string text, int cursor)
    {
        var i = Math.Clamp(cursor, 0, text.Length);
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private void DeleteWordBefore()
    {
        var start = PreviousWordStart(Text, Cursor);
        Delete(start, Cursor - start);
    }

    private void Delete(int start, int count)
    {
        if (count <= 0) return;
        Text = Text.Remove(start, count);
        if (Cursor > start) Cursor = Math.Max(start, Cursor - count);
    }

    private void HistoryBack()
    {
        if (_historyIndex == 0) return;
        if (_historyIndex == _history.Count) _draft = Text;
        _historyIndex--;
        Show(_history[_historyIndex]);
    }

    private void HistoryForward()
    {
        if (_historyIndex >= _history.Count) return;
        _historyIndex++;
        Show(_historyIndex == _history.Count ? _draft : _history[_historyIndex]);
    }

    private void Show(string line)
    {
        Text = line;
        Cursor = line.Length;
    }
}
