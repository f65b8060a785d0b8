using System.Text;

namespace ResearchBot.Storage;

/// <summary>
/// Turns a <see cref="PaperFilter"/> into a parameterised SQL <c>WHERE</c> condition over the <c>papers</c> table, and sort
/// keys into an <c>ORDER BY</c>, keeping C#'s semantics whatever the database: a null field fails every comparison but
/// <c>!=</c>, <c>!</c> of such a comparison is true, text compares ordinally and nulls sort first when ascending, as LINQ
/// does. Values never enter the SQL text. Each provider supplies its dialect: literals, parameters, list membership and
/// how a column compares.
/// </summary>
internal abstract class PaperFilterSql<TParameter>
{
    private readonly StringBuilder _sql = new();

    /// <summary>The parameters of the condition built so far.</summary>
    protected List<TParameter> Parameters { get; } = [];

    /// <summary>The condition (see <see cref="PaperFilterSql{TParameter}"/>) and its parameters.</summary>
    protected (string Where, IReadOnlyList<TParameter> Parameters) Condition(PaperFilter filter)
    {
        Append(filter);
        return (_sql.ToString(), Parameters);
    }

    /// <summary>The sort keys, then the document number (so pages are stable).</summary>
    protected string Ordering(IReadOnlyList<PaperSort> sort) =>
        string.Join(", ", sort.Select(s => Compared(s.Field) + (s.Ascending ? AscendingNullsFirst : DescendingNullsLast)).Append("papers.doc"));

    /// <summary>The dialect's boolean literals.</summary>
    protected abstract string True { get; }

    protected abstract string False { get; }

    /// <summary>The operator for C#'s <c>!=</c>: true when the field is NULL and the value is not.</summary>
    protected abstract string NotEqual { get; }

    /// <summary>Sort direction suffixes that put nulls first when ascending and last when descending.</summary>
    protected abstract string AscendingNullsFirst { get; }

    protected abstract string DescendingNullsLast { get; }

    /// <summary>A new parameter for a value of <paramref name="field"/> (already in the stored form); returns how the SQL names it.</summary>
    protected abstract string Parameter(string field, object value);

    /// <summary>The SQL that is true when the JSON list column of <paramref name="field"/> holds <paramref name="value"/>.</summary>
    protected abstract string ListContains(string column, string field, object value);

    /// <summary>The SQL that is true when the field is one of <paramref name="values"/> (distinct, not null, in the stored form).</summary>
    protected abstract string OneOf(string field, IReadOnlyList<object> values);

    /// <summary>The column as it compares and sorts (ordinally for text); by default the column itself.</summary>
    protected virtual string Compared(string field) => Column(field);

    /// <summary><see cref="PaperRecord.Published"/> as the table stores it.</summary>
    protected abstract object Published(DateOnly day);

    private void Append(PaperFilter filter)
    {
        switch (filter)
        {
            case PaperFilter.Constant c:
                _sql.Append(c.Value ? True : False);
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
                _sql.Append("), ").Append(False).Append(')');
                break;
            case PaperFilter.Comparison { Value: null } c:
                _sql.Append(Column(c.Field)).Append(c.Operator == FilterOperator.Equal ? " IS NULL" : " IS NOT NULL");
                break;
            case PaperFilter.Comparison c:
                _sql.Append(Compared(c.Field)).Append(c.Operator switch
                {
                    FilterOperator.Equal => " = ",
                    FilterOperator.NotEqual => NotEqual,
                    FilterOperator.LessThan => " < ",
                    FilterOperator.LessThanOrEqual => " <= ",
                    FilterOperator.GreaterThan => " > ",
                    _ => " >= ",
                }).Append(Parameter(c.Field, Value(c.Field, c.Value)));
                break;
            case PaperFilter.ListContains l:
                var list = l.Field is nameof(PaperRecord.Authors) or nameof(PaperRecord.AiKeywords)
                    ? Column(l.Field) : throw new NotSupportedException($"{l.Field} is not a list field of {nameof(PaperRecord)}");
                _sql.Append(ListContains(list, l.Field, Value(l.Field, l.Value)));
                break;
            case PaperFilter.In { Values.Count: 0 }:
                _sql.Append(False);
                break;
            case PaperFilter.In i:
                var values = i.Values.Where(v => v is not null).Distinct().Select(v => Value(i.Field, v)).ToList();
                _sql.Append('(').Append(OneOf(i.Field, values));
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

    /// <summary>A field's value as the <c>papers</c> table stores it.</summary>
    private object Value(string field, object? value) => (field, value) switch
    {
        (_, null) => DBNull.Value,
        (nameof(PaperRecord.Date), DateOnly d) => d.DayNumber,
        (nameof(PaperRecord.Published), DateOnly d) => Published(d),
        (nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), int n) => n,
        (nameof(PaperRecord.Date) or nameof(PaperRecord.Published) or nameof(PaperRecord.AuthorCount) or nameof(PaperRecord.Upvotes), _) =>
            throw new NotSupportedException($"a {field} filter needs a {(field is nameof(PaperRecord.Date) or nameof(PaperRecord.Published) ? "DateOnly" : "int")} value, not {value.GetType().Name}"),
        (_, string s) => s,
        _ => throw new NotSupportedException($"a {field} filter needs a string value, not {value.GetType().Name}"),
    };

    /// <summary>The <c>papers</c> column of a <see cref="PaperRecord"/> field.</summary>
    protected static string Column(string field) => field switch
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
