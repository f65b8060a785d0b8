namespace ResearchBot.Retrieval.Lexical;

/// <summary>The documents containing one term, ascending by document, with the term's frequency in each field.</summary>
public sealed class TermPostings
{
    public int[] Docs;
    public ushort[] TitleTf;
    public ushort[] AbstractTf;
    public int Count;

    public TermPostings(int capacity = 4)
    {
        Docs = new int[Math.Max(1, capacity)];
        TitleTf = new ushort[Docs.Length];
        AbstractTf = new ushort[Docs.Length];
    }

    /// <summary>Adds a document in any order (see <see cref="SortByDocument"/>).</summary>
    public void Add(int doc, int titleTf, int abstractTf) => Append(doc, titleTf, abstractTf);

    /// <summary>Sorts entries by document (a no-op when they were added in order).</summary>
    public void SortByDocument()
    {
        for (var i = 1; i < Count; i++)
        {
            if (Docs[i - 1] <= Docs[i]) continue;
            var order = Enumerable.Range(0, Count).OrderBy(k => Docs[k]).ToArray();
            Docs = [.. order.Select(k => Docs[k]), .. new int[Docs.Length - Count]];
            TitleTf = [.. order.Select(k => TitleTf[k]), .. new ushort[TitleTf.Length - Count]];
            AbstractTf = [.. order.Select(k => AbstractTf[k]), .. new ushort[AbstractTf.Length - Count]];
            return;
        }
    }

    /// <summary>Counts one more occurrence of the term in <paramref name="doc"/>, which is the last document added or a new one.</summary>
    internal void Bump(int doc, bool title)
    {
        if (Count == 0 || Docs[Count - 1] != doc) Append(doc, 0, 0);
        if (title) TitleTf[Count - 1]++; else AbstractTf[Count - 1]++;
    }

    /// <summary>Appends every entry of <paramref name="other"/> (sort afterwards if they may be out of order).</summary>
    public void AppendRange(TermPostings other)
    {
        if (Count + other.Count > Docs.Length)
        {
            var n = Math.Max(Count + other.Count, Docs.Length + Docs.Length / 4); // modest growth: these lists hold a whole ingest
            Array.Resize(ref Docs, n); Array.Resize(ref TitleTf, n); Array.Resize(ref AbstractTf, n);
        }
        Array.Copy(other.Docs, 0, Docs, Count, other.Count);
        Array.Copy(other.TitleTf, 0, TitleTf, Count, other.Count);
        Array.Copy(other.AbstractTf, 0, AbstractTf, Count, other.Count);
        Count += other.Count;
    }

    /// <summary>Appends a document (must be greater than the last one).</summary>
    public void Append(int doc, int titleTf, int abstractTf)
    {
        if (Count == Docs.Length)
        {
            var n = Count * 2;
            Array.Resize(ref Docs, n); Array.Resize(ref TitleTf, n); Array.Resize(ref AbstractTf, n);
        }
        Docs[Count] = doc;
        TitleTf[Count] = (ushort)Math.Min(titleTf, ushort.MaxValue);
        AbstractTf[Count] = (ushort)Math.Min(abstractTf, ushort.MaxValue);
        Count++;
    }

    /// <summary>Compact form: per document the gap to the previous one, then both frequencies, all as varints.</summary>
    public byte[] Encode()
    {
        var buf = new byte[Count * 6 + 8];
        var pos = 0; var last = 0;
        for (var i = 0; i < Count; i++)
        {
            pos = WriteVarint(buf, pos, (uint)(Docs[i] - last));
            pos = WriteVarint(buf, pos, TitleTf[i]);
            pos = WriteVarint(buf, pos, AbstractTf[i]);
            last = Docs[i];
        }
        return buf[..pos];
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; <paramref name="count"/> (the document frequency) sizes the arrays once.</summary>
    public static TermPostings Decode(ReadOnlySpan<byte> data, int count)
    {
        var p = new TermPostings(count);
        p.AppendEncoded(data);
        return p;
    }

    /// <summary>
    /// Appends what <see cref="Encode"/> wrote for documents after this list's last one: a term's postings stored as
    /// segments (each encoded on its own) are read into one list, segment after segment.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AppendEncoded(ReadOnlySpan<byte> data)
    {
        var docs = Docs; var titles = TitleTf; var abstracts = AbstractTf;
        int pos = 0, doc = 0, n = Count;
        while (pos < data.Length)
        {
            if (n == docs.Length)
            {
                Count = n;
                Append(0, 0, 0); // grows the arrays (a count that was too small)
                Count = n;
                docs = Docs; titles = TitleTf; abstracts = AbstractTf;
            }
            // Gaps and frequencies are almost always one byte: read that case inline.
            var b = data[pos++];
            doc += b < 0x80 ? b : (int)ReadVarintAfter(data, ref pos, b);
            b = data[pos++];
            var t = b < 0x80 ? b : ReadVarintAfter(data, ref pos, b);
            b = data[pos++];
            var a = b < 0x80 ? b : ReadVarintAfter(data, ref pos, b);
            docs[n] = doc;
            titles[n] = (ushort)Math.Min(t, ushort.MaxValue);
            abstracts[n] = (ushort)Math.Min(a, ushort.MaxValue);
            n++;
        }
        Count = n;
    }

    /// <summary>The rest of a varint whose first byte <paramref name="first"/> (with its continuation bit) was read.</summary>
    private static uint ReadVarintAfter(ReadOnlySpan<byte> data, ref int pos, byte first)
    {
        uint v = (uint)(first & 0x7f); var shift = 7;
        while (true)
        {
            var b = data[pos++];
            v |= (uint)(b & 0x7f) << shift;
            if (b < 0x80) return v;
            shift += 7;
        }
    }

    /// <summary>This list without <paramref name="removed"/> and with <paramref name="added"/> merged in, ascending.</summary>
    public TermPostings Merge(IReadOnlySet<int> removed, TermPostings added)
    {
        var result = new TermPostings(Count + added.Count);
        int i = 0, j = 0;
        while (i < Count || j < added.Count)
        {
            if (i < Count && removed.Contains(Docs[i])) { i++; continue; }
            if (j >= added.Count || (i < Count && Docs[i] < added.Docs[j])) { result.Append(Docs[i], TitleTf[i], AbstractTf[i]); i++; }
            else
            {
                if (i < Count && Docs[i] == added.Docs[j]) i++;
                result.Append(added.Docs[j], added.TitleTf[j], added.AbstractTf[j]); j++;
            }
        }
        return result;
    }

    private static int WriteVarint(byte[] buf, int pos, uint v)
    {
        while (v >= 0x80) { buf[pos++] = (byte)(v | 0x80); v >>= 7; }
        buf[pos++] = (byte)v;
        return pos;
    }
}
