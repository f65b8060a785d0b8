using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// The search image: what a search snapshot keeps per document (whether it exists, its field lengths and date, its
/// quantized vector with scale, binary code and length) saved as a few large blobs in <c>search_image</c>, stamped with
/// the store's generation. A new process then reads a million papers' statistics and vectors as bulk copies instead of
/// stepping two million rows and decoding and quantizing every vector. An image is used only when its generation is the
/// store's current one (any later write makes it stale, and search reads the rows as before); a writer saves a new one
/// after an ingest, a re-embed or a delete of a large store (<see cref="SqlitePaperStore.SaveSearchImageAsync"/>).
/// </summary>
internal static class SqliteSearchImage
{
    private const int FormatVersion = 1;

    /// <summary>Each section is stored in rows of at most this many bytes (SQLite keeps a blob in one row up to 1 GB).</summary>
    private const int ChunkBytes = 16 << 20;

    /// <summary>The per-document statistics and vectors read from a current image.</summary>
    internal sealed record Contents(bool[] Exists, int[] TitleLength, int[] AbstractLength, int[] DayNumber, QuantizedVectors? Vectors);

    /// <summary>True when the store holds an image (of any generation) that a reader can check.</summary>
    private static bool HasTable(sqlite3 db)
    {
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_image'", out var stmt));
        using (stmt) return raw.sqlite3_step(stmt) == raw.SQLITE_ROW;
    }

    /// <summary>The image's generation, or null when there is none.</summary>
    public static long? Generation(SqliteConnection c)
    {
        var db = Handle(c);
        if (!HasTable(db)) return null;
        var header = ReadSection(db, "header");
        return header is { Length: >= 24 } && BitConverter.ToInt32(header, 0) == FormatVersion ? BitConverter.ToInt64(header, 4) : null;
    }

    /// <summary>
    /// Reads the image when it was written at <paramref name="generation"/> for <paramref name="capacity"/> documents (call
    /// inside the read transaction that read both); null when there is none, it is stale, or it is incomplete.
    /// </summary>
    public static Contents? TryRead(SqliteConnection c, long generation, int capacity)
    {
        var db = Handle(c);
        if (!HasTable(db)) return null;
        var header = ReadSection(db, "header");
        if (header is not { Length: >= 24 } || BitConverter.ToInt32(header, 0) != FormatVersion
            || BitConverter.ToInt64(header, 4) != generation || BitConverter.ToInt32(header, 12) != capacity) return null;
        var dims = BitConverter.ToInt32(header, 16);
        var exists = new bool[capacity];
        var tl = new int[capacity]; var al = new int[capacity]; var day = new int[capacity];
        if (!ReadInto(db, "exists", MemoryMarshal.AsBytes(exists.AsSpan())) || !ReadInto(db, "title_len", MemoryMarshal.AsBytes(tl.AsSpan()))
            || !ReadInto(db, "abstract_len", MemoryMarshal.AsBytes(al.AsSpan())) || !ReadInto(db, "day", MemoryMarshal.AsBytes(day.AsSpan())))
            return null;
        QuantizedVectors? vectors = null;
        if (dims > 0)
        {
            vectors = new QuantizedVectors(capacity, dims);
            var (data, scale, signs, norm) = vectors.Arrays;
            if (!ReadInto(db, "vec_data", MemoryMarshal.AsBytes(data.AsSpan())) || !ReadInto(db, "vec_scale", MemoryMarshal.AsBytes(scale.AsSpan()))
                || !ReadInto(db, "vec_signs", MemoryMarshal.AsBytes(signs.AsSpan())) || !ReadInto(db, "vec_norm", MemoryMarshal.AsBytes(norm.AsSpan())))
                return null;
        }
        return new Contents(exists, tl, al, day, vectors);
    }

    /// <summary>Replaces the image with <paramref name="contents"/> (call inside a write transaction that checked its generation is current).</summary>
    public static void Write(SqliteConnection c, SearchIndexContents contents)
    {
        var db = Handle(c);
        Exec(db, "DELETE FROM search_image");
        var header = new byte[24];
        BitConverter.TryWriteBytes(header.AsSpan(0), FormatVersion);
        BitConverter.TryWriteBytes(header.AsSpan(4), contents.Generation);
        BitConverter.TryWriteBytes(header.AsSpan(12), contents.Capacity);
        BitConverter.TryWriteBytes(header.AsSpan(16), contents.Vectors?.Dimensions ?? 0);
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, "INSERT INTO search_image(section, chunk, data) VALUES (?1, ?2, ?3)", out var stmt));
        using (stmt)
        {
            WriteSection(db, stmt, "header", header);
            WriteSection(db, stmt, "exists", MemoryMarshal.AsBytes(contents.Exists.AsSpan()));
            WriteSection(db, stmt, "title_len", MemoryMarshal.AsBytes(contents.TitleLength.AsSpan()));
            WriteSection(db, stmt, "abstract_len", MemoryMarshal.AsBytes(contents.AbstractLength.AsSpan()));
            WriteSection(db, stmt, "day", MemoryMarshal.AsBytes(contents.DayNumber.AsSpan()));
            if (contents.Vectors is { } v)
            {
                var (data, scale, signs, norm) = v.Arrays;
                WriteSection(db, stmt, "vec_data", MemoryMarshal.AsBytes(data.AsSpan()));
                WriteSection(db, stmt, "vec_scale", MemoryMarshal.AsBytes(scale.AsSpan()));
                WriteSection(db, stmt, "vec_signs", MemoryMarshal.AsBytes(signs.AsSpan()));
                WriteSection(db, stmt, "vec_norm", MemoryMarshal.AsBytes(norm.AsSpan()));
            }
        }
    }

    private static void WriteSection(sqlite3 db, sqlite3_stmt stmt, string section, ReadOnlySpan<byte> bytes)
    {
        var chunk = 0;
        do
        {
            var part = bytes[..Math.Min(ChunkBytes, bytes.Length)];
            bytes = bytes[part.Length..];
            raw.sqlite3_reset(stmt);
            raw.sqlite3_bind_text(stmt, 1, section);
            raw.sqlite3_bind_int(stmt, 2, chunk++);
            raw.sqlite3_bind_blob(stmt, 3, part);
            var rc = raw.sqlite3_step(stmt);
            if (rc != raw.SQLITE_DONE) SqliteCommands.CheckRaw(db, rc);
        } while (bytes.Length > 0);
    }

    /// <summary>Copies a section's chunks, in order, into <paramref name="into"/>; false unless they fill it exactly.</summary>
    private static bool ReadInto(sqlite3 db, string section, Span<byte> into)
    {
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, "SELECT data FROM search_image WHERE section = ?1 ORDER BY chunk", out var stmt));
        using (stmt)
        {
            raw.sqlite3_bind_text(stmt, 1, section);
            var at = 0;
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                var blob = raw.sqlite3_column_blob(stmt, 0);
                if (blob.Length > into.Length - at) return false;
                blob.CopyTo(into[at..]);
                at += blob.Length;
            }
            if (rc != raw.SQLITE_DONE) SqliteCommands.CheckRaw(db, rc);
            return at == into.Length;
        }
    }

    private static byte[]? ReadSection(sqlite3 db, string section)
    {
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, "SELECT data FROM search_image WHERE section = ?1 ORDER BY chunk", out var stmt));
        using (stmt)
        {
            raw.sqlite3_bind_text(stmt, 1, section);
            return raw.sqlite3_step(stmt) == raw.SQLITE_ROW ? raw.sqlite3_column_blob(stmt, 0).ToArray() : null;
        }
    }

    private static void Exec(sqlite3 db, string sql) => SqliteCommands.CheckRaw(db, raw.sqlite3_exec(db, sql));

    private static sqlite3 Handle(SqliteConnection c) => c.Handle ?? throw new InvalidOperationException("the connection is not open");

}
