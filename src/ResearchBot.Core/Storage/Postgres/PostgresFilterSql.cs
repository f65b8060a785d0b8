using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace ResearchBot.Storage.Postgres;

/// <summary>
/// Turns a <see cref="PaperFilter"/> into a parameterised PostgreSQL <c>WHERE</c> condition over the <c>papers</c> table, and
/// sort keys into an <c>ORDER BY</c>, with the same semantics as <see cref="SqliteFilterSql"/>: C#'s null rules (a null field
/// fails every comparison but <c>!=</c>; <c>!</c> of such a comparison is true), <c>Contains</c> on the JSON list fields,
/// ordinal text order (<c>COLLATE "C"</c>, whatever the database's locale) and nulls first when ascending, as LINQ sorts
/// them. Values never enter the SQL text.
/// </summary>
internal sealed class PostgresFilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<NpgsqlParameter> _parameters = [];

    private PostgresFilterSql() { }

    /// <summary>The condition and its parameters (named <c>@f0</c>, <c>@f1</c>, ...).</summary>
    public static (string Where, IReadOnlyList<NpgsqlParameter> Parameters) Where(PaperFilter filter)
    {
        var builder = new PostgresFilterSql();
        builder.Append(filter);
        return (builder._sql.ToString(), builder._parameters);
    }

    /// <summary>The sort keys, then the document number (so pages are stable).</summary>
    public static string OrderBy(IReadOnlyList<PaperSort> sort) =>
        string.Join(", ", sort.Select(s => Ordered(s.Field) + (s.Ascending ? " ASC NULLS FIRST" : " DESC NULLS LAST")).Append("papers.doc"));

    private void Append(PaperFilter filter)
    {
        switch (filter)
        {
            case PaperFilter.Constant c:
                _sql.Append(c.Value ? "TRUE" : "FALSE");
                break;
            case PaperFilter.And a:
                Binary(a.Left, " AND ", a.Right);
                break;
            case PaperFilter.Or o:
                Binary(o.Left, " OR ", o.Right);
                break;
            case PaperFilter.Not n:
                // SQL's unknown (a comparison with NULL) is C#'s false: settle it before negating.
                _sql.Append("NOT COALESCE((");
                Append(n.Operand);
                _sql.Append("), FALSE)");
                break;
            case PaperFilter.Comparison { Value: null } c:
                _sql.Append(Column(c.Field)).Append(c.Operator == FilterOperator.Equal ? " IS NULL" : " IS NOT NULL");
                break;
            case PaperFilter.Comparison c:
                _sql.Append(Ordered(c.Field)).Append(c.Operator switch
                {
                    FilterOperator.Equal => " = ",
                    FilterOperator.NotEqual => " IS DISTINCT FROM ", // true when the field is NULL, as C#'s != is
                    FilterOperator.LessThan => " < ",
                    FilterOperator.LessThanOrEqual => " <= ",
                    FilterOperator.GreaterThan => " > ",
                    _ => " >= ",
                }).Append(Parameter(c.Field, c.Value));
                break;
            case PaperFilter.ListContains l:
                // The list fields hold JSON arrays of strings: containment of a one-element array is membership.
                _sql.Append('(').Append(ListColumn(l.Field)).Append("::jsonb @> jsonb_build_array(").Append(Parameter(l.Field, l.Value)).Append("::text))");
                break;
            case PaperFilter.In i:
                var values = i.Values.Where(v => v is not null).Distinct().ToList();
                _sql.Append('(').Append(Ordered(i.Field)).Append(" = ANY(").Append(ArrayParameter(i.Field, values)).Append(')');
                if (i.Values.Contains(null)) _sql.Append(" OR ").Append(Column(i.Field)).Append(" IS NULL");
                _sql.Append(')');
                break;
            default:
                throw new NotSupportedException($"unsupported filter node {filter.GetType().Name}");
        }
    }

    private void Binary(PaperFilter left, string op, PaperFilter right)
    {
        _sql.Append('(');
        Append(left);
        _sql.Append(op);
        Append(right);
        _sql.Append(')');
    }

    private string Parameter(string field, object? value)
    {
        var name = "f" + _parameters.Count;
        _parameters.Add(new NpgsqlParameter(name, Type(field)) { Value = Value(field, value) });
        return "@" + name;
    }

    private string ArrayParameter(string field, List<object?> values)
    {
        var name = "f" + _parameters.Count;
        Array array = Type(field) switch
        {
            NpgsqlDbType.Integer => values.Select(v => (int)Value(field, v)).ToArray(),
            NpgsqlDbType.Date => values.Select(v => (DateOnly)Value(field, v)).ToArray(),
            _ => values.Select(v => (string)Value(field, v)).ToArray(),
        };
        _parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | Type(field)) { Value = array });
        return "@" + name;
    }

    /// <summary>A field's value as the <c>papers</c> table stores it.</summary>
    private static object Value(string field, object? value) => (field, value) switch
    {
        (_, null) => DBNull.Value,
        (nameof(PaperRecord.Date), DateOnly d) => d.DayNumber,
        (nameof(PaperRecord.Published), DateOnly d) => d,
        (nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), int n) => n,
        (nameof(PaperRecord.Date) or nameof(PaperRecord.Published) or nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), _) =>
            throw new NotSupportedException($"a {field} filter needs a {(field is nameof(PaperRecord.Date) or nameof(PaperRecord.Published) ? "DateOnly" : "int")} value, not {value.GetType().Name}"),
        (_, string s) => s,
        _ => throw new NotSupportedException($"a {field} filter needs a string value, not {value.GetType().Name}"),
    };

    /// <summary>The column type a field's values are compared as (the list fields: their elements).</summary>
    private static NpgsqlDbType Type(string field) => field switch
    {
        nameof(PaperRecord.Date) or nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes) => NpgsqlDbType.Integer,
        nameof(PaperRecord.Published) => NpgsqlDbType.Date,
        _ => NpgsqlDbType.Text,
    };

    /// <summary>The column, with ordinal collation for text (what SQLite's BINARY and C#'s ordinal comparisons do).</summary>
    private static string Ordered(string field) => Type(field) == NpgsqlDbType.Text ? Column(field) + " COLLATE \"C\"" : Column(field);

    private static string ListColumn(string field) => field is nameof(PaperRecord.Authors) or nameof(PaperRecord.AiKeywords)
        ? Column(field)
        : throw new NotSupportedException($"{field} is not a list field of {nameof(PaperRecord)}");

    private static string Column(string field) => field switch
    {
        nameof(PaperRecord.Id) => "papers.id",
        nameof(PaperRecord.Title) => "papers.title",
        nameof(PaperRecord.Abstract) => "papers.abstract",
        nameof(PaperRecord.Date) => "papers.date",
        nameof(PaperRecord.Published) => "papers.published",
        nameof(PaperRecord.Authors) => "papers.authors",
        nameof(PaperRecord.AuthorCount) => "papers.author_count",
        nameof(PaperRecord.Upvotes) => "papers.upvotes",
        nameof(PaperRecord.Url) => "papers.url",
        nameof(PaperRecord.AiSummary) => "papers.ai_summary",
        nameof(PaperRecord.AiKeywords) => "papers.ai_keywords",
        _ => throw new NotSupportedException($"{field} is not a stored field of {nameof(PaperRecord)}"),
    };
}
