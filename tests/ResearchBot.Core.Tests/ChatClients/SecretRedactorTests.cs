using ResearchBot.ChatClients;

namespace ResearchBot.Core.Tests.ChatClients;

public sealed class SecretRedactorTests
{
    private const string Key = "sk-proj-Zq81xVv0Lw3TtBn7Ks9";

    [Theory]
    [InlineData("key sk-proj-Zq81xVv0Lw3TtBn7Ks9 is wrong", "key [redacted] is wrong")]
    [InlineData("key 'sk-proj-Zq81xVv0Lw3TtBn7Ks9'.", "key '[redacted]'.")]
    [InlineData("key sk-proj-Zq81****Bn7Ks9 is wrong", "key [redacted] is wrong")]
    [InlineData("key ****************xVv0Lw3TtBn7 is wrong", "key [redacted] is wrong")]
    [InlineData("nothing secret here: sk-proj-other", "nothing secret here: sk-proj-other")]
    public void Removes_the_key_and_partly_masked_echoes(string text, string expected)
    {
        var redactor = new SecretRedactor(Key);

        Assert.Equal(expected, redactor.Redact(text));
        Assert.Equal(text != expected, redactor.Leaks(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_key_nothing_changes(string? key) =>
        Assert.Equal("HTTP 401 Bearer abc", new SecretRedactor(key).Redact("HTTP 401 Bearer abc"));
}
