using System.Text;
using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>
/// Turns a <see cref="PaperFilter"/> into a parameterised SQLite <c>WHERE</c> condition over the <c>papers</c> table, and
/// sort keys into an <c>ORDER BY</c>, keeping C#'s semantics (a null field fails every comparison but <c>!=</c>; <c>!</c>
/// of such a comparison is true). Values never enter the SQL text.
/// </summary>
internal sealed class SqliteFilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<SqliteParameter> _parameters = [];

    private SqliteFilterSql() { }

    /// <summary>The condition and its parameters (named <c>$f0</c>, <c>$f1</c>, ...).</summary>
    public static (string Where, IReadOnlyList<SqliteParameter> Parameters) Where(PaperFilter filter)
    {
        var builder = new SqliteFilterSql();
        builder.Append(filter);
        return (builder._sql.ToString(), builder._parameters);
    }

    public static string OrderBy(IReadOnlyList<PaperSort> sort) =>
        string.Join(", ", sort.Select(s => Column(s.Field) + (s.Ascending ? " ASC" : " DESC")).Append("papers.doc"));

    private void Append(PaperFilter filter)
    {
        switch (filter)
        {
            case PaperFilter.Constant c:
                _sql.Append(c.Value ? "1" : "0");
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
                _sql.Append("), 0)");
                break;
            case PaperFilter.Comparison { Value: null } c:
                _sql.Append(Column(c.Field)).Append(c.Operator == FilterOperator.Equal ? " IS NULL" : " IS NOT NULL");
                break;
            case PaperFilter.Comparison c:
                _sql.Append(Column(c.Field)).Append(c.Operator switch
                {
                    FilterOperator.Equal => " = ",
                    FilterOperator.NotEqual => " IS NOT ", // true when the field is NULL, as C#'s != is
                    FilterOperator.LessThan => " < ",
                    FilterOperator.LessThanOrEqual => " <= ",
                    FilterOperator.GreaterThan => " > ",
                    _ => " >= ",
                }).Append(Parameter(c.Field, c.Value));
                break;
            case PaperFilter.ListContains l:
                _sql.Append("EXISTS (SELECT 1 FROM json_each(").Append(Column(l.Field)).Append(") WHERE json_each.value = ")
                    .Append(Parameter(l.Field, l.Value)).Append(')');
                break;
            case PaperFilter.In { Values.Count: 0 }:
                _sql.Append('0');
                break;
            case PaperFilter.In i:
                var values = i.Values.Where(v => v is not null).Distinct().ToList();
                _sql.Append('(').Append(Column(i.Field)).Append(" IN (").AppendJoin(", ", values.Select(v => Parameter(i.Field, v))).Append(')');
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
        var name = "$f" + _parameters.Count;
        _parameters.Add(new SqliteParameter(name, Value(field, value)));
        return name;
    }

    /// <summary>A field's value as the <c>papers</c> table stores it.</summary>
    private static object Value(string field, object? value) => (field, value) switch
    {
        (_, null) => DBNull.Value,
        (nameof(PaperRecord.Date), DateOnly d) => d.DayNumber,
        (nameof(PaperRecord.Published), DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        (nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), int n) => n,
        (nameof(PaperRecord.Date) or nameof(PaperRecord.Published) or nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), _) =>
            throw new NotSupportedException($"a {field} filter needs a {(field is nameof(PaperRecord.Date) or nameof(PaperRecord.Published) ? "DateOnly" : "int")} value, not {value.GetType().Name}"),
        (_, string s) => s,
        _ => throw new NotSupportedException($"a {field} filter needs a string value, not {value.GetType().Name}"),
    };

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
