using System.Buffers;
using System.Text;

namespace ResearchBot.Ingestion;

/// <summary>How the bytes of a source are to be read, decided from its first bytes.</summary>
internal enum SourceEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Utf32LittleEndian,
    Gzip,
}

/// <summary>The encoding of a source, found from its head: a byte order mark, gzip, UTF-16 without a mark, or refused as binary.</summary>
internal static class SourceEncoding
{
    private static readonly (byte[] Magic, string What)[] BinaryKinds =
    [
        ("PK\u0003\u0004"u8.ToArray(), "a zip archive: unpack it first"),
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ("BZh"u8.ToArray(), "bzip2-compressed: decompress it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed: decompress it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed: decompress it first"),
        ("SQLite format 3\0"u8.ToArray(), "an SQLite database"),
    ];

    /// <summary>The kind of <paramref name="head"/> and the length of its byte order mark; throws <see cref="PaperFormatException"/> for empty or binary content.</summary>
    public static (SourceEncodingKind Kind, int BomLength) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) throw new PaperFormatException("empty file");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return (SourceEncodingKind.Gzip, 0);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (SourceEncodingKind.Utf8, 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (SourceEncodingKind.Utf32LittleEndian, 4);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (SourceEncodingKind.Utf16LittleEndian, 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (SourceEncodingKind.Utf16BigEndian, 2);
        foreach (var (magic, what) in BinaryKinds)
        {
            if (head.StartsWith(magic)) throw new PaperFormatException($"binary content ({what}), not a text paper source");
        }
        if (Utf16WithoutMark(head) is { } utf16) return (utf16, 0);
        if (LooksBinary(head)) throw new PaperFormatException("binary content, not a text paper source");
        return (SourceEncodingKind.Utf8, 0);
    }

    /// <summary>Strict UTF-8 decoding; throws <see cref="PaperFormatException"/> naming the line of the first invalid byte.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
        throw new PaperFormatException($"line {bytes[..offset].Count((byte)'\n') + 1}: invalid UTF-8");
    }

    /// <summary>Strict decoding of UTF-16 or UTF-32 text; throws <see cref="PaperFormatException"/> for invalid text.</summary>
    public static string DecodeWide(SourceEncodingKind kind, ReadOnlySpan<byte> bytes)
    {
        Encoding encoding = kind switch
        {
            SourceEncodingKind.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
            SourceEncodingKind.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
            SourceEncodingKind.Utf32LittleEndian => new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new PaperFormatException($"invalid {(kind == SourceEncodingKind.Utf32LittleEndian ? "UTF-32" : "UTF-16")} text");
        }
    }

    /// <summary>Text in UTF-16 without a byte order mark: nearly every other byte is NUL (ASCII-range text).</summary>
    private static SourceEncodingKind? Utf16WithoutMark(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) evenZeros++;
            if (head[i + 1] == 0) oddZeros++;
        }
        var pairs = head.Length / 2;
        if (oddZeros * 10 >= pairs * 9 && evenZeros * 10 < pairs) return SourceEncodingKind.Utf16LittleEndian;
        if (evenZeros * 10 >= pairs * 9 && oddZeros * 10 < pairs) return SourceEncodingKind.Utf16BigEndian;
        return null;
    }

    /// <summary>
    /// More than one byte in ten is a control byte that text does not use (NUL, BEL, …; tabs, line breaks, form feed and
    /// escape are text) or part of an invalid UTF-8 sequence. A few bad bytes in text are not binary: they are reported
    /// where they are (the line with invalid UTF-8).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var suspicious = 0;
        var offset = 0;
        while (offset < head.Length)
        {
            var status = Rune.DecodeFromUtf8(head[offset..], out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData) break; // a character cut at the end of the head
            if (status == OperationStatus.InvalidData) suspicious += consumed;
            else if (IsBinaryControl(rune.Value)) suspicious++;
            offset += consumed;
        }
        return suspicious * 10 > head.Length;
    }

    private static bool IsBinaryControl(int c) => (c < 0x20 && c is not ('\t' or '\n' or '\v' or '\f' or '\r' or 0x1B)) || c == 0x7F;
}
