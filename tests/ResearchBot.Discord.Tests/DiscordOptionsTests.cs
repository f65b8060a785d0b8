using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ResearchBot.Discord.Tests;

public class DiscordOptionsTests
{
    private static DiscordOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddDiscordBot(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }

    [Fact]
    public void Every_key_binds_from_the_Discord_section()
    {
        var options = Bind(new()
        {
            ["Discord:Token"] = "t", ["Discord:ApiBaseUrl"] = "http://localhost:1/api/v10", ["Discord:GatewayUrl"] = "ws://localhost:2",
            ["Discord:GuildId"] = "12", ["Discord:DigestChannelId"] = "34", ["Discord:DigestCron"] = "30 7 * * 1-5",
            ["Discord:DigestTimeZone"] = "Europe/Paris", ["Discord:MaxQuestionLength"] = "500", ["Discord:UserCooldown"] = "00:00:30",
            ["Discord:MaxAnswersInFlightPerChannel"] = "3", ["Discord:ShutdownGrace"] = "00:00:45", ["Discord:StreamEditInterval"] = "00:00:02",
            ["Discord:MaxHistoryTurns"] = "6",
        });

        Assert.Equal(("t", "http://localhost:1/api/v10", "ws://localhost:2", 12UL, 34UL), (options.Token, options.ApiBaseUrl, options.GatewayUrl, options.GuildId, options.DigestChannelId));
        Assert.Equal(("30 7 * * 1-5", "Europe/Paris", 500, 3, 6), (options.DigestCron, options.DigestTimeZone, options.MaxQuestionLength, options.MaxAnswersInFlightPerChannel, options.MaxHistoryTurns));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(2)), (options.UserCooldown, options.ShutdownGrace, options.StreamEditInterval));
    }

    [Fact]
    public void Defaults_point_at_discord()
    {
        var options = Bind([]);

        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
        Assert.Null(options.GatewayUrl);
        Assert.Null(options.GuildId);
    }

    [Fact]
    public void A_bad_cron_or_time_zone_fails_validation_with_the_key_named()
    {
        var result = new DiscordOptionsValidator().Validate(null,
            new DiscordOptions { DigestChannelId = 1, DigestCron = "every morning", DigestTimeZone = "Mars/Olympus", GatewayUrl = "http://x" });

        Assert.True(result.Failed);
        Assert.Contains("Discord:DigestCron", result.FailureMessage);
        Assert.Contains("Discord:DigestTimeZone", result.FailureMessage);
        Assert.Contains("Discord:GatewayUrl", result.FailureMessage);
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions()).Succeeded);
    }
}
