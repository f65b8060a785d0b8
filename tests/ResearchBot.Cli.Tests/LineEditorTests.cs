using ResearchBot.Cli.Repl;

namespace ResearchBot.Cli.Tests;

/// <summary>The REPL's line editing, key by key (what a terminal sends for each key).</summary>
public sealed class LineEditorTests
{
    private static ConsoleKeyInfo Char(char c) => new(c, c is >= 'a' and <= 'z' ? ConsoleKey.A + (c - 'a') : 0, false, false, false);
    private static ConsoleKeyInfo Key(ConsoleKey key, bool ctrl = false, bool alt = false) => new('\0', key, false, alt, ctrl);

    /// <summary>Ctrl+letter as a Unix terminal sends it: the control character, with the letter as the key.</summary>
    private static ConsoleKeyInfo Ctrl(char letter) => new((char)(letter - 'a' + 1), ConsoleKey.A + (letter - 'a'), false, false, true);

    private static LineEditResult Type(LineEditor editor, string text)
    {
        var result = LineEditResult.Continue;
        foreach (var c in text) result = editor.Apply(Char(c));
        return result;
    }

    [Fact]
    public void Typing_inserts_at_the_cursor_and_arrows_home_end_and_ctrl_a_e_move_it()
    {
        var editor = new LineEditor();
        Type(editor, "cache compression");
        editor.Apply(Key(ConsoleKey.Home));
        Type(editor, "KV ");
        Assert.Equal(("KV cache compression", 3), (editor.Text, editor.Cursor));

        editor.Apply(Ctrl('e'));
        Assert.Equal(20, editor.Cursor);
        editor.Apply(Ctrl('a'));
        Assert.Equal(0, editor.Cursor);
        editor.Apply(Key(ConsoleKey.End));
        editor.Apply(Key(ConsoleKey.LeftArrow));
        editor.Apply(Key(ConsoleKey.LeftArrow, ctrl: true));
        Assert.Equal(9, editor.Cursor);
        editor.Apply(Key(ConsoleKey.RightArrow));
        Assert.Equal(10, editor.Cursor);
        editor.Apply(Key(ConsoleKey.Backspace));
        editor.Apply(Key(ConsoleKey.Delete));
        Assert.Equal(("KV cache mpression", 9), (editor.Text, editor.Cursor));
    }

    [Fact]
    public void Ctrl_u_deletes_to_the_start_ctrl_w_the_word_before_and_ctrl_k_to_the_end()
    {
        var editor = new LineEditor();
        Type(editor, "which papers study  KV caches");

        editor.Apply(Ctrl('w'));
        Assert.Equal(("which papers study  KV ", 23), (editor.Text, editor.Cursor));
        editor.Apply(Ctrl('w'));
        Assert.Equal("which papers study  ", editor.Text);

        editor.Apply(Key(ConsoleKey.LeftArrow, ctrl: true));
        editor.Apply(Ctrl('k'));
        Assert.Equal(("which papers ", 13), (editor.Text, editor.Cursor));

        editor.Apply(Key(ConsoleKey.LeftArrow));
        editor.Apply(Key(ConsoleKey.LeftArrow));
        editor.Apply(Ctrl('u'));
        Assert.Equal(("s ", 0), (editor.Text, editor.Cursor));
    }

    [Fact]
    public void Ctrl_d_ends_the_input_only_on_an_empty_line_and_never_submits_a_non_empty_one()
    {
        var editor = new LineEditor();
        Type(editor, "draft");
        editor.Apply(Ctrl('a'));

        Assert.Equal(LineEditResult.Continue, editor.Apply(Ctrl('d')));
        Assert.Equal("raft", editor.Text);
        editor.Apply(Ctrl('e'));
        Assert.Equal(LineEditResult.Continue, editor.Apply(Ctrl('d')));
        Assert.Equal("raft", editor.Text);

        editor.Apply(Ctrl('u'));
        Assert.Equal(LineEditResult.EndOfInput, editor.Apply(Ctrl('d')));
    }

    [Fact]
    public void Enter_submits_and_control_keys_never_insert_characters()
    {
        var editor = new LineEditor();
        Type(editor, "q");
        editor.Apply(Key(ConsoleKey.Escape));
        editor.Apply(new ConsoleKeyInfo('\u0007', ConsoleKey.G, false, false, true));

        Assert.Equal(LineEditResult.Submit, editor.Apply(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)));
        Assert.Equal("q", editor.Text);
    }

    [Fact]
    public void Up_and_down_walk_the_history_and_come_back_to_the_line_being_typed()
    {
        var editor = new LineEditor(["first question", "second question"]);
        Type(editor, "my draft");

        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal(("second question", 15), (editor.Text, editor.Cursor));
        editor.Apply(Key(ConsoleKey.UpArrow));
        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal("first question", editor.Text);
        editor.Apply(Ctrl('n'));
        Assert.Equal("second question", editor.Text);
        editor.Apply(Key(ConsoleKey.DownArrow));
        Assert.Equal("my draft", editor.Text);
        editor.Apply(Key(ConsoleKey.DownArrow));
        Assert.Equal("my draft", editor.Text);

        editor.Remember("third question");
        editor.Reset();
        editor.Apply(Ctrl('p'));
        Assert.Equal("third question", editor.Text);
    }
}
