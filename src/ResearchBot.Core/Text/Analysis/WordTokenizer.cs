namespace ResearchBot.Text.Analysis;

/// <summary>
/// Splits text into lowercase words of ASCII letters and digits without allocating (accents folded, μ read as mu). With
/// <c>compounds</c>, an inner hyphen joins its two sides into one word ("test-time"), as content words keep them.
/// </summary>
public ref struct WordTokenizer(ReadOnlySpan<char> text, bool compounds = false)
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly bool _compounds = compounds;
    private int _pos;
    private Span<char> _buffer;
    private int _length;

    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    public bool MoveNext()
    {
        if (_buffer.IsEmpty) _buffer = new char[64];
        _length = 0;
        while (_pos <= _text.Length)
        {
            var c = _pos < _text.Length ? _text[_pos] : ' ';
            _pos++;
            if (char.IsAsciiLetterOrDigit(c)) { Append(char.ToLowerInvariant(c)); continue; }
            if (c is 'μ' or 'µ') { Append('m'); Append('u'); continue; }
            if (c > 127 && char.IsLetter(c) && Papers.LatinFolding.Fold(c) is var f && f != '\0') { Append(f); continue; }
            if (c == '-' && _compounds && _length > 0 && _length < _buffer.Length - 1 && _pos < _text.Length && IsWordStart(_text[_pos]) && _buffer[_length - 1] != '-')
            {
                Append('-');
                continue;
            }
            if (_length > 0) return true;
        }
        return false;
    }

    private static bool IsWordStart(char c) => char.IsAsciiLetterOrDigit(c) || c is 'μ' or 'µ' || (c > 127 && char.IsLetter(c) && Papers.LatinFolding.Fold(c) != '\0');

    private void Append(char c)
    {
        if (_length < _buffer.Length) _buffer[_length++] = c;
    }
}
