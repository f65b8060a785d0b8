using System.Linq.Expressions;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

public class PaperFilterTranslatorTests
{
    private static readonly DateOnly From = new(2026, 11, 4), To = new(2026, 11, 6);

    private static PaperFilter Translate(Expression<Func<PaperRecord, bool>> filter) => PaperFilterTranslator.Translate(filter);

    [Fact]
    public void Date_comparisons_joined_by_and_are_a_day_range_for_the_ranker()
    {
        Assert.Equal<(int?, int?)?>((From.DayNumber, To.DayNumber), Translate(r => r.Date >= From && r.Date <= To).AsDayRange());
        Assert.Equal<(int?, int?)?>((From.DayNumber + 1, null), Translate(r => From < r.Date).AsDayRange());
        Assert.Equal<(int?, int?)?>((To.DayNumber, To.DayNumber), Translate(r => r.Date == To).AsDayRange());
        Assert.Equal<(int?, int?)?>((null, null), PaperFilterTranslator.Translate(null).AsDayRange());
    }

    [Fact]
    public void Anything_else_is_left_to_the_store()
    {
        Assert.Null(Translate(r => r.Date >= From || r.Date <= To).AsDayRange());
        Assert.Null(Translate(r => r.Date >= From && r.Upvotes > 3).AsDayRange());
        Assert.Null(Translate(r => r.Date != From).AsDayRange());
        Assert.Null(Translate(r => r.Published >= From).AsDayRange());
    }

    [Fact]
    public void Filters_become_provider_neutral_nodes_with_plain_values()
    {
        string[] ids = ["a", "b"];
        var minimum = 5;

        Assert.Equal(new PaperFilter.Comparison(nameof(PaperRecord.Upvotes), FilterOperator.LessThan, 5), Translate(r => minimum > r.Upvotes));
        Assert.Equal(new PaperFilter.Comparison(nameof(PaperRecord.Url), FilterOperator.Equal, null), Translate(r => r.Url == null));
        Assert.Equal(new PaperFilter.Comparison(nameof(PaperRecord.Published), FilterOperator.NotEqual, null), Translate(r => r.Published.HasValue));
        Assert.Equal(new PaperFilter.ListContains(nameof(PaperRecord.Authors), "Ada"), Translate(r => r.Authors.Contains("Ada")));
        var @in = Assert.IsType<PaperFilter.In>(Translate(r => ids.Contains(r.Id)));
        Assert.Equal<object?>(["a", "b"], @in.Values);
        Assert.IsType<PaperFilter.Not>(Translate(r => !(r.Upvotes > 3 || r.Title == "x")));
    }

    [Fact]
    public void Unsupported_expressions_say_what_is_supported()
    {
        var error = Assert.Throws<NotSupportedException>(() => Translate(r => r.Title.StartsWith("Alpha")));
        Assert.Contains("unsupported filter", error.Message);
        Assert.Contains("Contains on a list field or a captured array", error.Message);
        Assert.Throws<NotSupportedException>(() => PaperFilterTranslator.TranslateOrder([((Expression<Func<PaperRecord, object?>>)(r => r.Authors), true)]));
    }
}
