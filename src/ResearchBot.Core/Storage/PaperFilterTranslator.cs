using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace ResearchBot.Storage;

/// <summary>
/// Translates a VectorData record filter (a LINQ expression over <see cref="PaperRecord"/>) into a provider-neutral
/// <see cref="PaperFilter"/>, as a connector's filter translator does. Supported, on every mapped field (the key and
/// the data fields): <c>== != &lt; &lt;= &gt; &gt;=</c> against a value, <c>&amp;&amp; || !</c>, null checks (<c>== null</c>,
/// <c>HasValue</c>), <c>Contains</c> on a list field (<c>r.Authors.Contains(x)</c>) and on a captured array or list
/// (<c>ids.Contains(r.Id)</c>). Anything else throws <see cref="NotSupportedException"/> naming the part it cannot translate.
/// </summary>
public static class PaperFilterTranslator
{
    private enum Kind { Text, Date, Int, TextList }

    /// <summary>The filterable fields and their kinds, by <see cref="PaperRecord"/> property name.</summary>
    private static readonly Dictionary<string, Kind> Fields = new(StringComparer.Ordinal)
    {
        [nameof(PaperRecord.Id)] = Kind.Text,
        [nameof(PaperRecord.Title)] = Kind.Text,
        [nameof(PaperRecord.Abstract)] = Kind.Text,
        [nameof(PaperRecord.Date)] = Kind.Date,
        [nameof(PaperRecord.Published)] = Kind.Date,
        [nameof(PaperRecord.Authors)] = Kind.TextList,
        [nameof(PaperRecord.AuthorCount)] = Kind.Int,
        [nameof(PaperRecord.Upvotes)] = Kind.Int,
        [nameof(PaperRecord.Url)] = Kind.Text,
        [nameof(PaperRecord.AiSummary)] = Kind.Text,
        [nameof(PaperRecord.AiKeywords)] = Kind.TextList,
    };

    public static PaperFilter Translate(Expression<Func<PaperRecord, bool>>? filter) =>
        filter is null ? PaperFilter.All : Visit(filter.Body);

    /// <summary>The sort keys of a filtered get (ascending or descending on any scalar data field or the key).</summary>
    public static IReadOnlyList<PaperSort> TranslateOrder(IEnumerable<(LambdaExpression Selector, bool Ascending)> keys) =>
        [.. keys.Select(k => Unwrap(k.Selector.Body) is MemberExpression { Expression: ParameterExpression } m && Fields.TryGetValue(m.Member.Name, out var kind) && kind != Kind.TextList
            ? new PaperSort(m.Member.Name, k.Ascending)
            : throw new NotSupportedException($"unsupported sort key '{k.Selector}': sort by a scalar field of {nameof(PaperRecord)} (not a list, the vector or an unmapped property)"))];

    private static PaperFilter Visit(Expression e)
    {
        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } b:
                return new PaperFilter.And(Visit(b.Left), Visit(b.Right));
            case BinaryExpression { NodeType: ExpressionType.OrElse } b:
                return new PaperFilter.Or(Visit(b.Left), Visit(b.Right));
            case UnaryExpression { NodeType: ExpressionType.Not } u when u.Type == typeof(bool):
                return new PaperFilter.Not(Visit(u.Operand));
            case BinaryExpression b when Operator(b.NodeType) is { } op:
                return Comparison(b, op);
            case ConstantExpression { Value: bool value }:
                return new PaperFilter.Constant(value);
            case MemberExpression { Member.Name: "HasValue", Expression: { } inner } when Field(inner) is { } field:
                return new PaperFilter.Comparison(field, FilterOperator.NotEqual, null);
            case MethodCallExpression call when call.Method.Name == "Contains":
                return Contains(call);
            case not null when !References(e):
                return new PaperFilter.Constant(Evaluate(e) is true);
        }
        throw Unsupported(e!);
    }

    private static PaperFilter Comparison(BinaryExpression b, FilterOperator op)
    {
        var (field, valueSide, flipped) = Field(b.Left) is { } left ? (left, b.Right, false)
            : Field(b.Right) is { } right ? (right, b.Left, true)
            : throw Unsupported(b);
        if (References(valueSide)) throw Unsupported(b);
        if (Fields[field] == Kind.TextList) throw Unsupported(b);
        if (flipped) op = Flip(op);
        var value = Normalize(Evaluate(valueSide), b);
        // C#: an ordering comparison with null is false whatever the field holds.
        if (value is null && op is not (FilterOperator.Equal or FilterOperator.NotEqual)) return new PaperFilter.Constant(false);
        return new PaperFilter.Comparison(field, op, value);
    }

    private static PaperFilter Contains(MethodCallExpression call)
    {
        // list.Contains(x) as an instance call (List<T>, HashSet<T>, ...), or Enumerable/MemoryExtensions.Contains(source, x).
        Expression source, item;
        if (call.Object is { } target && call.Arguments.Count == 1 && target.Type != typeof(string)) (source, item) = (target, call.Arguments[0]);
        else if (call.Object is null && (call.Arguments.Count == 2 || call.Arguments is [_, _, ConstantExpression { Value: null }]) // no comparer, or the default one
                 && (call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(MemoryExtensions)))
            (source, item) = (call.Arguments[0], call.Arguments[1]);
        else throw Unsupported(call); // string.Contains (substring search) included: no SK connector's filter does it either
        source = UnwrapSpan(source);
        if (Field(source) is { } list && Fields[list] == Kind.TextList && !References(item))
            return Evaluate(item) is { } v ? new PaperFilter.ListContains(list, Normalize(v, call)!) : new PaperFilter.Constant(false);
        if (Field(item) is { } scalar && Fields[scalar] != Kind.TextList && !References(source))
        {
            if (Evaluate(source) is not IEnumerable values) return new PaperFilter.Constant(false);
            return new PaperFilter.In(scalar, [.. values.Cast<object?>().Select(v => Normalize(v, call))]);
        }
        throw Unsupported(call);
    }

    /// <summary>The mapped field an expression reads (through conversions and <c>Nullable.Value</c>), else null.</summary>
    private static string? Field(Expression e) =>
        Unwrap(e) is MemberExpression { Expression: ParameterExpression, Member: PropertyInfo p } && Fields.ContainsKey(p.Name) ? p.Name : null;

    private static Expression Unwrap(Expression e) => e switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u => Unwrap(u.Operand),
        MemberExpression { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null => Unwrap(inner),
        _ => e,
    };

    /// <summary>C# 14 binds <c>array.Contains(x)</c> to <c>MemoryExtensions.Contains(ReadOnlySpan)</c> through an implicit conversion: see through it.</summary>
    private static Expression UnwrapSpan(Expression e) => e switch
    {
        MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var inner] } => UnwrapSpan(inner),
        UnaryExpression { NodeType: ExpressionType.Convert } u when u.Type.Name.StartsWith("ReadOnlySpan", StringComparison.Ordinal) || u.Type.Name.StartsWith("Span", StringComparison.Ordinal) => UnwrapSpan(u.Operand),
        _ => e,
    };

    private static object? Normalize(object? value, Expression context) => value switch
    {
        null or string or int or DateOnly => value,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
        long or short or byte => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        char c => c.ToString(),
        _ => throw new NotSupportedException($"unsupported value '{value}' of type {value.GetType().Name} in filter '{context}'"),
    };

    private static object? Evaluate(Expression e) => e switch
    {
        ConstantExpression c => c.Value,
        _ => Expression.Lambda(e).Compile(preferInterpretation: true).DynamicInvoke(),
    };

    private static bool References(Expression e)
    {
        var finder = new ParameterFinder();
        finder.Visit(e);
        return finder.Found;
    }

    private static FilterOperator? Operator(ExpressionType t) => t switch
    {
        ExpressionType.Equal => FilterOperator.Equal,
        ExpressionType.NotEqual => FilterOperator.NotEqual,
        ExpressionType.LessThan => FilterOperator.LessThan,
        ExpressionType.LessThanOrEqual => FilterOperator.LessThanOrEqual,
        ExpressionType.GreaterThan => FilterOperator.GreaterThan,
        ExpressionType.GreaterThanOrEqual => FilterOperator.GreaterThanOrEqual,
        _ => null,
    };

    private static FilterOperator Flip(FilterOperator op) => op switch
    {
        FilterOperator.LessThan => FilterOperator.GreaterThan,
        FilterOperator.LessThanOrEqual => FilterOperator.GreaterThanOrEqual,
        FilterOperator.GreaterThan => FilterOperator.LessThan,
        FilterOperator.GreaterThanOrEqual => FilterOperator.LessThanOrEqual,
        _ => op,
    };

    private static NotSupportedException Unsupported(Expression e) => new(
        $"unsupported filter '{e}' ({e.NodeType}): filters compare {nameof(PaperRecord)}'s key or data fields with values " +
        "(==, !=, <, <=, >, >=, null checks), join them with &&, || and !, or use Contains on a list field or a captured array");

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found = true;
            return node;
        }
    }
}
