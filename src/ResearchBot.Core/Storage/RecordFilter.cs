using System.Linq.Expressions;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// Translates the record filters our collection supports — comparisons of <see cref="PaperRecord.Date"/>
/// with values, joined by <c>&amp;&amp;</c> — into a day range, as a connector translates filters into its query language.
/// </summary>
internal static class RecordFilter
{
    public static DayRange ToDayRange(Expression<Func<PaperRecord, bool>>? filter)
    {
        if (filter is null) return DayRange.All;
        int? from = null, to = null;
        Visit(filter.Body, ref from, ref to);
        return new DayRange(from, to);
    }

    private static void Visit(Expression e, ref int? from, ref int? to)
    {
        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                Visit(and.Left, ref from, ref to);
                Visit(and.Right, ref from, ref to);
                return;
            case BinaryExpression b when IsDate(b.Left) && Value(b.Right) is { } v:
                Apply(b.NodeType, v, ref from, ref to);
                return;
            case BinaryExpression b when IsDate(b.Right) && Value(b.Left) is { } v:
                Apply(Flip(b.NodeType), v, ref from, ref to);
                return;
            case ConstantExpression { Value: true }:
                return;
        }
        throw new NotSupportedException($"unsupported filter '{e}': only comparisons of {nameof(PaperRecord.Date)} joined by && are supported");
    }

    private static void Apply(ExpressionType op, int day, ref int? from, ref int? to)
    {
        switch (op)
        {
            case ExpressionType.GreaterThanOrEqual: from = Math.Max(from ?? int.MinValue, day); break;
            case ExpressionType.GreaterThan: from = Math.Max(from ?? int.MinValue, day + 1); break;
            case ExpressionType.LessThanOrEqual: to = Math.Min(to ?? int.MaxValue, day); break;
            case ExpressionType.LessThan: to = Math.Min(to ?? int.MaxValue, day - 1); break;
            case ExpressionType.Equal: from = Math.Max(from ?? int.MinValue, day); to = Math.Min(to ?? int.MaxValue, day); break;
            default: throw new NotSupportedException($"unsupported date comparison '{op}'");
        }
    }

    private static ExpressionType Flip(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => op,
    };

    private static bool IsDate(Expression e) =>
        Unwrap(e) is MemberExpression { Member.Name: nameof(PaperRecord.Date), Expression: ParameterExpression };

    private static int? Value(Expression e)
    {
        var inner = Unwrap(e);
        if (inner is ParameterExpression) return null;
        var value = Expression.Lambda(inner).Compile().DynamicInvoke();
        return value switch
        {
            DateOnly d => d.DayNumber,
            DateTime dt => DateOnly.FromDateTime(dt).DayNumber,
            DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime).DayNumber,
            _ => null,
        };
    }

    private static Expression Unwrap(Expression e) => e switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } u => Unwrap(u.Operand),
        MemberExpression { Member.Name: "Value", Expression: MemberExpression { Member.Name: nameof(PaperRecord.Date) } inner } => inner,
        _ => e,
    };
}
